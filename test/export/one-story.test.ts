// Every format tells the story the store holds, on made-up histories of a few months: the CSV's
// rows are the attempts, the FHIR bundle's observations are the scores, a JSON backup restored
// elsewhere gives the same screens, and the reports list the drills as `itb buckets` does.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticHistory } from '../../scripts/synthetic-history.js';
import { bucketView } from '../../src/core/buckets.js';
import { localDate } from '../../src/core/history.js';
import type { StoreData } from '../../src/core/records.js';
import { Store } from '../../src/store/store.js';
import { builtInLibrary } from '../helpers/built-in-library.js';
import { run, tempHome } from '../helpers/run.js';
import { filesScore } from './fixtures.js';

const NOW = new Date('2026-11-20T15:00:00.000Z');
const library = builtInLibrary();

interface Case {
  seed: number;
  days: number;
  /** Which ends of a period the exports are asked for, its days picked from the seed. */
  period: 'none' | 'since' | 'until' | 'both';
}

const cases: Case[] = [
  { seed: 1, days: 60, period: 'none' },
  { seed: 7, days: 120, period: 'since' },
  { seed: 42, days: 200, period: 'both' },
  { seed: 2024, days: 90, period: 'until' },
  { seed: 99, days: 150, period: 'both' },
  { seed: 3, days: 150, period: 'until' },
];

/** The local day `offset` days after the history's first. */
function dayOf(data: StoreData, offset: number): string {
  const first = new Date(data.sessions[0]!.startedAt);
  return localDate(new Date(first.getFullYear(), first.getMonth(), first.getDate() + offset));
}

/** A period inside the history, its start and length drawn from the seed. */
function periodOf(c: Case, data: StoreData): { since?: string; until?: string } {
  const start = 5 + (c.seed % Math.floor(c.days / 3));
  const length = 20 + (c.seed % 30);
  const since = dayOf(data, start);
  const until = dayOf(data, Math.min(start + length, c.days - 3));
  if (c.period === 'since') return { since };
  if (c.period === 'until') return { until };
  if (c.period === 'both') return { since, until };
  return {};
}

/** The last millisecond of a local day. */
function endOfLocalDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(new Date(year, month - 1, date + 1).getTime() - 1);
}

/** The sections of a Markdown report by their `## ` heading, each as its lines. */
function mdSections(md: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let lines: string[] = [];
  for (const line of md.split('\n')) {
    if (line.startsWith('## ')) sections.set(line.slice(3), (lines = []));
    else lines.push(line);
  }
  return sections;
}

/** The paragraphs of some lines: runs of lines between blank ones. */
const paragraphs = (lines: string[]): string[][] =>
  lines
    .join('\n')
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.split('\n').filter((line) => line !== ''))
    .filter((paragraph) => paragraph.length > 0);

/** The ids of a Markdown drill list: each item reads "**Name** (id): …". */
const mdIds = (items: string[]): string[] => items.map((item) => /^(?:\d+\.|-) \*\*.*?\*\* \(([^)]+)\): /.exec(item)![1]!);

/** The rehab and avoid lists of a Markdown report, as drill ids. */
function mdLists(md: string): { rehab: string[]; avoid: string[] } {
  const sections = mdSections(md);
  const rehab = paragraphs(sections.get('Rehab routine')!).find((paragraph) => paragraph.every((line) => /^\d+\. /.test(line))) ?? [];
  // The avoid list is the one right after its heading's words; drills tested only before a reset
  // come in a list of their own further down.
  const avoidParagraphs = paragraphs(sections.get('Avoid for now')!);
  const avoid = avoidParagraphs[0]![0] === 'None.' ? [] : avoidParagraphs[1]!;
  expect(avoid.every((line) => line.startsWith('- '))).toBe(true);
  return { rehab: mdIds(rehab), avoid: mdIds(avoid) };
}

/** The rehab and avoid lists of an HTML report, as drill ids. */
function htmlLists(html: string): { rehab: string[]; avoid: string[] } {
  const between = (from: string, to: string) => html.slice(html.indexOf(from), html.indexOf(to, html.indexOf(from)));
  // An id is isolated from the text around it (<bdi>), as all text from the library.
  const ids = (list: string) => [...list.matchAll(/<span class="id">\((.+?)\)<\/span>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, ''));
  const rehabPart = between('<h2>Rehab routine</h2>', '<h2>Avoid for now</h2>');
  const avoidPart = between('<h2>Avoid for now</h2>', '<h2>Trend</h2>');
  const rehab = /<ol>([\s\S]*?)<\/ol>/.exec(rehabPart)?.[1] ?? '';
  const avoid = avoidPart.startsWith('<h2>Avoid for now</h2>\n<p class="empty">None.</p>') ? '' : /<ul>([\s\S]*?)<\/ul>/.exec(avoidPart)![1]!;
  return { rehab: ids(rehab), avoid: ids(avoid) };
}

/** The cells of each row of the Markdown session table. */
function mdSessionRows(md: string): string[][] {
  const table = mdSections(md).get('Sessions')!.filter((line) => line.startsWith('| '));
  expect(table[0]).toMatch(/^\| Started \|/);
  return table.slice(1).map((row) => row.slice(2, -2).split(' | '));
}

/** A session's start as the reports' table shows it: the local date and time to the minute. */
function shownStart(startedAt: string): string {
  const at = new Date(startedAt);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${localDate(at)} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** Command output without the moment it was made. */
const withoutMoment = (text: string, field: string) => ({ ...JSON.parse(text), [field]: undefined }) as Record<string, unknown>;

describe.each(cases)('a made-up history (seed $seed, $days days, period: $period)', (c) => {
  const { data } = syntheticHistory(library, { days: c.days, seed: c.seed, now: NOW });
  const period = periodOf(c, data);
  const periodArgs = [...(period.since ? ['--since', period.since] : []), ...(period.until ? ['--until', period.until] : [])];
  const inPeriod = (iso: string) => {
    const day = localDate(new Date(iso));
    return (period.since === undefined || day >= period.since) && (period.until === undefined || day <= period.until);
  };
  const sessions = data.sessions.filter((session) => inPeriod(session.startedAt)).sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  const upToNow = period.until === undefined;

  let home: ReturnType<typeof tempHome>;
  const itb = (argv: string[], where = home.home) => run(argv, { home: where, now: NOW });
  const output = async (argv: string[], where = home.home) => {
    const result = await itb(argv, where);
    expect(result.stderr.split('\n').filter((line) => /error|fail/i.test(line))).toEqual([]);
    expect(result.code).toBe(0);
    return result.stdout;
  };
  beforeAll(async () => {
    home = tempHome();
    await Store.open({ ITB_HOME: home.home }).update(() => data);
  });
  afterAll(() => home.cleanup());

  it('has sessions in its period, and attempts in them', () => {
    expect(sessions.length).toBeGreaterThan(5);
    expect(sessions.flatMap((session) => session.attempts).length).toBeGreaterThan(10);
  });

  it('CSV: one row per attempt of the period, with its scores, change and verdict', async () => {
    const rows = parseCsv((await output(['export', '--format', 'csv', ...periodArgs])).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    const attempts = sessions.flatMap((session) => session.attempts.map((attempt) => ({ session, attempt })));
    expect(rows).toHaveLength(attempts.length);
    rows.forEach((row, i) => {
      const { session, attempt } = attempts[i]!;
      expect(row).toMatchObject({
        session_id: session.id,
        exercise_id: attempt.exerciseId,
        attempt: String(attempt.attempt),
        before: String(attempt.before),
        after: String(attempt.after),
        // The column's own definition: the score after minus the score before, negative is better.
        change: String(attempt.after - attempt.before),
        verdict: attempt.verdict,
        session_status: session.status,
      });
    });
  });

  it('FHIR: one Observation per score (each baseline, each attempt), with the score the store holds', async () => {
    const bundle = JSON.parse(await output(['export', '--format', 'fhir', ...periodArgs])) as { entry?: { resource: Record<string, unknown> }[] };
    const observations = (bundle.entry ?? []).map((entry) => entry.resource).filter((resource) => filesScore(resource as { resourceType: string }));
    const scores = sessions.flatMap((session) => [
      ...(session.baseline === undefined ? [] : [{ at: session.startedAt, value: session.baseline, attempt: undefined, before: undefined }]),
      ...session.attempts.map((attempt) => ({ at: attempt.at, value: attempt.after, attempt: attempt.attempt, before: attempt.before })),
    ]);
    expect(observations).toHaveLength(scores.length);
    const component = (observation: Record<string, unknown>, label: string) =>
      (observation.component as { code: { text: string }; valueInteger?: number }[]).find((part) => part.code.text === label)?.valueInteger;
    observations.forEach((observation, i) => {
      const score = scores[i]!;
      expect(observation.valueInteger).toBe(score.value);
      expect(observation.effectiveDateTime).toBe(score.at);
      expect(component(observation, 'Attempt')).toBe(score.attempt);
      expect(component(observation, 'Score before the exercise')).toBe(score.before);
    });
  });

  it('JSON: a whole backup restored into an empty home gives the same buckets, history and backup', async () => {
    const backup = await output(['export', '--format', 'json']);
    const other = tempHome();
    try {
      const file = join(other.home, 'backup.json');
      writeFileSync(file, backup);
      await output(['import', file], other.home);
      for (const [command, moment] of [[['buckets', '--json'], 'generatedAt'], [['history', '--json'], 'generatedAt'], [['export', '--format', 'json'], 'exportedAt']] as const) {
        expect(withoutMoment(await output([...command], other.home), moment), command.join(' ')).toEqual(withoutMoment(await output([...command]), moment));
      }
    } finally {
      other.cleanup();
    }
  });

  // Only a history with a period has a backup of one.
  if (c.period !== 'none') it('JSON: a backup of the period restored into an empty home gives the same backup of that period', async () => {
    const backup = await output(['export', '--format', 'json', ...periodArgs]);
    const other = tempHome();
    try {
      const file = join(other.home, 'backup.json');
      writeFileSync(file, backup);
      await output(['import', file], other.home);
      const first = withoutMoment(backup, 'exportedAt');
      const again = withoutMoment(await output(['export', '--format', 'json', ...periodArgs], other.home), 'exportedAt');
      if (period.since === undefined) expect(again).toEqual(first);
      else {
        // The restored home holds the period alone: from its first day, a backup leaves nothing
        // out, so it is a whole one. Its buckets are those of the sessions it holds, without the
        // ones before the period (a drill set aside just before it is untested there), as the
        // export says of a backup of a period.
        expect(again.period).toEqual({ ...(first.period as object), since: null });
        expect({ ...again, period: undefined, buckets: undefined }).toEqual({ ...first, period: undefined, buckets: undefined });
      }
    } finally {
      other.cleanup();
    }
  });

  it('md and html: the rehab and avoid lists, and one row per session in the session table, oldest first', async () => {
    const md = await output(['export', ...periodArgs]);
    const html = await output(['export', '--format', 'html', ...periodArgs]);
    let expected: { rehab: string[]; avoid: string[] };
    if (upToNow) {
      // Up to now, with or without --since: the buckets as `itb buckets` shows them.
      const buckets = JSON.parse(await output(['buckets', '--json'])) as Record<'rehab' | 'avoid', { exerciseId: string }[]>;
      expected = { rehab: buckets.rehab.map((status) => status.exerciseId), avoid: buckets.avoid.map((status) => status.exerciseId) };
    } else {
      // Up to the end of an earlier day: the buckets of every record up to then, as they stood then.
      const end = endOfLocalDay(period.until!);
      const upToEnd = (iso: string) => Date.parse(iso) <= end.getTime();
      const history: StoreData = { ...data, sessions: data.sessions.filter((session) => upToEnd(session.startedAt)), moves: data.moves.filter((move) => upToEnd(move.at)) };
      if (data.bucketsResetAt !== undefined && !upToEnd(data.bucketsResetAt)) delete history.bucketsResetAt;
      const view = bucketView(history, library, end);
      expected = { rehab: view.rehab.map((status) => status.exerciseId), avoid: view.avoid.map((status) => status.exerciseId) };
    }
    expect(expected.rehab.length + expected.avoid.length).toBeGreaterThan(0);
    expect(mdLists(md)).toEqual(expected);
    expect(htmlLists(html)).toEqual(expected);

    const rows = mdSessionRows(md);
    expect(rows.map((row) => row[0])).toEqual(sessions.map((session) => shownStart(session.startedAt)));
    const htmlStarts = [...html.matchAll(/<td class="started">(.*?)<\/td>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, ''));
    expect(htmlStarts).toEqual(sessions.map((session) => shownStart(session.startedAt)));

    if (upToNow) {
      // The same sessions, newest first, in `itb history --json`: the same routine, scores and counts.
      const history = JSON.parse(await output(['history', '--json', ...periodArgs])) as { sessions: Record<string, number | string | null>[] };
      const listed = history.sessions.toReversed().map((s) => [
        shownStart(String(s.startedAt)),
        s.routine,
        s.baseline === null ? '—' : s.attempts === 0 ? String(s.baseline) : `${s.baseline} → ${s.final}`,
        String(s.helped),
        String(s.avoided),
        String(s.skipped),
      ]);
      // The Markdown's "Set aside" cell says the flare-ups after the count: "2 (**1 flare**)".
      expect(rows.map((row) => [row[0], row[1], row[4], row[5], row[6]!.split(' ')[0], row[7]])).toEqual(listed);
    }
  });

  it('md: each session row gives the scores before and after every try of its drills, as the store holds them', async () => {
    const rows = mdSessionRows(await output(['export', ...periodArgs]));
    const scores = (text: string) => [...text.matchAll(/(\d+) → (\d+)/g)].map((match) => [Number(match[1]), Number(match[2])]);
    expect(rows).toHaveLength(sessions.length);
    rows.forEach((row, i) => {
      // The drills' cell gives each try the session decided, in order; a first try it ended after,
      // before its retry, decided nothing and is said in the status instead.
      expect([...scores(row.at(-1)!), ...scores(row[8]!)]).toEqual(sessions[i]!.attempts.map((attempt) => [attempt.before, attempt.after]));
    });
  });
});
