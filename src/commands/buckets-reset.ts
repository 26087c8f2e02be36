// What `itb buckets reset` does (declared in buckets.ts, loaded from buckets-action.ts): asks
// first (unless --force), then makes every drill untested again, keeping the history.
import type { Command } from 'commander';
import { projectBuckets } from '../core/projection.js';
import type { Context } from '../context.js';
import { Interrupted, UserError } from '../errors.js';
import { isPromptExit } from '../ui/prompter.js';
import { itbAsTyped, itbWithLibrary, notice, paint, promptsFor } from './shared.js';
import { noJson, openStore } from './buckets-change.js';

export async function resetBuckets(ctx: Context, options: { force?: boolean }, self: Command) {
  noJson(ctx, self);
  const store = await openStore(ctx);
  const { sessions, moves, bucketsResetAt } = store.read();
  // Said first, with or without a terminal: there is no question to ask.
  const decided = projectBuckets(sessions, moves, bucketsResetAt);
  if (decided.length === 0) {
    notice(ctx, 'Nothing to clear: every drill is untested already.');
    return;
  }
  // Refused before the question, not after it is answered, while a session runs in another window.
  await store.refuseWhileSessionOpen();
  // The question goes to stdout: with stdout in a file (`itb buckets reset > log`) it would wait
  // for an answer to a question nobody sees.
  if (!options.force && (!ctx.stdinIsTTY || !ctx.stdout.isTTY)) {
    throw new UserError('`itb buckets reset` asks before clearing, so it needs a terminal for its input and output', `Add --force to reset without asking: \`${itbAsTyped(ctx, self)} buckets reset --force\``);
  }
  if (!options.force) {
    const prompter = await promptsFor(ctx, self);
    // Said before the question, which stays on one line of the terminal: what is about to go,
    // so that nobody clears a rehab routine they meant to keep without seeing it named.
    notice(ctx, `This empties ${emptied(decided)}. Sessions and moves by hand stay in your history; only the lists start again.`);
    let sure: boolean;
    try {
      // In the words of the line above it, not in those of the code ("bucket decisions").
      const lists = new Set(decided.map((entry) => entry.bucket)).size === 1 ? 'this list' : 'both lists';
      sure = await prompter.confirm({ message: `Empty ${lists}, so every drill is untested again?`, default: false });
    } catch (error) {
      if (isPromptExit(error)) throw new Interrupted('Stopped. Nothing was changed.');
      throw error;
    }
    if (!sure) {
      notice(ctx, 'Nothing was changed.');
      return;
    }
  }
  let cleared = '';
  const now = ctx.now().getTime();
  await store.update((data) => {
    const entries = projectBuckets(data.sessions, data.moves, data.bucketsResetAt);
    // What went, as the line before the question said what would go (with --force, the only line).
    cleared = emptied(entries);
    // The moves stay in the log, notes and all, for the reports: the reset date alone makes
    // them, like the session verdicts before it, no longer count. A decision dated ahead of the
    // clock (set back since, or a backup came from a computer whose clock ran ahead) is cleared
    // too: the reset is then dated at the latest such decision.
    const resetAt = new Date(Math.max(now, ...entries.map((entry) => Date.parse(entry.decidedAt)))).toISOString();
    data.bucketsResetAt = resetAt;
    data.buckets = projectBuckets(data.sessions, data.moves, resetAt);
  });
  const colour = paint(ctx, self, ctx.stderr);
  // Emptied meanwhile by another reset, there was nothing left to name.
  notice(ctx, cleared === '' ? 'Every drill is untested again.' : `Emptied ${cleared}: every drill is untested again.`);
  notice(ctx, colour.dim(`Your session history is kept (\`${itbAsTyped(ctx, self)} history\`). Run \`${itbWithLibrary(ctx, self)} session\` to start testing again.`));
}

/** The lists a reset empties, with how many drills each holds: "rehab (2 drills) and avoid for now (1 drill)". */
function emptied(decided: { bucket: string }[]): string {
  const drills = (count: number) => `${count} ${count === 1 ? 'drill' : 'drills'}`;
  return (
    [
      ['rehab', decided.filter((entry) => entry.bucket === 'rehab').length],
      ['avoid for now', decided.filter((entry) => entry.bucket === 'avoid').length],
    ] as const
  )
    .filter(([, count]) => count > 0)
    .map(([list, count]) => `${list} (${drills(count)})`)
    .join(' and ');
}
