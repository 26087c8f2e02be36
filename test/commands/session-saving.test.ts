// What a session says when its save found the store damaged since its last save: where its answers
// were kept and how to go on, or, when that copy could not be written either, which were not saved.
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

  it('names the file everything was kept in, and the session to run again, its routine quoted for the shell', () => {
    const kept = '/home/me/.itb/store.kept.json';
    const answered = buildSession({ ...plan, drills: [{ id: 'clamshells', scores: [4] }] });
    const error = damagedInSession(new StoreDamagedSince(damage, kept), file, answered, answered, builtInLibrary(), 'itb');
    expect(error.hint).toBe(
      `Everything you answered, with all you had saved before, is kept in ${kept}. To go on with it, move the damaged file away, rename that one store.json, and run \`itb session joint-chain\` again.`,
    );
    // Before the session began, the routine given when itb was started; none given, none said.
    expect(damagedInSession(new StoreDamagedSince(damage, kept), file, undefined, undefined, builtInLibrary(), 'itb', 'my plan').hint).toContain("run `itb session 'my plan'` again.");
    expect(damagedInSession(new StoreDamagedSince(damage, kept), file, undefined, undefined, builtInLibrary(), 'itb').hint).toContain('run `itb session` again.');
  });
});
