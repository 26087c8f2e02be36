// A store and a backup as the first itb versions wrote them (test/fixtures/first-itb, kept byte for
// byte): they took a note as it was typed, control characters and all, which itb refuses now.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run, tempHome } from '../helpers/run.js';

const fixtures = join(import.meta.dirname, '../fixtures/first-itb');
const NOW = new Date('2026-11-27T09:00:00.000Z');
const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});
function newHome(): string {
  const { home, cleanup } = tempHome();
  cleanups.push(cleanup);
  return home;
}

describe('a store of the first itb versions, with a note pasted from Windows and one holding a terminal escape code', () => {
  it('is read by itb buckets with the notes in plain text, and the file is left as it was', async () => {
    const home = newHome();
    copyFileSync(join(fixtures, 'store.json'), join(home, 'store.json'));
    const before = readFileSync(join(home, 'store.json'));
    expect(before.toString()).toContain('\\r\\n');

    const result = await run(['buckets'], { home, now: NOW });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("moved by hand on 2026-11-26: From my PT's notes: no side planks yet");
    expect(result.stdout).toContain('moved by hand on 2026-11-26: [1mkeep[0m doing these');
    expect(result.stdout).not.toMatch(controls);
    expect(readFileSync(join(home, 'store.json'))).toEqual(before);
  });

  it('is saved by the next change without them, as a store of this version', async () => {
    const home = newHome();
    copyFileSync(join(fixtures, 'store.json'), join(home, 'store.json'));
    expect((await run(['settings', 'side', 'left'], { home, now: NOW })).code).toBe(0);
    const saved = JSON.parse(readFileSync(join(home, 'store.json'), 'utf8')) as { schemaVersion: number; moves: { note: string }[] };
    expect(saved.schemaVersion).toBe(2);
    expect(saved.moves.map((move) => move.note)).toEqual(["From my PT's notes:\nno side planks yet", '[1mkeep[0m doing these']);
  });
});

describe('a backup of the first itb versions, with the same notes', () => {
  it('is imported, notes and all, without their control characters', async () => {
    const home = newHome();
    const result = await run(['import', join(fixtures, 'backup.json')], { home, now: NOW });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Imported 0 sessions, 2 manual moves.');
    const json = await run(['export', '--format', 'json'], { home, now: NOW });
    const notes = (JSON.parse(json.stdout) as { moves: { note: string }[] }).moves.map((move) => move.note);
    expect(notes).toEqual(["From my PT's notes:\nno side planks yet", '[1mkeep[0m doing these']);
  });
});
