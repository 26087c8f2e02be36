// What a session says when its save found the store damaged since its last save and the copy
// meant to keep its answers could not be written either: which answers were not saved.
import { describe, expect, it } from 'vitest';
import { damagedInSession } from '../../src/commands/session-saving.js';
import { StoreDamagedSince, storeError } from '../../src/store/store-errors.js';
import { builtInLibrary } from '../helpers/built-in-library.js';
import { buildSession } from '../helpers/sessions.js';

const file = '/home/me/.itb/store.json';
const damage = storeError(file, 'is cut short (not complete JSON)', 'Move the damaged file away, then run `itb import FILE` with your latest backup.');
const plan = { id: 's1', startedAt: '2026-11-20T09:00:00.000Z', routine: 'joint-chain', baseline: 6 };

describe('damagedInSession', () => {
  it('names the scores not saved, and the damaged file left as it is, when nothing could be kept beside it', () => {
    const saved = buildSession({ ...plan, drills: [{ id: 'clamshells', scores: [4] }] });
    const answered = buildSession({ ...plan, drills: [{ id: 'clamshells', scores: [4] }, { id: 'bridges', scores: [3] }] });
    const error = damagedInSession(new StoreDamagedSince(damage, undefined), file, answered, saved, builtInLibrary(), 'itb', 'joint-chain');
    expect(error.message).toBe(`the itb store ${file} is cut short (not complete JSON): it was damaged while this session ran, and was left as it is`);
    expect(error.hint).toBe('Your last score was not saved: pain 3 after Bridges (before: 4). Move the damaged file away, then run `itb import FILE` with your latest backup.');
    expect(error.hint).not.toContain('kept in');
  });
});
