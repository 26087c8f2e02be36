// The FHIR export as a clinic system checks it: the bundle, every resource in it, against the
// R4 JSON schema, and the bundle's own rule that no two entries share a fullUrl (bdl-7), which a
// JSON schema cannot say and for which a clinic system refuses the whole bundle.
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectBuckets } from '../../src/core/projection.js';
import type { StoreData } from '../../src/core/records.js';
import { uuidsFrom } from '../../src/export/fhir.js';
import { buildReport, type ReportOptions } from '../../src/export/report.js';
import { toFhir } from '../helpers/export-text.js';
import { play } from '../helpers/played-sessions.js';
import { buildSession, noRedFlags } from '../helpers/sessions.js';
import { sampleStore } from './fixtures.js';
import { library, NOW } from '../helpers/sample-report.js';

type Entry = { fullUrl: string; resource: fhir4.Observation | fhir4.Patient };
type Validator = { validate(resource: unknown): { dataPath: string; message: string }[] };

let validator: Validator;

/** What R4 refuses in `bundle`, as "where: why" lines. */
function refusals(bundle: fhir4.Bundle): string[] {
  const schema = validator.validate(bundle).map((error) => `${error.dataPath}: ${error.message}`);
  const urls = (bundle.entry ?? []).map((entry) => entry.fullUrl);
  const twice = urls.filter((url, at) => urls.indexOf(url) !== at).map((url) => `bdl-7: ${url} is the fullUrl of more than one entry`);
  return [...schema, ...twice];
}

/** A history with every kind of record the bundle files, and names that need escaping. */
function richStore(): StoreData {
  const data = sampleStore();
  data.screenings.push(
    { at: '2026-10-03T08:00:00+05:30', answers: { 'recent-injury': true }, proceeded: false },
    { at: '2026-10-04T08:00:00.123456789-03:30', answers: { ...noRedFlags, 'night-or-rest-pain': true }, proceeded: true },
  );
  data.sessions.push(
    buildSession({ startedAt: '2026-10-22T10:00:00.000Z', baseline: 7, side: 'both', movement: 'step-down on the left leg', drills: [{ id: 'clamshells', scores: [7, 5] }, { id: 'hip-hikes', skipped: true }, { id: 'glute-bridge', scores: [4] }] }),
    buildSession({ startedAt: '2026-10-23T10:00:00.000Z', baseline: 5, side: 'right', symptom: 'tightness', movement: 'stairs <down> & "up" \\ é', drills: [{ id: 'my drill/é', name: 'Ñame "q" <x>', scores: [5, 6] }, { id: 'f', scores: [9] }], status: 'stopped' }),
    buildSession({ startedAt: '2026-10-24T10:00:00.000Z', baseline: 3, side: 'both', symptom: 'discomfort', drills: [{ id: 'g', scores: [3], unfinished: true }] }),
    buildSession({ startedAt: '2026-10-25T10:00:00.000Z', status: 'in-progress' }),
    buildSession({ startedAt: '2026-10-26T10:00:00.000Z', baseline: 0, drills: [{ id: 'h', scores: [0, 0] }], minImprovement: 3, flareRise: 5 }),
  );
  // A retry skipped, then the session stopped; and a score after only some holds were timed.
  data.sessions.push({ ...play([6, 'done', 6, 'skip', 'done', 4, 'stop']), id: 'played-one', startedAt: '2026-10-27T10:00:00.000Z' });
  const timed = play([6, 'done', 5]);
  timed.attempts[0]!.holds = { timed: 1, of: 3 };
  data.sessions.push({ ...timed, id: 'played-two' });
  data.buckets = projectBuckets(data.sessions, data.moves);
  return data;
}

const bundleOf = (data: StoreData, options: Partial<ReportOptions> = {}): fhir4.Bundle => JSON.parse(toFhir(buildReport(data, library, { now: NOW, ...options })));

describe('the FHIR export as a clinic system checks it', () => {
  beforeAll(() => {
    const Validator = createRequire(import.meta.url)('@asymmetrik/fhir-json-schema-validator') as new () => Validator;
    validator = new Validator();
  });

  it('refuses what R4 refuses, so that a pass means something', () => {
    const [, screen] = bundleOf(sampleStore()).entry as Entry[];
    const broken = { resourceType: 'Bundle', type: 'collection', entry: [{ ...screen, resource: { ...screen!.resource, valueInteger: 'five' } }] };
    expect(refusals(broken as fhir4.Bundle)).not.toEqual([]);
    const twice = { resourceType: 'Bundle', type: 'collection', entry: [screen, screen] } as fhir4.Bundle;
    expect(refusals(twice).join('\n')).toContain('bdl-7');
  });

  it('is taken whole: every score and screen, named or not, for all the history or a period', () => {
    const data = richStore();
    const variants: Partial<ReportOptions>[] = [{}, { patientName: 'Zoë "Z" O\'Brien <b>&amp; \\ 👣' }, { since: '2026-10-05', patientName: 'Sam' }, { until: '2026-10-09' }, { since: '2030-01-01', patientName: 'Sam' }];
    for (const options of variants) {
      const bundle = bundleOf(data, options);
      expect(refusals(bundle), JSON.stringify(options)).toEqual([]);
    }
    // The whole history files every kind of record the store holds.
    const resources = (bundleOf(data, { patientName: 'Sam' }).entry as Entry[]).map((entry) => entry.resource);
    const observations = resources.filter((r): r is fhir4.Observation => r.resourceType === 'Observation');
    expect(resources[0]!.resourceType).toBe('Patient');
    expect(new Set(observations.map((o) => o.code.text))).toEqual(
      new Set(['Red-flag screen before IT band self-care exercises, self-reported', 'Pain severity 0-10, self-rated', 'Tightness severity 0-10, self-rated', 'Discomfort severity 0-10, self-rated']),
    );
    expect(observations.filter((o) => (o.note?.length ?? 0) > 1).length).toBeGreaterThan(0);
  });

  it('gives each entry its own fullUrl and identifier when two red-flag screens share their instant, the first keeping its own', () => {
    // A screen corrected in a backup and imported is kept beside the one of the same instant.
    const data = sampleStore();
    const at = data.screenings[0]!.at;
    data.screenings.push({ ...data.screenings[0]!, answers: { ...noRedFlags } });
    const bundle = bundleOf(data, { patientName: 'Sam' });
    expect(refusals(bundle)).toEqual([]);
    const entries = bundle.entry as Entry[];
    const screens = entries.filter((entry) => entry.resource.resourceType === 'Observation' && entry.resource.code.text?.startsWith('Red-flag'));
    expect(screens).toHaveLength(2);
    expect(screens[0]!.fullUrl).toBe(`urn:uuid:${uuidsFrom(`red-flag screen\n${at}`)(0)}`);
    expect(new Set(entries.map((entry) => entry.fullUrl)).size).toBe(entries.length);
    const identifiers = entries.flatMap((entry) => (entry.resource as fhir4.Observation).identifier ?? []).map((id) => id.value);
    expect(new Set(identifiers).size).toBe(identifiers.length);
  });

  it('gives each entry its own fullUrl when a store edited by hand holds a session\'s id twice, the first keeping its own', () => {
    const data = sampleStore();
    const [first] = data.sessions;
    data.sessions.push({ ...structuredClone(first!), startedAt: '2026-10-25T12:00:00.000Z', attempts: [], results: [], baseline: 3 });
    const bundle = bundleOf(data);
    expect(refusals(bundle)).toEqual([]);
    const urls = (bundle.entry as Entry[]).map((entry) => entry.fullUrl);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls).toContain(`urn:uuid:${uuidsFrom(first!.id)(0)}`);
  });

  it('gives the patient an identifier, its fullUrl, the same in a report of any period of this history', () => {
    const data = richStore();
    const patients = [{}, { since: '2026-10-20' }, { until: '2026-10-02' }].map((period) => (bundleOf(data, { ...period, patientName: 'Sam' }).entry as Entry[])[0]!);
    for (const patient of patients) {
      expect(patient.resource.resourceType).toBe('Patient');
      expect(patient.resource.identifier).toEqual([{ system: 'urn:ietf:rfc:3986', value: patients[0]!.fullUrl }]);
      expect(patient.fullUrl).toBe(patients[0]!.fullUrl);
    }
  });
});
