// The store's writer (conf, through `atomically`) writes the new file in a single call and does
// not notice when a nearly full disk takes only part of it: the cut-short file would then
// replace the store. So a save checks the room before writing and the size after, and puts the
// earlier file back when the write came out short.
import { realpathSync, rmSync, statfsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { writePrivateFile } from './write-file.js';

/** Room kept free beyond the new file: the small files written beside the store, and the file system's own needs. */
const MARGIN = 64 * 1024;

/**
 * Writes `text` (ASCII, so its length is its size in bytes) over `file` by calling `write`,
 * which must replace the file whole. `before` is the file it replaces (undefined: there was
 * none). Throws what `fail` makes, with the file as it was, when the disk lacks the room or took
 * only part of the text; `full` is true when the file is as it was, so the write may be tried again.
 */
export function writeWhole(file: string, text: string, before: Buffer | undefined, write: () => void, fail: (problem: string, hint: string, full?: boolean) => Error): void {
  if (!hasRoomFor(dirname(file), text.length)) {
    throw fail('cannot be saved: the disk is full', 'Nothing was changed. Free some space on the disk, then try again.', true);
  }
  write();
  if (sizeOf(file) === text.length) return;
  try {
    const real = realpathSync(file);
    if (before === undefined) rmSync(real, { force: true });
    else writePrivateFile(real, before.toString('utf8'), { replace: true });
  } catch {
    throw fail(
      'was cut short while saving, because the disk is full, and the earlier version could not be put back',
      'Free some space on the disk and move the file away, then restore your data from your latest export with `itb import FILE`.',
    );
  }
  throw fail('could not be saved: the disk is full', 'Nothing was changed: the store is as it was. Free some space on the disk, then try again.', true);
}

function hasRoomFor(folder: string, bytes: number): boolean {
  try {
    const disk = statfsSync(folder);
    // A size of nothing at all is none told: some file systems mounted through FUSE (fusefat,
    // for a USB stick) say 0 of everything, however much room they have.
    if (disk.blocks === 0) return true;
    return disk.bavail * disk.bsize >= bytes + MARGIN;
  } catch {
    return true; // Unknown: the check after the write still catches a file cut short.
  }
}

function sizeOf(file: string): number | undefined {
  try {
    return statSync(file).size;
  } catch {
    return undefined;
  }
}
