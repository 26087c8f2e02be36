import { Command } from 'commander';
import type { Context } from '../context.js';
import { helpAfter } from './help.js';

const action = () => import('./history-action.js');

/** How many sessions the text lists when not told: a screenful, above the trend and advice. */
export const DEFAULT_LIMIT = 20;

/** The options as typed; -n is checked in the action, whose hint gives back the rest typed with it. */
export interface HistoryOptions {
  since?: string;
  limit?: string;
  all?: boolean;
  json?: boolean;
  /** Bars under the trends' words in a plain terminal (elsewhere they are drawn anyway). */
  bars?: boolean;
}

const JSON_SHAPE = `
With --json, prints (schemaVersion 1; new fields may be added, none renamed):
  { "schemaVersion": 1, "generatedAt": ISO time, "sessions": [session], "unlisted": count, "trend": [point], "advice": [advice] }
  session (newest first; every one, or the newest --limit): { id, startedAt, routine, symptom, movement, side, baseline, final, attempts, helped, avoided, flares, skipped, status, interrupted, thresholds }
  point (oldest first, every session with a baseline): { at, baseline, final, attempts, symptom, movement, side }
  advice (as in itb buckets --json): { id, message, readyAt?, goesOnToday?, side?, persistent? }
baseline and final are 0-10 scores (null in a session not yet rated); attempts counts the scores given after an exercise (with 0, final is the baseline, and the text's trends draw · for it, not a final score).
helped, avoided and skipped count the session's drills that went to rehab, that were set aside for now, and that were skipped; flares counts those of avoided stopped by a flare-up. thresholds: { minImprovement, flareRise } as set when the session ran, which judged its drills (the text names one that differs from the setting now beside the results).
symptom is "pain", "tightness" or "discomfort"; side, the painful side, "left", "right" or "both"; status "completed", "stopped" (ended early), "interrupted" (cut short: Ctrl-C, a closed window, a crash; interrupted is true for these alone) or "in-progress". A point's at is its session's startedAt.
movement is as the session recorded it; the text's trends take two movements that differ only in case or spaces ("Step-down", "step-down") as one, and keep each painful side apart ("both" is a side of its own).
With --since, sessions and trend hold only the sessions from that day on.
unlisted counts the sessions (of that period) --limit left out of sessions, 0 when none; the trend still has them.
advice is what the text shows under Advice, drawn from every session as of generatedAt: id "rest-after-flare-up" (a drill flared up today), "loading-spacing" (under 48 hours since the last strength session; readyAt: when they are up; goesOnToday: a routine left part way today whose drills left can go on today without the wait) or "see-a-professional" (symptoms that have kept up for weeks, all named in its one message, the one with the highest mean starting score in its latest week first; side: the painful side of the first one's scores, which the message names only when your scores were given for more than one side; persistent: each of them in that order, as { rated (what was rated, as "pain during walking"), side, weeks (in a row), firstMean, latestMean (the mean starting scores of the first of those weeks and of the latest week, after a break too, to 0.1 as the message gives them) }).
`;

export function historyCommand(ctx: Context): Command {
  return new Command('history')
    .description('your sessions, newest first, and the trends of your scores')
    .option('--since <date>', 'only sessions from this day on (YYYY-MM-DD)')
    .option('-n, --limit <count>', `list only the newest sessions (text: ${DEFAULT_LIMIT} unless --all)`)
    .option('--all', 'list every session')
    .option('--json', 'print JSON instead of text')
    .option('--bars', 'in a plain terminal (TERM=dumb), draw the trends as bars too, under their scores in words')
    .addHelpText(
      'after',
      helpAfter(
        [
          ['itb history', `your ${DEFAULT_LIMIT} latest sessions and the trends of your scores`],
          ['itb history --all', 'every session'],
          ['itb history --since 2026-11-01', 'sessions from 1 November 2026 on'],
          ['itb history --json', 'every session as JSON (shape below)'],
        ],
        JSON_SHAPE,
      ),
    )
    .action(async (options: HistoryOptions, self: Command) => (await action()).showHistory(ctx, options, self));
}
