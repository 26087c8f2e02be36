// What the store says when the HOME it is kept under is wrong and ITB_HOME is not set.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Store, StoreError } from '../../src/store/store.js';
import { homeProblem } from '../../src/store/store-path.js';
import { caught } from '../helpers/caught.js';
import { newStoreHome } from '../helpers/store-home.js';

let root: string;
beforeEach(() => ({ root } = newStoreHome('itb-home-problem-')));
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(root, { recursive: true, force: true });
});

/** The environment of a person with this HOME and no ITB_HOME or XDG_CONFIG_HOME. */
function homeAt(home: string): Record<string, string | undefined> {
  vi.stubEnv('HOME', home);
  return { HOME: home };
}

describe.skipIf(process.platform === 'win32')('a HOME that is wrong', () => {
  it('is said not to exist when it is not there', () => {
    const home = join(root, 'sam');
    expect(homeProblem(homeAt(home))).toBe(`Your HOME, ${home}, does not exist: set HOME to your home folder, or point ITB_HOME at a folder you may write to.`);
    const deeper = join(root, 'gone', 'sam');
    expect(homeProblem(homeAt(deeper))).toBe(`Your HOME, ${deeper}, does not exist: set HOME to your home folder, or point ITB_HOME at a folder you may write to.`);
  });

  it('is not named when it is a folder, when ITB_HOME is set, or when the store is under XDG_CONFIG_HOME', () => {
    expect(homeProblem(homeAt(root))).toBeUndefined();
    const missing = join(root, 'sam');
    expect(homeProblem({ ...homeAt(missing), ITB_HOME: join(root, 'itb') })).toBeUndefined();
    if (process.platform === 'linux') expect(homeProblem({ ...homeAt(missing), XDG_CONFIG_HOME: join(root, 'config') })).toBeUndefined();
  });

  it('is named when the session lock cannot be taken, the store folder being impossible to make under it', async () => {
    writeFileSync(join(root, 'notes.txt'), 'x');
    const home = join(root, 'notes.txt', 'sam');
    const store = Store.open(homeAt(home));
    const error = (await caught(() => store.lockSession(() => {}))) as StoreError;
    expect(error).toBeInstanceOf(StoreError);
    expect(error.message).toBe(`the itb store ${store.path} cannot be locked for a session: itb does not make your home folder to keep it in`);
    expect(error.hint).toBe(
      `There is no store there yet, and nothing was saved. Your HOME, ${home}, does not exist (${join(root, 'notes.txt')} is a file, not a folder): set HOME to your home folder, or point ITB_HOME at a folder you may write to.`,
    );
  });

  it('is not made, nor anything in it, for a save or a session lock, though its folder may be written to', async () => {
    const home = join(root, 'sam2');
    const store = Store.open(homeAt(home));
    const hint = `There is no store there yet, and nothing was saved. Your HOME, ${home}, does not exist: set HOME to your home folder, or point ITB_HOME at a folder you may write to.`;
    const saved = (await caught(() => store.update((data) => void (data.settings.minImprovement = 2)))) as StoreError;
    expect(saved).toBeInstanceOf(StoreError);
    expect(saved.message).toBe(`the itb store ${store.path} cannot be saved: itb does not make your home folder to keep it in`);
    expect(saved.hint).toBe(hint);
    const locked = (await caught(() => store.lockSession(() => {}))) as StoreError;
    expect(locked).toBeInstanceOf(StoreError);
    expect(locked.hint).toBe(hint);
    expect(existsSync(home)).toBe(false);
  });

  it('is named when a save cannot make the store folder under it', async () => {
    const notes = join(root, 'notes.txt');
    writeFileSync(notes, 'x');
    const store = Store.open(homeAt(notes));
    const error = (await caught(() => store.update((data) => void (data.settings.minImprovement = 2)))) as StoreError;
    expect(error).toBeInstanceOf(StoreError);
    expect(error.hint).toBe(`There is no store there yet, and nothing was saved. Your HOME, ${notes}, is a file, not a folder: set HOME to your home folder, or point ITB_HOME at a folder you may write to.`);
    // Not "does not make your home folder": a file is there, not nothing.
    expect(error.message).toBe(`the itb store ${store.path} cannot be saved: your home folder is a file, not a folder, so nothing can be kept in it`);
    const locked = (await caught(() => store.lockSession(() => {}))) as StoreError;
    expect(locked.message).toBe(`the itb store ${store.path} cannot be locked for a session: your home folder is a file, not a folder, so nothing can be kept in it`);
    expect(readFileSync(notes, 'utf8')).toBe('x');
  });
});
