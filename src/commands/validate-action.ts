// What `itb validate` does (declared in validate.ts).
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { shownSafely } from '../core/text.js';
import { UserError } from '../errors.js';
import { LibraryError, loadLibraryFile } from '../library/load.js';
import { paint, printJson } from './shared.js';

export async function validateLibrary(ctx: Context, file: string, options: { json?: boolean }, command: Command) {
  try {
    const library = loadLibraryFile(file);
    const summary = { file, valid: true, exercises: library.exercises.length, routines: library.routines.length, problems: [] };
    if (options.json) return printJson(ctx, summary);
    const colour = paint(ctx, command);
    const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
    ctx.stdout.write(`${colour.green('✓')} ${file}: ${count(summary.exercises, 'drill')}, ${count(summary.routines, 'routine')}, no problems\n`);
  } catch (error) {
    if (!(error instanceof LibraryError)) throw error;
    // The problems are what was asked for, so they go to stdout (`itb validate f.yaml > todo.txt`);
    // the count and what to do next stay on stderr.
    if (options.json) printJson(ctx, { file, valid: false, problems: error.problems, ...(error.more ? { more: true } : {}) });
    else ctx.stdout.write(error.details.map((line) => `${shownSafely(line)}\n`).join(''));
    throw new UserError(error.message, error.hint, error.exitCode);
  }
}
