// A library file named as it is not saved (clinic.yaml for clinic.yml, clinic for clinic.yaml, or
// as Notepad saved it, clinic.yaml.txt), or its folder named in its place: the file meant is named.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { librariesFolder } from '../helpers/libraries.js';
import { run, tempHome } from '../helpers/run.js';

const good = join(librariesFolder(), 'good.yaml');
let home: string;
let cleanup: () => void;
let folder: string;

beforeEach(() => {
  ({ home, cleanup } = tempHome());
  folder = join(home, 'from-the-clinic');
  mkdirSync(folder);
});
afterEach(() => cleanup());

/** stderr as one line: the hint is wrapped at 80 columns. */
const said = (text: string) => text.replace(/\s+/g, ' ').trim();
const itb = (argv: string[], env: Record<string, string | undefined> = {}) => run(argv, { home, env });

describe('a library file not found', () => {
  it('names the file of the same name with the other ending, .yml or .yaml', async () => {
    copyFileSync(good, join(folder, 'clinic.yml'));
    const named = join(folder, 'clinic.yaml');
    const { code, stdout, stderr } = await itb(['validate', named]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(said(stderr)).toBe(`error: cannot read ${named}: file not found Did you mean ${join(folder, 'clinic.yml')}? That file is in the same folder.`);
    // With --data, and written without its ending, too.
    const bare = await itb(['--data', join(folder, 'clinic'), 'routines']);
    expect(said(bare.stderr)).toBe(`error: cannot read ${join(folder, 'clinic')}: file not found Did you mean ${join(folder, 'clinic.yml')}? That file is in the same folder.`);
  });

  it('prefers the same name with the other ending to one with other capitals', async () => {
    copyFileSync(good, join(folder, 'Clinic.YAML'));
    copyFileSync(good, join(folder, 'clinic.yml'));
    const { stderr } = await itb(['validate', join(folder, 'clinic.yaml')]);
    expect(said(stderr)).toContain(`Did you mean ${join(folder, 'clinic.yml')}?`);
    const capitals = await itb(['validate', join(folder, 'CLINIC.yml')]);
    expect(said(capitals.stderr)).toContain(`Did you mean ${join(folder, 'Clinic.YAML')}?`);
  });

  it('names the file Notepad saved with .txt after its name', async () => {
    copyFileSync(good, join(folder, 'clinic.yaml.txt'));
    const { stderr } = await itb(['validate', join(folder, 'clinic.yaml')]);
    expect(said(stderr)).toContain(`Did you mean ${join(folder, 'clinic.yaml.txt')}? That file is in the same folder.`);
  });

  it('keeps saying that ITB_DATA names the file, and the way back to the built-in library', async () => {
    copyFileSync(good, join(folder, 'clinic.yml'));
    const { stderr } = await itb(['routines'], { ITB_DATA: join(folder, 'clinic.yaml') });
    expect(said(stderr)).toContain(`Did you mean ${join(folder, 'clinic.yml')}? That file is in the same folder. ITB_DATA names this file: set it to where the file is now`);
  });

  it('says only to check the path when nothing of that name is beside it', async () => {
    copyFileSync(good, join(folder, 'other.yaml'));
    const { stderr } = await itb(['validate', join(folder, 'clinic.yaml')]);
    expect(said(stderr)).toBe(`error: cannot read ${join(folder, 'clinic.yaml')}: file not found Check the path of the library file.`);
  });
});

describe('a folder named in place of a library file', () => {
  it('names the library files in it, three at most', async () => {
    copyFileSync(good, join(folder, 'clinic.yaml'));
    copyFileSync(good, join(folder, 'notes.txt'));
    const one = await itb(['validate', folder]);
    expect(said(one.stderr)).toBe(`error: cannot read ${folder}: it is a folder Name the library file itself, not its folder; this folder holds ${join(folder, 'clinic.yaml')}.`);
    for (const name of ['a.yaml', 'b.yml', 'c.yaml']) copyFileSync(good, join(folder, name));
    const many = await itb(['--data', folder, 'exercises']);
    const listed = ['a.yaml', 'b.yml', 'c.yaml'].map((name) => join(folder, name)).join(', ');
    expect(said(many.stderr)).toContain(`Name the library file itself, not its folder; this folder holds ${listed} and 1 more.`);
  });

  it('says only to check the path when it holds no library file', async () => {
    const { stderr } = await itb(['validate', folder]);
    expect(said(stderr)).toBe(`error: cannot read ${folder}: it is a folder Check the path of the library file.`);
  });
});
