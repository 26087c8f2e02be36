// What every command action needs from the global options: colours, the library, JSON output.
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { closest } from '../core/closest.js';
import { localDate } from '../core/history.js';
import { UserError } from '../errors.js';
import { loadLibrary } from '../library/library.js';
import type { Library } from '../library/schema.js';
import { colourEnabled, colours, type Colours } from '../ui/colour.js';
import type { Prompter } from '../ui/prompter.js';
import { wrap } from '../ui/table.js';

export interface GlobalOptions {
  data?: string;
  color?: boolean;
}

export function globals(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

export function paint(ctx: Context, command: Command, stream: Context['stdout'] = ctx.stdout): Colours {
  return colours(colourEnabled(ctx.env, stream, globals(command).color));
}

/**
 * The prompts of a terminal (or the context's own, in tests). The prompt library colours by
 * NO_COLOR and FORCE_COLOR alone, read as it loads (FORCE_COLOR first), so when colour is off for
 * another reason (--no-color, TERM=dumb, FORCE_COLOR=0) both are set for it first.
 */
export async function promptsFor(ctx: Context, command: Command): Promise<Prompter> {
  if (ctx.prompter) return ctx.prompter;
  if (!colourEnabled(ctx.env, ctx.stdout, globals(command).color)) {
    process.env.NO_COLOR = '1';
    process.env.FORCE_COLOR = '0';
  }
  return (await import('../ui/prompts.js')).createPrompter();
}

export function libraryFor(ctx: Context, command: Command): Promise<Library> {
  const { data } = globals(command);
  // An empty ITB_DATA is as good as none (the shell's way to unset it); an empty --data is a slip.
  if (data !== undefined && data.trim() === '') {
    throw new UserError('--data needs the name of an exercise library file', 'For example: itb --data my-library.yaml session. Leave --data out for the built-in library.');
  }
  return loadLibrary({ file: data ?? (ctx.env.ITB_DATA || undefined) });
}

/** A note on stderr about what a command did, wrapped to fit the terminal (`text` may be coloured). */
export function notice(ctx: Context, text: string): void {
  ctx.stderr.write(`${wrap(text).join('\n')}\n`);
}

export function printJson(ctx: Context, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** A real calendar day typed for a date flag, written YYYY-MM-DD, returned in that form. */
export function calendarDay(text: string, flag: string, command: string): string {
  const day = text.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  // new Date rolls 2026-02-30 over into March: a day that does not exist is a typo.
  if (!match || localDate(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) !== day) {
    throw new UserError(`${flag} wants a date like 2026-11-01, not "${text}"`, `Write the year, month and day: itb ${command} ${flag} 2026-11-01`);
  }
  return day;
}

/** The error for a drill id that is not among `ids`, suggesting the near ones. */
export function unknownDrill(id: string, ids: string[]): UserError {
  const near = closest(id, ids);
  return new UserError(
    `no drill with id "${id}"`,
    near.length > 0 ? `Did you mean ${near.join(' or ')}? \`itb exercises\` lists them all.` : '`itb exercises` lists them all.',
  );
}
