// Small files kept beside the store that only ever save work (the fingerprint, the summary).
// Each is replaced whole and stays private like the store; a missing, stale or unwritable one
// costs the slower way, never an error, so nothing here throws.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { readRegularFile } from '../regular-file.js';

/**
 * Far more than any of them holds (the fingerprint is one line; the summary of ten years of daily
 * sessions is about 280 KB): a larger file is not one itb wrote, and is passed over unread.
 */
const SIDECAR_SIZE_LIMIT = 16 * 1024 * 1024;

/** The text of `file`, or undefined when there is none to read: missing, too large, or not a regular file. */
export function readSidecar(file: string): string | undefined {
  try {
    return readRegularFile(file, SIDECAR_SIZE_LIMIT).toString('utf8');
  } catch {
    return undefined;
  }
}

let written = 0;

/** Replaces `file` with `text` through a temporary file renamed over it. */
export function writeSidecar(file: string, text: string): void {
  // Unique to this process and write; created with 'wx', so it can never clobber another file.
  const temp = `${file}.tmp-${process.pid}-${Date.now()}-${written++}`;
  try {
    writeFileSync(temp, text, { mode: 0o600, flag: 'wx' });
    renameSync(temp, file);
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Left for the next update to tidy away.
    }
  }
}
