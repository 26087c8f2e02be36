// The FHIR export: a valid R4 collection, each score and red-flag screen filed whole.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../src/core/history.js';
import type { StoreData } from '../../src/core/records.js';
import { LOINC_PAIN_SEVERITY, uuidsFrom } from '../../src/export/fhir.js';
import { buildReport, type ReportOptions } from '../../src/export/report.js';
import { emptyStore } from '../../src/store/migrations.js';
import { toFhir } from '../helpers/export-text.js';
import { filesScore, sampleStore, scoreCount, sessionOne, sessionThree } from './fixtures.js';
import { data, library, NOW, report } from '../helpers/sample-report.js';

type Observation = fhir4.Observation;

describe('fhir', () => {
  const require = createRequire(import.meta.url);
  const Validator = require('@asymmetrik/fhir-json-schema-validator') as new () => { validate(resource: unknown): unknown[] };
  let validator: { validate(resource: unknown): unknown[] };
  beforeAll(() => {
    validator = new Validator();
  });

  it('is a valid R4 collection with one Observation per score', () => {
    const bundle = JSON.parse(toFhir(report));
    expect(validator.validate(bundle)).toEqual([]);
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.type).toBe('collection');
    const observations = bundle.entry.map((e: { resource: Observation }) => e.resource).filter(filesScore) as Observation[];
    expect(observations).toHaveLength(scoreCount(data));
    for (const entry of bundle.entry) expect(validator.validate(entry.resource)).toEqual([]);
  });

  it('files each red-flag screen, before the scores: each question answered a yes or no, and what the person did next', () => {
    const screened = structuredClone(data);
    // A second screen, stopped after two questions, the second answered yes.
    screened.screenings.push({ at: '2026-10-20T12:00:00.000Z', answers: { 'recent-injury': false, swelling: true }, proceeded: false });
    for (const patientName of ['Sam <Lee>', undefined]) {
      const bundle = JSON.parse(toFhir(buildReport(screened, library, { now: NOW, ...(patientName === undefined ? {} : { patientName }) })));
      for (const entry of bundle.entry) expect(validator.validate(entry.resource)).toEqual([]);
      const resources = bundle.entry.map((e: { resource: Observation }) => e.resource) as (Observation | fhir4.Patient)[];
      // The patient first, as ever; then the screens, oldest first; then the scores.
      const first = patientName === undefined ? 0 : 1;
      expect(resources.slice(0, first).map((r) => r.resourceType)).toEqual(patientName === undefined ? [] : ['Patient']);
      const [one, two] = resources.slice(first, first + 2) as Observation[];
      const whose = patientName === undefined ? {} : { subject: { reference: bundle.entry[0].fullUrl, display: patientName }, performer: [{ reference: bundle.entry[0].fullUrl, display: patientName }] };
      const shared = {
        resourceType: 'Observation',
        status: 'final',
        category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey', display: 'Survey' }] }],
        code: { text: 'Red-flag screen before IT band self-care exercises, self-reported' },
        ...whose,
      };
      const identified = (at: string) => ({ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${uuidsFrom(`red-flag screen\n${at}`)(0)}` });
      const answer = (text: string, valueBoolean: boolean) => ({ code: { text }, valueBoolean });
      expect(one).toEqual({
        ...shared,
        identifier: [identified('2026-10-01T11:55:00.000Z')],
        effectiveDateTime: '2026-10-01T11:55:00.000Z',
        component: [
          answer('Recent fall or injury', false),
          answer('Marked swelling', false),
          answer('Knee locking or giving way', false),
          answer('Numbness or tingling', true),
          answer('Fever or feeling unwell', false),
          answer('Pain at night or at rest', false),
          { code: { text: 'Then' }, valueString: 'advised to see a clinician first; chose to go on' },
        ],
      });
      // The questions not reached are left out, not filed as a no.
      expect(two).toEqual({
        ...shared,
        identifier: [identified('2026-10-20T12:00:00.000Z')],
        effectiveDateTime: '2026-10-20T12:00:00.000Z',
        component: [answer('Recent fall or injury', false), answer('Marked swelling', true), { code: { text: 'Then' }, valueString: 'stopped after 2 of 6 questions; did not go on' }],
      });
      expect(resources.slice(first + 2).every((r) => filesScore(r))).toBe(true);
    }
    // A report of a period files every screen up to its end, as the other reports show them.
    const since = JSON.parse(toFhir(buildReport(screened, library, { now: NOW, since: '2026-10-25' }))).entry.map((e: { resource: Observation }) => e.resource.code?.text);
    expect(since.filter((text: string) => text.startsWith('Red-flag screen'))).toHaveLength(2);
    const until = JSON.parse(toFhir(buildReport(screened, library, { now: NOW, until: '2026-10-10' }))).entry.map((e: { resource: Observation }) => e.resource.code?.text);
    expect(until.filter((text: string) => text.startsWith('Red-flag screen'))).toHaveLength(1);
    // A yes that ended it all before any score is still filed: the bundle's one entry.
    const answers = { ...data.screenings[0]!.answers, 'numbness-or-tingling': false, 'night-or-rest-pain': true };
    const stopped = { ...emptyStore(), screenings: [{ at: '2026-10-01T11:55:00.000Z', answers, proceeded: false }] };
    const alone = JSON.parse(toFhir(buildReport(stopped, library, { now: NOW })));
    expect(validator.validate(alone)).toEqual([]);
    const [only, ...none] = alone.entry.map((e: { resource: Observation }) => e.resource.component);
    expect(none).toEqual([]);
    expect(only.filter((c: { valueBoolean?: boolean }) => c.valueBoolean).map((c: { code: { text: string } }) => c.code.text)).toEqual(['Pain at night or at rest']);
    expect(only.at(-1)).toEqual({ code: { text: 'Then' }, valueString: 'advised to see a clinician first; did not go on' });
  });

  it('gives a score after only some of a drill\'s holds were timed the holds timed and those of the dose, and stays valid R4', () => {
    const timed = structuredClone(data);
    timed.sessions[0]!.attempts[0]!.holds = { timed: 2, of: 6 };
    const bundle = JSON.parse(toFhir(buildReport(timed, library, { now: NOW })));
    for (const entry of bundle.entry) expect(validator.validate(entry.resource)).toEqual([]);
    const observation = (index: number) => bundle.entry.find((e: { fullUrl: string }) => e.fullUrl === `urn:uuid:${uuidsFrom(sessionOne.id)(index)}`).resource as Observation;
    const labels = (o: Observation) => o.component!.map((c) => c.code.text);
    expect(labels(observation(1))).toEqual(['Test movement', 'Exercise', 'Attempt', 'Score before the exercise', 'Holds timed with the countdown', 'Holds in the dose', 'Result', 'Result rule']);
    expect(observation(1).component!.slice(4, 6).map((c) => c.valueInteger)).toEqual([2, 6]);
    // The other scores say nothing of holds.
    expect(labels(observation(2))).not.toContain('Holds timed with the countdown');
  });

  it('gives a time edited by hand beyond what FHIR takes as the same moment in UTC, and keeps every other as written', () => {
    const edited = structuredClone(data);
    const [first, second] = edited.sessions;
    first!.startedAt = '2026-03-01T09:00:00+15:00';
    first!.attempts[0]!.at = '2026-03-01T09:05:00.1234567891-03:00';
    second!.startedAt = '2026-03-02T09:00:00.5+14:00';
    // +14:00 is the last offset FHIR takes: half an hour past it is not one.
    second!.attempts[0]!.at = '2026-03-02T09:05:00+14:30';
    // In UTC without a fraction: a form FHIR takes, kept as it is.
    second!.attempts[1]!.at = '2026-03-02T09:10:00Z';
    // A red-flag screen's time too.
    edited.screenings[0]!.at = '2026-03-01T08:55:00+15:00';
    const bundle = JSON.parse(toFhir(buildReport(edited, library, { now: NOW })));
    expect(validator.validate(bundle)).toEqual([]);
    const times = bundle.entry.map((e: { resource: Observation }) => e.resource.effectiveDateTime);
    expect(times).toContain('2026-02-28T18:00:00.000Z');
    expect(times).toContain('2026-03-01T18:35:00.000Z');
    expect(times).toContain('2026-03-01T12:05:00.123Z');
    expect(times).toContain('2026-03-02T09:00:00.5+14:00');
    expect(times).toContain('2026-03-02T09:10:00Z');
    expect(times).toContain('2026-02-28T17:55:00.000Z');
  });

  it('files the baseline of a session that scored no drill after it, and nothing for one without a baseline', () => {
    const rested = structuredClone(data);
    rested.sessions = [
      { ...structuredClone(sessionOne), id: 'rested', baseline: 7, attempts: [], results: [], status: 'stopped' },
      { ...structuredClone(sessionThree), id: 'unrated', baseline: undefined, attempts: [], results: [], status: 'stopped' },
    ];
    const bundle = JSON.parse(toFhir(buildReport(rested, library, { now: NOW })));
    expect(validator.validate(bundle)).toEqual([]);
    const observations = (bundle.entry as { fullUrl: string; resource: Observation }[]).filter((e) => filesScore(e.resource));
    expect(observations.map((e) => [e.fullUrl, e.resource.valueInteger, e.resource.method?.text])).toEqual([
      [`urn:uuid:${uuidsFrom('rested')(0)}`, 7, 'Self-rated during the test movement at the start of a session, before any exercise'],
    ]);
  });

  it('codes pain with LOINC 72514-3 and tightness with text only', () => {
    const bundle = JSON.parse(toFhir(report));
    const observations = bundle.entry.map((e: { resource: Observation }) => e.resource).filter((r: Observation) => r.resourceType === 'Observation') as Observation[];
    const tightness = observations.filter((o) => o.code.text?.startsWith('Tightness'));
    const pain = observations.filter((o) => o.code.coding?.[0]?.code === LOINC_PAIN_SEVERITY);
    expect(tightness).toHaveLength(2); // session three: baseline and one attempt
    expect(pain).toHaveLength(scoreCount(data) - 2);
    // The code itself, as LOINC publishes it: pain severity, 0–10 verbal numeric rating, reported.
    expect(pain[0]!.code.coding).toEqual([{ system: 'http://loinc.org', code: '72514-3', display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported' }]);
    expect(JSON.stringify(tightness)).not.toContain('72514-3');
  });

  it('says which drill and attempt each score follows, and links the patient', () => {
    const bundle = JSON.parse(toFhir(report));
    const patient = bundle.entry.find((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'Patient');
    expect(patient.resource.name[0].text).toBe('Sam <Lee>');
    const retry = bundle.entry.find((e: { fullUrl: string }) => e.fullUrl === `urn:uuid:${uuidsFrom(sessionOne.id)(3)}`).resource as Observation;
    expect(retry.valueInteger).toBe(5);
    expect(retry.subject?.reference).toBe(patient.fullUrl);
    const component = (label: string) => retry.component?.find((c) => c.code.text === label);
    expect(component('Exercise')?.valueString).toBe('Forward 45° lunge knee circles (lunge-knee-circles)');
    expect(component('Attempt')?.valueInteger).toBe(2);
    expect(component('Test movement')?.valueString).toBe('single-leg squat');
  });

  it('files each score whole: when it was given, how, on which side, the score before it and the result', () => {
    const bundle = JSON.parse(toFhir(report));
    const resource = (index: number) => bundle.entry.find((e: { fullUrl: string }) => e.fullUrl === `urn:uuid:${uuidsFrom(sessionOne.id)(index)}`).resource as Observation;
    const patient = bundle.entry[0].fullUrl as string;
    const shared = {
      resourceType: 'Observation',
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey', display: 'Survey' }] }],
      code: {
        coding: [{ system: 'http://loinc.org', code: '72514-3', display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported' }],
        text: 'Pain severity 0-10, self-rated',
      },
      bodySite: { text: 'Left iliotibial band' },
      subject: { reference: patient, display: 'Sam <Lee>' },
      // Self-reported: the person who is its subject gave the score.
      performer: [{ reference: patient, display: 'Sam <Lee>' }],
    };
    const movement = { code: { text: 'Test movement' }, valueString: 'single-leg squat' };
    // The baseline: rated as the session started, before any drill.
    expect(resource(0)).toEqual({
      ...shared,
      identifier: [{ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${uuidsFrom(sessionOne.id)(0)}` }],
      effectiveDateTime: sessionOne.startedAt,
      valueInteger: 6,
      method: { text: 'Self-rated during the test movement at the start of a session, before any exercise' },
      component: [movement],
    });
    // The retry of the lunge knee circles: 4 before, 5 after, at its own time, and it did not help.
    const retry = sessionOne.attempts[2]!;
    expect(resource(3)).toEqual({
      ...shared,
      identifier: [{ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${uuidsFrom(sessionOne.id)(3)}` }],
      effectiveDateTime: retry.at,
      valueInteger: 5,
      method: { text: 'Self-rated during the test movement right after one exercise' },
      component: [
        movement,
        { code: { text: 'Exercise' }, valueString: 'Forward 45° lunge knee circles (lunge-knee-circles)' },
        { code: { text: 'Attempt' }, valueInteger: 2 },
        { code: { text: 'Score before the exercise' }, valueInteger: 4 },
        { code: { text: 'Result' }, valueString: 'did not help' },
        { code: { text: 'Result rule' }, valueString: 'helped: the score fell by at least 1 point; flare: it rose by 3 points or more' },
      ],
    });
    // Each verdict in its own words: the first drill helped, the flare of session two is one.
    const result = (o: Observation) => o.component?.find((c) => c.code.text === 'Result')?.valueString;
    expect(result(resource(1))).toBe('helped');
    const flare = bundle.entry.find((e: { fullUrl: string }) => e.fullUrl === `urn:uuid:${uuidsFrom('session-two')(2)}`).resource as Observation;
    expect([flare.valueInteger, result(flare)]).toEqual([7, 'flare']);
  });

  it('names the side and the symptom each session rated, and never files tightness or discomfort as pain', () => {
    const varied = structuredClone(data);
    varied.sessions[0]!.side = 'right';
    varied.sessions[1]!.side = 'both';
    varied.sessions[1]!.symptom = 'discomfort';
    const observations = (JSON.parse(toFhir(buildReport(varied, library, { now: NOW }))).entry as { resource: Observation }[]).map((e) => e.resource).filter(filesScore);
    const seen = new Set(observations.map((o) => `${o.bodySite?.text} / ${JSON.stringify(o.code)}`));
    expect([...seen]).toEqual([
      `Right iliotibial band / ${JSON.stringify({ coding: [{ system: 'http://loinc.org', code: '72514-3', display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported' }], text: 'Pain severity 0-10, self-rated' })}`,
      `Left and right iliotibial bands / ${JSON.stringify({ text: 'Discomfort severity 0-10, self-rated' })}`,
      `Left iliotibial band / ${JSON.stringify({ text: 'Tightness severity 0-10, self-rated' })}`,
    ]);
  });

  it('names the leg a score was rated on when both sides are painful, and both bands when no leg was named', () => {
    const legs = structuredClone(data);
    for (const session of legs.sessions) session.side = 'both';
    legs.sessions[0]!.movement = 'single-leg squat on the right leg';
    legs.sessions[1]!.movement = 'step-down on the left leg';
    legs.sessions[2]!.movement = 'walking';
    const bundle = JSON.parse(toFhir(buildReport(legs, library, { now: NOW })));
    expect(validator.validate(bundle)).toEqual([]);
    const observations = (bundle.entry as { resource: Observation }[]).map((e) => e.resource).filter(filesScore);
    const siteOf = (movement: string) => [...new Set(observations.filter((o) => o.component?.[0]?.valueString === movement).map((o) => o.bodySite?.text))];
    expect(siteOf('single-leg squat on the right leg')).toEqual(['Right iliotibial band']);
    expect(siteOf('step-down on the left leg')).toEqual(['Left iliotibial band']);
    expect(siteOf('walking')).toEqual(['Left and right iliotibial bands']);
    // With one side painful the painful side stays the site, whatever leg the movement names.
    const oneSide = structuredClone(legs);
    oneSide.sessions[1]!.side = 'right';
    const sites = (JSON.parse(toFhir(buildReport(oneSide, library, { now: NOW }))).entry as { resource: Observation }[])
      .map((e) => e.resource)
      .filter((o) => filesScore(o) && o.component?.[0]?.valueString === 'step-down on the left leg')
      .map((o) => o.bodySite?.text);
    expect(new Set(sites)).toEqual(new Set(['Right iliotibial band']));
  });

  it("gives each score after a drill the rule its session's thresholds judged it by", () => {
    const raised = structuredClone(data);
    raised.sessions[1]!.thresholds = { minImprovement: 2, flareRise: 4 };
    const bundle = JSON.parse(toFhir(buildReport(raised, library, { now: NOW })));
    const observations = bundle.entry.map((e: { resource: Observation }) => e.resource) as Observation[];
    const text = (o: Observation, label: string) => o.component?.find((c) => c.code.text === label)?.valueString;
    const afterDrills = observations.filter((o) => text(o, 'Exercise') !== undefined);
    const rules = afterDrills.map((o) => text(o, 'Result rule'));
    const own = raised.sessions.flatMap((session) => session.attempts.map(() => session.thresholds));
    expect(rules).toEqual(
      own.map(({ minImprovement, flareRise }) => `helped: the score fell by at least ${minImprovement} point${minImprovement === 1 ? '' : 's'}; flare: it rose by ${flareRise} points or more`),
    );
    expect(rules).toContain('helped: the score fell by at least 2 points; flare: it rose by 4 points or more');
    expect(rules).toContain('helped: the score fell by at least 1 point; flare: it rose by 3 points or more');
    // A baseline follows no drill, so no verdict and no rule.
    expect(observations.filter((o) => text(o, 'Exercise') === undefined && o.resourceType === 'Observation').every((o) => text(o, 'Result rule') === undefined)).toBe(true);
  });

  it('names the same patient in every report of one history, and another patient of the same name in another', () => {
    const patientOf = (data: StoreData, options: Partial<ReportOptions> = {}) =>
      JSON.parse(toFhir(buildReport(data, library, { now: NOW, patientName: 'Sam Lee', ...options }))).entry[0].fullUrl as string;
    const own = patientOf(sampleStore());
    expect(patientOf(sampleStore(), { since: localDate(new Date(sessionThree.startedAt)) })).toBe(own);
    // Nor does a report that ends early, or one made after another session, name another patient.
    expect(patientOf(sampleStore(), { until: localDate(new Date(sessionOne.startedAt)) })).toBe(own);
    const later = sampleStore();
    later.sessions.push({ ...structuredClone(sessionThree), id: 'later', startedAt: '2026-11-10T12:00:00.000Z' });
    expect(patientOf(later)).toBe(own);
    const someoneElse = sampleStore();
    someoneElse.sessions = someoneElse.sessions.map((session) => ({ ...session, id: randomUUID() }));
    expect(patientOf(someoneElse)).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(patientOf(someoneElse)).not.toBe(own);
  });

  it('is still a valid bundle, with no entries, for an empty store', () => {
    const bundle = JSON.parse(toFhir(buildReport(emptyStore(), library, { now: NOW })));
    expect(validator.validate(bundle)).toEqual([]);
    expect(bundle.entry).toBeUndefined();
  });

  it('gives the same entries every time, each Observation carrying its identifier', () => {
    const urls = (text: string) => JSON.parse(text).entry.map((e: { fullUrl: string }) => e.fullUrl);
    const again = buildReport(sampleStore(), library, { now: new Date('2027-01-01T00:00:00Z'), patientName: 'Sam <Lee>' });
    expect(urls(toFhir(again))).toEqual(urls(toFhir(report)));
    // The patient, each score and the red-flag screen: each entry its own.
    expect(new Set(urls(toFhir(report))).size).toBe(1 + scoreCount(data) + data.screenings.length);
    // A server may give the entries new ids as it files them; the identifier stays with each
    // score, and with the screen.
    const entries = JSON.parse(toFhir(report)).entry as { fullUrl: string; resource: Observation }[];
    const observations = entries.filter((entry) => entry.resource.resourceType === 'Observation');
    expect(observations).toHaveLength(scoreCount(data) + data.screenings.length);
    for (const { fullUrl, resource } of observations) expect(resource.identifier).toEqual([{ system: 'urn:ietf:rfc:3986', value: fullUrl }]);
  });
});
