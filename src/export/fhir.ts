// The FHIR R4 export: a Bundle (collection) with one Observation per score a person gave, so
// a clinic system can file the numbers, and one per red-flag screen, the answers that matter
// most. Identifiers are derived from the records, so exporting the same data twice gives the
// same bundle entries.
import { createHash, hash } from 'node:crypto';
import type { PainfulSide, RedFlag, Screening, Session, Symptom } from '../core/records.js';
import { legNamed } from '../core/test-leg.js';
import { itemLines, remembered, utf8Writer, type ByteSource, type Utf8Writer } from './pieces.js';
import { drillNamer, nameInSession, type Report } from './report.js';

// The FHIR R4 types of @types/fhir (a global namespace).
type Bundle = fhir4.Bundle;
type BundleEntry = fhir4.BundleEntry;
type CodeableConcept = fhir4.CodeableConcept;
type ObservationComponent = fhir4.ObservationComponent;
type Reference = fhir4.Reference;
import { verdictRuleWords } from './threshold-words.js';
import { redFlagLabels, screenWords } from './screen-words.js';
import { retrySkippedTries, sessionEndMeaning } from './session-drills.js';
import { statusWords, unfinishedTry, verdictWords } from './words.js';

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

/**
 * The bundle's text as UTF-8, given to a sink in pieces as it is made (see utf8Writer): years of
 * scores make a bundle of tens of megabytes. Indented two spaces, each entry on a line of its
 * own (see jsonWithItemLines).
 */
export function fhirBytes(report: Report): ByteSource {
  return (sink) => {
    const head: Bundle = { resourceType: 'Bundle', type: 'collection', timestamp: report.generatedAt };
    // FHIR JSON has no empty arrays: a report with no scores simply has no entries.
    const layout = itemLines(head, 'entry', { omitWhenEmpty: true });
    const out = utf8Writer(sink);
    let count = 0;
    const write = entryWriter(report, out, () => out.text(count++ === 0 ? layout.first : layout.between));
    for (const screen of report.redFlagScreens) write.screen(screen);
    for (const session of report.sessions) write.session(session);
    out.text(count > 0 ? layout.last : layout.none);
    out.end();
  };
}

const json = (value: unknown): string => JSON.stringify(value);

// FHIR's dateTime: seconds to at most nine decimals, and an offset from -14:00 to +14:00.
const FHIR_DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/;
/**
 * A record's time as FHIR takes it, as JSON. itb writes every time so; one edited by hand into
 * another valid ISO form (an offset of +15:00, ten decimals) is given as the same moment in UTC,
 * so that a clinic system does not refuse the whole bundle over it. (A time FHIR takes holds
 * nothing JSON escapes.)
 */
const fhirTime = (at: string): string => (FHIR_DATE_TIME.test(at) ? at : new Date(at).toISOString());
const fhirDateTime = (at: string): string => `"${fhirTime(at)}"`;
const textComponent = (label: string, value: string): ObservationComponent => ({ code: { text: label }, valueString: value });
const numberComponent = (label: string, value: number): ObservationComponent => ({ code: { text: label }, valueInteger: value });
const mapValues = <K extends string, V, W>(record: Record<K, V>, map: (value: V) => W) =>
  Object.fromEntries(Object.entries<V>(record).map(([key, value]) => [key, map(value)])) as Record<K, W>;

// The parts of an Observation that are the same for many scores, as JSON text, made once.
const CATEGORY = json([SURVEY]);
const CODE = mapValues(SYMPTOM_CODE, json);
const SITE = mapValues(BODY_SITE, json);
const BASELINE_METHOD = json({ text: 'Self-rated during the test movement at the start of a session, before any exercise' } satisfies CodeableConcept);
const ATTEMPT_METHOD = json({ text: 'Self-rated during the test movement right after one exercise' } satisfies CodeableConcept);
const RESULT = mapValues(verdictWords, (words) => json(textComponent('Result', words)));

/** A part of an entry as UTF-8, made once for all the entries that share it. */
const bytes = (text: string): Uint8Array => Buffer.from(text);
const ENTRY_START = bytes('{"fullUrl":"');
const IDENTIFIER = bytes(`","resource":{"resourceType":"Observation","identifier":[{"system":"${URI_SYSTEM}","value":"`);
const RATED = mapValues(CODE, (code) => bytes(`"}],"status":"final","category":${CATEGORY},"code":${code},"effectiveDateTime":`));

/**
 * A note on each score of a session that did not run to its end, as the other reports say it in
 * their session tables: a clinic system shows each Observation on its own. The score itself
 * stays final (the person gave it; it will not change): the note says what the session around
 * it was. A first try that did not help and had no retry after it (the session ended, or the
 * retry was skipped) gets a note of its own: its "did not help" decided nothing, as the md and
 * html reports leave it out of every list and count.
 */
const END_NOTES: Record<Exclude<Session['status'], 'completed'>, string> = {
  stopped: `This session was ${statusWords.stopped}: ${sessionEndMeaning.stopped}`,
  interrupted: `This session was ${statusWords.interrupted}: ${sessionEndMeaning.interrupted}`,
  'in-progress': 'This session was still going on when the report was made: scores given after that are not in it.',
};
const UNDECIDED = 'this first try decided nothing, and the drill stayed in the list it was in.';
const BEFORE_RETRY_NOTE = `The session ended before the retry of this drill: ${UNDECIDED}`;
const RETRY_SKIPPED_NOTE = `The retry of this drill was skipped: ${UNDECIDED}`;
const noteBytes = (texts: string[]): Uint8Array => bytes(`"note":${json(texts.map((text) => ({ text }) satisfies fhir4.Annotation))},`);
const END_NOTE = mapValues(END_NOTES, (text) => noteBytes([text]));

const SCREEN_CODE: CodeableConcept = { text: 'Red-flag screen before IT band self-care exercises, self-reported' };

/**
 * Writes to `out` the Patient's entry, if the report names one, and gives the writers of a
 * red-flag screen's entry and of a session's entries, one Observation per score; `next` is called
 * before each entry. Years of history are tens of thousands of entries, which differ in a few
 * values only: the parts shared by a session's scores (or by all of them) are made once, as
 * UTF-8, and only each score's own values (its uuid, time and score) are text of its own.
 */
function entryWriter(report: Report, out: Utf8Writer, next: () => void): { screen: (screen: Screening) => void; session: (session: Report['sessions'][number]) => void } {
  const nameOf = drillNamer(report);
  // Looked up by the values themselves, one at a time: a key made of several would be a new
  // string to build and hash for every score.
  const scoreOf = remembered((value: number) => bytes(`,"valueInteger":${value},`));
  const exercise = remembered((id: string) => remembered((name: string) => bytes(`${json(textComponent('Exercise', `${name} (${id})`))},`)));
  const attemptAndBefore = remembered((attempt: number) =>
    remembered((before: number) => bytes(`${json(numberComponent('Attempt', attempt))},${json(numberComponent('Score before the exercise', before))},`)),
  );
  // Only some of the drill's holds timed before the score: two more values of the same
  // observation, as the attempt and the score before are. They count the holds timed, not those done.
  const holdsTimed = remembered((timed: number) =>
    remembered((of: number) => bytes(`${json(numberComponent('Holds timed with the countdown', timed))},${json(numberComponent('Holds in the dose', of))},`)),
  );
  // A verdict depends on the thresholds its session kept: the rule it was judged by goes with it.
  const verdictsBy = remembered((minImprovement: number) =>
    remembered((flareRise: number) => {
      const rule = json(textComponent('Result rule', verdictRuleWords({ minImprovement, flareRise })));
      return mapValues(RESULT, (result) => bytes(`${result},${rule}]}}`));
    }),
  );
  // Each entry's fullUrl is unique in a bundle (FHIR's rule bdl-7), or a clinic system refuses
  // all of it. Two records can share what their uuids follow: a red-flag screen corrected in a
  // backup and imported, kept beside the one of the same instant; a session's id twice in a store
  // file edited by hand. The second and later are told apart by their number; the first keeps its uuid.
  const seeds = new Map<string, number>();
  const uuidsOnce = (seed: string) => {
    const count = (seeds.get(seed) ?? 0) + 1;
    seeds.set(seed, count);
    return uuidsFrom(count === 1 ? seed : `${seed}\n${count}`);
  };
  let whose = '';
  let patient: Reference | undefined;
  if (report.patientName !== undefined) {
    // Many people share a name: the Patient's UUID also follows the first session of this
    // history, so another person's report of the same name names another patient, while every
    // report of this history, whatever its period, names the same one.
    const firstSession = report.evidenceSessions[0]?.id ?? '';
    const fullUrl = `urn:uuid:${uuidsFrom(`patient\n${firstSession}\n${report.patientName}`)(0)}`;
    // Its identifier repeats the fullUrl, as a score's does: a clinic system keeps identifiers,
    // not fullUrls, and so can tell the patient of an earlier report from this history.
    const resource: fhir4.Patient = { resourceType: 'Patient', identifier: [{ system: URI_SYSTEM, value: fullUrl }], name: [{ text: report.patientName }] };
    next();
    out.text(json({ fullUrl, resource } satisfies BundleEntry));
    // The person is also the one who gave each score and screen's answers (FHIR R4 lets an
    // Observation's performer be a Patient): a clinic system can tell they were self-reported,
    // not taken by its staff.
    patient = { reference: fullUrl, display: report.patientName };
    whose = `,"subject":${json(patient)},"performer":[${json(patient)}]`;
  }
  // What follows a score up to its exercise: where, how it was rated and the test movement. With
  // both sides painful, a score rated on one leg ("step-down on the left leg") is about that leg.
  const followed = remembered((side: PainfulSide) =>
    remembered((movement: string) => {
      const site = side === 'both' ? (legNamed(movement)?.leg ?? 'both') : side;
      const start = `"bodySite":${SITE[site]}${whose},"method":`;
      const test = json(textComponent('Test movement', movement));
      return { baseline: bytes(`${start}${BASELINE_METHOD},"component":[${test}]}}`), attempt: bytes(`${start}${ATTEMPT_METHOD},"component":[${test},`) };
    }),
  );
  // A screen's answers, each question a yes or no (those not reached when the person stopped part
  // way left out), and what the person did next, in the words of the other reports.
  const screen = (screening: Screening) => {
    next();
    const fullUrl = `urn:uuid:${uuidsOnce(`red-flag screen\n${screening.at}`)(0)}`;
    const answered = (Object.keys(redFlagLabels) as RedFlag[]).flatMap((flag) => {
      const answer = screening.answers[flag];
      return answer === undefined ? [] : [{ code: { text: redFlagLabels[flag] }, valueBoolean: answer }];
    });
    const resource: fhir4.Observation = {
      resourceType: 'Observation',
      identifier: [{ system: URI_SYSTEM, value: fullUrl }],
      status: 'final',
      category: [SURVEY],
      code: SCREEN_CODE,
      ...(patient === undefined ? {} : { subject: patient, performer: [patient] }),
      effectiveDateTime: fhirTime(screening.at),
      component: [...answered, textComponent('Then', screenWords(screening).then)],
    };
    out.text(json({ fullUrl, resource } satisfies BundleEntry));
  };
  const session = (session: Report['sessions'][number]) => {
    // Index 0 is the baseline, 1… the attempts in order: stable for a given session.
    const uuid = uuidsOnce(session.id);
    const rated = RATED[session.symptom];
    const after = followed(session.side)(session.movement);
    // The identifier repeats the fullUrl: a clinic system keeps identifiers, and so can tell a
    // score it already has when the same history is sent again.
    const score = (index: number, at: string, value: number) => {
      next();
      const id = `urn:uuid:${uuid(index)}`;
      out.bytes(ENTRY_START);
      out.text(id);
      out.bytes(IDENTIFIER);
      out.text(id);
      out.bytes(rated);
      out.text(fhirDateTime(at));
      out.bytes(scoreOf(value));
    };
    // FHIR's order of an Observation's fields puts the note after the value, before the body site.
    const endText = session.status === 'completed' ? undefined : END_NOTES[session.status];
    const endNote = session.status === 'completed' ? undefined : END_NOTE[session.status];
    const unfinished = endText === undefined ? undefined : unfinishedTry(session);
    const skippedAfter = retrySkippedTries(session);
    if (session.baseline !== undefined) {
      score(0, session.startedAt, session.baseline);
      if (endNote !== undefined) out.bytes(endNote);
      out.bytes(after.baseline);
    }
    const verdicts = verdictsBy(session.thresholds.minImprovement)(session.thresholds.flareRise);
    session.attempts.forEach((attempt, i) => {
      score(i + 1, attempt.at, attempt.after);
      // Rare: a session holds at most one try it ended after, and few with a retry skipped.
      const undecided = attempt === unfinished ? BEFORE_RETRY_NOTE : skippedAfter.has(attempt) ? RETRY_SKIPPED_NOTE : undefined;
      if (undecided !== undefined) out.bytes(noteBytes(endText === undefined ? [undecided] : [endText, undecided]));
      else if (endNote !== undefined) out.bytes(endNote);
      out.bytes(after.attempt);
      out.bytes(exercise(attempt.exerciseId)(nameInSession(session, attempt.exerciseId, nameOf)));
      out.bytes(attemptAndBefore(attempt.attempt)(attempt.before));
      if (attempt.holds !== undefined) out.bytes(holdsTimed(attempt.holds.timed)(attempt.holds.of));
      out.bytes(verdicts[attempt.verdict]);
    });
  };
  return { screen, session };
}
