// The exercise library: what a drill, a routine, a test movement and a cue are.
// One schema serves the shipped data/library.yaml and any library a therapist writes.
import * as z from 'zod';
import { LEG_WORDS } from '../core/test-leg.js';

/** An id of any length, as backups made before ids had a limit may hold one. */
export const anyLengthId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens, like "hip-circles": the letters a to z and digits only, without accents, capitals, spaces or "_"');
/** An id is typed on the command line and shown in full beside a name: short enough for both. */
const id = anyLengthId.max(40, { error: (issue) => `must be at most 40 characters, as it is typed on the command line (this one has ${String(issue.input).length})` });
const text = z.string().trim().min(1, 'must not be empty');
/**
 * Text shown on one line, in a table or beside an id (a name, an item of equipment): one written
 * over several lines (`name: |`) or holding a tab is read with a space for each such break.
 */
const oneLine = text.overwrite((value) => value.replace(/\s+/g, ' '));
/**
 * The most characters of a drill's or a routine's name: as many as the narrowest place that keeps
 * a name whole on one line, the question of going on with a routine (NAME_COLUMNS in
 * session-setup.ts). Screens and reports show a name beside other things; much longer, it is cut
 * short or takes several lines everywhere it goes.
 */
const NAME_LIMIT = 71;
/**
 * Characters as a person counts them: an accent written as a mark after its letter, an emoji's
 * skin tone, and the invisible joiners and selectors between the parts of an emoji, add none.
 */
const charactersIn = (text: string) => [...text.replace(/[\p{M}\p{Cf}\p{Emoji_Modifier}]/gu, '')].length;
/**
 * A character that shows: not a space of any kind, an invisible format character (a zero-width
 * space or joiner, a direction mark), a mark with no letter to sit on, nor a filler drawn blank
 * (the Hangul fillers, the blank braille pattern). A name of those alone would show as nothing.
 */
const shows = /[^\s\p{Z}\p{Cf}\p{M}\u115F\u1160\u3164\uFFA0\u2800]/u;
/** Text that shows as something; an empty one is told by `text`. */
const seen = (schema: z.ZodString) =>
  schema.refine((value) => value === '' || shows.test(value), 'must not be empty: it holds only characters that show nothing, such as a zero-width space');
/** Text to read (a step, a cue, a description): a step of such characters alone would be a blank one. */
const readText = seen(text);
/** A name of at most NAME_LIMIT characters (charactersIn); `details`: where the rest goes. */
const name = (details: string) =>
  seen(oneLine).refine((value) => charactersIn(value) <= NAME_LIMIT, {
    error: (issue) => `must be at most ${NAME_LIMIT} characters, short enough for the lines that show it (this one has ${charactersIn(String(issue.input))}): put the details in ${details}`,
  });
/** A drill's name of any length, as backups made before names had a limit may hold one. */
export const anyLengthName = oneLine;

const regions = ['ankle', 'knee', 'hip', 'pelvis', 'trunk', 'shoulder', 'thigh', 'whole-leg'] as const;
const categories = [
  'joint-mobility',
  'strength',
  'stretch',
  'mobility',
  'soft-tissue',
  'balance',
  'warm-up',
] as const;
/** Which side the drill is done on, relative to the painful IT band. */
const sides = ['painful', 'opposite', 'both', 'none'] as const;

export const doseSchema = z
  .strictObject({
    sets: z.int().min(1).max(10).optional(),
    reps: z.int().min(1).max(100).optional(),
    holdSeconds: z.int().min(1).max(600).optional(),
    perSide: z.boolean().default(false),
  })
  .refine((dose) => dose.reps !== undefined || dose.holdSeconds !== undefined, {
    message: 'needs reps, holdSeconds or both',
  });

export const exerciseSchema = z.strictObject({
  id,
  name: name('its steps or cues'),
  region: z.enum(regions),
  category: z.enum(categories),
  steps: z.array(readText).min(1, 'needs at least one step'),
  dose: doseSchema,
  side: z.enum(sides),
  loading: z.boolean(),
  equipment: z.array(seen(oneLine)).default([]),
  cues: z.array(readText).default([]),
  video: z.url({ protocol: /^https?$/ }).optional(),
  source: oneLine.optional(),
});

export const routineSchema = z.strictObject({
  id,
  name: name('its description'),
  description: readText,
  exercises: z.array(id).min(1, 'needs at least one exercise'),
  cues: z.array(id).default([]),
  source: oneLine.optional(),
});

/**
 * A movement's characters as the store counts them with the scores it is kept with (zod's `max`
 * counts code points): an emoji of one code point is one, a letter and its accent mark two.
 */
const codePoints = (text: string) => [...text].length;

export const movementSchema = z.strictObject({
  id,
  // Kept with every session's scores and remembered for the next, as a movement typed in one's
  // own words is (src/core/records.ts): no longer than one of those.
  name: seen(oneLine).max(200, { error: (issue) => `must be at most 200 characters, as it is kept with the scores of every session (this one has ${codePoints(String(issue.input))})` }),
  instructions: readText,
  /**
   * Done standing on one leg (a single-leg squat, a step-down): with both sides painful, a session
   * asks which leg and keeps it with the movement (src/core/test-leg.ts), within its 200 characters.
   */
  oneLeg: z.boolean().default(false),
}).refine((movement) => !movement.oneLeg || codePoints(movement.name) <= 200 - LEG_WORDS, {
  error: (issue) =>
    `must be at most ${200 - LEG_WORDS} characters for a movement done on one leg, as a session adds the leg to it (" on the right leg"; this one has ${codePoints((issue.input as { name: string }).name)})`,
  path: ['name'],
});

export const cueSchema = z.strictObject({
  id,
  text: readText,
});

/** The library's fields, with the schema each of its lists holds. */
const libraryOf = <E extends z.ZodType, R extends z.ZodType, M extends z.ZodType, C extends z.ZodType>(exercise: E, routine: R, movement: M, cue: C) =>
  z.strictObject({
    version: z.literal(1),
    exercises: z.array(exercise).min(1, 'needs at least one exercise'),
    routines: z.array(routine).default([]),
    movements: z.array(movement).default([]),
    cues: z.array(cue).default([]),
  });

export const librarySchema = libraryOf(exerciseSchema, routineSchema, movementSchema, cueSchema);

/**
 * The library with the items of its lists left unchecked: the checker (src/library/load.ts) takes
 * them one at a time, so that it can stop after the first problems of a file with thousands.
 */
export const libraryListsSchema = libraryOf(z.unknown(), z.unknown(), z.unknown(), z.unknown());

export type Dose = z.infer<typeof doseSchema>;
export type Exercise = z.infer<typeof exerciseSchema>;
export type Library = z.infer<typeof librarySchema>;
export type Side = (typeof sides)[number];
