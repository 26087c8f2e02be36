// A backup or a library file behind a folder this account may not open: the hint names that
// folder, with the chmod that opens it when it is the person's own, rather than ask for a copy
// that no one could make. Which folders may be opened, and whose they are, is simulated, so that
// the tests say the same whoever runs them (root opens every folder).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { unreadableAdvice } from '../src/unreadable.js';

const simulated = vi.hoisted(() => ({ me: 4242, closed: new Set<string>(), owners: new Map<string, number>() }));
const ME = simulated.me;

vi.mock('node:fs', async (importOriginal) => (await import('./helpers/simulated-fs.js')).simulatedFs(await importOriginal(), simulated));

let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'itb-unreadable-'));
  simulated.closed.clear();
  simulated.owners.clear();
  vi.spyOn(process, 'getuid').mockReturnValue(ME);
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('a backup or library behind a folder you may not open', () => {
  it('names a folder of yours with the chmod that opens it, rather than ask for a copy no one can make', () => {
    const closed = join(scratch, 'backups');
    mkdirSync(closed);
    simulated.closed.add(closed);
    expect(unreadableAdvice(join(closed, 'backup.json'))).toBe(`${closed} may not be opened: make it open to you again (\`chmod u+rwx ${closed}\`), then try again.`);
  });

  it('names another account’s folder as theirs', () => {
    const theirs = join(scratch, 'theirs');
    mkdirSync(theirs);
    simulated.closed.add(theirs);
    simulated.owners.set(theirs, 0);
    expect(unreadableAdvice(join(theirs, 'clinic.yaml'))).toBe(`${theirs} belongs to root (the administrator) and may not be opened by you: ask for a copy of the file you may read.`);
  });
});
