// Sessions made the way real ones are: by answering the core state machine, then stopping,
// pressing Ctrl-C, or leaving the session in progress for a later run to cut off. Unlike
// buildSession, nothing here restates the method, so these are the records a real run writes.
import type { Session, Thresholds } from '../../src/core/records.js';
import { cutOff, interrupt, next, start, type Answer, type PlannedExercise, type SessionState } from '../../src/core/session.js';
import type { Random } from '../fixtures/resilience.js';

/** Answers in the short form a person gives them: a number is a score, a word is a choice. */
export type ShortAnswer = number | 'done' | 'skip' | 'stop' | 'go-on' | 'end';

/** How the session ends when the answers run out before it finishes. */
export type Ending = 'in-progress' | 'interrupted' | 'cut-off';

export interface PlayOptions {
  drills?: string[];
  thresholds?: Thresholds;
  ending?: Ending;
  movement?: string;
}

const START = Date.parse('2026-11-20T10:00:00.000Z');

export function play(answers: ShortAnswer[], options: PlayOptions = {}): Session {
  let state = begin(options.drills ?? ['ankle', 'knee', 'hip'], options.thresholds, options.movement);
  answers.forEach((short, index) => {
    state = next(state, toAnswer(short), new Date(START + (index + 1) * 60_000).toISOString()).state;
  });
  return end(state, options.ending ?? 'interrupted', new Date(START + (answers.length + 1) * 60_000).toISOString());
}

/**
 * A session from random answers: 0–6 drills from a small pool (a routine may list a drill twice),
 * random thresholds, scores near the latest one or anywhere, skips, stops, flares, and a clock
 * that sometimes stands still or goes back. It ends where the answers run out.
 */
export function randomSession(random: Random, id: string): Session {
  const pool = ['ankle', 'knee', 'hip', 'clamshells'];
  const drills = Array.from({ length: random.int(0, 6) }, () => random.pick(pool));
  const thresholds = { minImprovement: random.int(1, 3), flareRise: random.int(2, 5) };
  let state = begin(drills, thresholds, random.pick(['single-leg squat', 'stairs: down, two at a time', 'Walking']), id);
  let clock = START;
  const tick = () => new Date((clock += random.pick([0, -30, 60, 90, 240]) * 1000)).toISOString();
  let answersLeft = random.next() < 0.6 ? Infinity : random.int(0, 14);

  while (state.ask.kind !== 'finished' && answersLeft-- > 0) {
    state = next(state, randomAnswer(random, state), tick()).state;
  }
  return end(state, random.pick<Ending>(['in-progress', 'interrupted', 'cut-off']), tick());
}

function randomAnswer(random: Random, state: SessionState): Answer {
  const { ask } = state;
  const roll = random.next();
  switch (ask.kind) {
    case 'baseline':
      return { kind: 'score', score: random.int(0, 10) };
    case 'exercise':
      return { kind: 'exercise', choice: roll < 0.78 ? 'done' : roll < 0.93 ? 'skip' : 'stop' };
    case 'score': {
      // Mostly near the score before, so that every verdict comes up often.
      const score = roll < 0.25 ? random.int(0, 10) : Math.min(10, Math.max(0, ask.before + random.int(-3, 4)));
      return { kind: 'score', score };
    }
    case 'after-flare':
      return { kind: 'after-flare', goOn: roll < 0.7 };
    case 'finished':
      throw new Error('a finished session asks nothing');
  }
}

function begin(drills: string[], thresholds: Thresholds = { minImprovement: 1, flareRise: 3 }, movement = 'single-leg squat', id = 'played'): SessionState {
  const exercises: PlannedExercise[] = drills.map((drill) => ({ id: drill, name: `${drill} drill` }));
  return start({
    id,
    startedAt: new Date(START).toISOString(),
    routine: 'joint-chain',
    side: 'left',
    symptom: 'pain',
    movement,
    thresholds,
    exercises,
  });
}

function end(state: SessionState, ending: Ending, at: string): Session {
  if (state.session.status !== 'in-progress' || ending === 'in-progress') return state.session;
  return ending === 'interrupted' ? interrupt(state, at).session : cutOff(state.session);
}

function toAnswer(short: ShortAnswer): Answer {
  if (typeof short === 'number') return { kind: 'score', score: short };
  if (short === 'go-on' || short === 'end') return { kind: 'after-flare', goOn: short === 'go-on' };
  return { kind: 'exercise', choice: short };
}
