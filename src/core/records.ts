// The records itb keeps: settings, the session log, manual moves and red-flag screens.
// The store validates its file against these schemas, the JSON export is described by them,
// and the core works on the types they infer (imported as types only, so zod is not loaded).
import * as z from 'zod';
import { bucketNames, painfulSides, redFlags, SCHEMA_VERSION, symptoms } from './terms.js';

export { defaultSettings, painfulSides, SCHEMA_VERSION, symptoms } from './terms.js';

const score = z.int().min(0).max(10);
const timestamp = z.iso.datetime({ offset: true });
const exerciseId = z.string().min(1);

const thresholdsSchema = z.strictObject({
  /** A drill helped when `after <= before - minImprovement`. */
  minImprovement: z.int().min(1).max(3),
  /** A rise of this many points or more on any attempt is a flare. */
  flareRise: z.int().min(2).max(5),
});

export const settingsSchema = z.strictObject({
  ...thresholdsSchema.shape,
  /** Days after an "avoid" decision before the drill is offered again. */
  retestAfterDays: z.int().min(1).max(365),
  side: z.enum(painfulSides).optional(),
  symptom: z.enum(symptoms).optional(),
  movement: z.string().trim().min(1).max(200).optional(),
});

/**
 * A drill's dose of timed holds, of which the countdown timed only some before the person chose
 * Done: the score after it may be for fewer holds than the dose. It counts the holds timed, not
 * those done: the rest may have been done without the timer.
 */
const timedHoldsSchema = z
  .strictObject({
    /** Holds timed with the countdown, fewer than the dose's. */
    timed: z.int().min(1),
    /** Holds in the dose: its sets, on each side when it is done on each. */
    of: z.int().min(2),
  })
  .refine((holds) => holds.timed < holds.of, { message: 'timed must be fewer than of: a dose timed in full is not kept', path: ['timed'] })
  .describe('Set only when the countdown timed some of the drill\'s holds, fewer than its dose, before the score: `timed` counts the holds timed, not those done.');

const attemptSchema = z.strictObject({
  exerciseId,
  attempt: z.union([z.literal(1), z.literal(2)]),
  before: score,
  after: score,
  verdict: z.enum(['improved', 'not-improved', 'flare']),
  at: timestamp,
  /** Only when the countdown timed some of the drill's holds, not all (see timedHoldsSchema). */
  holds: timedHoldsSchema.optional(),
});

const exerciseResultSchema = z.strictObject({
  exerciseId,
  /** The drill's name when it was done, so a drill later removed from the library still reads well. */
  name: z.string(),
  outcome: z.enum(['rehab', 'avoid', 'skipped']),
  flare: z.boolean(),
  at: timestamp,
});

export const sessionSchema = z.strictObject({
  id: z.string().min(1),
  startedAt: timestamp,
  endedAt: timestamp.optional(),
  status: z.enum(['in-progress', 'completed', 'stopped', 'interrupted']),
  routine: z.string().min(1),
  side: z.enum(painfulSides),
  symptom: z.enum(symptoms),
  movement: z.string().min(1).max(200),
  thresholds: thresholdsSchema,
  /**
   * Whether a loading (strength) drill was tried: the 48-hour spacing rule counts these sessions.
   * Sessions saved by earlier versions say whether their routine held one, which warns more often.
   */
  loading: z.boolean(),
  baseline: score.optional(),
  attempts: z.array(attemptSchema),
  results: z.array(exerciseResultSchema),
});

export const manualMoveSchema = z.strictObject({
  exerciseId,
  bucket: z.enum(bucketNames),
  note: z.string().max(1000).optional(),
  at: timestamp,
});

export const screeningSchema = z.strictObject({
  at: timestamp,
  /** Saved as each is given: fewer than all of them when the person stopped part way. */
  answers: z.partialRecord(z.enum(redFlags), z.boolean()),
  /** True when the user went on to the session: every answer was no, or they chose to go on anyway. */
  proceeded: z.boolean(),
});

/** One drill's current bucket: the latest decision, kept in the store beside the log it comes from. */
const bucketEntrySchema = z.strictObject({
  exerciseId,
  bucket: z.enum(bucketNames),
  decidedAt: timestamp,
  source: z.enum(['session', 'manual']),
  flare: z.boolean(),
  note: z.string().optional(),
});

export const storeSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  settings: settingsSchema,
  sessions: z.array(sessionSchema),
  moves: z.array(manualMoveSchema),
  screenings: z.array(screeningSchema),
  buckets: z.array(bucketEntrySchema),
  /** Set by `itb buckets reset`: decisions at or before this instant no longer count; the log stays. */
  bucketsResetAt: timestamp.optional(),
});

export type Symptom = (typeof symptoms)[number];
export type PainfulSide = (typeof painfulSides)[number];
export type BucketName = (typeof bucketNames)[number];
export type RedFlag = (typeof redFlags)[number];
export type Thresholds = z.infer<typeof thresholdsSchema>;
export type Settings = z.infer<typeof settingsSchema>;
export type Attempt = z.infer<typeof attemptSchema>;
export type TimedHolds = z.infer<typeof timedHoldsSchema>;
export type ExerciseResult = z.infer<typeof exerciseResultSchema>;
export type Session = z.infer<typeof sessionSchema>;
export type ManualMove = z.infer<typeof manualMoveSchema>;
export type Screening = z.infer<typeof screeningSchema>;
export type BucketEntry = z.infer<typeof bucketEntrySchema>;
export type StoreData = z.infer<typeof storeSchema>;
