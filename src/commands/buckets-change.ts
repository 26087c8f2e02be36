// What the buckets commands that change the buckets (move, reset) share: the store, loaded only
// when one of them runs, and the refusal of the --json meant for showing the buckets.
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { itbWithLibrary } from './shared.js';

/** The store, its module loaded only when a command that changes the buckets runs. */
export async function openStore(ctx: Context) {
  const { Store } = await import('../store/store.js');
  return Store.open(ctx.env, ctx);
}

/**
 * `itb buckets move … --json` (or reset): the --json of `itb buckets`, which these commands that
 * change the buckets have no JSON for. Refused before anything changes, rather than ignored, so
 * that a script waiting for JSON is not left with nothing to read.
 */
export function noJson(ctx: Context, self: Command): void {
  if (!self.parent?.opts<{ json?: boolean }>().json) return;
  throw new UserError(
    `--json is for showing the buckets: itb buckets ${self.name()} changes them and prints no JSON`,
    `Leave --json out; \`${itbWithLibrary(ctx, self)} buckets --json\` shows the buckets after.`,
  );
}
