import { Command } from 'commander';
import type { Context } from '../context.js';
import { helpAfter } from './help.js';

const action = () => import('./exercises-action.js');

export function exercisesCommand(ctx: Context): Command {
  return new Command('exercises')
    .description('list the drills in the library, or show one in full')
    .argument('[id]', 'the drill to show')
    .option('--json', 'print JSON instead of text')
    .addHelpText(
      'after',
      helpAfter(
        [
          ['itb exercises', 'every drill, with its id and body region'],
          ['itb exercises clamshells', 'steps, dose and cues of one drill, and how it went for you'],
          ['itb exercises --json', 'the whole list as JSON (shape below)'],
        ],
        `With --json, prints [drill], or with an ID that drill alone (not in a list), as the library holds it:
  drill: { id, name, region, category, steps: [text],
    dose: { sets?, reps?, holdSeconds?, perSide },
    side ("painful" | "opposite" | "both" | "none"), loading,
    equipment: [text], cues: [text], video?, source? }`,
      ),
    )
    // A drill's name typed without quotes (`itb exercises lateral ankle tilts`) reaches the action
    // as one text, which says what the drill's id is.
    .allowExcessArguments()
    .action(async (id: string | undefined, options: { json?: boolean }, command: Command) =>
      (await action()).showExercises(ctx, command.args.length > 1 ? command.args.join(' ') : id, options, command),
    );
}
