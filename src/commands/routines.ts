import { Command } from 'commander';
import type { Context } from '../context.js';
import { helpAfter } from './help.js';

const action = () => import('./routines-action.js');

export function routinesCommand(ctx: Context): Command {
  return new Command('routines')
    .description('list the routines in the library, with their drills in order')
    .option('--json', 'print JSON instead of text')
    .addHelpText(
      'after',
      helpAfter(
        [
          ['itb routines', 'every routine and its drills'],
          ['itb routines --json', 'the same as JSON (shape below)'],
          ['itb session joint-chain', 'run one of them'],
        ],
        `With --json, prints [routine]: the library's, as it holds them, then the
built-in rehab and retest (the ids \`itb session\` also takes):
  routine: { id, name, description, exercises: [drill id, in order],
    cues: [cue id], source?, builtIn }
builtIn is true for rehab and retest alone; their exercises are the drills of
this library they hold today (rehab: your rehab bucket; retest: drills set
aside whose re-test date has come), either may be [], and their cues are [].`,
      ),
    )
    // A routine named after `routines` reaches the action, which says what was meant.
    .allowExcessArguments()
    .action(async (options: { json?: boolean }, command: Command) => (await action()).showRoutines(ctx, options, command));
}
