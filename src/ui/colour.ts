// Every colour goes through here, so NO_COLOR, --no-color, TERM=dumb and pipes are decided once.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Context, Output } from '../context.js';

export type Colours = ChalkInstance;

/** Whether text written to `stream` (the context's stdout or stderr) is coloured. */
export function colourEnabled(env: Context['env'], stream: Output, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  // FORCE_COLOR=0 (or false) forces colour off, as chalk and other tools read it.
  const force = env.FORCE_COLOR;
  if (force === '0' || force === 'false') return false;
  if (force !== undefined) return true;
  return Boolean(stream.isTTY);
}

export function colours(enabled: boolean): Colours {
  return new Chalk({ level: enabled ? 1 : 0 });
}
