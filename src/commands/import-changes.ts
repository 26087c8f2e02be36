// What an import changes in the buckets, drill by drill, and what it brings from the other
// computer that the lists here do not count (said by import-action.ts after its counts).
import { localDate } from '../core/history.js';
import type { BucketEntry, StoreData } from '../core/records.js';
import { andList } from '../core/terms.js';
import type { MergeOutcome } from '../export/merge.js';
import type { Library } from '../library/schema.js';
import type { Colours } from '../ui/colour.js';
import { bucketChangeLines, bucketWords, type BucketChange } from '../ui/bucket-changes.js';

/** How many changes, and sessions before a reset, are named before "and N more": a long list is not read. */
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

/**
 * Into a store with nothing yet (a new computer), every drill would change from "untested": the
 * lists' sizes say it in a line. Undefined for a store with sessions or moves of its own.
 * `listed`: the file's own lists. A backup of a period, or one edited by hand, gives other lists
 * than it shows (said after this line): "as the file has them" would then contradict both.
 */
export function restoredWords(before: StoreData, after: StoreData, listed: Record<'rehab' | 'avoid', string[]>, dryRun: boolean, itb: string): string | undefined {
  if (before.sessions.length > 0 || before.moves.length > 0) return undefined;
  const ids = (bucket: BucketEntry['bucket']) => after.buckets.filter((entry) => entry.bucket === bucket).map((entry) => entry.exerciseId);
  const same = (bucket: BucketEntry['bucket']) => ids(bucket).length === new Set(listed[bucket]).size && ids(bucket).every((id) => listed[bucket].includes(id));
  const counts = `${ids('rehab').length} in rehab, ${ids('avoid').length} in avoid for now`;
  const shows = `(\`${itb} buckets\` shows them)`;
  if (same('rehab') && same('avoid')) return `Your buckets ${dryRun ? 'would be' : 'are now'} as the file has them: ${counts} ${shows}.`;
  const theirs = `${listed.rehab.length} in rehab, ${listed.avoid.length} in avoid for now`;
  return `Your buckets ${dryRun ? 'would hold' : 'now hold'} ${counts} ${shows}, where the file's lists have ${theirs}.`;
}

/** The changes under their heading, the first few of a long list and how many more; none: no lines. */
export function changeLines(changes: BucketChange[], colour: Colours, dryRun: boolean, itb: string): string[] {
  if (changes.length === 0) return [];
  const lines = bucketChangeLines(changes.slice(0, SHOWN), colour, dryRun ? 'Bucket changes it would make' : 'Bucket changes');
  if (changes.length > SHOWN) lines.push(`  and ${changes.length - SHOWN} more (\`${itb} buckets\` shows the lists)`);
  return lines;
}

/**
 * That sessions from the file were decided before this computer's `itb buckets reset`: kept in the
 * history and the evidence, they put no drill in a list here, though they did on the other
 * computer. Without a word, a drill in rehab there would show as untested here.
 */
export function beforeResetWords(hidden: NonNullable<MergeOutcome['beforeOwnReset']>, nameOf: (exerciseId: string) => string, dryRun: boolean, itb: string): string {
  const { sessions, untested } = hidden;
  // Their days, first to last: a list of times and routine ids is not read at a glance, and the
  // drills named next are what the person acts on. The sessions are in time order (mergeExport).
  const first = localDate(new Date(sessions[0]!.startedAt));
  const last = localDate(new Date(sessions.at(-1)!.startedAt));
  const one = sessions.length === 1;
  const when = first === last ? first : `${first} to ${last}`;
  const [they, are] = one ? ['it', 'is'] : ['they', 'are'];
  const kept = dryRun ? 'would be kept' : `${are} kept`;
  const which = `${one ? '1 session' : `${sessions.length} sessions`} from the file (${when}) ${are} from before your buckets were cleared here on ${localDate(new Date(hidden.resetAt))}`;
  const said = `${which}: ${they} ${kept} in your history and the evidence, but the lists here count only what was decided since then.`;
  if (untested.length === 0) return said;
  const where = (entry: BucketEntry) => `${nameOf(entry.exerciseId)} (${entry.bucket === 'rehab' ? 'rehab' : 'avoid for now'} there)`;
  const byName = [...untested].sort((a, b) => nameOf(a.exerciseId).localeCompare(nameOf(b.exerciseId)));
  const drills = byName.slice(0, SHOWN).map(where);
  if (untested.length > SHOWN) drills.push(`${untested.length - SHOWN} more`);
  // A drill that helped there is the one most worth putting back, so the example is one of those.
  const example = byName.find((entry) => entry.bucket === 'rehab') ?? byName[0]!;
  return (
    `${said} So ${andList(drills)} ${untested.length === 1 ? 'shows' : 'show'} as untested here. ` +
    `To put one back where it was there: \`${itb} buckets move ${example.exerciseId} ${example.bucket}\`.`
  );
}
