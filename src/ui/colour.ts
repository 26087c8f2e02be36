// Every colour goes through here, so NO_COLOR, --no-color, TERM=dumb and pipes are decided once.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Context } from '../context.js';

export type Colours = ChalkInstance;

export function colourEnabled(ctx: Context, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (ctx.env.NO_COLOR !== undefined && ctx.env.NO_COLOR !== '') return false;
  if (ctx.env.TERM === 'dumb') return false;
  // FORCE_COLOR=0 (or false) forces colour off, as chalk and other tools read it.
  const force = ctx.env.FORCE_COLOR;
  if (force === '0' || force === 'false') return false;
  if (force !== undefined) return true;
  return Boolean(ctx.stdout.isTTY);
}

export function colours(enabled: boolean): Colours {
  return new Chalk({ level: enabled ? 1 : 0 });
}
