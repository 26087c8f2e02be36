// Ten years of one person's itb use, for the benchmark: one session a day, made by the real
// session state machine (`start` / `next` / `interrupt`) so every record is one the app itself
// could have written, with buckets projected by the real core. Scores follow a slow recovery
// with flare-ups; each drill has its own hidden effect for this person. Deterministic (seeded),
// dated so that the last session is yesterday.
import { projectBuckets } from '../src/core/projection.js';
import type { ManualMove, PainfulSide, Screening, Session, StoreData, Symptom } from '../src/core/records.js';
import { interrupt, next, start, type Answer, type SessionState } from '../src/core/session.js';
import { defaultSettings, redFlags, SCHEMA_VERSION } from '../src/core/terms.js';
import { onLeg, type Leg } from '../src/core/test-leg.js';
import type { Exercise, Library } from '../src/library/schema.js';

export interface HistoryOptions {
  days?: number;
  seed?: number;
  now?: Date;
}

export interface HistoryCounts {
  sessions: number;
  attempts: number;
  results: number;
  moves: number;
  screenings: number;
  interrupted: number;
  stopped: number;
  flares: number;
  skips: number;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Mulberry32: small, fast and good enough to vary a made-up history reproducibly. */
function randomSource(seed: number) {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const chance = (p: number) => random() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const uuid = () =>
    'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
      const digit = Math.floor(random() * 16);
      return (c === 'x' ? digit : (digit & 0x3) | 0x8).toString(16);
    });
  return { random, chance, pick, between, uuid };
}

const clampScore = (value: number) => Math.max(0, Math.min(10, Math.round(value)));

export function syntheticHistory(library: Library, options: HistoryOptions = {}): { data: StoreData; counts: HistoryCounts } {
  const days = options.days ?? 3650;
  const rng = randomSource(options.seed ?? 20260101);
  const today = options.now ?? new Date();
  const firstDay = new Date(today.getFullYear(), today.getMonth(), today.getDate() - days);

  // How much each drill tends to change this person's score: most help a little, some do nothing,
  // a few aggravate. A retry (slower, smaller range) does a little better.
  const effect = new Map<string, number>(
    library.exercises.map((exercise) => [exercise.id, rng.pick([-2.5, -2, -2, -1.5, -1.5, -1, -1, -0.5, 0, 1])]),
  );
  const byId = new Map(library.exercises.map((exercise) => [exercise.id, exercise]));
  const routines = library.routines.filter((routine) => routine.exercises.every((id) => byId.has(id)));
  const movements = library.movements.map((movement) => movement.name);
  // With both sides painful, a movement on one leg is recorded with the leg, as a session records it.
  const oneLeg = new Set(library.movements.filter((movement) => movement.oneLeg).map((movement) => movement.name));
  const movementFallback = ['single-leg squat', 'step-down', 'walking'];

  const sessions: Session[] = [];
  const moves: ManualMove[] = [];
  const screenings: Screening[] = [];
  const counts: HistoryCounts = { sessions: 0, attempts: 0, results: 0, moves: 0, screenings: 0, interrupted: 0, stopped: 0, flares: 0, skips: 0 };
  /** Latest decision per drill, kept as the sessions go, to plan 'rehab' and 'retest' sessions cheaply. */
  const decided = new Map<string, { bucket: 'rehab' | 'avoid'; at: number }>();
  let settings: StoreData['settings'] = { ...defaultSettings };
  let side: PainfulSide = 'right';
  let leg: Leg = 'left';
  let symptom: Symptom = 'pain';
  let movement = movements[0] ?? movementFallback[0]!;
  let lastLoadingAt = -Infinity;
  let flareDaysLeft = 0;
  let bucketsResetAt: string | undefined;

  for (let day = 0; day < days; day++) {
    const startedAt = new Date(firstDay.getFullYear(), firstDay.getMonth(), firstDay.getDate() + day, rng.between(6, 20), rng.between(0, 59), rng.between(0, 59));
    let clock = startedAt.getTime();
    const tick = () => new Date((clock += rng.between(1, 4) * MINUTE_MS + rng.between(0, 59_000))).toISOString();

    // Life changes now and then: a new test movement, the other side, another symptom to rate.
    if (day === 0 || rng.chance(0.004)) movement = rng.chance(0.9) && movements.length > 0 ? rng.pick(movements) : rng.pick(movementFallback);
    if (rng.chance(0.002)) {
      const was: PainfulSide = side;
      side = rng.pick(['left', 'right', 'both'] as const);
      // The leg tested on while both sides hurt, the same every session till the side changes:
      // no draw of its own, so that every other figure of a seed stays as it was.
      if (side !== was) leg = day % 2 === 0 ? 'left' : 'right';
    }
    if (rng.chance(0.003)) symptom = rng.pick(['pain', 'pain', 'tightness', 'discomfort'] as const);
    if (day === Math.floor(days * 0.6)) settings = { ...settings, minImprovement: 2 };
    if (day === Math.floor(days * 0.8)) settings = { ...settings, minImprovement: 1, retestAfterDays: 21 };

    // The red-flag screen: at the first session, and again after a fall years later.
    if (day === 0 || day === Math.floor(days * 0.62)) {
      const answers = Object.fromEntries(redFlags.map((flag) => [flag, day > 0 && flag === 'recent-injury'])) as Screening['answers'];
      screenings.push({ at: new Date(clock - 5 * MINUTE_MS).toISOString(), answers, proceeded: true });
    }
    // A therapist's advice, a few times a year: move a drill by hand.
    if (day > 30 && rng.chance(0.006)) {
      const exercise = rng.pick(library.exercises);
      const bucket = rng.chance(0.6) ? 'rehab' : 'avoid';
      const note = rng.pick([undefined, 'Therapist: keep this one for now', 'Too sore after long runs, "try again" in spring', '=HYPERLINK("x") pasted by mistake']);
      moves.push({ exerciseId: exercise.id, bucket, at: new Date(clock - 10 * MINUTE_MS).toISOString(), ...(note ? { note } : {}) });
      decided.set(exercise.id, { bucket, at: clock - 10 * MINUTE_MS });
    }
    // Once, years in, the buckets were reset to start the experiment afresh.
    if (day === Math.floor(days * 0.3)) {
      bucketsResetAt = new Date(clock - 60 * MINUTE_MS).toISOString();
      decided.clear();
    }

    // The person's symptom level: a slow recovery, a flare-up episode now and then.
    if (flareDaysLeft === 0 && rng.chance(0.012)) flareDaysLeft = rng.between(5, 20);
    const recovery = Math.max(3, 6.5 - (day % 1200) / 250);
    const level = recovery + (flareDaysLeft > 0 ? 2.5 : 0) + (rng.random() - 0.5) * 1.5;
    if (flareDaysLeft > 0) flareDaysLeft--;

    const plan = chooseRoutine(clock);
    const loading = plan.exercises.some((exercise) => exercise.loading);
    if (loading) lastLoadingAt = clock;
    let state: SessionState = start({
      id: rng.uuid(),
      startedAt: startedAt.toISOString(),
      routine: plan.routine,
      side,
      symptom,
      movement: side === 'both' && oneLeg.has(movement) ? onLeg(movement, leg) : movement,
      thresholds: { minImprovement: settings.minImprovement, flareRise: settings.flareRise },
      exercises: plan.exercises.map(({ id, name, loading }) => ({ id, name, loading })),
    });

    // Ctrl-C somewhere in about one session in fifty; a stop instead of going on in one in sixty.
    const interruptAfter = rng.chance(0.02) ? rng.between(0, 2 * plan.exercises.length) : Infinity;
    const stopAt = rng.chance(0.016) ? rng.between(1, plan.exercises.length) : Infinity;
    let answered = 0;
    while (state.ask.kind !== 'finished') {
      if (answered++ >= interruptAfter) {
        state = interrupt(state, tick());
        break;
      }
      const step = next(state, answerTo(state, level, stopAt), tick());
      state = step.state;
      if (step.feedback && step.feedback.kind !== 'retry' && step.feedback.kind !== 'skipped') {
        decided.set(step.feedback.exercise.id, { bucket: step.feedback.kind === 'improved' ? 'rehab' : 'avoid', at: clock });
      }
    }
    sessions.push(state.session);
    settings = { ...settings, side, symptom, movement };
  }

  for (const session of sessions) {
    counts.attempts += session.attempts.length;
    counts.results += session.results.length;
    counts.flares += session.results.filter((result) => result.flare).length;
    counts.skips += session.results.filter((result) => result.outcome === 'skipped').length;
    if (session.status === 'interrupted') counts.interrupted++;
    if (session.status === 'stopped') counts.stopped++;
  }
  counts.sessions = sessions.length;
  counts.moves = moves.length;
  counts.screenings = screenings.length;

  const data: StoreData = {
    schemaVersion: SCHEMA_VERSION,
    settings,
    sessions,
    moves,
    screenings,
    buckets: projectBuckets(sessions, moves, bucketsResetAt),
    ...(bucketsResetAt ? { bucketsResetAt } : {}),
  };
  return { data, counts };

  function chooseRoutine(now: number): { routine: string; exercises: Exercise[] } {
    const rehab = [...decided].filter(([, d]) => d.bucket === 'rehab').map(([id]) => id);
    const due = [...decided].filter(([, d]) => d.bucket === 'avoid' && now - d.at >= settings.retestAfterDays * DAY_MS).map(([id]) => id);
    const roll = rng.random();
    if (due.length > 0 && roll < 0.08) return { routine: 'retest', exercises: inLibraryOrder(due) };
    if (rehab.length >= 3 && roll < 0.4) return { routine: 'rehab', exercises: inLibraryOrder(rehab).slice(0, 6) };
    // Strength drills need about 48 hours between sessions.
    const choices = routines.filter((routine) => now - lastLoadingAt >= 2 * DAY_MS || !routine.exercises.some((id) => byId.get(id)!.loading));
    // Long routines are done less often than short ones on a busy day.
    const routine = rng.pick(choices.flatMap((r) => Array<typeof r>(r.exercises.length <= 5 ? 2 : 1).fill(r)));
    return { routine: routine.id, exercises: routine.exercises.map((id) => byId.get(id)!) };
  }

  function inLibraryOrder(ids: string[]): Exercise[] {
    const wanted = new Set(ids);
    return library.exercises.filter((exercise) => wanted.has(exercise.id));
  }

  function answerTo(state: SessionState, level: number, stopAt: number): Answer {
    const { ask } = state;
    switch (ask.kind) {
      case 'baseline':
        return { kind: 'score', score: clampScore(level) };
      case 'exercise':
        if (ask.attempt === 1 && ask.index + 1 >= stopAt) return { kind: 'exercise', choice: 'stop' };
        // Nearly symptom-free: no drill can show it helps now, so most people call it a day.
        if (ask.attempt === 1 && ask.before <= 1 && rng.chance(0.3)) return { kind: 'exercise', choice: 'stop' };
        if (ask.attempt === 1 && rng.chance(0.04)) return { kind: 'exercise', choice: 'skip' };
        return { kind: 'exercise', choice: 'done' };
      case 'score': {
        // Now and then a drill aggravates the band: a flare-up of 3 points or more.
        if (rng.chance(0.012) && ask.before <= 7) return { kind: 'score', score: ask.before + rng.between(3, 10 - ask.before) };
        const change = (effect.get(ask.exercise.id) ?? 0) - (ask.attempt === 2 ? 0.5 : 0) + (rng.random() - 0.5) * 2;
        // Scores near zero rarely fall further, and nobody rates a drill up by 3 here by chance.
        const after = clampScore(Math.min(ask.before + 2, Math.max(ask.before * 0.6, ask.before + change)));
        return { kind: 'score', score: after };
      }
      case 'after-flare':
        return { kind: 'after-flare', goOn: rng.chance(0.6) };
      case 'finished':
        throw new Error('a finished session asks nothing');
    }
  }
}
