// The store's fingerprint: a small file beside it, `store.json.checked`, holding the hash of the
// exact bytes itb last checked against the schema: those it wrote, or those it found there and
// read in full. While the store still holds those bytes, reading it can skip that check (the
// slowest part of reading years of history). Any other bytes — a store edited by hand, damaged,
// or restored from elsewhere — have another hash and are checked in full, once: bytes that pass
// are vouched for from then on. The fingerprint is only ever a shortcut: a missing, stale or
// unreadable one costs a full check, never an error.
import { createHash } from 'node:crypto';
import { SCHEMA_VERSION } from '../core/terms.js';
import { readSidecar, writeSidecar } from './sidecar.js';

/** Appended to the store's path to name its fingerprint. */
export const fingerprintSuffix = '.checked';

/** sha256 of the bytes (a string counts as its UTF-8 bytes, as it is written). */
export function hashOf(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}

// The schema version is part of the line, so bytes checked by an itb of another version are checked again.
const lineFor = (hash: string) => `itb store schemaVersion ${SCHEMA_VERSION} sha256 ${hash}\n`;

/** What the fingerprint beside `storePath` holds, or undefined when there is none to read. */
export function readFingerprint(storePath: string): string | undefined {
  return readSidecar(storePath + fingerprintSuffix);
}

/** Whether `fingerprint` (as read) vouches for content with this hash. */
export function vouchesFor(fingerprint: string | undefined, hash: string): boolean {
  return fingerprint === lineFor(hash);
}

/**
 * Records that the store now holds checked content with this hash: a temporary file renamed over
 * the fingerprint, private like the store. Failing to write it is fine: the old fingerprint no
 * longer matches the store, so the next read checks it in full.
 */
export function writeFingerprint(storePath: string, hash: string): void {
  writeSidecar(storePath + fingerprintSuffix, lineFor(hash));
}
