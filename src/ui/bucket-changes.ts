// How the buckets changed, as the end of a session and an import say it: a line for each drill,
// with its notes, under "Bucket changes".
import { commandLines } from '../shell-word.js';
import type { Colours } from './colour.js';
import { table } from './table.js';
import { width } from './width.js';
import { onScreen, wrap } from './wrap.js';

export interface BucketChange {
  name: string;
  from: string;
  to: string;
  /** Said under the change, first: a drill set aside today that had helped in most of its earlier tests, and when it comes back. */
  record?: string;
  /** Said under the change: what a move by hand had decided, which the session has just undone, and the command that puts it back (none after a flare-up). */
  aside?: { text: string; command?: string };
}

/**
 * Where a drill stands in `listed` (the rehab and avoid drills of a view, or a store's bucket
 * entries), as "Bucket changes" says it: a flare-up flag counts as part of the bucket, so that a
 * re-test that clears it is a change to show.
 */
export function bucketWords(listed: readonly { exerciseId: string; bucket: string; flare: boolean }[], exerciseId: string): string {
  const standing = listed.find((item) => item.exerciseId === exerciseId);
  if (standing === undefined || standing.bucket === 'untested') return 'untested';
  return standing.bucket === 'rehab' ? 'rehab' : standing.flare ? 'avoid for now (flare-up)' : 'avoid for now';
}

/** "Bucket changes" and a line for each (with its notes): the end of a session and an import say them so. */
export function bucketChangeLines(changes: BucketChange[], colour: Colours, heading = 'Bucket changes'): string[] {
  // Too long for a line, a change goes under its drill's name, further in, as in the table's
  // narrow form above: wrapped as one text, its end would read as another drill.
  const changed = (c: BucketChange) => {
    const line = `  ${c.name}: ${c.from} → ${c.to}`;
    const change = width(line) <= onScreen(80) ? [line] : [...nameBlock(c.name), ...wrap(`${c.from} → ${c.to}`, 80, '    ')];
    const notes = [...change, ...(c.record === undefined ? [] : wrap(c.record, 80, '    ').map((text) => colour.dim(text)))];
    if (c.aside === undefined) return notes;
    // The command on a line of its own, so that it is copied whole.
    return [...notes, ...wrap(c.aside.text, 80, '    ').map((text) => colour.dim(text)), ...(c.aside.command === undefined ? [] : commandLines(c.aside.command, onScreen(80), '      ', '        '))];
  };
  return [colour.bold(heading), ...changes.flatMap(changed)];
}

/**
 * A drill's name in lines of at most `room` columns, later lines indented by two, as a table's
 * wrapped cell: broken between words, never inside its note in brackets where that fits a line.
 */
export const nameIn = (name: string, room: number) => table([[name]], { most: [room] });

/**
 * A drill's name on lines of its own, as the summary's narrow form starts each drill: its later
 * lines indented further, as in the table, so that none reads as the next drill's name.
 */
export function nameBlock(name: string): string[] {
  return nameIn(name, onScreen(80) - 2).map((line) => `  ${line}`);
}
