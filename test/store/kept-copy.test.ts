// What a session had saved, kept beside a store file damaged under it: named with the local time,
// private, and not claimed as kept when it could not be written.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeKeptCopy } from '../../src/store/kept-copy.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'itb-kept-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('writeKeptCopy', () => {
  it('writes beside the store, named after it with the local date and time, readable by you alone', () => {
    const kept = writeKeptCopy(join(root, 'store.json'), '{"sessions":[]}', new Date(2026, 10, 5, 8, 3, 9));
    expect(kept).toBe(join(root, 'store-kept-20261105-080309.json'));
    expect(readFileSync(kept!, 'utf8')).toBe('{"sessions":[]}');
    if (process.platform !== 'win32') expect(statSync(kept!).mode & 0o777).toBe(0o600);
  });

  it('names no file when it cannot be written (its folder gone)', () => {
    expect(writeKeptCopy(join(root, 'gone', 'store.json'), '{}')).toBeUndefined();
  });
});
