import { Command } from 'commander';
import { painfulSides, sideNamed, symptomNamed, symptoms } from '../core/terms.js';
import { oneLineProblem } from '../core/text.js';
import { movementText } from '../core/settings.js';
import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { choiceOption, helpAfter } from './help.js';

export interface SessionOptions {
  side?: (typeof painfulSides)[number];
  symptom?: (typeof symptoms)[number];
  movement?: string;
  timer: boolean;
}

export function sessionCommand(ctx: Context): Command {
  return new Command('session')
    .description('rate your symptom, do one drill, rate again: find out which drills help you now')
    .argument('[routine]', 'the routine to run (see `itb routines`), or `rehab` / `retest`')
    .addOption(choiceOption('--side <side>', 'your painful side', painfulSides, { read: sideNamed }))
    .addOption(choiceOption('--symptom <symptom>', 'what you rate', symptoms, { read: symptomNamed }))
    .option('--movement <text>', 'the test movement you rate your symptom during, in your words or by its id in `itb routines`')
    .option('--no-timer', 'no countdown for timed holds')
    .addHelpText(
      'after',
      helpAfter(
        [
          ['itb session', 'choose a routine and go'],
          ['itb session joint-chain', 'the five-drill chain from the feet upward'],
          ['itb session rehab --side left --symptom pain --movement "step-down"', 'your rehab drills, no setup questions'],
          ['itb session balance --side both --movement "step-down on the left leg"', 'both sides painful: the leg you test on named too'],
          ['itb session retest', 'try again the drills set aside earlier, once they are due'],
        ],
        'How it works: rate your symptom (0 = none, 10 = worst imaginable) while doing the test movement, do one drill, then rate again. ' +
          'A drill that lowers your score goes into your rehab bucket. One that does not gets one more careful try (check your form, slower, ' +
          'smaller range): if that lowers it, it goes into rehab too; if not, it is set aside for now. If your score jumps up, the drill stops at once: that is a flare-up, and a session started later ' +
          'the same day first reminds you to rest and asks whether to go on. Every answer is saved as you go; Ctrl-C keeps what ' +
          'you have done so far, and the same routine started again that day offers to go on where you left it. Needs a terminal.',
      ),
    )
    // A routine's name typed without quotes (`itb session joint chain`) reaches the action as one
    // text, which says what the routine's id is.
    .allowExcessArguments()
    .action(async (routineWord: string | undefined, options: SessionOptions, command: Command) => {
      const routine = command.args.length > 1 ? command.args.join(' ') : routineWord;
      if (options.movement !== undefined && movementText(options.movement) === undefined) {
        const inMovement = oneLineProblem(options.movement.trim());
        if (inMovement) throw new UserError(`--movement holds ${inMovement}: describe the movement as plain text on one line`);
        throw new UserError('--movement needs a short description of the test movement (1 to 200 characters)');
      }
      const { runSession } = await import('./session-action.js');
      await runSession(ctx, command, routine, options);
    });
}
