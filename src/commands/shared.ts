// What every command needs from the global options: colours, the library, JSON output.
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { loadLibrary } from '../library/library.js';
import type { Library } from '../library/schema.js';
import { colourEnabled, colours, type Colours } from '../ui/colour.js';

export interface GlobalOptions {
  data?: string;
  color?: boolean;
}

export function globals(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

export function paint(ctx: Context, command: Command): Colours {
  return colours(colourEnabled(ctx, globals(command).color));
}

export function libraryFor(ctx: Context, command: Command): Promise<Library> {
  const file = globals(command).data ?? (ctx.env.ITB_DATA || undefined);
  return loadLibrary({ file });
}

export function printJson(ctx: Context, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Help text listing examples, in the same layout on every command, within 80 columns. */
export function examples(...lines: [command: string, what: string][]): string {
  const width = Math.max(...lines.map(([command]) => command.length));
  const fits = lines.every(([, what]) => 4 + width + 2 + what.length <= 80);
  const line = ([command, what]: [string, string]) =>
    fits ? `  $ ${command.padEnd(width)}  ${what}` : `  $ ${command}\n      ${what}`;
  return `\nExamples:\n${lines.map(line).join('\n')}\n`;
}
