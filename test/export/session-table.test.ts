// The md and html session tables: which drill did what in each session, and what the way a
// session ended means.
import { parse as parseHtml } from 'parse5';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../src/core/records.js';
import { toHtml } from '../../src/export/html.js';
import { toMarkdown } from '../../src/export/md.js';
import { buildReport } from '../../src/export/report.js';
import { drillsDoneWriter } from '../../src/export/session-drills.js';
import { builtInLibrary } from '../helpers/built-in-library.js';
import { sampleStore, sessionOne, sessionTwo } from './fixtures.js';

const NOW = new Date('2026-11-20T15:00:00.000Z');
const library = builtInLibrary();
const data = sampleStore();

/** The Markdown session table's rows, without its head. */
const mdRows = (md: string) => md.split('\n## Sessions\n\n')[1]!.split('\n\n')[0]!.split('\n').slice(2);
const cells = (row: string) => row.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim());
/** The text of the html session table's body, as a reader sees it, row by row. */
function htmlRows(html: string): string[] {
  const table = html.split('<table class="sessions">')[1]!.split('</table>')[0]!;
  type Node = { nodeName: string; value?: string; childNodes?: Node[] };
  const text = (node: Node): string => node.value ?? (node.childNodes ?? []).map(text).join('');
  const fragment = parseHtml(`<table>${table}</table>`) as unknown as Node;
  const rows: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeName === 'tr') rows.push((node.childNodes ?? []).map(text).join(' | '));
    else for (const child of node.childNodes ?? []) walk(child);
  };
  walk(fragment);
  return rows.slice(1);
}

describe('the drills of each session', () => {
  // By id, results as they are: what each drill did, without a format's names or marks.
  const drillsDone = drillsDoneWriter((id) => id, (result) => `[${result}]`);

  it('names each drill with the scores before and after each try and its result, in the order the session went through them', () => {
    // The retry is judged against the score before the first try, which is its own before.
    expect(drillsDone(sessionOne)).toBe(
      'lateral-ankle-tilts 6 → 4 [helped]; lunge-knee-circles 4 → 4, retry 4 → 5 [did not help]; rehab-hip-circles 5 → 4 [helped]; pelvis-tucks-tilts [skipped]',
    );
    expect(drillsDone(sessionTwo)).toBe('clamshells 5 → 3 [helped]; hip-hikes 3 → 7 [flare]');
  });

  it('shows how much room each drill had: one that helped right after a drill raised the score, one that started at 2', () => {
    // Baseline 3: hip hikes raised it to 5 twice; clamshells brought it back to 3, no lower than
    // where the session began; the glute stretch, from 2, had almost no room to fall.
    const session: Session = {
      ...structuredClone(sessionOne),
      baseline: 3,
      attempts: [
        { exerciseId: 'hip-hikes', attempt: 1, before: 3, after: 5, verdict: 'not-improved', at: '2026-10-01T12:05:00.000Z' },
        { exerciseId: 'hip-hikes', attempt: 2, before: 3, after: 5, verdict: 'not-improved', at: '2026-10-01T12:07:00.000Z' },
        { exerciseId: 'clamshells', attempt: 1, before: 5, after: 3, verdict: 'improved', at: '2026-10-01T12:10:00.000Z' },
        { exerciseId: 'bridges', attempt: 1, before: 3, after: 2, verdict: 'improved', at: '2026-10-01T12:13:00.000Z' },
        { exerciseId: 'glute-stretch', attempt: 1, before: 2, after: 2, verdict: 'not-improved', at: '2026-10-01T12:16:00.000Z' },
        { exerciseId: 'glute-stretch', attempt: 2, before: 2, after: 2, verdict: 'not-improved', at: '2026-10-01T12:18:00.000Z' },
      ],
      results: [
        { exerciseId: 'hip-hikes', name: 'Hip hikes', outcome: 'avoid', flare: false, at: '2026-10-01T12:07:00.000Z' },
        { exerciseId: 'clamshells', name: 'Clamshells', outcome: 'rehab', flare: false, at: '2026-10-01T12:10:00.000Z' },
        { exerciseId: 'bridges', name: 'Bridges', outcome: 'rehab', flare: false, at: '2026-10-01T12:13:00.000Z' },
        { exerciseId: 'glute-stretch', name: 'Glute stretch', outcome: 'avoid', flare: false, at: '2026-10-01T12:18:00.000Z' },
      ],
    };
    const words = 'Hip hikes 3 → 5, retry 3 → 5 did not help; Clamshells 5 → 3 helped; Bridges 3 → 2 helped; Glute stretch 2 → 2, retry 2 → 2 did not help';
    const report = buildReport({ ...data, sessions: [session] }, library, { now: NOW });
    expect(cells(mdRows(toMarkdown(report))[0]!).at(-1)).toBe(words);
    expect(htmlRows(toHtml(report))[1]).toBe(words);
  });

  it('tells apart, across sessions, drills that changed the score alike from different scores', () => {
    // The words of a drill are made once for the sessions that share them: by its scores, not its change.
    const at = (before: number, after: number): Session => ({
      ...structuredClone(sessionOne),
      attempts: [{ exerciseId: 'clamshells', attempt: 1, before, after, verdict: 'improved', at: '2026-10-01T12:05:00.000Z' }],
      results: [{ exerciseId: 'clamshells', name: 'Clamshells', outcome: 'rehab', flare: false, at: '2026-10-01T12:05:00.000Z' }],
    });
    expect([at(5, 3), at(4, 2), at(5, 3), at(10, 8), at(2, 0)].map(drillsDone)).toEqual([
      'clamshells 5 → 3 [helped]',
      'clamshells 4 → 2 [helped]',
      'clamshells 5 → 3 [helped]',
      'clamshells 10 → 8 [helped]',
      'clamshells 2 → 0 [helped]',
    ]);
  });

  it('tells apart, across sessions, a drill whose first tries were alike and whose retries were not', () => {
    // Each session's retry as it was: the words made for the one are not the other's.
    const retried = (after: number): Session => ({
      ...structuredClone(sessionOne),
      attempts: [
        { exerciseId: 'clamshells', attempt: 1, before: 5, after: 5, verdict: 'not-improved', at: '2026-10-01T12:05:00.000Z' },
        { exerciseId: 'clamshells', attempt: 2, before: 5, after, verdict: 'not-improved', at: '2026-10-01T12:07:00.000Z' },
      ],
      results: [{ exerciseId: 'clamshells', name: 'Clamshells', outcome: 'avoid', flare: false, at: '2026-10-01T12:07:00.000Z' }],
    });
    expect([retried(6), retried(5), retried(6)].map(drillsDone)).toEqual([
      'clamshells 5 → 5, retry 5 → 6 [did not help]',
      'clamshells 5 → 5, retry 5 → 5 [did not help]',
      'clamshells 5 → 5, retry 5 → 6 [did not help]',
    ]);
  });

  it('tells apart a first try alone from the next higher first try with a retry of 0 → 0 (backups edited by hand)', () => {
    // A retry of its own record, and a result without its retry: each session as its record holds it.
    const session = (attempts: Session['attempts']): Session => ({
      ...structuredClone(sessionOne),
      attempts,
      results: [{ exerciseId: 'clamshells', name: 'Clamshells', outcome: 'avoid', flare: false, at: '2026-10-01T12:07:00.000Z' }],
    });
    const alone = session([{ exerciseId: 'clamshells', attempt: 1, before: 5, after: 6, verdict: 'not-improved', at: '2026-10-01T12:05:00.000Z' }]);
    const withRetry = session([
      { exerciseId: 'clamshells', attempt: 1, before: 5, after: 7, verdict: 'not-improved', at: '2026-10-01T12:05:00.000Z' },
      { exerciseId: 'clamshells', attempt: 2, before: 0, after: 0, verdict: 'not-improved', at: '2026-10-01T12:07:00.000Z' },
    ]);
    expect([alone, withRetry].map(drillsDone)).toEqual(['clamshells 5 → 6 [did not help]', 'clamshells 5 → 7, retry 0 → 0 [did not help]']);
  });

  it('gives a retry the scores its record holds, a before other than its first try’s too (a backup edited by hand)', () => {
    const session: Session = {
      ...structuredClone(sessionOne),
      attempts: [
        { exerciseId: 'clamshells', attempt: 1, before: 5, after: 6, verdict: 'not-improved', at: '2026-10-01T12:05:00.000Z' },
        { exerciseId: 'clamshells', attempt: 2, before: 6, after: 6, verdict: 'not-improved', at: '2026-10-01T12:07:00.000Z' },
      ],
      results: [{ exerciseId: 'clamshells', name: 'Clamshells', outcome: 'avoid', flare: false, at: '2026-10-01T12:07:00.000Z' }],
    };
    expect(drillsDone(session)).toBe('clamshells 5 → 6, retry 6 → 6 [did not help]');
  });

  it('keeps the first try of a drill whose retry was skipped, and leaves out one the session ended after', () => {
    const session: Session = {
      ...structuredClone(sessionOne),
      attempts: [
        { exerciseId: 'clamshells', attempt: 1, before: 5, after: 5, verdict: 'not-improved', at: '2026-10-01T12:05:00.000Z' },
        { exerciseId: 'hip-hikes', attempt: 1, before: 5, after: 6, verdict: 'not-improved', at: '2026-10-01T12:10:00.000Z' },
      ],
      results: [
        { exerciseId: 'glute-stretch', name: 'Glute stretch', outcome: 'skipped', flare: false, at: '2026-10-01T12:02:00.000Z' },
        { exerciseId: 'clamshells', name: 'Clamshells', outcome: 'skipped', flare: false, at: '2026-10-01T12:07:00.000Z' },
      ],
      status: 'interrupted',
    };
    expect(drillsDone(session)).toBe('glute-stretch [skipped]; clamshells 5 → 5, retry [skipped]');
    const md = toMarkdown(buildReport({ ...data, sessions: [session] }, library, { now: NOW }));
    expect(cells(mdRows(md)[0]!).at(-1)).toBe('Glute stretch skipped; Clamshells 5 → 5, retry skipped');
  });

  it('pairs each drill with its tries by their order, whatever the clock said: set back between a try and the skip of its retry', () => {
    // The computer's clock, running ahead, was set right while the person did the drill.
    const session: Session = {
      ...structuredClone(sessionOne),
      attempts: [
        { exerciseId: 'clamshells', attempt: 1, before: 5, after: 5, verdict: 'not-improved', at: '2026-10-01T12:20:00.000Z' },
        { exerciseId: 'hip-hikes', attempt: 1, before: 5, after: 3, verdict: 'improved', at: '2026-10-01T12:09:00.000Z' },
      ],
      results: [
        { exerciseId: 'clamshells', name: 'Clamshells', outcome: 'skipped', flare: false, at: '2026-10-01T12:05:00.000Z' },
        { exerciseId: 'hip-hikes', name: 'Hip hikes', outcome: 'rehab', flare: false, at: '2026-10-01T12:09:00.000Z' },
      ],
    };
    expect(drillsDone(session)).toBe('clamshells 5 → 5, retry [skipped]; hip-hikes 5 → 3 [helped]');
  });

  it('says each session\'s own result of a drill whose tries changed the score alike in both', () => {
    // A first try that eased the score by 1 helped while 1 was enough; once 2 were needed, it did
    // not, and the retry was skipped.
    const helped: Session = {
      ...structuredClone(sessionOne),
      attempts: [{ exerciseId: 'clamshells', attempt: 1, before: 5, after: 4, verdict: 'improved', at: '2026-10-01T12:05:00.000Z' }],
      results: [{ exerciseId: 'clamshells', name: 'Clamshells', outcome: 'rehab', flare: false, at: '2026-10-01T12:05:00.000Z' }],
    };
    const skipped: Session = {
      ...structuredClone(sessionOne),
      id: 'later',
      thresholds: { minImprovement: 2, flareRise: 3 },
      attempts: [{ exerciseId: 'clamshells', attempt: 1, before: 5, after: 4, verdict: 'not-improved', at: '2026-10-09T12:05:00.000Z' }],
      results: [{ exerciseId: 'clamshells', name: 'Clamshells', outcome: 'skipped', flare: false, at: '2026-10-09T12:06:00.000Z' }],
    };
    expect([helped, skipped].map(drillsDone)).toEqual(['clamshells 5 → 4 [helped]', 'clamshells 5 → 4, retry [skipped]']);
  });

  it('gives a drill skipped untried no try of the drill after it, even one timed before the skip by a clock set back', () => {
    const session: Session = {
      ...structuredClone(sessionOne),
      attempts: [{ exerciseId: 'clamshells', attempt: 1, before: 5, after: 3, verdict: 'improved', at: '2026-10-01T12:01:00.000Z' }],
      results: [
        { exerciseId: 'glute-stretch', name: 'Glute stretch', outcome: 'skipped', flare: false, at: '2026-10-01T12:02:00.000Z' },
        { exerciseId: 'clamshells', name: 'Clamshells', outcome: 'rehab', flare: false, at: '2026-10-01T12:03:00.000Z' },
      ],
    };
    expect(drillsDone(session)).toBe('glute-stretch [skipped]; clamshells 5 → 3 [helped]');
  });

  it('says in the Markdown table, in a cell of each row, which drill helped, did not help or flared, named as the lists name them', () => {
    const md = toMarkdown(buildReport(data, library, { now: NOW }));
    expect(md).toContain('| Status | Drills: before → after, result |\n|---|---|---|---|---|--:|--:|--:|---|---|\n');
    expect(mdRows(md).map((row) => cells(row).at(-1))).toEqual([
      'Lateral ankle tilts 6 → 4 helped; Forward 45° lunge knee circles 4 → 4, retry 4 → 5 did not help; Rehab hip circles 5 → 4 helped; Pelvis tucks and tilts skipped',
      'Clamshells 5 → 3 helped; Hip hikes 3 → 7 **flare**',
      'Glute stretch 4 → 2 helped',
    ]);
    // The flare-up is named under the same name as in the avoid list.
    expect(md.split('\n## Avoid for now\n')[1]!.split('\n## ')[0]).toContain('**Hip hikes** (hip-hikes)');
  });

  it('gives the drills in the html on a line under each session’s row, across the whole table', () => {
    const html = toHtml(buildReport(data, library, { now: NOW }));
    const rows = htmlRows(html);
    expect(rows.filter((_, i) => i % 2 === 1)).toEqual([
      'Lateral ankle tilts 6 → 4 helped; Forward 45° lunge knee circles 4 → 4, retry 4 → 5 did not help; Rehab hip circles 5 → 4 helped; Pelvis tucks and tilts skipped',
      'Clamshells 5 → 3 helped; Hip hikes 3 → 7 flare',
      'Glute stretch 4 → 2 helped',
    ]);
    expect(rows[2]!.startsWith(`2026-10-08 `)).toBe(true);
    expect(html).toContain('<tr class="drills"><td colspan="9"><bdi>Clamshells</bdi> 5 → 3 helped; <bdi>Hip hikes</bdi> 3 → 7 <span class="flare">flare</span></td></tr>');
    // Printed, a session's row and its drills stay on one page.
    expect(html).toMatch(/@media print \{[^@]*tbody\.session \{ break-inside: avoid; \}/);
  });

  it('gives a session that decided no drill no line of drills, and an empty cell in the Markdown', () => {
    const rested: Session = { ...structuredClone(sessionOne), attempts: [], results: [], status: 'stopped' };
    const report = buildReport({ ...data, sessions: [rested] }, library, { now: NOW });
    expect(cells(mdRows(toMarkdown(report))[0]!).at(-1)).toBe('');
    expect(htmlRows(toHtml(report))).toHaveLength(1);
  });
});

describe('a test movement and a routine of spaces alone', () => {
  // As a backup written by hand, or an older itb, may hold them: valid, but they name nothing.
  const blank = (session: Session): Session => ({ ...structuredClone(session), movement: '   ', routine: '  ' });
  const report = () => buildReport({ ...data, sessions: [blank(sessionOne), blank(sessionTwo)] }, library, { now: NOW });

  it('read "(not named)" in the Markdown: in the session table, the test movements and the trend', () => {
    const md = toMarkdown(report());
    for (const row of mdRows(md)) expect(cells(row).slice(1, 4)).toEqual(['(not named)', 'left', 'Pain @ (not named)']);
    expect(md).toContain('- **Test movement:** (not named)\n');
    expect(md).toContain('**Pain during (not named)**: 2 sessions');
    expect(md).not.toContain('during **');
  });

  it('read "(not named)" in the html: in the session table, the test movements and the trend', () => {
    const html = toHtml(report());
    for (const row of htmlRows(html).filter((row) => row.includes(' @ '))) expect(row.split(' | ').slice(1, 4)).toEqual(['(not named)', 'left', 'Pain @ (not named)']);
    expect(html).toContain('<li><strong>Test movement:</strong> <bdi>(not named)</bdi></li>');
    expect(html).toContain('<strong>Pain during <bdi>(not named)</bdi></strong>: 2 sessions');
  });
});

describe('how a session ended', () => {
  const STOPPED = 'Stopped early: the person chose to end the session there, or not to go on after a flare-up.';
  const INTERRUPTED = 'Interrupted: the session was cut off rather than ended (Ctrl-C, the terminal closed, the computer went off); what was answered up to then is kept.';

  it('says under the table what "stopped early" and "interrupted" mean, when the table shows them', () => {
    const report = buildReport(data, library, { now: NOW });
    const md = toMarkdown(report);
    expect(md).toContain(`${mdRows(md).at(-1)}\n\n${STOPPED} ${INTERRUPTED}\n\nRoutines: `);
    const html = toHtml(report);
    expect(html).toContain(`</table>\n</div>\n<p class="legend">${STOPPED} ${INTERRUPTED}</p>\n<p class="legend">Routines: `);
  });

  it('says only what the table shows, and nothing when every session was completed', () => {
    const completed = buildReport({ ...data, sessions: [structuredClone(sessionOne)] }, library, { now: NOW });
    for (const text of [toMarkdown(completed), toHtml(completed)]) {
      expect(text).not.toContain('Stopped early:');
      expect(text).not.toContain('Interrupted:');
    }
    const stopped = toMarkdown(buildReport({ ...data, sessions: [structuredClone(sessionOne), structuredClone(sessionTwo)] }, library, { now: NOW }));
    expect(stopped).toContain(`\n${STOPPED}\n`);
    expect(stopped).not.toContain('Interrupted:');
  });
});
