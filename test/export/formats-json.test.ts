// The JSON export: valid against the shipped schema, holding what the report holds.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { toExportFile } from '../../src/export/json.js';
import { buildReport } from '../../src/export/report.js';
import { EXPORT_SCHEMA_VERSION, exportSchema } from '../../src/export/schema.js';
import { toJson } from '../helpers/export-text.js';
import { sampleStore } from './fixtures.js';
import { data, library, NOW, report } from '../helpers/sample-report.js';

describe('json', () => {
  it('validates against the shipped JSON Schema and holds the store’s numbers', () => {
    const schema = JSON.parse(readFileSync(new URL('../../schema/itb-export.schema.json', import.meta.url), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const file = JSON.parse(toJson(report));
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    expect(exportSchema.safeParse(file).success).toBe(true);
    expect(file.schemaVersion).toBe(EXPORT_SCHEMA_VERSION);
    expect(file.sessions).toEqual(data.sessions);
    expect(file.moves).toEqual(data.moves);
    expect(file.screenings).toEqual(data.screenings);
    expect(file.buckets.rehab).toEqual(report.buckets.rehab.map((s) => s.exerciseId));
    // Nothing the store keeps only for itself.
    expect(Object.keys(file)).not.toContain('patientName');
    expect(JSON.stringify(file)).not.toContain('decidedAt');
  });

  it('keeps an attempt\'s timed holds, which the shipped JSON Schema describes, and refuses counts itb never writes', () => {
    const timed = sampleStore();
    timed.sessions[0]!.attempts[0]!.holds = { timed: 2, of: 6 };
    const schema = JSON.parse(readFileSync(new URL('../../schema/itb-export.schema.json', import.meta.url), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const file = JSON.parse(toJson(buildReport(timed, library, { now: NOW })));
    expect(file.sessions[0].attempts[0].holds).toEqual({ timed: 2, of: 6 });
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    expect(exportSchema.safeParse(file).success).toBe(true);
    file.sessions[0].attempts[0].holds = { timed: 2, of: 6, done: 6 };
    expect(validate(file)).toBe(false);
    file.sessions[0].attempts[0].holds = { timed: 6, of: 6 };
    expect(exportSchema.safeParse(file).success).toBe(false);
  });

  it('carries the buckets, the period, the moment it was made, the drills and a reset, each in its own place', () => {
    const reset = { ...sampleStore(), bucketsResetAt: '2026-10-09T12:00:00.000Z' };
    const october = buildReport(reset, library, { since: '2026-10-05', until: '2026-10-25', now: NOW, timeZone: 'Europe/Paris' });
    const file = JSON.parse(toJson(october));
    expect(file.exportedAt).toBe(NOW.toISOString());
    // Its days are those of the time zone the reports name in their header; every instant is UTC.
    expect(file.period).toEqual({ since: '2026-10-05', until: '2026-10-25', timeZone: 'Europe/Paris' });
    expect(file.bucketsResetAt).toBe('2026-10-09T12:00:00.000Z');
    expect(JSON.parse(toJson(report))).not.toHaveProperty('bucketsResetAt');
    const ids = (list: { exerciseId: string }[]) => list.map((status) => status.exerciseId);
    expect(file.buckets).toEqual({ rehab: ids(october.buckets.rehab), avoid: ids(october.buckets.avoid), untested: ids(october.buckets.untested) });
    // After the reset only the glute stretch was tested (and the IT band stretch moved by hand).
    expect(file.buckets.rehab).toEqual(['glute-stretch']);
    expect(file.buckets.avoid).toEqual(['it-band-stretch']);
    expect(file.buckets.untested).toContain('clamshells');
    // The library drills its records mention, as the library describes them.
    expect(file.exercises.map((exercise: { id: string }) => exercise.id).sort()).toEqual(['clamshells', 'glute-stretch', 'hip-hikes', 'it-band-stretch']);
    expect(file.exercises).toEqual(october.exercises);
  });

  it('leaves the period open for an --until of the day it is made or later, as nothing later is recorded yet', () => {
    for (const until of ['2026-11-20', '2027-01-01']) {
      const file = JSON.parse(toJson(buildReport(data, library, { since: '2026-10-05', until, now: NOW })));
      expect(file.period).toEqual({ since: '2026-10-05', until: null, timeZone: 'America/St_Johns' });
    }
  });

  it('carries, for a period, every red-flag screen up to its end, as the reports show them', () => {
    // The fixture's screen was answered on 1 October, before this period.
    const october = JSON.parse(toJson(buildReport(data, library, { since: '2026-10-08', until: '2026-10-08', now: NOW })));
    expect(october.screenings).toEqual(data.screenings);
    const before = JSON.parse(toJson(buildReport(data, library, { until: '2026-09-30', now: NOW })));
    expect(before.screenings).toEqual([]);
  });

  it('puts each session on a line of its own, and holds exactly what the report holds', () => {
    const tricky = structuredClone(data);
    tricky.settings.movement = 'step "sessions": [] down';
    tricky.sessions[0]!.movement = '"sessions": [\n]';
    const trickyReport = buildReport(tricky, library, { now: NOW });
    const text = toJson(trickyReport);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(toExportFile(trickyReport))));
    const lines = text.split('\n');
    const first = lines.indexOf('  "sessions": [');
    expect(first).toBeGreaterThan(0);
    const sessionLines = lines.slice(first + 1, first + 1 + tricky.sessions.length);
    expect(sessionLines.map((line) => JSON.parse(line.trim().replace(/,$/, '')))).toEqual(trickyReport.sessions);
    // The remembered answers too, the test movement among them: a restore gives them back.
    expect(JSON.parse(text).settings).toEqual(tricky.settings);
    expect(lines[first + 1 + tricky.sessions.length]).toBe('  ],');
    expect(text.endsWith('}\n')).toBe(true);
    // With no sessions, the list is simply empty.
    expect(JSON.parse(toJson(buildReport({ ...tricky, sessions: [] }, library, { now: NOW }))).sessions).toEqual([]);
  });

  it('is refused by the schema when a score is out of range', () => {
    const file = JSON.parse(toJson(report));
    file.sessions[0].attempts[0].after = 11;
    expect(exportSchema.safeParse(file).success).toBe(false);
  });
});
