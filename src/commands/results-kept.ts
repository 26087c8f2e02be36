// What a command stopped by a slip in the library file in use adds for a person who has results
// (see libraryOrStop in shared.ts, which loads this module only then).
import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { withVariable } from '../shell-word.js';
import { LibraryError } from '../library/load.js';
import { readSummary } from '../store/summary-file.js';
import type { Meanwhile } from './shared.js';

/**
 * The error of a library file with a slip in it, with what a person who has results (a session or
 * a move) may fear for and want meanwhile: they are kept, and `meanwhile` does its work with the
 * built-in library (`itb`: itb as typed, see itbAsTyped). Any other error, or one with no results
 * to keep, as it is.
 */
export async function withResultsKept(ctx: Context, error: unknown, meanwhile: Meanwhile, itb: string): Promise<unknown> {
  if (!(error instanceof LibraryError)) return error;
  const summary = await readSummary(ctx.env).catch(() => undefined);
  if (summary === undefined || summary.sessionCount + summary.moveCount === 0) return error;
  // Without --data, ITB_DATA would name a library file still: set empty, it names none.
  const typed = `${itb} ${meanwhile.command}`;
  const instead = ctx.env.ITB_DATA ? `\`${withVariable('ITB_DATA', '', typed, ctx.env.ITB_DATA)}\`` : `\`${typed}\` without --data`;
  const kept = `Your sessions and buckets are kept as they were: ${instead} ${meanwhile.does} meanwhile, with the built-in library.`;
  return new UserError(error.message, `${error.hint} ${kept}`, error.exitCode, error.details);
}
