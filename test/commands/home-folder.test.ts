// A HOME set wrong (to a folder that does not exist, or to a file) when ITB_HOME is not set: the
// store is kept under it, so no store can be read or saved, and the hint says HOME is why.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupHomes } from '../helpers/backup-homes.js';
import { run, tempHome } from '../helpers/run.js';

let root: string;
let cleanup: () => void;
beforeEach(() => ({ home: root, cleanup } = tempHome()));
afterEach(() => {
  vi.unstubAllEnvs();
  cleanup();
});

/** The environment of a person with this HOME and no ITB_HOME or XDG_CONFIG_HOME. */
function homeAt(home: string): Record<string, string | undefined> {
  vi.stubEnv('HOME', home);
  return { HOME: home, ITB_HOME: undefined, XDG_CONFIG_HOME: undefined };
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe.skipIf(process.platform === 'win32')('a HOME that is a file', () => {
  it('is named as the cause when a setting is saved, and the file is left as it was', async () => {
    const notes = join(root, 'notes.txt');
    writeFileSync(notes, 'x');
    const saved = await run(['settings', 'minImprovement', '2'], { env: homeAt(notes) });
    expect(saved.code).toBe(2);
    expect(oneLine(saved.stderr)).toContain(
      `Nothing was changed. Your HOME, ${notes}, is a file, not a folder: set HOME to your home folder, or point ITB_HOME at a folder you may write to.`,
    );
    expect(readFileSync(notes, 'utf8')).toBe('x');
  });

  it('is named as the cause before a session asks anything', async () => {
    const notes = join(root, 'notes.txt');
    writeFileSync(notes, 'x');
    const session = await run(['session'], { env: homeAt(notes), tty: true });
    expect(session.code).toBe(2);
    expect(session.prompter.asked).toEqual([]);
    expect(oneLine(session.stderr)).toContain(`Your HOME, ${notes}, is a file, not a folder: set HOME to your home folder`);
  });

  it('is named as the cause when the history is shown', async () => {
    const notes = join(root, 'notes.txt');
    writeFileSync(notes, 'x');
    const history = await run(['history'], { env: homeAt(notes) });
    expect(history.code).toBe(2);
    expect(oneLine(history.stderr)).toContain(`Your HOME, ${notes}, is a file, not a folder`);
  });
});

describe.skipIf(process.platform === 'win32')('a HOME that does not exist', () => {
  it('is named as the cause when a file on its way is in the way, with that file', async () => {
    const notes = join(root, 'notes.txt');
    writeFileSync(notes, 'x');
    const home = join(notes, 'sam');
    const saved = await run(['settings', 'minImprovement', '2'], { env: homeAt(home) });
    expect(saved.code).toBe(2);
    expect(oneLine(saved.stderr)).toContain(
      `Your HOME, ${home}, does not exist (${notes} is a file, not a folder): set HOME to your home folder, or point ITB_HOME at a folder you may write to.`,
    );
  });
});

describe.skipIf(process.platform === 'win32')('a HOME that does not exist, in a folder that may be written to', () => {
  // Made, it would hold a second, empty store, and the person's results would be split between
  // two stores with nothing said.
  const refusal = (home: string) =>
    `There is no store there yet, and nothing was saved. Your HOME, ${home}, does not exist: set HOME to your home folder, or point ITB_HOME at a folder you may write to.`;

  it('is not made by a setting saved, nor by a drill moved by hand', async () => {
    const home = join(root, 'sam2');
    for (const command of [
      ['settings', 'minImprovement', '2'],
      ['buckets', 'move', 'clamshells', 'avoid'],
    ]) {
      const saved = await run(command, { env: homeAt(home) });
      expect(saved.code).toBe(2);
      expect(oneLine(saved.stderr)).toContain(`the itb store ${join(home, '.config', 'itb-nodejs', 'store.json')} cannot be saved: `);
      expect(oneLine(saved.stderr)).toContain(refusal(home));
      expect(existsSync(home)).toBe(false);
    }
  });

  it('is not made by a backup imported', async () => {
    const now = new Date('2026-11-20T15:00:00.000Z');
    const { source, target, backup } = await backupHomes(now);
    try {
      const home = join(root, 'sam2');
      const imported = await run(['import', backup], { env: homeAt(home), now });
      expect(imported.code).toBe(2);
      expect(oneLine(imported.stderr)).toContain(refusal(home));
      expect(existsSync(home)).toBe(false);
    } finally {
      source.cleanup();
      target.cleanup();
    }
  });

  it('is not made by a session, which stops before asking anything', async () => {
    const home = join(root, 'sam2');
    const session = await run(['session'], { env: homeAt(home), tty: true });
    expect(session.code).toBe(2);
    expect(session.prompter.asked).toEqual([]);
    expect(oneLine(session.stderr)).toContain(`cannot be locked for a session: `);
    expect(oneLine(session.stderr)).toContain(refusal(home));
    expect(existsSync(home)).toBe(false);
  });

  it('leaves an ITB_HOME that does not exist yet to be made, as asked', async () => {
    const itbHome = join(root, 'kept', 'itb');
    const saved = await run(['settings', 'minImprovement', '2'], { env: { ...homeAt(join(root, 'sam2')), ITB_HOME: itbHome } });
    expect(saved.code).toBe(0);
    expect(existsSync(join(itbHome, 'store.json'))).toBe(true);
    expect(existsSync(join(root, 'sam2'))).toBe(false);
  });
});

describe.skipIf(process.platform === 'win32')('a HOME that does not exist, with nothing saved yet', () => {
  it('is named under "No sessions yet" in the history and the buckets, so results do not seem lost', async () => {
    const home = join(root, 'sam-typo');
    for (const command of [['history'], ['buckets']]) {
      const shown = await run(command, { env: homeAt(home) });
      expect(shown.code).toBe(0);
      expect(shown.stdout).toContain('No sessions yet.');
      expect(oneLine(shown.stderr)).toContain(
        `No store was found at ${join(home, '.config', 'itb-nodejs', 'store.json')}. Your HOME, ${home}, does not exist: set HOME to your home folder`,
      );
    }
  });

  it('says nothing more when HOME is a folder and there is simply no store yet', async () => {
    const shown = await run(['history'], { env: homeAt(root) });
    expect(shown.stdout).toContain('No sessions yet.');
    expect(shown.stderr).toBe('');
  });
});

describe.skipIf(process.platform === 'win32')('an ITB_HOME that is set', () => {
  it('keeps the words about ITB_HOME, even when HOME is a file too', async () => {
    const notes = join(root, 'notes.txt');
    writeFileSync(notes, 'x');
    const saved = await run(['settings', 'minImprovement', '2'], { env: { ...homeAt(notes), ITB_HOME: join(notes, 'itb') } });
    expect(saved.code).toBe(2);
    expect(oneLine(saved.stderr)).toContain('Nothing was changed. Point ITB_HOME at a folder.');
    expect(saved.stderr).not.toContain('Your HOME');
  });
});

// /proc is there, and refuses every new folder as "not there" (ENOENT): that code alone says nothing.
describe.skipIf(!existsSync('/proc/self'))('an ITB_HOME that takes no new folders (/proc)', () => {
  it('is named as such when a setting is saved, and before a session asks anything', async () => {
    const saved = await run(['settings', 'minImprovement', '2'], { home: '/proc' });
    expect(saved.code).toBe(2);
    expect(oneLine(saved.stderr)).toBe(
      'error: the itb store /proc/store.json cannot be locked for saving: /proc takes no new folders (it is a system folder, most likely) ' +
        'Nothing was changed. Point ITB_HOME at a folder you may write to. ',
    );
    const session = await run(['session'], { home: '/proc', tty: true });
    expect(session.code).toBe(2);
    expect(oneLine(session.stderr)).toBe(
      'error: the itb store /proc/store.json cannot be locked for a session: /proc takes no new folders (it is a system folder, most likely) ' +
        'Nothing was changed. Point ITB_HOME at a folder you may write to. ',
    );
  });
});
