// A path that starts with ~ reaches itb as typed when the shell did not replace it (in quotes, or
// in Windows PowerShell 5.1): with no folder of that name where itb runs, itb says so, with the
// path meant written out, rather than "the folder ~ does not exist" or a store in a new "~sam".
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asOnWindows } from '../helpers/as-on-windows.js';
import { run, tempHome } from '../helpers/run.js';

let home: string;
let cleanup: () => void;
let cwd: string;
// The folder itb is run from, and the home folder the shell would have put in place of ~.
let here: string;
let mine: string;
beforeEach(() => {
  ({ home, cleanup } = tempHome());
  here = join(home, 'here');
  mine = join(home, 'sam');
  mkdirSync(here);
  mkdirSync(mine);
  cwd = process.cwd();
  process.chdir(here);
});
afterEach(() => {
  process.chdir(cwd);
  cleanup();
});

const now = new Date('2026-11-20T10:00:00Z');
const itb = (argv: string[], env: Record<string, string> = {}) => run(argv, { home: join(home, 'store'), now, env: { HOME: mine, ...env } });
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe('a path starting with ~ that the shell did not replace', () => {
  it('itb export -o "~/r.html": says the shell left the ~, with the path meant, and writes nothing', async () => {
    const result = await itb(['export', '-o', '~/r.html']);
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toBe(
      `error: cannot write ~/r.html: the folder ~ does not exist The shell did not replace ~ with your home folder (it does not when the ~ is in quotes). Write it out in full: \`${join(mine, 'r.html')}\`. `,
    );
    // The path to copy whole on its line.
    expect(result.stderr.split('\n').some((line) => line.includes(`\`${join(mine, 'r.html')}\``))).toBe(true);
    expect(readdirSync(here)).toEqual([]);
    expect(readdirSync(mine)).toEqual([]);
  });

  it('~ and the name of this account: the same home folder; another name: its full path to be written out', async () => {
    const me = userInfo().username;
    const own = await itb(['export', '-o', `~${me}/my report.html`]);
    expect(own.code).toBe(2);
    expect(oneLine(own.stderr)).toContain(`The shell did not replace ~${me} with your home folder (it does not when the ~ is in quotes). Write it out in full: \`'${join(mine, 'my report.html')}'\`.`);
    const other = await itb(['export', '-o', '~nobody-by-this-name/r.html']);
    expect(other.code).toBe(2);
    expect(oneLine(other.stderr)).toContain(
      'error: cannot write ~nobody-by-this-name/r.html: the folder ~nobody-by-this-name does not exist The shell did not replace ~nobody-by-this-name with the home folder of nobody-by-this-name (it does not when the ~ is in quotes). Write out the full path of the home folder of nobody-by-this-name in its place.',
    );
  });

  it('itb import "~/backup.json": says the shell left the ~, with the path meant, as the export that wrote it does, and imports nothing', async () => {
    const result = await itb(['import', '~/backups/backup.json']);
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toBe(
      `error: cannot read ~/backups/backup.json: there is no folder ~ in ${process.cwd()}, where itb runs The shell did not replace ~ with your home folder (it does not when the ~ is in quotes). Write it out in full: \`${join(mine, 'backups', 'backup.json')}\`. `,
    );
    expect(existsSync(join(home, 'store'))).toBe(false);
    // A name of its own that is not there is not found, as before.
    expect((await itb(['import', 'backup.json'])).stderr).toMatch(/^error: cannot read backup\.json: file not found\n/);
  });

  it('a folder really named ~ is taken as named', async () => {
    mkdirSync(join(here, '~'));
    const result = await itb(['export', '-o', '~/r.md']);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(here, '~', 'r.md'))).toBe(true);
    expect(readdirSync(mine)).toEqual([]);
  });

  it('--data "~sam/lib.yaml", ITB_DATA so too, and itb validate: says so, rather than only that the file is not found', async () => {
    const hint = 'The shell did not replace ~sam with the home folder of sam (it does not when the ~ is in quotes). Write out the full path of the home folder of sam in its place.';
    for (const argv of [['--data', '~sam/lib.yaml', 'buckets'], ['validate', '~sam/lib.yaml']]) {
      const result = await itb(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(oneLine(result.stderr)).toBe(`error: cannot read ~sam/lib.yaml: there is no folder ~sam in ${process.cwd()}, where itb runs ${hint} `);
    }
    // Named by ITB_DATA, perhaps set long ago: the way back to the built-in library too, as when its file is gone.
    const builtIn = 'ITB_DATA names this file: set it to its full path, or unset it (`unset ITB_DATA`) to use the built-in library. Your sessions and buckets are kept either way.';
    for (const argv of [['routines'], ['validate']]) {
      const fromEnv = await itb(argv, { ITB_DATA: '~sam/lib.yaml' });
      expect(fromEnv.code).toBe(2);
      expect(oneLine(fromEnv.stderr)).toBe(`error: ITB_DATA is ~sam/lib.yaml, but there is no folder ~sam in ${process.cwd()}, where itb runs ${hint} ${builtIn} `);
    }
    // With the account's own name, the path meant written out.
    const me = userInfo().username;
    expect(oneLine((await itb(['--data', `~${me}/lib.yaml`, 'buckets'])).stderr)).toContain(`Write it out in full: \`${join(mine, 'lib.yaml')}\`.`);
    // A folder of that name here, without the file: the file is what is missing.
    mkdirSync(join(here, '~sam'));
    expect((await itb(['--data', '~sam/lib.yaml', 'buckets'])).stderr).toMatch(/^error: cannot read ~sam\/lib\.yaml: file not found\n/);
  });

  it('ITB_DATA="~sam/lib.yaml" in PowerShell: the way back to the built-in library as PowerShell unsets it', async () => {
    asOnWindows();
    const result = await itb(['routines'], { ITB_DATA: '~sam/lib.yaml' });
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toContain('(Windows PowerShell 5.1 never does, and no shell does in quotes)');
    expect(oneLine(result.stderr)).toContain('ITB_DATA names this file: set it to its full path, or unset it (`$env:ITB_DATA = $null`) to use the built-in library.');
  });

  it('ITB_HOME="~sam/itb": says so, rather than keep a store in a new folder ~sam here', async () => {
    for (const argv of [['history'], ['buckets', 'move', 'clamshells', 'avoid']]) {
      const result = await itb(argv, { ITB_HOME: '~sam/itb' });
      expect(result.code, argv.join(' ')).toBe(2);
      expect(oneLine(result.stderr)).toBe(
        `error: ITB_HOME is ~sam/itb, but there is no folder ~sam in ${process.cwd()}, where itb runs The shell did not replace ~sam with the home folder of sam (it does not when the ~ is in quotes). Write out the full path of the home folder of sam in its place. `,
      );
    }
    expect(readdirSync(here)).toEqual([]);
    // A folder of that name here is the one meant.
    mkdirSync(join(here, '~sam'));
    expect((await itb(['buckets', 'move', 'clamshells', 'avoid'], { ITB_HOME: '~sam/itb' })).code).toBe(0);
    expect(existsSync(join(here, '~sam', 'itb', 'store.json'))).toBe(true);
    // A ~ alone before a slash is the home folder, as before.
    expect((await itb(['buckets', 'move', 'clamshells', 'avoid'], { ITB_HOME: '~/itb' })).code).toBe(0);
    expect(existsSync(join(mine, 'itb', 'store.json'))).toBe(true);
  });
});
