// The fixed words of the method, free of zod so that any command can use them without loading it.

/**
 * The store file's version. 2: an attempt may keep how many of its drill's holds were timed
 * (`holds`), which an itb of version 1 would refuse as an unknown field.
 */
export const SCHEMA_VERSION = 2;

/** "left, right or both": the values a choice allows, in words. */
export const orList = (values: readonly string[]) => wordList(values, 'or');
/** "a, b and c"; one value alone. */
export const andList = (values: readonly string[]) => wordList(values, 'and');

function wordList(values: readonly string[], last: string): string {
  return values.length === 1 ? values[0]! : `${values.slice(0, -1).join(', ')} ${last} ${values.at(-1)}`;
}

export const symptoms = ['pain', 'tightness', 'discomfort'] as const;
export const painfulSides = ['left', 'right', 'both'] as const;

/**
 * What names a painful side when typed: the side, its first letter (left, right and both each
 * start with their own) or it with "side": "l", "left side", "both sides".
 */
export function sideWords(side: (typeof painfulSides)[number]): string[] {
  return [side, side[0]!, side === 'both' ? 'both sides' : `${side} side`];
}

/** The painful side `text` names (see sideWords), in any capitals, full-width letters or spacing. */
export function sideNamed(text: string): (typeof painfulSides)[number] | undefined {
  return namedAmong(text, painfulSides, sideWords);
}

/** What names a symptom when typed: the symptom or its first letter (pain, tightness and discomfort each start with their own). */
export function symptomWords(symptom: (typeof symptoms)[number]): string[] {
  return [symptom, symptom[0]!];
}

/** The symptom `text` names (see symptomWords), typed as sideNamed takes a side. */
export function symptomNamed(text: string): (typeof symptoms)[number] | undefined {
  return namedAmong(text, symptoms, symptomWords);
}

/** The one of `values` that `text` is one of the words of, in any capitals, full-width letters or spacing. */
function namedAmong<T extends string>(text: string, values: readonly T[], words: (value: T) => string[]): T | undefined {
  const typed = text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  return values.find((value) => words(value).includes(typed));
}

export const bucketNames = ['rehab', 'avoid'] as const;

/** The red-flag screen of the first session: any yes means see a clinician first. */
export const redFlags = [
  'recent-injury',
  'swelling',
  'locking-or-giving-way',
  'numbness-or-tingling',
  'fever-or-unwell',
  'night-or-rest-pain',
] as const;

export const defaultSettings = { minImprovement: 1, flareRise: 3, retestAfterDays: 14 };
