// The words a person reads after each score: they must match the session's own thresholds.
import { describe, expect, it } from 'vitest';
import type { Feedback } from '../../src/core/session.js';
import { colours } from '../../src/ui/colour.js';
import { drillCard, feedbackLine, interruptedNote, summary } from '../../src/ui/session-view.js';
import { width } from '../../src/ui/width.js';
import { buildSession } from '../helpers/sessions.js';
import { onTerminal } from '../helpers/terminal.js';
import { drill } from '../helpers/drills.js';

const plain = colours(false);
const clamshells = drill('clamshells', 'Clamshells');
const defaults = { minImprovement: 1, flareRise: 3 };
const strict = { minImprovement: 2, flareRise: 5 };
const line = (kind: 'improved' | 'retry' | 'avoid' | 'flare', before: number, after: number, thresholds = defaults) => {
  const feedback: Feedback = { kind, exercise: clamshells, attempt: kind === 'avoid' ? 2 : 1, before, after };
  return feedbackLine(feedback, 'pain', thresholds, '2026-12-05', plain);
};

describe('feedback after a score', () => {
  it('says "no change" only when the score stayed the same', () => {
    expect(line('retry', 4, 4)).toBe("• No change: pain 4 → 4. Let's give it one more careful try.\n");
    expect(line('retry', 5, 4, strict)).toBe(
      '• Not enough: pain 5 → 4; it helps when the score falls by 2 points or more.\n' + "  Let's give it one more careful try.\n",
    );
  });

  it('tells a small rise from a big one that is still under the flare threshold', () => {
    expect(line('retry', 4, 5)).toMatch(/^• A little worse: pain 4 → 5\./);
    expect(line('retry', 3, 7, strict)).toMatch(/^• Worse: pain 3 → 7\./);
  });

  it('calls a rise of two points, still under the flare threshold, worse rather than a little worse', () => {
    expect(line('retry', 4, 6)).toBe("• Worse: pain 4 → 6. Let's give it one more careful try.\n");
  });

  it('after a second try that left the score where it started, says it is still not better', () => {
    expect(line('avoid', 4, 4)).toMatch(/^• Still not better than 4 \(now 4\)\. Clamshells is set aside for now\.\n/);
  });

  it('after the second try, says why the drill is set aside, with its re-test date', () => {
    expect(line('avoid', 4, 5)).toBe(
      '• Still not better than 4 (now 5). Clamshells is set aside for now.\n  It is not wrong for you forever: it will be offered again from 2026-12-05.\n',
    );
    expect(line('avoid', 6, 5, strict)).toMatch(/^• Still not enough: pain 6 → 5; it helps when the score falls by 2 points or\n  more\. Clamshells is set aside/);
  });

  it('gives a flare-up its re-test date too, and says stopping is a sound choice only when a next drill could follow', () => {
    expect(line('flare', 3, 6)).toBe(
      '✗ Your pain went up: 3 → 6. That is a flare-up, so Clamshells stops here, with\n' +
        // A verdict's next lines start under its words, past its mark.
        '  no retry.\n' +
        // Wrapped to the terminal's 80 columns, under the verdict.
        '  It is set aside for now and flagged as a flare-up; it will be offered again\n' +
        '  from 2026-12-05. Stopping here for today is a sound choice.\n',
    );
    // On the second try there was a retry already.
    expect(feedbackLine({ kind: 'flare', exercise: clamshells, attempt: 2, before: 3, after: 6 }, 'pain', defaults, '2026-12-05', plain)).toMatch(
      /^✗ Your pain went up: 3 → 6\. That is a flare-up, so Clamshells stops here\.\n/,
    );
    const feedback: Feedback = { kind: 'flare', exercise: clamshells, attempt: 1, before: 3, after: 6 };
    const last = feedbackLine(feedback, 'pain', defaults, '2026-12-05', plain, { last: true });
    expect(last).toContain('from 2026-12-05.\n');
    expect(last).not.toContain('Stopping here');
    // Nothing that nudges the person on to the next drill.
    expect(line('flare', 3, 6)).not.toMatch(/before you go on|Rest a moment/);
  });

  it('wraps a verdict with a long drill name to 80 columns, between words', () => {
    const long = drill('hip-external-rotation-extension', 'Hip external rotation with extension (90/90 hip lift)');
    const text = feedbackLine({ kind: 'improved', exercise: long, attempt: 1, before: 5, after: 3 }, 'discomfort', defaults, '2026-12-05', plain);
    // The short note in brackets stays whole, on the next line.
    expect(text).toBe('✓ Better: discomfort 5 → 3. Hip external rotation with extension\n  (90/90 hip lift) goes into your rehab bucket.\n');
  });

  it('says a drill already in the rehab bucket stays there', () => {
    const feedback: Feedback = { kind: 'improved', exercise: clamshells, attempt: 1, before: 5, after: 3 };
    expect(feedbackLine(feedback, 'pain', defaults, '2026-12-05', plain, { standing: 'rehab' })).toBe('✓ Better: pain 5 → 3. Clamshells stays in your rehab bucket.\n');
    expect(feedbackLine(feedback, 'pain', defaults, '2026-12-05', plain)).toBe('✓ Better: pain 5 → 3. Clamshells goes into your rehab bucket.\n');
  });

  it('says where a skipped drill stays in plain words: untested, in the rehab bucket, or set aside', () => {
    const feedback: Feedback = { kind: 'skipped', exercise: clamshells };
    expect(feedbackLine(feedback, 'pain', defaults, '2026-12-05', plain, { standing: 'untested' })).toBe('Skipped Clamshells. It stays untested.\n');
    expect(feedbackLine(feedback, 'pain', defaults, '2026-12-05', plain, { standing: 'rehab' })).toBe('Skipped Clamshells. It stays in your rehab bucket.\n');
    expect(feedbackLine(feedback, 'pain', defaults, '2026-12-05', plain, { standing: 'set aside' })).toBe('Skipped Clamshells. It stays set aside for now.\n');
  });
});

describe('the drill card', () => {
  const banded = {
    ...clamshells,
    region: 'hip' as const,
    steps: ['Lie on your side with your knees bent.', 'Lift the top knee, feet together.'],
    dose: { sets: 2, reps: 10, perSide: false },
    equipment: ['a loop band'],
    cues: ['Keep your pelvis still.'],
  };

  it('shows its place in the routine, numbered steps from 1, the dose and side, what is needed and the cues', () => {
    expect(drillCard({ exercise: banded, index: 1, total: 3, attempt: 1, side: 'left' }, plain)).toBe(
      [
        '',
        'Exercise 2 of 3 · hip',
        'Clamshells',
        '   1. Lie on your side with your knees bent.',
        '   2. Lift the top knee, feet together.',
        '  Dose: 2 sets × 10 reps   Side: your left side (the painful side)',
        '  You need: a loop band',
        '  › Keep your pelvis still.',
        '',
      ].join('\n'),
    );
  });

  it('keeps the dose and the side on one line when together they take exactly 80 columns', () => {
    const long = { ...banded, dose: { sets: 10, reps: 10, holdSeconds: 300, perSide: false } };
    const lines = drillCard({ exercise: long, index: 0, total: 1, attempt: 1, side: 'left' }, plain).split('\n');
    const both = lines.find((line) => line.startsWith('  Dose: '));
    expect(both).toBe('  Dose: 10 sets × 10 reps × hold 300 s   Side: your left side (the painful side)');
    expect(width(both!)).toBe(80);
  });
});

describe('the second try', () => {
  // The card wraps its lines; the advice is read as one text.
  const card = (exercise = clamshells) => drillCard({ exercise, index: 0, total: 3, attempt: 2, side: 'left' }, plain).replace(/\s+/g, ' ');

  it('says so before the name, so that a name ending in brackets does not get a second pair after it', () => {
    const lift = drill('hip-external-rotation-extension', 'Hip external rotation with extension (90/90 hip lift)');
    const lines = drillCard({ exercise: lift, index: 1, total: 4, attempt: 2, side: 'left' }, plain).split('\n');
    expect(lines[2]).toBe('Second try: Hip external rotation with extension (90/90 hip lift)');
    expect(lines.join(' ')).not.toMatch(/\) *\(/);
    // The first try shows the name alone.
    expect(drillCard({ exercise: lift, index: 1, total: 4, attempt: 1, side: 'left' }, plain).split('\n')[2]).toBe(lift.name);
  });

  it('keeps "Second try:" at the start of the title on a narrow terminal, the name wrapped after it', async () => {
    const lift = drill('hip-external-rotation-extension', 'Hip external rotation with extension (90/90 hip lift)');
    const text = await onTerminal(40, async () => drillCard({ exercise: lift, index: 1, total: 4, attempt: 2, side: 'left' }, plain));
    expect(text.split('\n').slice(2, 4)).toEqual(['Second try: Hip external rotation with', 'extension (90/90 hip lift)']);
  });

  it('asks for a slower, smaller movement when the drill has reps', () => {
    expect(card()).toContain('Read the steps again and check your form. Go slower and use a smaller range this time.');
  });

  it('points to the video as well when the drill has one', () => {
    const filmed = { ...clamshells, video: 'https://example.org/clamshells' };
    expect(card(filmed)).toContain('Read the steps again (or watch the video below) and check your form.');
    expect(card(filmed)).toContain('Video: https://example.org/clamshells');
  });

  it('asks for a slower, smaller movement when the drill has reps, even with a hold at each rep', () => {
    const held = { ...clamshells, dose: { reps: 8, holdSeconds: 5, perSide: true } };
    expect(card(held)).toContain('Go slower and use a smaller range this time.');
    expect(card(held)).not.toContain('Ease off');
  });

  it('asks to ease off a hold, which has no speed or range to shrink', () => {
    const hold = { ...drill('isometric-glute-holds', 'Isometric glute holds'), dose: { holdSeconds: 20, sets: 3, perSide: true } };
    const text = card(hold);
    expect(text).toContain('Ease off this time: a gentler position or effort, and a shorter hold if you need it.');
    expect(text).not.toContain('smaller range');
  });
});

describe('the drill card on a narrow terminal', () => {
  it('wraps the dose and the side between words under their labels', async () => {
    const hold = { ...clamshells, side: 'painful' as const, dose: { holdSeconds: 30, sets: 2, perSide: true } };
    for (const columns of [30, 50]) {
      const text = await onTerminal(columns, async () => drillCard({ exercise: hold, index: 0, total: 3, attempt: 1, side: 'both' }, plain));
      const lines = text.split('\n');
      expect(lines.filter((line) => width(line) > columns), `${columns} columns`).toEqual([]);
      const at = lines.findIndex((line) => line.startsWith('  Side: '));
      const side = lines.slice(at, lines.findIndex((line, i) => i > at && !line.startsWith('        '))).join(' ').replace(/\s+/g, ' ').trim();
      expect(side).toBe('Side: each side in turn, the full dose on each (both sides are painful)');
      expect(lines.find((line) => line.startsWith('  Dose: '))).toMatch(/^ {2}Dose: 2 sets × hold 30 s/);
    }
  });

  it('breaks a long name before its note in brackets, not inside it, on the first and the second try', async () => {
    const cars = drill('hip-cars', 'Hip CARs (controlled articular rotations)');
    const heading = async (attempt: 1 | 2) => {
      const text = await onTerminal(40, async () => drillCard({ exercise: cars, index: 3, total: 4, attempt, side: 'both' }, plain));
      return text.split('\n').slice(2, 4);
    };
    expect(await heading(1)).toEqual(['Hip CARs', '(controlled articular rotations)']);
    expect(await heading(2)).toEqual(['Second try: Hip CARs', '(controlled articular rotations)']);
  });
});

describe('the note on an interrupted session', () => {
  const at = '2026-11-01T10:00:00.000Z';
  it('says what was kept: the baseline alone, the scores after it, or the finished drills', () => {
    const untested = () => 'untested' as const;
    expect(interruptedNote(buildSession({ startedAt: at, baseline: 5 }), untested)).toBe('Session interrupted. Kept: your baseline (5).');
    // A drill scored once, its retry still to come: only then is there an unfinished drill to speak of.
    const midDrill = buildSession({ startedAt: at, baseline: 5, drills: [{ id: 'clamshells', scores: [5], unfinished: true }] });
    expect(interruptedNote(midDrill, untested)).toBe(
      'Session interrupted. Kept: your baseline (5) and every score you gave after it. The drill you had not finished stays untested.',
    );
    // Back for its re-test, or tested again from the rehab bucket: it stays there.
    expect(interruptedNote(midDrill, () => 'set aside')).toContain('The drill you had not finished stays set aside for now.');
    expect(interruptedNote(midDrill, () => 'rehab')).toContain('The drill you had not finished stays in your rehab bucket.');
    const finished = buildSession({ startedAt: at, baseline: 5, drills: [{ id: 'clamshells', name: 'Clamshells', scores: [3] }] });
    expect(interruptedNote(finished, untested)).toBe('Session interrupted. Kept: your baseline (5) and 1 finished drill: Clamshells → rehab.');
  });

  it('says what a finished drill did, and where it stands now, when another itb command reset or moved it since', () => {
    const untested = () => 'untested' as const;
    const session = buildSession({
      startedAt: at,
      baseline: 6,
      drills: [
        { id: 'clamshells', name: 'Clamshells', scores: [4] },
        { id: 'bridges', name: 'Bridges', scores: [6, 6] },
        { id: 'hip-hikes', name: 'Hip hikes', scores: [5], unfinished: true },
      ],
    });
    // Reset after the session's results were saved: none counts in the buckets any more.
    const reset = interruptedNote(session, () => 'rehab', { standing: untested, resetAt: '2026-11-01T11:00:00.000Z' });
    expect(reset).toBe(
      'Session interrupted. Kept: your baseline (6) and 2 finished drills: Clamshells (helped; untested now, as your buckets were reset since), ' +
        'Bridges (did not help; untested now, as your buckets were reset since). The drill you had not finished stays untested.',
    );
    expect(reset).not.toContain('→');
    // One drill moved by hand since; the other stands where the session put it.
    const moved = interruptedNote(session, untested, { standing: (id) => (id === 'clamshells' ? 'set aside' : id === 'bridges' ? 'set aside' : 'untested') });
    expect(moved).toContain('Clamshells (helped; set aside now, as another itb command changed your buckets since), Bridges → avoid for now.');
    // Nothing changed under it: said as before.
    expect(interruptedNote(session, untested, { standing: (id) => (id === 'clamshells' ? 'rehab' : id === 'bridges' ? 'set aside' : 'untested') })).toContain(
      'Clamshells → rehab, Bridges → avoid for now.',
    );
  });

  it('names a move since as the reason when the last reset came before the drill, and a flare-up as such', () => {
    // Clamshells decided at 10:01, Bridges (a flare-up) at 10:02.
    const session = buildSession({ startedAt: at, baseline: 4, drills: [{ id: 'clamshells', name: 'Clamshells', scores: [3] }, { id: 'bridges', name: 'Bridges', scores: [8] }] });
    const movedSince = interruptedNote(session, () => 'untested', {
      standing: (id) => (id === 'clamshells' ? 'set aside' : 'rehab'),
      resetAt: '2026-10-01T09:00:00.000Z',
    });
    expect(movedSince).toBe(
      'Session interrupted. Kept: your baseline (4) and 2 finished drills: Clamshells (helped; set aside now, as another itb command changed your buckets since), ' +
        'Bridges (flare-up; in rehab now, as another itb command changed your buckets since).',
    );
    // A reset dated the very moment a drill was decided clears it, as the buckets count it.
    const resetThen = interruptedNote(session, () => 'untested', { standing: (id) => (id === 'bridges' ? 'set aside' : 'untested'), resetAt: '2026-11-01T10:01:00.000Z' });
    expect(resetThen).toContain('Clamshells (helped; untested now, as your buckets were reset since), Bridges → avoid for now (flare-up).');
  });
});

describe('the session summary', () => {
  const at = '2026-11-01T10:00:00.000Z';
  // A session from a baseline of 5 through these drills.
  const sessionOf = (drills: Parameters<typeof buildSession>[0]['drills']) => buildSession({ startedAt: at, baseline: 5, drills });
  it('shows a skipped drill with no scores as a dash, and a drill left before its retry as not finished', () => {
    const session = sessionOf([
        { id: 'clamshells', name: 'Clamshells', scores: [3] },
        { id: 'side-plank', name: 'Side plank', skipped: true },
        { id: 'bridge', name: 'Bridge', scores: [3], unfinished: true },
    ]);
    const lines = summary(session, new Map([['bridge', 'Bridge']]), [], plain).split('\n');
    expect(lines).toContain('  Clamshells  5 → 3           helped → rehab');
    expect(lines).toContain('  Side plank  —               skipped');
    expect(lines).toContain('  Bridge      3 → 3           unfinished: still untested');
    // One tested before stays where it was, said so.
    const rehab = summary(session, new Map([['bridge', 'Bridge']]), [], plain, (id) => (id === 'bridge' ? 'rehab' : 'untested')).split('\n');
    expect(rehab).toContain('  Bridge      3 → 3           unfinished: still in rehab');
    const setAside = summary(session, new Map([['bridge', 'Bridge']]), [], plain, () => 'set aside').split('\n');
    expect(setAside).toContain('  Bridge      3 → 3           unfinished: still set aside');
  });

  it('names a drill as the library now does, shows both tries, and tells a flare-up from a drill that did not help', () => {
    const session = sessionOf([
        { id: 'clamshells', name: 'Clamshell', scores: [5, 5] },
        { id: 'bridge', name: 'Bridge', scores: [8] },
    ]);
    const lines = summary(session, new Map([['clamshells', 'Clamshells']]), [], plain).split('\n');
    expect(lines).toContain('  Clamshells  5 → 5, then 5 → 5  no help → avoid for now');
    expect(lines).toContain('  Bridge      5 → 8              flare-up → avoid for now');
  });

  it('shows both tries of a drill when a clock set back between them dates the retry before the first try', () => {
    const session = sessionOf([{ id: 'clamshells', name: 'Clamshells', scores: [5, 3] }]);
    // The clock went back an hour before the retry: the retry, and the result with it, read earlier.
    const earlier = new Date(Date.parse(session.attempts[1]!.at) - 3_600_000).toISOString();
    session.attempts[1] = { ...session.attempts[1]!, at: earlier };
    session.results[0] = { ...session.results[0]!, at: earlier };
    expect(summary(session, new Map(), [], plain).split('\n')).toContain('  Clamshells  5 → 5, then 5 → 3  helped → rehab');
  });

  it('says under the table, apart from it, which tries were scored after timing only some of their holds', () => {
    const session = sessionOf([
        { id: 'glute-holds', name: 'Glute holds', scores: [5, 5] },
        { id: 'clamshells', name: 'Clamshells', scores: [3] },
    ]);
    session.attempts[0]!.holds = { timed: 2, of: 6 };
    session.attempts[1]!.holds = { timed: 3, of: 6 };
    const lines = summary(session, new Map(), [], plain).split('\n');
    const last = lines.findIndex((line) => line.startsWith('  Clamshells'));
    expect(lines[last + 1]).toBe('');
    // Its later line further in: at two spaces it would read as the next drill's note.
    expect(lines[last + 2]).toBe('  Glute holds: 2 of 6 holds timed on the first try and 3 of 6 holds timed on');
    expect(lines[last + 3]).toBe('    the second try.');
    expect(lines.filter((line) => line.includes('holds timed'))).toHaveLength(1);
    // Named as the table names it, as the library now does.
    const renamed = summary(session, new Map([['glute-holds', 'Glute bridge holds']]), [], plain);
    expect(renamed).toContain('\n  Glute bridge holds  5 → 5, then 5 → 5  ');
    expect(renamed.replace(/\s+/g, ' ')).toContain(' Glute bridge holds: 2 of 6 holds timed on the first try and 3 of 6 holds timed on the second try.');
    expect(renamed).not.toContain('Glute holds');
  });

  it('shows a flare-up in red, which stands out on any background, and a drill that did not help in plain words', () => {
    const session = sessionOf([
        { id: 'clamshells', name: 'Clamshells', scores: [5, 5] },
        { id: 'bridge', name: 'Bridge', scores: [8] },
    ]);
    const lines = summary(session, new Map(), [], colours(true)).split('\n');
    expect(lines.find((line) => line.includes('Bridge'))).toMatch(/\x1b\[31mflare-up → avoid for now\x1b\[39m$/);
    expect(lines.find((line) => line.includes('Clamshells'))).toMatch(/ no help → avoid for now$/);
  });

  // The library's longest names, as a session of the hip rotation routine shows them.
  const hipRotation = (unfinished: boolean) =>
    buildSession({
      startedAt: at,
      baseline: 5,
      drills: [
        { id: 'hip-range-exploration', name: 'Hip range exploration (knee drops)', scores: [3] },
        { id: 'hip-external-rotation-extension', name: 'Hip external rotation with extension (90/90 hip lift)', scores: [3, 4] },
        { id: 'hip-internal-rotation', name: 'Seated hip internal rotation', scores: [7] },
        ...(unfinished ? [{ id: 'hip-cars', scores: [7], unfinished: true }] : []),
      ],
    });

  // Its table at 80 columns: each long name wrapped in its column, before its note in brackets where that fits.
  const hipRotationRows = [
    '  Exercise                      Before → after     Result',
    '  Hip range exploration         5 → 3              helped → rehab',
    '    (knee drops)',
    '  Hip external rotation with    3 → 3, then 3 → 4  no help → avoid for now',
    '    extension (90/90 hip lift)',
    '  Seated hip internal rotation  4 → 7              flare-up → avoid for now',
  ];

  it('keeps its columns when a long name would make a row wider than 80 columns: the name wraps, before its note in brackets', () => {
    const lines = summary(hipRotation(false), new Map(), [], plain).split('\n');
    expect(lines.slice(3, 10)).toEqual([...hipRotationRows, '']);
  });

  it('keeps on one line a name that takes exactly the room its column has, note in brackets and all', () => {
    // 33 columns: what is left of 80 beside the widest scores (17) and result (24).
    const lines = summary(hipRotation(false), new Map([['hip-range-exploration', 'Hip range exploration (knee drop)']]), [], plain).split('\n');
    expect(lines[4]).toBe('  Hip range exploration (knee drop)  5 → 3              helped → rehab');
    expect(lines[5]).toMatch(/^ {2}Hip external rotation with/);
  });

  it('breaks a name between words where its note in brackets is too long for a line of its own', () => {
    // A drill left before its second try has no result: its name is the library's.
    const lines = summary(hipRotation(true), new Map([['hip-cars', 'Hip CARs (controlled articular rotations)']]), [], plain).split('\n');
    expect(lines.slice(3, 12)).toEqual([
      '  Exercise                        Before → after     Result',
      '  Hip range exploration           5 → 3              helped → rehab',
      '    (knee drops)',
      '  Hip external rotation with      3 → 3, then 3 → 4  no help → avoid for now',
      '    extension (90/90 hip lift)',
      '  Seated hip internal rotation    4 → 7              flare-up → avoid for now',
      '  Hip CARs (controlled articular  7 → 7              unfinished: still untested',
      '    rotations)',
      '',
    ]);
    expect(lines.filter((line) => width(line) > 80)).toEqual([]);
  });

  it('lists the drills, each name whole, on a terminal too narrow to give the names a column', async () => {
    const text = await onTerminal(60, async () => summary(hipRotation(false), new Map(), [], plain));
    const lines = text.split('\n');
    expect(lines.filter((line) => width(line) > 60)).toEqual([]);
    expect(lines).not.toContain(expect.stringContaining('Before → after'));
    expect(lines.slice(3, 5)).toEqual(['  Hip range exploration (knee drops)', '    pain 5 → 3 · helped → rehab']);
  });

  it('keeps the baseline → final scores together on a narrow terminal, beside what they are', async () => {
    const session = buildSession({ startedAt: at, baseline: 5, symptom: 'tightness', movement: 'single-leg squat', drills: [{ id: 'clamshells', name: 'Clamshells', scores: [4] }] });
    const text = await onTerminal(40, async () => summary(session, new Map(), [], plain));
    const lines = text.split('\n');
    const at40 = lines.findIndex((line) => line.includes('tightness during'));
    // Not "…single-leg squat: 5 →" over "4": a score alone on a line reads as something else.
    expect(lines.slice(at40, at40 + 3)).toEqual(['  tightness during single-leg squat:', '  5 → 4 (baseline → final)', '']);
  });

  it('says "(not named)" for a test movement of spaces alone, as the history and the reports do', () => {
    const session = buildSession({ startedAt: at, baseline: 5, movement: '   ', drills: [{ id: 'clamshells', name: 'Clamshells', scores: [4] }] });
    const lines = summary(session, new Map(), [], plain).split('\n');
    expect(lines).toContain('  pain during (not named): 5 → 4 (baseline → final)');
  });

  it('breaks the command that keeps a drill where it was moved, too long for a narrow terminal, after the shell\'s "\\"', async () => {
    const command = "itb --data '/home/sam/My PT/plan.yaml' buckets move clamshells rehab";
    const change = { name: 'Clamshells', from: 'rehab', to: 'avoid for now', aside: { text: 'You had moved it to rehab by hand. To keep it there all the same:', command } };
    const lines = (await onTerminal(60, async () => summary(buildSession({ startedAt: at, baseline: 5 }), new Map(), [change], plain))).split('\n');
    const from = lines.findIndex((line) => line.startsWith("      itb --data '/home/sam/My PT/plan.yaml'"));
    expect(lines.slice(from, from + 2)).toEqual(["      itb --data '/home/sam/My PT/plan.yaml' buckets move \\", '        clamshells rehab']);
    expect(lines.filter((line) => width(line) > 60)).toEqual([]);
  });

  it('keeps a bucket change on one line when it takes exactly 80 columns', () => {
    const change = { name: 'Side-lying hip abduction with a loop band', from: 'untested', to: 'avoid for now (flare-up)' };
    const lines = summary(buildSession({ startedAt: at, baseline: 5 }), new Map(), [change], plain).split('\n');
    const line = '  Side-lying hip abduction with a loop band: untested → avoid for now (flare-up)';
    expect(width(line)).toBe(80);
    expect(lines.slice(lines.indexOf('Bucket changes'))).toEqual(['Bucket changes', line, '']);
  });
});
