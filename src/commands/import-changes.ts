// What an import changes in the buckets, drill by drill (said by import-action.ts after its counts).
import type { StoreData } from '../core/records.js';
import type { Library } from '../library/schema.js';
import type { Colours } from '../ui/colour.js';
import { bucketChangeLines, bucketWords, type BucketChange } from '../ui/session-view.js';

/** How many changes are named before "and N more": a long list is not read. */
const SHOWN = 5;

/** Each drill's name: the library's (when it could be read), else the one its latest session recorded, else its id. */
export function drillNames(data: StoreData, library: Library | undefined): (exerciseId: string) => string {
  const names = new Map<string, string>();
  for (const session of data.sessions) for (const result of session.results) names.set(result.exerciseId, result.name);
  for (const exercise of library?.exercises ?? []) names.set(exercise.id, exercise.name);
  return (exerciseId) => names.get(exerciseId) ?? exerciseId;
}

/** The drills whose bucket the import changed (or would), said as the end of a session says them. */
export function importChanges(before: StoreData, after: StoreData, nameOf: (exerciseId: string) => string): BucketChange[] {
  const ids = new Set([...after.buckets, ...before.buckets].map((entry) => entry.exerciseId));
  return [...ids]
    .map((id) => ({ name: nameOf(id), from: bucketWords(before.buckets, id), to: bucketWords(after.buckets, id) }))
    .filter((change) => change.from !== change.to)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The changes under their heading, the first few of a long list and how many more; none: no lines. */
export function changeLines(changes: BucketChange[], colour: Colours, dryRun: boolean, itb: string): string[] {
  if (changes.length === 0) return [];
  const lines = bucketChangeLines(changes.slice(0, SHOWN), colour, dryRun ? 'Bucket changes it would make' : 'Bucket changes');
  if (changes.length > SHOWN) lines.push(`  and ${changes.length - SHOWN} more (\`${itb} buckets\` shows the lists)`);
  return lines;
}
