import { describe, expect, it } from 'vitest';
import type { Thresholds } from '../../src/core/records.js';
import { cutOff, interrupt, judge, latestScore, loadingDrillsTried, next, parseScore, start, type Answer, type Feedback, type SessionState } from '../../src/core/session.js';

const drills = ['ankle', 'knee', 'hip'].map((id) => ({ id, name: `${id} drill` }));

function setup(thresholds: Thresholds = { minImprovement: 1, flareRise: 3 }) {
  return start({
    id: 's1',
    startedAt: '2026-11-20T10:00:00.000Z',
    routine: 'joint-chain',
    side: 'left',
    symptom: 'pain',
    movement: 'single-leg squat',
    thresholds,
    exercises: drills,
  });
}

// Answers in the short form a person gives them: a number is a score, a word is a choice.
type Short = number | 'done' | 'skip' | 'stop' | 'go-on' | 'end';
function toAnswer(short: Short): Answer {
  if (typeof short === 'number') return { kind: 'score', score: short };
  if (short === 'go-on' || short === 'end') return { kind: 'after-flare', goOn: short === 'go-on' };
  return { kind: 'exercise', choice: short };
}

function play(answers: Short[], state: SessionState = setup()) {
  const feedback: Feedback[] = [];
  answers.forEach((short, i) => {
    const step = next(state, toAnswer(short), `2026-11-20T10:${String(i + 1).padStart(2, '0')}:00.000Z`);
    state = step.state;
    if (step.feedback) feedback.push(step.feedback);
  });
  return { state, session: state.session, feedback, outcomes: state.session.results.map((r) => `${r.exerciseId}:${r.outcome}${r.flare ? ':flare' : ''}`) };
}

describe('judge', () => {
  const defaults = { minImprovement: 1, flareRise: 3 };
  it('calls a drop of minImprovement or more improved', () => {
    expect(judge(5, 4, defaults)).toBe('improved');
    expect(judge(5, 5, defaults)).toBe('not-improved');
    expect(judge(5, 7, defaults)).toBe('not-improved');
    expect(judge(5, 8, defaults)).toBe('flare');
    expect(judge(0, 0, defaults)).toBe('not-improved');
  });
  it('follows other thresholds', () => {
    expect(judge(5, 4, { minImprovement: 2, flareRise: 2 })).toBe('not-improved');
    expect(judge(5, 3, { minImprovement: 2, flareRise: 2 })).toBe('improved');
    expect(judge(5, 7, { minImprovement: 2, flareRise: 2 })).toBe('flare');
  });
});

describe('a whole session', () => {
  it('keeps the holds timed with the score of the try they were timed for, and counts a retry afresh', () => {
    let state = setup();
    const answers: Answer[] = [
      { kind: 'score', score: 6 },
      { kind: 'exercise', choice: 'done', holds: { timed: 2, of: 6 } },
      { kind: 'score', score: 6 },
      { kind: 'exercise', choice: 'done' },
      { kind: 'score', score: 6 },
      { kind: 'exercise', choice: 'done' },
      { kind: 'score', score: 4 },
    ];
    answers.forEach((answer, i) => (state = next(state, answer, `2026-11-20T10:0${i}:00.000Z`).state));
    expect(state.session.attempts.map((a) => [a.exerciseId, a.attempt, a.holds])).toEqual([
      ['ankle', 1, { timed: 2, of: 6 }],
      ['ankle', 2, undefined],
      ['knee', 1, undefined],
    ]);
    // Not there at all when none were left out: the store keeps no empty field.
    expect(state.session.attempts.slice(1).some((attempt) => 'holds' in attempt)).toBe(false);
  });

  it('puts a drill that helps the first time into rehab and chains the scores', () => {
    const { session, outcomes, state } = play([6, 'done', 4, 'done', 4, 'done', 2, 'done', 1]);
    expect(session.baseline).toBe(6);
    expect(outcomes).toEqual(['ankle:rehab', 'knee:rehab', 'hip:rehab']);
    // knee was not better than 4 on its first try (4 → 4), then better on the retry (4 → 2).
    expect(session.attempts.map((a) => [a.exerciseId, a.attempt, a.before, a.after, a.verdict])).toEqual([
      ['ankle', 1, 6, 4, 'improved'],
      ['knee', 1, 4, 4, 'not-improved'],
      ['knee', 2, 4, 2, 'improved'],
      ['hip', 1, 2, 1, 'improved'],
    ]);
    expect(session.status).toBe('completed');
    expect(state.ask.kind).toBe('finished');
    expect(latestScore(session)).toBe(1);
  });

  it('judges the retry against the original before, not the worse first attempt', () => {
    // 5 → 6 (worse), retry 5 → 5: back to where it started is still not improved → avoid.
    const { session, outcomes, feedback, state } = play([5, 'done', 6, 'done', 5]);
    expect(session.attempts[1]).toMatchObject({ attempt: 2, before: 5, after: 5, verdict: 'not-improved' });
    expect(outcomes).toEqual(['ankle:avoid']);
    expect(feedback.map((f) => f.kind)).toEqual(['retry', 'avoid']);
    // The next drill starts from the latest score, 5.
    expect(state.ask).toMatchObject({ kind: 'exercise', exercise: { id: 'knee' }, attempt: 1, before: 5 });
    expect(play(['stop'], state).session.status).toBe('stopped');
  });

  it('asks the retry as the same exercise, attempt 2, with the original before', () => {
    const { state } = play([5, 'done', 6]);
    expect(state.ask).toMatchObject({ kind: 'exercise', attempt: 2, before: 5, index: 0, exercise: { id: 'ankle' } });
  });

  it('stops a flaring drill at once, with no retry, flagged, and asks whether to go on', () => {
    const { state, outcomes, feedback } = play([3, 'done', 6]);
    expect(outcomes).toEqual(['ankle:avoid:flare']);
    expect(feedback).toEqual([{ kind: 'flare', exercise: drills[0], attempt: 1, before: 3, after: 6 }]);
    expect(state.ask).toEqual({ kind: 'after-flare', exercise: drills[0], index: 0 });

    const goOn = play(['go-on'], state);
    expect(goOn.state.ask).toMatchObject({ kind: 'exercise', exercise: { id: 'knee' }, before: 6, attempt: 1 });
    const end = play(['end'], state);
    expect(end.session.status).toBe('stopped');
    expect(end.state.ask.kind).toBe('finished');
  });

  it('catches a flare on the retry too, measured from the original before', () => {
    const { outcomes, session } = play([4, 'done', 5, 'done', 7, 'go-on']);
    expect(outcomes).toEqual(['ankle:avoid:flare']);
    expect(session.attempts.map((a) => a.verdict)).toEqual(['not-improved', 'flare']);
  });

  it('records a skip without a bucket decision and moves on from the same score', () => {
    const { session, state, feedback } = play([5, 'skip']);
    expect(session.results).toMatchObject([{ exerciseId: 'ankle', outcome: 'skipped', flare: false }]);
    expect(session.attempts).toEqual([]);
    expect(feedback).toEqual([{ kind: 'skipped', exercise: drills[0] }]);
    expect(state.ask).toMatchObject({ kind: 'exercise', exercise: { id: 'knee' }, before: 5 });
  });

  it('a skipped retry decides nothing', () => {
    const { outcomes, session } = play([5, 'done', 5, 'skip']);
    expect(outcomes).toEqual(['ankle:skipped']);
    expect(session.attempts).toHaveLength(1);
  });

  it('stops when asked, keeping what was decided', () => {
    const { session } = play([5, 'done', 3, 'stop']);
    expect(session.status).toBe('stopped');
    expect(session.endedAt).toBe('2026-11-20T10:04:00.000Z');
    expect(session.results.map((r) => r.exerciseId)).toEqual(['ankle']);
  });

  it('uses the thresholds of the session', () => {
    const strict = setup({ minImprovement: 2, flareRise: 2 });
    // 6 → 5 is not enough with minImprovement 2; the retry 6 → 8 is a flare with flareRise 2.
    const { outcomes } = play([6, 'done', 5, 'done', 8, 'end'], strict);
    expect(outcomes).toEqual(['ankle:avoid:flare']);
    const lenient = play([6, 'done', 4], strict);
    expect(lenient.outcomes).toEqual(['ankle:rehab']);
  });

  it('ends a session at its last answer when a flare-up on the last drill finishes it', () => {
    // Going on after a flare-up on the last drill (answered at 10:06): nothing is left, so it ends then.
    const { session, state } = play([5, 'skip', 'skip', 'done', 9, 'go-on']);
    expect(state.ask.kind).toBe('finished');
    expect(session.status).toBe('completed');
    expect(session.endedAt).toBe('2026-11-20T10:06:00.000Z');
    // A routine with no drill at all ends at the baseline.
    const empty = start({ ...setup().session, exercises: [] });
    expect(play([5], empty).session).toMatchObject({ status: 'completed', endedAt: '2026-11-20T10:01:00.000Z' });
  });

  it('keeps everything answered when interrupted, and leaves an unfinished drill undecided', () => {
    const { state } = play([5, 'done', 3, 'done', 3]);
    const stopped = interrupt(state, '2026-11-20T11:00:00.000Z');
    expect(stopped.session.status).toBe('interrupted');
    expect(stopped.session.endedAt).toBe('2026-11-20T11:00:00.000Z');
    expect(stopped.session.attempts).toHaveLength(2);
    expect(stopped.session.results.map((r) => r.exerciseId)).toEqual(['ankle']);
    // A finished session is not marked interrupted afterwards.
    const done = play([5, 'skip', 'skip', 'skip']);
    expect(interrupt(done.state, '2026-11-20T11:00:00.000Z').session.status).toBe('completed');
  });

  it('counts as a loading session only once a loading drill has been tried', () => {
    const mixed = start({ ...setup().session, exercises: [{ id: 'stretch', name: 'Stretch' }, { id: 'clamshells', name: 'Clamshells', loading: true }] });
    expect(play([5, 'done', 4], mixed).session.loading).toBe(false);
    expect(play([5, 'done', 4, 'skip'], mixed).session.loading).toBe(false);
    expect(play([5, 'done', 4, 'done', 3], mixed).session.loading).toBe(true);
  });

  it('counts the strength drills tried: each once, a retry included, a skip or a gentle drill not', () => {
    const loading = (id: string) => ({ id, name: id, loading: true });
    const strength = start({ ...setup().session, exercises: [loading('bridges'), { id: 'stretch', name: 'Stretch' }, loading('clamshells'), loading('hip-hikes')] });
    expect(loadingDrillsTried(play([5], strength).state)).toBe(0);
    // Bridges tried twice (no change, then set aside), the stretch helps, clamshells skipped.
    expect(loadingDrillsTried(play([5, 'done', 5, 'done', 5, 'done', 4, 'skip'], strength).state)).toBe(1);
    expect(loadingDrillsTried(play([5, 'done', 5, 'done', 5, 'done', 4, 'skip', 'done', 3], strength).state)).toBe(2);
    // With those tried earlier today, each once: one tried then and again now counts once.
    const tried = play([5, 'done', 5, 'done', 5, 'done', 4, 'skip', 'done', 3], strength).state;
    const [first] = tried.session.attempts.map((attempt) => attempt.exerciseId);
    expect(loadingDrillsTried(tried, [first!, 'earlier-drill'])).toBe(3);
  });

  it('is dated from its baseline, given long after the session began when the computer slept at that question', () => {
    // Begun at 10:00, the lid closed at the baseline question, rated the next morning.
    const { session } = play([6, 'done', 4], setup());
    expect(session.startedAt).toBe('2026-11-20T10:01:00.000Z');
    const overnight = next(setup(), toAnswer(6), '2026-11-21T07:30:00.000Z').state.session;
    expect(overnight.startedAt).toBe('2026-11-21T07:30:00.000Z');
  });

  it('ends a session cut off by a crash at its last answer, a skip included', () => {
    // Answers at 10:01 (baseline), 10:02 done, 10:03 score, 10:04 skip.
    const { session } = play([5, 'done', 3, 'skip']);
    expect(session.status).toBe('in-progress');
    expect(cutOff(session)).toMatchObject({ status: 'interrupted', endedAt: '2026-11-20T10:04:00.000Z' });
    expect(cutOff(play([5, 'done', 3]).session).endedAt).toBe('2026-11-20T10:03:00.000Z');
    expect(cutOff(setup().session).endedAt).toBe('2026-11-20T10:00:00.000Z');
  });

  it('puts the end of a session cut off right after its start, where the store keeps it', () => {
    // The same records then read the same in two exports, one before the cut and one after.
    const keys = Object.keys(cutOff(play([5, 'done', 3]).session));
    expect(keys.slice(0, 3)).toEqual(['id', 'startedAt', 'endedAt']);
  });

  it('never changes the state it was given, whatever the answer', () => {
    // Baseline, done, a score that asks for a retry, done, a retry that sets the drill aside,
    // done, a flare, go on, skip: every kind of step.
    const answers: Short[] = [5, 'done', 6, 'done', 5, 'done', 9, 'go-on', 'skip'];
    let state = setup();
    answers.forEach((short, i) => {
      const frozen = structuredClone(state);
      const step = next(state, toAnswer(short), `2026-11-20T10:${String(i + 1).padStart(2, '0')}:00.000Z`);
      expect(state, `answer ${i} (${short})`).toEqual(frozen);
      state = step.state;
    });
    expect(state.session.results.map((r) => r.outcome)).toEqual(['avoid', 'avoid', 'skipped']);
    expect(state.ask.kind).toBe('finished');
    // The two ways to end early: stop at a drill, end after a flare.
    for (const [earlier, last] of [[[5], 'stop'], [[5, 'done', 9], 'end']] as [Short[], Short][]) {
      const before = play(earlier).state;
      const frozen = structuredClone(before);
      expect(next(before, toAnswer(last), '2026-11-20T11:00:00.000Z').state.session.status).toBe('stopped');
      expect(before, String(last)).toEqual(frozen);
    }
  });

  it('takes the ends of the scale, 0 and 10, and starts the next drill from a score of 0', () => {
    const { session, feedback } = play([10, 'done', 0, 'done', 0]);
    expect(session.baseline).toBe(10);
    expect(feedback).toEqual([
      { kind: 'improved', exercise: drills[0], attempt: 1, before: 10, after: 0 },
      { kind: 'retry', exercise: drills[1], attempt: 1, before: 0, after: 0 },
    ]);
    expect(latestScore(session)).toBe(0);
  });

  it('refuses an answer that does not fit the question, and scores off the scale', () => {
    expect(() => next(setup(), { kind: 'exercise', choice: 'done' }, 'x')).toThrow(/does not fit/);
    // A drill shown, its score asked, or whether to go on after a flare-up: each takes its own answer only.
    expect(() => next(play([5]).state, { kind: 'after-flare', goOn: true }, 'x')).toThrow(/does not fit/);
    expect(() => next(play([5, 'done']).state, { kind: 'after-flare', goOn: true }, 'x')).toThrow(/does not fit/);
    expect(() => next(play([5, 'done', 9]).state, { kind: 'score', score: 3 }, 'x')).toThrow(/does not fit/);
    expect(() => next(setup(), { kind: 'score', score: 11 }, 'x')).toThrow(RangeError);
    expect(() => next(setup(), { kind: 'score', score: 2.5 }, 'x')).toThrow(RangeError);
  });
});

describe('parseScore', () => {
  it.each([
    ['0', 0],
    ['10', 10],
    [' 7 ', 7],
    ['+3', 3],
    ['4.0', 4],
    ['4,0', 4],
    ['5.', 5],
    ['\uff15', 5], // a full-width 5
    ['\uff11\uff10', 10],
    ['\u0663', 3], // an Arabic-Indic 3, as an Arabic keyboard types it
    ['\u06f7', 7], // a Persian 7
    ['\u0967\u0966', 10], // a Devanagari 10, from a Hindi keyboard
    ['\u0660', 0],
    ['7\u200b', 7], // pasted with a zero-width space
    ['\u200e4\u200e', 4], // pasted from a chat, between left-to-right marks
    ['\u061c\u0665', 5], // an Arabic 5 after the mark Arabic text may carry
    ['2\u2060', 2], // with a word joiner
    // An Eastern Pwo Karen 9, whose digits follow another script's ten. Unicode 16 made them
    // digits: Node 20.17, with Unicode 15.1, knows no digit there to read.
    ...(/\p{Nd}/u.test('\u{116e3}') ? [['\u{116e3}', 9] as [string, number]] : []),
  ])('accepts %j as %d', (text, score) => {
    expect(parseScore(text)).toEqual({ ok: true, score });
  });
  it('reads "-0" as 0, not minus zero', () => {
    const result = parseScore('-0');
    expect(result.ok && Object.is(result.score, 0)).toBe(true);
  });
  it.each([
    ['5/10', 'Type just the number, like 5: the scale is always out of 10.'],
    ['7 / 10', 'Type just the number, like 7: the scale is always out of 10.'],
    ['3 out of 10', 'Type just the number, like 3: the scale is always out of 10.'],
    ['10/10', 'Type just the number, like 10: the scale is always out of 10.'],
    ['05/10', 'Type just the number, like 5: the scale is always out of 10.'],
    ['\u0665/\u0661\u0660', 'Type just the number, like 5: the scale is always out of 10.'],
    ['6-7', 'Pick one number, 6 or 7: the one closer to how it feels right now.'],
    ['6 – 7', 'Pick one number, 6 or 7: the one closer to how it feels right now.'],
    ['3 to 4', 'Pick one number, 3 or 4: the one closer to how it feels right now.'],
    ['9 or 10', 'Pick one number, 9 or 10: the one closer to how it feels right now.'],
    ['10 or 9', 'Pick one number, 10 or 9: the one closer to how it feels right now.'],
  ])('asks for just the number when %j is typed', (text, reason) => {
    expect(parseScore(text)).toEqual({ ok: false, reason });
  });
  it.each([
    ['11', /outside the scale/],
    ['-1', /outside the scale/],
    ['five', /not a number/],
    ['', /Type a number/],
    ['3.5', /whole number/],
    ['5,5', /whole number/],
    ['5.0000000000000000001', /whole number/],
    ['9.99999999999999999999', /whole number/],
    ['1e1', /not a number/],
    ['0x5', /not a number/],
    ['12/10', /"12\/10" is not a number/],
    ['10-12', /"10-12" is not a number/],
    ['.5', /not a number/],
  ])('refuses %j and says why', (text, reason) => {
    const result = parseScore(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
  it('names a number too long to write out as typed, and quotes back a long paste cut short', () => {
    expect(parseScore('99999999999999999999999')).toEqual({
      ok: false,
      reason: '99999999999999999999… is outside the scale. Use 0 (none) to 10 (worst imaginable).',
    });
    expect(parseScore('0000000000000000000000011')).toMatchObject({ ok: false, reason: expect.stringMatching(/^11 is outside the scale/) });
    expect(parseScore(`it hurts ${'a lot '.repeat(50)}`)).toEqual({
      ok: false,
      reason: '"it hurts a lot a lot…" is not a number. Type just the number, from 0 to 10, like 5.',
    });
  });
  it('quotes back a paste of 20 characters whole, and one of 21 cut to its first 20', () => {
    expect(parseScore('x'.repeat(20))).toEqual({ ok: false, reason: `"${'x'.repeat(20)}" is not a number. Type just the number, from 0 to 10, like 5.` });
    expect(parseScore('x'.repeat(21))).toEqual({ ok: false, reason: `"${'x'.repeat(20)}…" is not a number. Type just the number, from 0 to 10, like 5.` });
  });
  it('quotes back what was typed with control characters escaped, so it cannot garble the line', () => {
    expect(parseScore('5\u202e01')).toEqual({ ok: false, reason: '"5\\u202e01" is not a number. Type just the number, from 0 to 10, like 5.' });
    expect(parseScore('\u001b[2J5')).toMatchObject({ ok: false, reason: expect.stringMatching(/^"\\u001b\[2J5" is not a number/) });
  });
});
