import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticHistory } from '../../scripts/synthetic-history.js';
import { sessionContradictions } from '../../src/core/consistency.js';
import type { Session } from '../../src/core/records.js';
import { loadLibraryFile } from '../../src/library/load.js';
import { sampleStore } from '../export/fixtures.js';
import { sampleSession } from '../fixtures/sample-session.js';
import { Random, SEED, sessionsFor } from '../fixtures/resilience.js';
import { play, randomSession } from '../helpers/played-sessions.js';
import { buildSession } from '../helpers/sessions.js';

const RANDOM_SESSIONS = 4000;

/** A real session to edit: baseline 6; clamshells 6 → 4 helps; hip hikes 4 → 4, retry 4 → 5 → avoid. */
function realSession(): Session {
  return play([6, 'done', 4, 'done', 4, 'done', 5, 'stop'], { drills: ['clamshells', 'hip-hikes', 'bridges'] });
}

describe('sessionContradictions accepts every session a real run can leave', () => {
  const shapes: [string, Parameters<typeof play>[0], Parameters<typeof play>[1]?][] = [
    ['completed, scores chaining from drill to drill', [6, 'done', 4, 'done', 4, 'done', 2, 'done', 1]],
    ['a retry that helps, judged against the original before', [5, 'done', 6, 'done', 4, 'skip', 'skip']],
    ['a retry that does not help → avoid, then the next drill from the retry’s score', [5, 'done', 5, 'done', 6, 'done', 5, 'skip']],
    ['a flare, then going on: the next drill starts from the flare’s after', [3, 'done', 6, 'go-on', 'done', 5, 'skip']],
    ['a flare on the retry', [4, 'done', 5, 'done', 7, 'go-on', 'skip', 'skip']],
    ['a flare, then stopping', [3, 'done', 7, 'end']],
    ['a flare on the last drill (the session goes on to its end)', [3, 'skip', 'skip', 'done', 8, 'go-on']],
    ['skipped drills, with no attempt', [5, 'skip', 'skip', 'skip']],
    ['a skip at the retry question (one attempt, result skipped)', [5, 'done', 5, 'skip', 'done', 3, 'skip']],
    ['stopped at a drill', [5, 'done', 3, 'stop']],
    ['stopped at the retry question: an attempt with no result', [5, 'done', 3, 'done', 3, 'stop']],
    ['interrupted while a retry was due', [5, 'done', 3, 'done', 3], { ending: 'interrupted' }],
    ['interrupted after a flare, before saying whether to go on', [5, 'done', 8], { ending: 'interrupted' }],
    ['interrupted before the baseline', [], { ending: 'interrupted' }],
    ['left in progress after the baseline', [5], { ending: 'in-progress' }],
    ['left in progress while a retry was due', [5, 'done', 5], { ending: 'in-progress' }],
    ['cut off by a later session while a retry was due', [5, 'done', 5, 'done'], { ending: 'cut-off' }],
    ['a score too low for a drill to show it helps', [0, 'done', 0, 'done', 0, 'done', 1, 'done', 0, 'skip']],
    ['a routine listing the same drill twice: skipped, then done', [5, 'skip', 'done', 5, 'done', 4], { drills: ['clamshells', 'clamshells'] }],
    ['the same drill twice: skipped at the retry, then left waiting for a retry', [5, 'done', 5, 'skip', 'done', 5, 'stop'], { drills: ['clamshells', 'clamshells'] }],
    ['other thresholds (minImprovement 2, flareRise 2)', [6, 'done', 5, 'done', 8, 'go-on', 'done', 6, 'skip'], { thresholds: { minImprovement: 2, flareRise: 2 } }],
    ['a test movement in the user’s own words', [6, 'done', 4, 'skip', 'skip'], { movement: 'Stairs — down, two at a time; "slowly"' }],
  ];

  it.each(shapes)('%s', (_shape, answers, options) => {
    const session = play(answers, options);
    expect(sessionContradictions(session)).toEqual([]);
  });

  it('the shapes above are what they say they are', () => {
    const shape = (name: string) => {
      const [, answers, options] = shapes.find(([title]) => title.startsWith(name))!;
      return play(answers, options);
    };
    const stoppedAtRetry = shape('stopped at the retry question');
    expect(stoppedAtRetry).toMatchObject({ status: 'stopped', attempts: [{}, { exerciseId: 'knee', attempt: 1, verdict: 'not-improved' }] });
    expect(stoppedAtRetry.results.map((r) => r.exerciseId)).toEqual(['ankle']);
    expect(shape('interrupted while a retry was due').status).toBe('interrupted');
    expect(shape('cut off').status).toBe('interrupted');
    expect(shape('left in progress while').status).toBe('in-progress');
    const skippedRetry = shape('a skip at the retry question');
    expect(skippedRetry.results.map((r) => [r.exerciseId, r.outcome])).toEqual([['ankle', 'skipped'], ['knee', 'rehab'], ['hip', 'skipped']]);
    expect(skippedRetry.attempts.map((a) => a.exerciseId)).toEqual(['ankle', 'knee']);
    const flare = shape('a flare, then going on');
    expect(flare.attempts.map((a) => [a.before, a.after, a.verdict])).toEqual([[3, 6, 'flare'], [6, 5, 'improved']]);
    const twice = shape('the same drill twice: skipped at the retry');
    expect(twice.results.map((r) => r.outcome)).toEqual(['skipped']);
    expect(twice.attempts).toHaveLength(2);
  });

  it(`accepts ${RANDOM_SESSIONS} sessions played with random answers (seed ${SEED}; ITB_SEED replays another)`, () => {
    const random = new Random(SEED);
    const seen = { statuses: new Set<string>(), waitingRetry: 0, skippedRetry: 0, flareThenDrill: 0, repeatedDrill: 0, twoAttempts: 0 };
    for (let index = 0; index < RANDOM_SESSIONS; index++) {
      const session = randomSession(random, `random-${index}`);
      expect(sessionContradictions(session), `session ${index}: ${JSON.stringify(session)}`).toEqual([]);

      seen.statuses.add(session.status);
      const resulted = new Set(session.results.map((r) => r.at));
      const last = session.attempts.at(-1);
      if (last && last.verdict === 'not-improved' && last.attempt === 1 && !resulted.has(last.at)) seen.waitingRetry++;
      if (session.results.some((r) => r.outcome === 'skipped' && session.attempts.some((a) => a.exerciseId === r.exerciseId))) seen.skippedRetry++;
      if (session.attempts.some((a, i) => a.verdict === 'flare' && session.attempts[i + 1]?.attempt === 1)) seen.flareThenDrill++;
      if (new Set(session.results.map((r) => r.exerciseId)).size < session.results.length) seen.repeatedDrill++;
      if (session.attempts.some((a) => a.attempt === 2)) seen.twoAttempts++;
    }
    // The loop is only a guard if it reaches the awkward shapes, and often.
    expect([...seen.statuses].sort()).toEqual(['completed', 'in-progress', 'interrupted', 'stopped']);
    for (const count of [seen.waitingRetry, seen.skippedRetry, seen.flareThenDrill, seen.repeatedDrill, seen.twoAttempts]) {
      expect(count).toBeGreaterThan(50);
    }
  });

  it('accepts the benchmark’s ten years of history, made by the state machine from the real library', () => {
    const library = loadLibraryFile(join(import.meta.dirname, '../../data/library.yaml'));
    const { data, counts } = syntheticHistory(library, { now: new Date('2026-11-20T12:00:00Z') });
    expect(counts.sessions).toBeGreaterThan(3000);
    const refused = data.sessions.filter((session) => sessionContradictions(session).length > 0);
    expect(refused.map((session) => [session.id, sessionContradictions(session)])).toEqual([]);
  });

  it('accepts the sessions the other tests build, and a session with no drills at all', () => {
    const built = [
      ...sampleStore().sessions,
      sampleSession('sample'),
      ...sessionsFor('resilience', 200, new Random(SEED)),
      buildSession({ startedAt: '2026-11-01T12:00:00.000Z', baseline: 5, drills: [{ id: 'clamshells', scores: [5], unfinished: true }] }),
      buildSession({ startedAt: '2026-11-01T12:00:00.000Z', status: 'interrupted' }),
      play([5], { drills: [], ending: 'in-progress' }),
    ];
    for (const session of built) expect(sessionContradictions(session), session.id).toEqual([]);
  });
});

describe('sessionContradictions names what a hand edit broke', () => {
  it('a verdict that does not follow from the scores and the session’s thresholds', () => {
    const session = realSession();
    session.attempts[0]!.verdict = 'flare';
    expect(sessionContradictions(session)).toContain(
      'attempt 1 (clamshells): verdict "flare" does not follow from 6 → 4 with minImprovement 1 and flareRise 3 (that is "improved")',
    );
  });

  it('an attempt that matches no result while the results name other drills', () => {
    const session = realSession();
    session.attempts[0]!.exerciseId = 'nope';
    expect(sessionContradictions(session)).toEqual([
      'result 1 (clamshells): outcome "rehab", but no attempt of clamshells leads to it',
      'attempt 1 (nope): matches no result of the session (its results name clamshells, hip-hikes)',
    ]);
  });

  it('a before that breaks the chain, from the baseline or from the attempt before', () => {
    const session = realSession();
    session.attempts[0]!.before = 9; // 9 → 4 is still "improved", so only the chain is wrong
    expect(sessionContradictions(session)).toEqual(['attempt 1 (clamshells): before 9 breaks the chain: the latest score was 6 (the baseline)']);

    const later = realSession();
    // 3 → 4 and the retry 3 → 5 still do not help, so only the chain is wrong.
    later.attempts[1]!.before = 3;
    later.attempts[2]!.before = 3;
    expect(sessionContradictions(later)).toEqual(['attempt 2 (hip-hikes): before 3 breaks the chain: the latest score was 4 (the after of attempt 1)']);
  });

  it('attempts with no baseline', () => {
    const session = realSession();
    delete session.baseline;
    expect(sessionContradictions(session)).toEqual(['no baseline score, yet the session records 3 attempts and 2 results']);
  });

  it('two drills left waiting for a retry: only the one in hand when the session ended can be', () => {
    const session = play([5, 'done', 5, 'stop'], { drills: ['clamshells', 'hip-hikes'] });
    const first = session.attempts[0]!;
    session.attempts.push({ ...first, exerciseId: 'hip-hikes', at: new Date(Date.parse(first.at) + 60_000).toISOString() });
    expect(sessionContradictions(session)).toEqual(['attempt 1 (clamshells): matches no result of the session (it has no results)']);
  });

  it('skips with no baseline: the baseline is asked before any drill', () => {
    const session = play([5, 'skip', 'skip', 'stop'], { drills: ['clamshells', 'hip-hikes', 'bridges'] });
    delete session.baseline;
    expect(sessionContradictions(session)).toEqual(['no baseline score, yet the session records 2 results']);
  });

  it('a retry judged against another before, after a first attempt that helped or another retry, with no first attempt, or of another drill', () => {
    const otherBefore = realSession();
    otherBefore.attempts[2] = { ...otherBefore.attempts[2]!, before: 5, after: 5 };
    expect(sessionContradictions(otherBefore)).toEqual(["attempt 3 (hip-hikes): a retry is judged against the first attempt's before (4), not 5"]);

    const afterHelp = play([6, 'done', 4, 'stop'], { drills: ['clamshells', 'hip-hikes'] });
    afterHelp.attempts.push({ ...afterHelp.attempts[0]!, attempt: 2, after: 3 });
    expect(sessionContradictions(afterHelp)).toContain('attempt 2 (clamshells): a retry only follows a first attempt that did not help, but 6 → 4 is "improved"');

    const alone = realSession();
    alone.attempts.splice(1, 1);
    expect(sessionContradictions(alone)).toContain('attempt 2 (hip-hikes): a retry (attempt 2) must come right after a first attempt of hip-hikes');

    // A second retry follows a retry, not a first attempt, though its scores would fit one.
    const twice = realSession();
    twice.attempts.push({ ...twice.attempts[2]! });
    expect(sessionContradictions(twice)).toEqual([
      'attempt 4 (hip-hikes): a retry (attempt 2) must come right after a first attempt of hip-hikes',
      'attempt 4 (hip-hikes): has no result of its own; only the drill in hand when a session ended may lack one, after a first attempt that did not help',
    ]);

    // A retry of another drill does not finish the drill before it.
    const other = realSession();
    other.attempts[2]!.exerciseId = 'bridges';
    expect(sessionContradictions(other)).toEqual([
      'attempt 3 (bridges): a retry (attempt 2) must come right after a first attempt of bridges',
      'result 2 (hip-hikes): outcome "avoid", but its first attempt did not help and no retry follows',
      'attempt 3 (bridges): matches no result of the session (its results name clamshells, hip-hikes)',
    ]);
  });

  it('an outcome or a flare flag the attempts do not give', () => {
    const outcome = realSession();
    outcome.results[1]!.outcome = 'rehab';
    expect(sessionContradictions(outcome)).toEqual(['result 2 (hip-hikes): outcome "rehab" does not follow from its attempts (they make it "avoid")']);

    const flare = realSession();
    flare.results[0]!.flare = true;
    expect(sessionContradictions(flare)).toEqual(['result 1 (clamshells): flare is true, but none of its attempts is a flare']);

    const undecided = play([5, 'done', 5, 'stop'], { drills: ['clamshells', 'bridges'] });
    undecided.results.push({ exerciseId: 'clamshells', name: 'Clamshells', outcome: 'avoid', flare: false, at: undecided.attempts[0]!.at });
    expect(sessionContradictions(undecided)).toEqual(['result 1 (clamshells): outcome "avoid", but its first attempt did not help and no retry follows']);
  });

  it('a result recorded before the attempt that decides it (the evidence would lose that attempt)', () => {
    const session = realSession();
    session.results[0]!.at = '2026-11-20T09:00:00.000Z';
    expect(sessionContradictions(session)).toEqual([
      `result 1 (clamshells): recorded at 2026-11-20T09:00:00.000Z, before the attempt that decides it (${session.attempts[0]!.at})`,
    ]);
  });

  it('a drill without a result anywhere but at the end, or at the end of a completed session', () => {
    const middle = realSession();
    middle.results.shift();
    expect(sessionContradictions(middle)).toEqual([
      'attempt 1 (clamshells): matches no result of the session (its results name hip-hikes)',
    ]);

    const completed = play([5, 'done', 5], { drills: ['clamshells'], ending: 'in-progress' });
    completed.status = 'completed';
    expect(sessionContradictions(completed)).toEqual(['attempt 1 (clamshells): the session is marked completed, yet this drill has no result']);
  });
});

describe('every single edit of a real session is caught', () => {
  it(`over random real sessions (seed ${SEED})`, () => {
    const random = new Random(SEED + 1);
    let edits = 0;
    for (let index = 0; edits < 2000; index++) {
      const session = randomSession(random, `edit-${index}`);
      const edited = structuredClone(session);
      const attempt = edited.attempts.length > 0 ? random.pick(edited.attempts) : undefined;
      const decided = edited.results.filter((r) => r.outcome !== 'skipped');
      const edit = random.int(0, 4);
      if (edit === 0 && attempt) {
        attempt.verdict = random.pick((['improved', 'not-improved', 'flare'] as const).filter((v) => v !== attempt.verdict));
      } else if (edit === 1 && attempt) {
        attempt.before = (attempt.before + random.int(1, 10)) % 11;
      } else if (edit === 2 && attempt) {
        delete edited.baseline;
      } else if (edit === 3 && decided.length > 0) {
        // The attempt that decided a result is recorded at the same instant; renaming it takes
        // the test's evidence away. (The random clock can stand still: skip when that is ambiguous.)
        const result = random.pick(decided);
        const deciding = edited.attempts.filter((a) => a.exerciseId === result.exerciseId && a.at === result.at);
        if (deciding.length !== 1) continue;
        deciding[0]!.exerciseId = 'nope';
      } else if (edit === 4 && edited.results.length > 0) {
        const result = random.pick(edited.results);
        if (random.next() < 0.5) result.flare = !result.flare;
        else result.outcome = random.pick((['rehab', 'avoid', 'skipped'] as const).filter((o) => o !== result.outcome));
      } else continue;
      edits++;
      expect(sessionContradictions(edited), `edit ${edit} of ${JSON.stringify(session)} → ${JSON.stringify(edited)}`).not.toEqual([]);
    }
  });
});
