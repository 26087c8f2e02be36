// Awkward text and timestamps come out exactly as the general tools would write them: CSV as
// csv-stringify writes it, FHIR entries as JSON.stringify does, timestamps of any offset in time order.
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { localIsoTime } from '../../src/core/history.js';
import type { Session, StoreData } from '../../src/core/records.js';
import { csvColumns } from '../../src/export/csv.js';
import { uuidsFrom } from '../../src/export/fhir.js';
import { buildReport, drillNamer } from '../../src/export/report.js';
import { builtInLibrary } from '../helpers/built-in-library.js';
import { toCsv, toFhir } from '../helpers/export-text.js';
import { filesScore, sampleStore, sessionOne } from './fixtures.js';

const NOW = new Date('2026-11-20T15:00:00.000Z');
const library = builtInLibrary();

// Text a spreadsheet or a JSON writer has to treat with care.
const awkward = [
  'plain',
  '',
  'a,b',
  'say "hi"',
  'two\nlines',
  'cr\rhere',
  'crlf\r\nhere',
  '=SUM(A1)',
  '+1',
  '-1',
  '@home',
  '\tindented',
  '\rstart',
  '＝wide',
  '＋wide',
  '－wide',
  '＠wide',
  "it's fine",
  'back\\slash',
  'bell\u0007',
  'emoji 😀',
  'lone \ud800 half',
  'line\u2028sep',
  'é – “quoted” ’',
];

function awkwardStore(): StoreData {
  const data = sampleStore();
  data.sessions = awkward.map((text, i): Session => ({
    ...structuredClone(sessionOne),
    id: `s-${i}-${text}`,
    startedAt: new Date(Date.UTC(2026, 9, 1 + i, 12)).toISOString(),
    routine: text,
    movement: `${text} squat`,
    attempts: sessionOne.attempts.map((attempt) => ({ ...attempt, exerciseId: i % 2 ? attempt.exerciseId : `${text}-drill` })),
    results: sessionOne.results.map((result) => ({ ...result, name: text, exerciseId: i % 2 ? result.exerciseId : `${text}-drill` })),
  }));
  return data;
}

describe('csv text', () => {
  it('reads back, through a real CSV parser, as the awkward text it was given', () => {
    const report = buildReport(awkwardStore(), library, { now: NOW });
    const rows = parse(toCsv(report), { columns: true, bom: true, relax_quotes: false }) as Record<string, string>[];
    expect(rows).toHaveLength(awkward.length * sessionOne.attempts.length);
    // A spreadsheet would run text starting with = + - @, tab or CR (also their full-width
    // forms): such cells are written with a leading ' and read back with it.
    // A lone surrogate cannot be written as UTF-8 at all; it reads back as U+FFFD like any file.
    const asUtf8 = (text: string) => Buffer.from(text, 'utf8').toString('utf8');
    const guarded = (text: string) => asUtf8(/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) ? `'${text}` : text);
    awkward.forEach((text, i) => {
      const row = rows[i * sessionOne.attempts.length]!;
      expect(row.routine, JSON.stringify(text)).toBe(guarded(text));
      expect(row.exercise_name, JSON.stringify(text)).toBe(guarded(text));
    });
    // Numbers stay numbers: a negative change is written as -2, not guarded as text.
    for (const row of rows) expect(row.change).toBe(String(Number(row.after) - Number(row.before)));
    expect(rows.some((row) => row.change?.startsWith('-'))).toBe(true);
  });

  it('is byte for byte what csv-stringify writes with its formula guard on and every line break quoted', () => {
    const report = buildReport(awkwardStore(), library, { now: NOW });
    const rows = report.sessions.flatMap((session) =>
      session.attempts.map((attempt) => [
        session.id,
        // The time's own form is checked in formats-csv.test.ts; this test is about the quoting.
        localIsoTime(new Date(session.startedAt)),
        localIsoTime(new Date(session.startedAt)).slice(0, 19).replace('T', ' '),
        session.routine,
        session.side,
        session.symptom,
        session.movement,
        attempt.exerciseId,
        session.results.find((result) => result.exerciseId === attempt.exerciseId)?.name ?? drillNamer(report)(attempt.exerciseId),
        attempt.attempt,
        attempt.before,
        attempt.after,
        attempt.after - attempt.before,
        attempt.verdict,
        session.thresholds.minImprovement,
        session.thresholds.flareRise,
        session.status,
        attempt.holds?.timed ?? '',
        attempt.holds?.of ?? '',
      ]),
    );
    // quote_record_delimiter: any cell with a line break is quoted. With CRLF rows csv-stringify
    // would otherwise leave a lone LF or CR bare, and a spreadsheet starts a new row there.
    const options = { header: true, columns: [...csvColumns], record_delimiter: 'windows', quote_record_delimiter: true, escape_formulas: true, bom: true } as const;
    // As the bytes of the file: a lone half of a surrogate pair is written as U+FFFD either way.
    expect(Buffer.from(toCsv(report)).equals(Buffer.from(stringify(rows, options)))).toBe(true);
    expect(toCsv(report)).toContain('"\'\rstart"');
  });

  it('is only the header for a report without attempts', () => {
    const report = buildReport({ ...sampleStore(), sessions: [] }, library, { now: NOW });
    expect(toCsv(report)).toBe(`\uFEFF${csvColumns.join(',')}\r\n`);
  });

  it('has no row for a session stopped before any drill was scored: its first score is in the other formats', () => {
    const stopped: Session = { ...structuredClone(sessionOne), status: 'stopped', attempts: [], results: [] };
    const report = buildReport({ ...sampleStore(), sessions: [stopped] }, library, { now: NOW });
    expect(toCsv(report)).toBe(`\uFEFF${csvColumns.join(',')}\r\n`);
    const bundle = JSON.parse(toFhir(report)) as { entry: { resource: { resourceType: string; valueInteger?: number } }[] };
    const scores = bundle.entry.filter((entry) => filesScore(entry.resource)).map((entry) => entry.resource.valueInteger);
    expect(scores).toEqual([stopped.baseline]);
  });
});

describe('fhir text', () => {
  it('reads back, entry by entry, as the awkward names and text it was given', () => {
    type Entry = { resource: { resourceType: string; valueInteger?: number; subject?: { display: string }; performer?: { display: string }[]; component?: { code: { text: string }; valueString?: string }[] } };
    for (const patientName of [undefined, 'Sam "S" <Lee>', 'tab\there 😀 \ud800', '']) {
      const report = buildReport(awkwardStore(), library, { now: NOW, ...(patientName === undefined ? {} : { patientName }) });
      const lines = toFhir(report).split('\n').filter((line) => line.startsWith('    '));
      // Every entry is one line of JSON of its own.
      const entries = lines.map((line) => JSON.parse(line.slice(4).replace(/,$/, '')) as Entry);
      const observations = entries.filter((entry) => filesScore(entry.resource));
      const patient = entries.find((entry) => entry.resource.resourceType === 'Patient');
      expect(patient === undefined).toBe(patientName === undefined);
      const value = (entry: Entry, label: string) => entry.resource.component?.find((c) => c.code.text === label)?.valueString;
      let at = 0;
      report.sessions.forEach((session) => {
        const own = observations.slice(at, (at += 1 + session.attempts.length));
        for (const entry of own) {
          expect(value(entry, 'Test movement')).toBe(session.movement);
          expect(entry.resource.subject?.display).toBe(patientName);
          // Who gave the score: the patient, only when there is one.
          expect(entry.resource.performer?.map((performer) => performer.display)).toEqual(patientName === undefined ? undefined : [patientName]);
        }
        session.attempts.forEach((attempt, i) => {
          const name = session.results.find((result) => result.exerciseId === attempt.exerciseId)?.name ?? drillNamer(report)(attempt.exerciseId);
          expect(value(own[i + 1]!, 'Exercise')).toBe(`${name} (${attempt.exerciseId})`);
        });
      });
      expect(at).toBe(observations.length);
    }
  });

  it('derives identifiers from a SHA-256 of the session, with the version and variant bits set and the score’s index last', () => {
    // Enough seeds that the hash's variant nibble takes each of its 16 values.
    const seeds = ['session-one', 'patient\nSam', '', 'é😀', ...Array.from({ length: 60 }, (_, n) => `session-${n}`)];
    const nibbles = new Set(seeds.map((seed) => createHash('sha256').update(seed).digest('hex')[16]));
    expect(nibbles.size).toBe(16);
    for (const seed of seeds) {
      const bytes = createHash('sha256').update(seed).digest().subarray(0, 16);
      bytes[6] = (bytes[6]! & 0x0f) | 0x80;
      bytes[8] = (bytes[8]! & 0x3f) | 0x80;
      const hex = bytes.toString('hex');
      const uuid = uuidsFrom(seed);
      for (const [index, last] of [[0, '0000'], [12, '000c'], [300, '012c'], [4096, '1000'], [65535, 'ffff']] as const) {
        expect(uuid(index)).toBe(`${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 28)}${last}`);
        expect(uuid(index)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      }
    }
  });
});

describe('report order', () => {
  it('sorts timestamps of any shape by the instant they name, keeping the store order for the same instant', () => {
    const data = sampleStore();
    const at = (id: string, startedAt: string): Session => ({ ...structuredClone(sessionOne), id, startedAt });
    data.sessions = [
      at('c', '2026-10-03T12:00:00.000Z'),
      at('a-offset', '2026-10-01T14:00:00+02:00'), // 12:00Z
      at('b', '2026-10-02T12:00:00Z'),
      at('a-utc', '2026-10-01T12:00:00.000Z'), // the same instant as a-offset, later in the store
      at('early', '2026-10-01T11:59:59.999Z'),
      at('d-late-offset', '2026-10-03T07:00:00-05:30'), // 12:30Z, after c
    ];
    const report = buildReport(data, library, { now: NOW });
    expect(report.sessions.map((s) => s.id)).toEqual(['early', 'a-offset', 'a-utc', 'b', 'c', 'd-late-offset']);
  });

  it('keeps every screening up to the end of the period in time order, whatever the timestamp shape', () => {
    const data = sampleStore();
    const [screening] = data.screenings;
    data.screenings = [
      { ...screening!, at: '2026-10-05T12:00:00+09:00', proceeded: false }, // 03:00Z
      { ...screening!, at: '2026-10-05T02:00:00.000Z', proceeded: true },
    ];
    expect(buildReport(data, library, { now: NOW }).redFlagScreens.map((s) => s.at)).toEqual(['2026-10-05T02:00:00.000Z', '2026-10-05T12:00:00+09:00']);
  });
});

describe('drill names', () => {
  it('come from the library, else the latest result that recorded the drill (as the buckets name it), else the id', () => {
    const data = sampleStore();
    data.sessions[1]!.results.push({ exerciseId: 'gone-drill', name: 'Old name', outcome: 'rehab', flare: false, at: '2026-10-08T12:06:00.000Z' });
    data.sessions[2]!.results.push({ exerciseId: 'gone-drill', name: 'Newer name', outcome: 'rehab', flare: false, at: '2026-10-20T12:06:00.000Z' });
    data.sessions[2]!.results.push({ exerciseId: 'clamshells', name: 'Renamed clamshells', outcome: 'rehab', flare: false, at: '2026-10-20T12:07:00.000Z' });
    const report = buildReport(data, library, { now: NOW });
    const nameOf = drillNamer(report);
    const libraryName = library.exercises.find((exercise) => exercise.id === 'clamshells')!.name;
    expect(nameOf('clamshells')).toBe(libraryName);
    expect(nameOf('gone-drill')).toBe('Newer name');
    expect(report.buckets.rehab.find((status) => status.exerciseId === 'gone-drill')!.name).toBe('Newer name');
    expect(nameOf('never-seen')).toBe('never-seen');
  });
});
