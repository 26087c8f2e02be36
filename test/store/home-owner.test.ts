// Folders another account owns inside the person's own home folder, as `sudo itb` leaves
// ~/.config and the store folder where sudo keeps HOME: the hints say whose they are and how to
// take them back, never to leave the store behind. Who owns what, and which folders may be
// opened, is simulated, so that the tests say the same whoever runs them (root opens every folder).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { folderHintFor, readFailureHint, writeHint } from '../../src/store/store-errors.js';

const simulated = vi.hoisted(() => ({ me: 4242, home: '', closed: new Set<string>(), owners: new Map<string, number>() }));
const ME = simulated.me;

vi.mock('node:os', async (importOriginal) => {
  const os = await importOriginal<typeof import('node:os')>();
  const userInfo = ((options?: { encoding: BufferEncoding }) => ({ ...os.userInfo(options), username: 'sam', homedir: simulated.home })) as typeof os.userInfo;
  return { ...os, default: { ...os, userInfo }, userInfo };
});

vi.mock('node:fs', async (importOriginal) => (await import('../helpers/simulated-fs.js')).simulatedFs(await importOriginal(), simulated));

const denied = Object.assign(new Error('EACCES'), { code: 'EACCES' });
/** A hint with its words on one line, as it is before being broken to the terminal's width. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'itb-home-owner-'));
  simulated.home = join(scratch, 'sam');
  simulated.closed.clear();
  simulated.owners.clear();
  mkdirSync(join(simulated.home, '.config', 'itb-nodejs'), { recursive: true });
  vi.spyOn(process, 'getuid').mockReturnValue(ME);
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('a folder of another account inside your home folder', () => {
  it('names root’s ~/.config, closed to you, with the chown that takes it back, for a read and for a save', () => {
    const config = join(simulated.home, '.config');
    const file = join(config, 'itb-nodejs', 'store.json');
    writeFileSync(file, '{}');
    simulated.closed.add(config);
    simulated.owners.set(config, 0);
    const take = `${config} belongs to root (the administrator), not to you, though it is in your home folder, as happens when a program is run with sudo: make it yours again with \`sudo chown sam ${config}\`, then try again.`;
    expect(oneLine(readFailureHint(denied, file))).toBe(`Nothing was changed. ${take}`);
    expect(oneLine(writeHint(file, denied))).toBe(`Nothing was changed. ${take}`);
  });

  it('still sends you elsewhere from another account’s closed folder outside your home', () => {
    const theirs = join(scratch, 'theirs');
    const file = join(theirs, 'itb', 'store.json');
    mkdirSync(dirname(file), { recursive: true });
    simulated.closed.add(theirs);
    simulated.owners.set(theirs, 0);
    expect(readFailureHint(denied, file)).toBe(`Nothing was changed. ${theirs} belongs to root (the administrator) and may not be opened by you: point ITB_HOME at a folder of yours.`);
  });

  it('names root’s ~/.config when the store folder cannot be made in it', () => {
    const config = join(simulated.home, '.config');
    rmSync(join(config, 'itb-nodejs'), { recursive: true });
    simulated.owners.set(config, 0);
    expect(folderHintFor(join(config, 'itb-nodejs'), denied)).toBe(
      `There is no store there yet, and nothing was saved. ${config} belongs to root (the administrator), not to you, though it is in your home folder, as happens when a program is run with sudo: make it yours again with \`sudo chown sam ${config}\`, then try again.`,
    );
    // A folder of yours that may not be written to, or one outside your home, is not to be taken back.
    simulated.owners.delete(config);
    expect(folderHintFor(join(config, 'itb-nodejs'), denied)).toBe('There is no store there yet, and nothing was saved. Point ITB_HOME at a folder you may write to.');
    simulated.owners.set(scratch, 0);
    expect(folderHintFor(join(scratch, 'itb'), denied)).toBe('There is no store there yet, and nothing was saved. Point ITB_HOME at a folder you may write to.');
  });

  it('never gives the chown of a system folder, or of / itself, that holds no store', () => {
    const system = join(scratch, 'usr-local-share');
    mkdirSync(system);
    simulated.owners.set(system, 0);
    const file = join(system, 'store.json');
    const said = oneLine(writeHint(file, denied));
    expect(said).toBe(`There is no store there yet, and nothing was saved. ${system} belongs to root (the administrator) and may not be written to by you: point ITB_HOME at a folder of yours.`);
    expect(said).not.toContain('chown');
    expect(said).not.toContain('chmod');
    // With a store in it, made there by itb under sudo, it is named to be made yours as before.
    writeFileSync(file, '{}');
    expect(oneLine(writeHint(file, denied))).toContain(`${system} belongs to root (the administrator), not to you, as happens when itb is run with sudo: make it yours again with \`sudo chown sam ${system}\``);
  });
});
