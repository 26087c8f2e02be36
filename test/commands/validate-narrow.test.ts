// The line saying a library file has no problems, on a terminal narrower than it (a phone's):
// broken between words, its later lines under the file's name, rather than by the terminal in
// the middle of a word. To a file or a pipe it stays one line, as a script reads it.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLibraryFile } from '../../src/library/load.js';
import { width } from '../../src/ui/width.js';
import { run, tempHome } from '../helpers/run.js';
import { onTerminal } from '../helpers/terminal.js';

const shipped = join(import.meta.dirname, '../../data/library.yaml');
const { exercises, routines } = loadLibraryFile(shipped);
const said = `✓ ${shipped}: ${exercises.length} drills, ${routines.length} routines, no problems`;

describe('validate on a narrow terminal', () => {
  let home: ReturnType<typeof tempHome>;
  beforeEach(() => {
    home = tempHome();
  });
  afterEach(() => home.cleanup());

  it('breaks the line saying the file is fine between words, within 40 columns', async () => {
    expect(width(said)).toBeGreaterThan(40);
    const { code, stdout } = await onTerminal(40, () => run(['validate', shipped], { home: home.home, tty: true }));
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    // A path longer than a line stands alone on it, whole: only the words after it are counted.
    expect(lines.slice(1).every((line) => width(line) <= 40 && line.startsWith('  '))).toBe(true);
    expect(lines.map((line) => line.trim()).join(' ')).toBe(said);
  });

  it('keeps it on one line where it fits, and in a pipe', async () => {
    expect((await onTerminal(80, () => run(['validate', shipped], { home: home.home, tty: true }))).stdout).toBe(`${said}\n`);
    expect((await onTerminal(40, () => run(['validate', shipped], { home: home.home }))).stdout).toBe(`${said}\n`);
  });
});
