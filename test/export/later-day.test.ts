// A session begun late in the evening whose drills were scored after midnight: the lists date
// each test and flare-up by its score, the session table by the session's start, so the table
// says on which day the row's last score came.
import { describe, expect, it } from 'vitest';
import { toHtml } from '../../src/export/html.js';
import { toMarkdown } from '../../src/export/md.js';
import { buildReport } from '../../src/export/report.js';
import { laterDayWords } from '../../src/export/session-drills.js';
import { builtInLibrary } from '../helpers/built-in-library.js';
import { buildSession, noRedFlags, storeWith } from '../helpers/sessions.js';

const library = builtInLibrary();
const NOW = new Date('2026-11-20T15:00:00.000Z');

// In the tests' time zone (America/St_Johns, 3 h 30 behind UTC in November) 03:26 UTC is 23:56
// on the 15th; a score a minute apart from there, the flare-up comes at 00:00 on the 16th.
const lateNight = buildSession({
  startedAt: '2026-11-16T03:26:00.000Z',
  routine: 'balance',
  baseline: 5,
  drills: [
    { id: 'single-leg-stand', scores: [4] },
    { id: 'clamshells', scores: [4, 3] },
    { id: 'single-leg-stand-foam-pad', scores: [8] },
  ],
});
// The next evening, a session wholly on the 16th.
const nextDay = buildSession({ startedAt: '2026-11-16T21:00:00.000Z', routine: 'balance', baseline: 5, drills: [{ id: 'single-leg-stand-foam-pad', scores: [3] }] });
const report = buildReport(
  storeWith({ sessions: [lateNight, nextDay], screenings: [{ at: lateNight.startedAt, answers: noRedFlags, proceeded: true }] }),
  library,
  { now: NOW },
);

/** The Markdown session table's rows, without its head. */
const mdRows = (md: string) => md.split('\n## Sessions\n\n')[1]!.split('\n\n')[0]!.split('\n').slice(2);

describe('a session whose scores went on past midnight', () => {
  it('says in its row of the Markdown table the day and time of its last score, which the lists date its flare-up by', () => {
    const md = toMarkdown(report);
    expect(md).toContain('1 flare (on 2026-11-16)');
    const [late, next] = mdRows(md);
    expect(late).toContain('| 2026-11-15 23:56 |');
    expect(late).toContain('| completed, its last score on 2026-11-16 at 00:00 |');
    // A session begun and ended on one day says nothing more.
    expect(next).toContain('| 2026-11-16 17:30 |');
    expect(next).toContain('| completed |');
  });

  it('says so in the html session table too, the date kept on one line', () => {
    const html = toHtml(report);
    expect(html).toContain('<td>completed, its last score on <span class="day">2026-11-16</span> at 00:00</td>');
    expect(html.match(/its last score on/g)).toHaveLength(1);
  });
});

describe('a session begun late in the evening and scored wholly before midnight', () => {
  it('says nothing more, though its last score came in the last hour of the day', () => {
    // 03:20 UTC is 23:50 on the 15th in the tests' time zone: its scores come at 23:51 and 23:52.
    const late = buildSession({ startedAt: '2026-11-16T03:20:00.000Z', routine: 'balance', baseline: 5, drills: [{ id: 'clamshells', scores: [5, 4] }] });
    expect(late.attempts.at(-1)!.at).toBe('2026-11-16T03:22:00.000Z');
    expect(laterDayWords(late)).toBe('');
  });
});
