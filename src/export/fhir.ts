// The FHIR R4 export: a Bundle (collection) with one Observation per score a person gave, so
// a clinic system can file the numbers. Identifiers are derived from the records, so exporting
// the same data twice gives the same bundle entries.
import { createHash, hash } from 'node:crypto';
import type { PainfulSide, Symptom } from '../core/records.js';
import { jsonWithItemLines, remembered } from './pieces.js';
import { drillNamer, nameInSession, type Report } from './report.js';

// The FHIR R4 types of @types/fhir (a global namespace).
type Bundle = fhir4.Bundle;
type BundleEntry = fhir4.BundleEntry;
type CodeableConcept = fhir4.CodeableConcept;
type ObservationComponent = fhir4.ObservationComponent;
type Reference = fhir4.Reference;
import { verdictRuleWords, verdictWords } from './words.js';

export const LOINC_PAIN_SEVERITY = '72514-3';
/** The identifier system for a value that is itself a URI (here a urn:uuid). */
const URI_SYSTEM = 'urn:ietf:rfc:3986';

const SURVEY: CodeableConcept = {
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey', display: 'Survey' }],
};

const SYMPTOM_CODE: Record<Symptom, CodeableConcept> = {
  pain: {
    coding: [
      { system: 'http://loinc.org', code: LOINC_PAIN_SEVERITY, display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported' },
    ],
    text: 'Pain severity 0-10, self-rated',
  },
  // No standard code says "tightness" or "discomfort" on a 0–10 scale; a pain code would misfile them.
  tightness: { text: 'Tightness severity 0-10, self-rated' },
  discomfort: { text: 'Discomfort severity 0-10, self-rated' },
};

const BODY_SITE: Record<PainfulSide, CodeableConcept> = {
  left: { text: 'Left iliotibial band' },
  right: { text: 'Right iliotibial band' },
  both: { text: 'Left and right iliotibial bands' },
};

/**
 * Name-based UUIDs (RFC 9562 version 8) for a series of records: the first 14 bytes of a SHA-256
 * of `seed` (with the version and variant bits set), then the record's index as two bytes. One
 * hash per session instead of one per score: a long history has tens of thousands of scores.
 */
export function uuidsFrom(seed: string): (index: number) => string {
  const hex = sha256Hex(seed);
  // The version nibble is 8; the variant's two high bits are 10.
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const prefix = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 28)}`;
  return (index) => `${prefix}${(index & 0xffff).toString(16).padStart(4, '0')}`;
}

/**
 * SHA-256 as hex. `crypto.hash` (Node 20.12 and later) does it in one call, several times quicker
 * than a Hash object for the thousands of short texts of a long history.
 */
const sha256Hex: (text: string) => string =
  typeof hash === 'function' ? (text) => hash('sha256', text, 'hex') : (text) => createHash('sha256').update(text).digest('hex');

export function toFhir(report: Report): string {
  return [...fhirPieces(report)].join('');
}

/**
 * `toFhir`'s text in pieces: years of scores make a bundle of tens of megabytes. Indented two
 * spaces, each entry on a line of its own (see jsonWithItemLines).
 */
export function fhirPieces(report: Report): Generator<string> {
  const head: Bundle = { resourceType: 'Bundle', type: 'collection', timestamp: report.generatedAt };
  // FHIR JSON has no empty arrays: a report with no scores simply has no entries.
  return jsonWithItemLines(head, 'entry', entryTexts(report), { omitWhenEmpty: true });
}

const json = (value: unknown): string => JSON.stringify(value);

// FHIR's dateTime: seconds to at most nine decimals, and an offset from -14:00 to +14:00.
const FHIR_DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/;
/**
 * A record's time as FHIR takes it. itb writes every time so; one edited by hand into another
 * valid ISO form (an offset of +15:00, ten decimals) is given as the same moment in UTC, so that
 * a clinic system does not refuse the whole bundle over it.
 */
const fhirDateTime = (at: string): string => (FHIR_DATE_TIME.test(at) ? at : new Date(at).toISOString());
const textComponent = (label: string, value: string): ObservationComponent => ({ code: { text: label }, valueString: value });
const numberComponent = (label: string, value: number): ObservationComponent => ({ code: { text: label }, valueInteger: value });
const mapValues = <K extends string, V>(record: Record<K, V>, map: (value: V) => string) =>
  Object.fromEntries(Object.entries<V>(record).map(([key, value]) => [key, map(value)])) as Record<K, string>;

// The parts of an Observation that are the same for many scores, as JSON text, made once.
const CATEGORY = json([SURVEY]);
const CODE = mapValues(SYMPTOM_CODE, json);
const SITE = mapValues(BODY_SITE, json);
const BASELINE_METHOD = json({ text: 'Self-rated during the test movement at the start of a session, before any exercise' } satisfies CodeableConcept);
const ATTEMPT_METHOD = json({ text: 'Self-rated during the test movement right after one exercise' } satisfies CodeableConcept);
const RESULT = mapValues(verdictWords, (words) => json(textComponent('Result', words)));

/**
 * Each entry of the bundle as JSON text, one Observation per score. Years of history are tens of
 * thousands of them, and JSON.stringify of each whole Observation was most of the export's time,
 * though they differ in a few values only: the parts shared by a session's scores (or by all of
 * them) are typed objects turned into JSON once above, and only each score's own values (time,
 * score, drill, attempt) are turned into JSON for it.
 */
function* entryTexts(report: Report): Generator<string> {
  const nameOf = drillNamer(report);
  const exercise = remembered((drill: string) => json(textComponent('Exercise', drill)));
  const attemptNumber = remembered((attempt: number) => json(numberComponent('Attempt', attempt)));
  const before = remembered((score: number) => json(numberComponent('Score before the exercise', score)));
  // A verdict depends on the thresholds its session kept: the rule it was judged by goes with it.
  const rule = remembered((key: string) => {
    const [minImprovement, flareRise] = key.split(',').map(Number) as [number, number];
    return json(textComponent('Result rule', verdictRuleWords({ minImprovement, flareRise })));
  });
  let subject = '';
  if (report.patientName !== undefined) {
    // Many people share a name: the Patient's UUID also follows the first session of this
    // history, so another person's report of the same name names another patient, while every
    // report of this history, whatever its period, names the same one.
    const firstSession = report.evidenceSessions[0]?.id ?? '';
    const fullUrl = `urn:uuid:${uuidsFrom(`patient\n${firstSession}\n${report.patientName}`)(0)}`;
    const patient: fhir4.Patient = { resourceType: 'Patient', name: [{ text: report.patientName }] };
    yield json({ fullUrl, resource: patient } satisfies BundleEntry);
    subject = `,"subject":${json({ reference: fullUrl, display: report.patientName } satisfies Reference)}`;
  }
  for (const session of report.sessions) {
    // Index 0 is the baseline, 1… the attempts in order: stable for a given session.
    const uuid = uuidsFrom(session.id);
    const rated = `"status":"final","category":${CATEGORY},"code":${CODE[session.symptom]}`;
    const where = `"bodySite":${SITE[session.side]}${subject}`;
    const movement = json(textComponent('Test movement', session.movement));
    const judged = rule(`${session.thresholds.minImprovement},${session.thresholds.flareRise}`);
    // The identifier repeats the fullUrl: a clinic system keeps identifiers, and so can tell a
    // score it already has when the same history is sent again.
    const entry = (index: number, at: string, score: number, method: string, components: string) => {
      const id = `urn:uuid:${uuid(index)}`;
      return (
        `{"fullUrl":"${id}","resource":{"resourceType":"Observation","identifier":[{"system":"${URI_SYSTEM}","value":"${id}"}],${rated},` +
        `"effectiveDateTime":${json(fhirDateTime(at))},"valueInteger":${score},${where},"method":${method},"component":[${components}]}}`
      );
    };
    if (session.baseline !== undefined) yield entry(0, session.startedAt, session.baseline, BASELINE_METHOD, movement);
    for (const [i, attempt] of session.attempts.entries()) {
      const drill = `${nameInSession(session, attempt.exerciseId, nameOf)} (${attempt.exerciseId})`;
      const followed = `${movement},${exercise(drill)},${attemptNumber(attempt.attempt)},${before(attempt.before)},${RESULT[attempt.verdict]},${judged}`;
      yield entry(i + 1, attempt.at, attempt.after, ATTEMPT_METHOD, followed);
    }
  }
}
