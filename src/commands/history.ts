import { Command } from 'commander';
import type { Context } from '../context.js';
import { examples } from './help.js';

const action = () => import('./history-action.js');

const JSON_SHAPE = `
With --json, prints (schemaVersion 1; new fields may be added, none renamed):
  { "schemaVersion": 1, "sessions": [session], "trend": [point] }
  session (newest first): { id, startedAt, routine, symptom, movement, side, baseline,
    final, helped, avoided, skipped, status, interrupted }
  point (oldest first, every session with a baseline): { at, baseline, final, symptom,
    movement }
  baseline and final are 0-10 scores (null in a session not yet rated).
`;

export function historyCommand(ctx: Context): Command {
  return new Command('history')
    .description('your sessions, newest first, and the trend of your scores')
    .option('--since <date>', 'only sessions from this day on (YYYY-MM-DD)')
    .option('--json', 'print JSON instead of text')
    .addHelpText(
      'after',
      examples(
        ['itb history', 'every session and the trend of your scores'],
        ['itb history --since 2026-11-01', 'sessions from 1 November 2026 on'],
        ['itb history --json', 'the same as JSON (shape below)'],
      ) + JSON_SHAPE,
    )
    .action(async (options: { since?: string; json?: boolean }, self: Command) => (await action()).showHistory(ctx, options, self));
}
