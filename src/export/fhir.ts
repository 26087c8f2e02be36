// The FHIR R4 export: a Bundle (collection) with one Observation per score a person gave, so
// a clinic system can file the numbers. Identifiers are derived from the records, so exporting
// the same data twice gives the same bundle entries.
import { createHash } from 'node:crypto';
import type { Attempt, PainfulSide, Session, Symptom } from '../core/records.js';
import { jsonWithItemLines } from './pieces.js';
import { drillNamer, nameInSession, type Report } from './report.js';

// The FHIR R4 types of @types/fhir (a global namespace).
type Bundle = fhir4.Bundle;
type BundleEntry = fhir4.BundleEntry;
type CodeableConcept = fhir4.CodeableConcept;
type Observation = fhir4.Observation;
type ObservationComponent = fhir4.ObservationComponent;
type Reference = fhir4.Reference;
import { verdictWords } from './words.js';

export const LOINC_PAIN_SEVERITY = '72514-3';

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
  const bytes = createHash('sha256').update(seed).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  const prefix = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 28)}`;
  return (index) => `${prefix}${(index & 0xffff).toString(16).padStart(4, '0')}`;
}

export function toFhirBundle(report: Report): Bundle {
  const entry = [...bundleEntries(report)];
  const bundle: Bundle = { resourceType: 'Bundle', type: 'collection', timestamp: report.generatedAt };
  // FHIR JSON has no empty arrays: a report with no scores simply has no entries.
  if (entry.length > 0) bundle.entry = entry;
  return bundle;
}

function* bundleEntries(report: Report): Generator<BundleEntry> {
  const nameOf = drillNamer(report);
  let subject: Reference | undefined;
  if (report.patientName !== undefined) {
    const fullUrl = `urn:uuid:${uuidsFrom(`patient\n${report.patientName}`)(0)}`;
    const patient: fhir4.Patient = { resourceType: 'Patient', name: [{ text: report.patientName }] };
    yield { fullUrl, resource: patient };
    subject = { reference: fullUrl, display: report.patientName };
  }
  for (const session of report.sessions) {
    // Index 0 is the baseline, 1… the attempts in order: stable for a given session.
    const uuid = uuidsFrom(session.id);
    const fullUrl = (index: number) => `urn:uuid:${uuid(index)}`;
    if (session.baseline !== undefined) {
      yield { fullUrl: fullUrl(0), resource: baselineObservation(session, session.baseline, subject) };
    }
    for (const [i, attempt] of session.attempts.entries()) {
      yield { fullUrl: fullUrl(i + 1), resource: attemptObservation(session, attempt, nameInSession(session, attempt.exerciseId, nameOf), subject) };
    }
  }
}

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
  return jsonWithItemLines(head, 'entry', bundleEntries(report), { omitWhenEmpty: true });
}

/** A score as an Observation: what was rated where, when, how, and what it followed. */
function observation(
  session: Session,
  at: string,
  score: number,
  subject: Reference | undefined,
  method: CodeableConcept,
  component: ObservationComponent[],
): Observation {
  const result: Observation = {
    resourceType: 'Observation',
    status: 'final',
    category: [SURVEY],
    code: SYMPTOM_CODE[session.symptom],
    effectiveDateTime: at,
    valueInteger: score,
    bodySite: BODY_SITE[session.side],
  };
  if (subject) result.subject = subject;
  result.method = method;
  result.component = component;
  return result;
}

const BASELINE_METHOD: CodeableConcept = { text: 'Self-rated during the test movement at the start of a session, before any exercise' };
const ATTEMPT_METHOD: CodeableConcept = { text: 'Self-rated during the test movement right after one exercise' };

function baselineObservation(session: Session, score: number, subject: Reference | undefined): Observation {
  return observation(session, session.startedAt, score, subject, BASELINE_METHOD, [text('Test movement', session.movement)]);
}

function attemptObservation(session: Session, attempt: Attempt, name: string, subject: Reference | undefined): Observation {
  return observation(session, attempt.at, attempt.after, subject, ATTEMPT_METHOD, [
    text('Test movement', session.movement),
    text('Exercise', `${name} (${attempt.exerciseId})`),
    { code: { text: 'Attempt' }, valueInteger: attempt.attempt },
    { code: { text: 'Score before the exercise' }, valueInteger: attempt.before },
    text('Result', verdictWords[attempt.verdict]),
  ]);
}

function text(label: string, value: string): ObservationComponent {
  return { code: { text: label }, valueString: value };
}
