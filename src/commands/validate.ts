import { Command } from 'commander';
import type { Context } from '../context.js';
import { examples } from './help.js';

const action = () => import('./validate-action.js');

export function validateCommand(ctx: Context): Command {
  return new Command('validate')
    .description('check an exercise library file and report every problem with its line and column')
    .argument('<file>', 'the YAML library file to check')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      examples(
        ['itb validate my-library.yaml', 'check a library before using it with --data'],
        ['itb --data my-library.yaml session', 'then run a session with it'],
      ) +
        '\nProblems are printed as FILE:LINE:COL  path.to.field  message, one a line;\n' +
        'the exit code is 2 when there is any.\n',
    )
    .action(async (file: string, options: { json?: boolean }, command: Command) => (await action()).validateLibrary(ctx, file, options, command));
}
