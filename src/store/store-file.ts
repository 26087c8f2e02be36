// The store file itself: where it lives, how its text is written, and how a command that only
// shows the store reads it. Free of zod, so that reading a store itb wrote and vouched for (see
// ./fingerprint.ts) does not load the schema checker at all; anything else goes through
// Store.read(), which checks it in full and reports every problem.
import { constants, isAscii } from 'node:buffer';
import type { StoreData } from '../core/records.js';
import { SCHEMA_VERSION } from '../core/terms.js';
import { readRegularFile } from '../regular-file.js';
import { hashOf, readFingerprint, vouchesFor } from './fingerprint.js';
import { storeFile } from './store-path.js';
import { identityOf, summaryVouchesFor } from './summary-file.js';

export { projectName, storeFile } from './store-path.js';

/**
 * The largest store file read: Node cannot hold longer text (512 MB), and a larger file would end
 * in an error of its own rather than one that names the store. Years of daily sessions take a
 * few megabytes, so no store itb wrote comes near it.
 */
export const STORE_SIZE_LIMIT = constants.MAX_STRING_LENGTH;

/**
 * The store as it is, for a command that only shows it: the vouched-for file without loading the
 * schema checker, else Store.read() (a missing file is the empty store; a damaged one, an error).
 * A session marked in progress while none is running is shown as interrupted, as the next
 * session will record it (the file is not changed).
 */
export async function readStore(env: Record<string, string | undefined>): Promise<StoreData> {
  const file = storeFile(env);
  const of = identityOf(file);
  let bytes: Buffer | undefined;
  try {
    bytes = readRegularFile(file, STORE_SIZE_LIMIT);
  } catch {
    // Store.read() says what is wrong (a device or a pipe in its place, say), or gives the empty store.
  }
  const data = (bytes && vouchedContent(file, bytes, summaryVouchesFor(file, of))) || (await import('./store.js')).Store.open(env).read();
  if (!data.sessions.some((session) => session.status === 'in-progress')) return data;
  // Only now: the lock library is not needed by a store with no session in progress.
  const [{ sessionIsOpen }, { cutOff }] = await Promise.all([import('./session-lock.js'), import('../core/session.js')]);
  if (sessionIsOpen(file)) return data;
  return { ...data, sessions: data.sessions.map((session) => (session.status === 'in-progress' ? cutOff(session) : session)) };
}

/**
 * The store in `bytes` when they were checked when itb wrote or read them, and it is of this itb's
 * version; undefined otherwise. They were when the file's summary vouches for it (`bySummary`, see
 * summaryVouchesFor), or else when its fingerprint vouches for exactly these bytes.
 */
export function vouchedContent(file: string, bytes: Buffer, bySummary = false): StoreData | undefined {
  if (!bySummary) {
    const fingerprint = readFingerprint(file);
    if (fingerprint === undefined || !vouchesFor(fingerprint, hashOf(bytes))) return undefined;
  }
  try {
    const data = JSON.parse(storeText(bytes)) as StoreData | null;
    return data?.schemaVersion === SCHEMA_VERSION ? data : undefined;
  } catch {
    return undefined;
  }
}

/** The text of the store file: Latin-1 reads ASCII as it is, and quickly; a file written by hand may hold UTF-8. */
export function storeText(bytes: Buffer): string {
  // An editor may put a byte order mark in front of a file edited by hand; it is not part of the data.
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/**
 * JSON.stringify without white space (conf's default indents with tabs, a third of the file) and
 * with every character beyond ASCII written as a \u escape: the same JSON to any reader, and
 * pure ASCII text is turned into bytes and back several times faster than UTF-8.
 */
export function asciiJson(value: unknown): string {
  const text = JSON.stringify(value);
  // As many bytes as characters: all ASCII (and this is quicker to ask than a regular expression).
  if (Buffer.byteLength(text, 'utf8') === text.length) return text;
  return text.replace(beyondAscii, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const beyondAscii = /[^\0-\x7f]/g;
