import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDate } from '../../src/core/history.js';
import type { Session } from '../../src/core/records.js';
import { Store } from '../../src/store/store.js';
import { run, tempHome } from '../helpers/run.js';
import { buildSession } from '../helpers/sessions.js';
import { onTerminal } from '../helpers/terminal.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const now = new Date('2026-03-10T12:00:00Z');

async function withSessions(...sessions: Session[]): Promise<void> {
  await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(...sessions));
}

const day = (i: number) => new Date(Date.UTC(2026, 0, 1 + i, 12)).toISOString();

describe('itb history on the screen', () => {
  it("goes on with a trend's heading too long for the line under its dates, at 80 columns and at 40", async () => {
    // A first session of 9, out of sight: the heading says so, and is longer than a line.
    const sessions = Array.from({ length: 60 }, (_, i) => buildSession({ startedAt: day(i), baseline: i === 0 ? 9 : 4, drills: [{ id: 'clamshells', scores: [3] }] }));
    await withSessions(...sessions);
    const span = `${localDate(new Date(day(5)))} → ${localDate(new Date(day(59)))}`;
    const heading = (stdout: string) => {
      const lines = stdout.split('\n');
      const start = lines.findIndex((line) => line.startsWith('Trend  '));
      // Up to the first line under it: a note or the bars, two spaces in.
      return lines.slice(start, lines.findIndex((line, i) => i > start && /^ {2}\S/.test(line)));
    };
    const wide = heading((await run(['history'], { home, now })).stdout);
    expect(wide).toEqual([`Trend  ${span} (latest 55 of 60 sessions; bars 0 to 9,`, '       the highest score of all 60)']);
    const narrow = heading((await onTerminal(40, () => run(['history'], { home, now }))).stdout);
    // Fewer bars fit: the dates are those of the 18 drawn.
    const shorter = `${localDate(new Date(day(42)))} → ${localDate(new Date(day(59)))}`;
    expect(narrow).toEqual([`Trend  ${shorter}`, '       (latest 18 of 60 sessions;', '       bars 0 to 9,', '       the highest score of all 60)']);
    for (const line of narrow) expect(line.length).toBeLessThanOrEqual(40);
  });
});
