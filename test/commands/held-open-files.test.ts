// A library or a backup that another program has open on Windows (a spreadsheet, an editor that
// keeps its file locked, a sync program reading it), shared with no one: opening it fails with
// EBUSY. Said in words, with what to do, rather than as the bare code.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { asOnWindows } from '../helpers/as-on-windows.js';
import { libraryFile } from '../helpers/libraries.js';
import { run, tempHome } from '../helpers/run.js';

const opening = vi.hoisted(() => ({ heldOpen: undefined as string | undefined }));
vi.mock('node:fs', async (importOriginal) => (await import('../helpers/busy-open.js')).busyOpenFs(await importOriginal(), opening));

const said = (text: string) => text.replace(/\s+/g, ' ').trim();
const advice = 'Close it in the program that has it open, then try again; a backup, sync or virus-scanning program lets go of it in a moment.';

let home: string;
let cleanup: () => void;
beforeEach(() => {
  ({ home, cleanup } = tempHome());
  asOnWindows();
});
afterEach(() => {
  opening.heldOpen = undefined;
  cleanup();
});

describe('a file named to itb that another program has open', () => {
  it('a library: says so, and to close it there, not to check its path', async () => {
    const mine = join(home, 'my-library.yaml');
    copyFileSync(libraryFile('good.yaml'), mine);
    opening.heldOpen = mine;
    for (const argv of [['validate', mine], ['--data', mine, 'routines']]) {
      const result = await run(argv, { home });
      expect(result.code, argv.join(' ')).toBe(2);
      expect(said(result.stderr), argv.join(' ')).toContain(`cannot read ${mine}: another program has it open ${advice}`);
    }
  });

  it('a backup: says so, and to close it there', async () => {
    const backup = join(home, 'backup.json');
    copyFileSync(libraryFile('good.yaml'), backup);
    opening.heldOpen = backup;
    const result = await run(['import', backup], { home });
    expect(result.code).toBe(2);
    expect(said(result.stderr)).toContain(`cannot read ${backup}: another program has it open ${advice}`);
  });
});
