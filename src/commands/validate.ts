import { Command } from 'commander';
import type { Context } from '../context.js';
import { examples, paint, printJson } from './shared.js';

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
        '\nProblems are printed as FILE:LINE:COL  path.to.field  message, one a line; the exit code is 2\nwhen there is any.\n',
    )
    .action(async (file: string, options: { json?: boolean }, command: Command) => {
      const { loadLibraryFile, LibraryError } = await import('../library/load.js');
      try {
        const library = loadLibraryFile(file);
        const summary = { file, valid: true, exercises: library.exercises.length, routines: library.routines.length, problems: [] };
        if (options.json) return printJson(ctx, summary);
        const colour = paint(ctx, command);
        const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
        ctx.stdout.write(`${colour.green('✓')} ${file}: ${count(summary.exercises, 'drill')}, ${count(summary.routines, 'routine')}, no problems\n`);
      } catch (error) {
        if (options.json && error instanceof LibraryError) {
          printJson(ctx, { file, valid: false, problems: error.problems });
        }
        throw error;
      }
    });
}
