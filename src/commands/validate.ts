import { Command } from 'commander';
import type { Context } from '../context.js';
import { helpAfter } from './help.js';

const action = () => import('./validate-action.js');

export function validateCommand(ctx: Context): Command {
  return new Command('validate')
    .description('check an exercise library file and report every problem with its line and column')
    .argument('[file]', 'the YAML library file to check (default: the one --data or ITB_DATA names)')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      helpAfter(
        [
          ['itb validate my-library.yaml', 'check a library before using it with --data'],
          ['itb --data my-library.yaml session', 'then run a session with it'],
        ],
        `Problems are printed on stdout, one a line, as
  FILE:LINE:COL  path.to.field  message
Their count goes to stderr, and the exit code is 2 when there is any. The first 50 are listed: fix them and check again for the rest. Warnings (a "#" after a space, and the text after it, which YAML reads as a comment and leaves out) are printed among them, each message starting with "warning:"; warnings alone leave the exit code 0.

With --json, prints:
  { file, valid, exercises?, routines?,
    problems: [problem], warnings: [problem],
    more?, moreWarnings?, notes? }
  problem: { line, col, path, message }
  notes: for a valid file, what the text says on stderr beside the check (a file with no routines; a tested drill whose id the file changed)
  more: true when the file has more problems than those listed
  moreWarnings: true when a valid file has more warnings than those listed`,
      ),
    )
    .action(async (file: string | undefined, options: { json?: boolean }, command: Command) => (await action()).validateLibrary(ctx, file, options, command));
}
