// Loading a library file: a valid one as it is saved on each system, and a file that cannot be read as a library at all.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { LIBRARY_SIZE_LIMIT, LibraryError, loadLibraryFile, parseLibrary } from '../../src/library/load.js';
import { fixture, fixtures, problemsIn } from '../helpers/library-problems.js';

describe('a valid library', () => {
  it('parses, with defaults filled in', () => {
    const parsed = parseLibrary(readFileSync(fixture('good.yaml'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
    const { library } = parsed;
    expect(library.exercises.map((e) => e.id)).toEqual(['wall-clamshells', 'ankle-rocks']);
    expect(library.routines[0]?.exercises).toEqual(['ankle-rocks', 'wall-clamshells']);
    const ankleRocks = library.exercises[1]!;
    expect(ankleRocks.dose).toEqual({ reps: 10, perSide: false });
    expect(ankleRocks.equipment).toEqual([]);
    expect(ankleRocks.side).toBe('opposite');
  });

  it('reads a name written over several lines, or with a tab in it, as one line: it is shown in tables and beside ids', () => {
    const source = readFileSync(fixture('good.yaml'), 'utf8')
      .replace('name: Ankle rocks', 'name: |\n      Ankle\n      rocks')
      .replace('name: Wall clamshells', 'name: "Wall\\tclamshells"')
      .replace('name: Clinic plan', 'name: |-\n      Clinic\n        plan');
    const parsed = parseLibrary(source);
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
    const { library } = parsed;
    expect(library.exercises.map((e) => e.name)).toEqual(['Wall clamshells', 'Ankle rocks']);
    expect(library.routines[0]?.name).toBe('Clinic plan');
    // A source too, of a drill or of a routine.
    const sourced = parseLibrary(readFileSync(fixture('good.yaml'), 'utf8')
      .replace('    loading: true', '    loading: true\n    source: |\n      Clinic handout,\n      page 2')
      .replace('name: Clinic plan', 'name: Clinic plan\n    source: "Maria\\tM."'));
    if (!sourced.ok) throw new Error(sourced.problems.map((p) => p.message).join('\n'));
    const { library: withSources } = sourced;
    expect([withSources.exercises[0]?.source, withSources.routines[0]?.source]).toEqual(['Clinic handout, page 2', 'Maria M.']);
  });

  it('loads from a file', () => {
    expect(loadLibraryFile(fixture('good.yaml')).exercises).toHaveLength(2);
  });

  it('loads a file saved on Windows, with CRLF line endings and a byte order mark, as the same library', () => {
    const folder = mkdtempSync(join(tmpdir(), 'itb-crlf-'));
    try {
      const source = readFileSync(fixture('good.yaml'), 'utf8').replace('    loading: true', '    loading: true\n    source: |\n      Clinic handout,\n      page 2');
      const windows = join(folder, 'library.yaml');
      writeFileSync(windows, `\uFEFF${source.replaceAll('\n', '\r\n')}`);
      const plain = parseLibrary(source);
      if (!plain.ok) throw new Error(plain.problems.map((p) => p.message).join('\n'));
      const { library: expected } = plain;
      const loaded = loadLibraryFile(windows);
      expect(loaded).toEqual(expected);
      expect(JSON.stringify(loaded)).not.toContain('\\r');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('reads a file whose lines end in a carriage return alone, as older Mac editors save text, and tells a problem at its line', () => {
    const source = readFileSync(fixture('good.yaml'), 'utf8');
    const plain = parseLibrary(source);
    if (!plain.ok) throw new Error(plain.problems.map((p) => p.message).join('\n'));
    const mac = parseLibrary(source.replaceAll('\n', '\r'));
    expect(mac).toEqual(plain);
    expect(problemsIn(source.replace('reps: 12', 'reps: twelve').replaceAll('\n', '\r'))).toEqual([
      '25:7  exercises.0.dose.reps  must be a whole number, not "twelve": write the number in digits, as reps: 12',
    ]);
  });
});

describe('reading the file', () => {
  function libraryError(file: string): LibraryError {
    try {
      loadLibraryFile(file);
    } catch (error) {
      if (error instanceof LibraryError) return error;
      throw error;
    }
    throw new Error(`${file} loaded without an error`);
  }

  /** The error a file that cannot be read at all gives: one line, not a problem inside the library. */
  function readError(file: string): UserError {
    try {
      loadLibraryFile(file);
    } catch (error) {
      expect(error).not.toBeInstanceOf(LibraryError);
      expect(error).toBeInstanceOf(UserError);
      return error as UserError;
    }
    throw new Error(`${file} loaded without an error`);
  }

  let scratch: string;
  beforeEach(() => void (scratch = mkdtempSync(join(tmpdir(), 'itb-library-'))));
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('says where a missing file named without its full path was looked for, as ITB_DATA=my-library.yaml is looked for in every folder', () => {
    const error = readError(join('not-here', 'my-library.yaml'));
    expect(error.message).toBe(`cannot read ${join('not-here', 'my-library.yaml')}: file not found`);
    expect(error.hint).toBe(
      `A file named without its full path is looked for in the folder you run itb from (${process.cwd()}); give its full path, such as ~/itb/my-library.yaml, to use it from any folder.`,
    );
  });

  it('says plainly that a missing file is not there: exit code 2, no problem lines', () => {
    const error = readError(fixture('no-such-library.yaml'));
    expect(error.message).toBe(`cannot read ${fixture('no-such-library.yaml')}: file not found`);
    expect(error.hint).toBe('Check the path of the library file.');
    expect(error.exitCode).toBe(2);
    expect(error.details).toEqual([]);
  });

  it('reports a folder given as the file', () => {
    expect(readError(fixtures).message).toBe(`cannot read ${fixtures}: it is a folder`);
  });

  it.skipIf(process.platform === 'win32')('refuses a named pipe at once instead of waiting for a writer', () => {
    const pipe = join(scratch, 'library.yaml');
    execFileSync('mkfifo', [pipe]);
    expect(readError(pipe).message).toBe(`cannot read ${pipe}: it is a named pipe (FIFO), not a regular file`);
  });

  it.skipIf(!existsSync('/dev/zero'))('refuses a device that never ends, and a link to one, without reading it', () => {
    expect(readError('/dev/zero').message).toBe('cannot read /dev/zero: it is a device, not a regular file');
    const link = join(scratch, 'library.yaml');
    symlinkSync('/dev/zero', link);
    expect(readError(link).message).toBe(`cannot read ${link}: it is a device, not a regular file`);
  });

  it('refuses a file larger than a library can be, saying how large one may be', () => {
    const file = join(scratch, 'huge.yaml');
    writeFileSync(file, `version: 1\n# ${'x'.repeat(LIBRARY_SIZE_LIMIT)}\n`);
    const error = readError(file);
    expect(error.message).toBe(`cannot read ${file}: it is larger than 2 MB, the most a library file may be`);
    expect(error.exitCode).toBe(2);
  });

  it('reads a file just under the limit', () => {
    const file = join(scratch, 'padded.yaml');
    const source = readFileSync(fixture('good.yaml'), 'utf8');
    writeFileSync(file, `${source}\n# ${'x'.repeat(LIBRARY_SIZE_LIMIT - source.length - 4)}\n`);
    expect(statSync(file).size).toBeLessThanOrEqual(LIBRARY_SIZE_LIMIT);
    expect(loadLibraryFile(file).exercises).toHaveLength(2);
  });

  it.skipIf(process.platform === 'win32')('says in words that a link leads back to itself', () => {
    const loop = join(scratch, 'loop.yaml');
    symlinkSync(loop, loop);
    expect(readError(loop).message).toBe(`cannot read ${loop}: it is a link that leads back to itself`);
  });

  it('refuses a file saved in another encoding, pointing at its first byte that is not UTF-8', () => {
    const file = join(scratch, 'latin1.yaml');
    // A real U+FFFD on line 2 is text like any other; the é saved as the Latin-1 byte 0xE9 is not.
    const source = readFileSync(fixture('good.yaml'), 'utf8').replace('name: ', 'name: \uFFFD ');
    expect(source.endsWith('\n')).toBe(true);
    writeFileSync(file, Buffer.concat([Buffer.from(`${source}# Caf`), Buffer.from([0xe9, 0x0a])]));
    const line = source.split('\n').length;
    const error = libraryError(file);
    expect(error.details).toEqual([
      `${file}:${line}:6  (file)  byte 0xE9 is not UTF-8 text: save the file as UTF-8 (an editor may have saved it as Latin-1 or Windows-1252)`,
    ]);
    expect(error.exitCode).toBe(2);
  });

  it('refuses a file saved as UTF-16, saying so rather than that it may be Latin-1', () => {
    const source = readFileSync(fixture('good.yaml'), 'utf8');
    const saved: [string, Buffer, string][] = [
      ['utf16le.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(source, 'utf16le')]), 'its first bytes are FF FE'],
      ['utf16be.yaml', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(source, 'utf16le').swap16()]), 'its first bytes are FE FF'],
      ['no-mark-le.yaml', Buffer.from(source, 'utf16le'), 'its first character is two bytes, one of them 0x00'],
      ['no-mark-be.yaml', Buffer.from(source, 'utf16le').swap16(), 'its first character is two bytes, one of them 0x00'],
    ];
    for (const [name, bytes, sign] of saved) {
      const file = join(scratch, name);
      writeFileSync(file, bytes);
      const error = libraryError(file);
      expect(error.details).toEqual([`${file}:1:1  (file)  the file is saved as UTF-16 (${sign}): save it as UTF-8 (in the editor's "Save as", choose the encoding "UTF-8")`]);
      expect(error.message).toBe(`1 problem in the exercise library ${file}`);
      expect(error.exitCode).toBe(2);
    }
    // UTF-8 with a byte-order mark, as some editors save it, is UTF-8 all the same.
    const marked = join(scratch, 'utf8-bom.yaml');
    writeFileSync(marked, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(source)]));
    expect(loadLibraryFile(marked).exercises).toHaveLength(2);
    // Its mark is no character of line 1: a problem there is at the column the editor shows.
    writeFileSync(marked, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(source.replace(/^(# .*\n)?version: 1/, 'version: 2'))]));
    expect(libraryError(marked).details).toEqual([`${marked}:1:1  version  must be 1, not 2 (the library format this itb reads)`]);
  });

  it('refuses a word processor\'s document saved under a .yaml name as one problem at 1:1, with how to save it as plain text', () => {
    const advice =
      'not plain text: save it as plain text (TextEdit: Format > Make Plain Text; WordPad or Word: Save as, then "Plain text" or "Text Document") and keep its name ending in .yaml, or edit the library in a plain-text editor';
    const saved: [string, Buffer, string][] = [
      // TextEdit's and WordPad's default: the library's text among RTF markup, which YAML reads as a mapping in { }.
      ['rich.yaml', Buffer.from('{\\rtf1\\ansi\\ansicpg1252\\cocoartf2761\n{\\fonttbl\\f0\\fswiss Helvetica;}\nversion: 1\\\n}'), 'in rich text (RTF, as TextEdit and WordPad save by default)'],
      // A .docx is a zip of its parts, compressed: bytes that are no UTF-8 text.
      ['word.yaml', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0x80, 0xa0]), '(such as a Word .docx) or another zip file'],
      ['old-word.yaml', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x00]), '(an older Word .doc)'],
    ];
    for (const [name, bytes, what] of saved) {
      const file = join(scratch, name);
      writeFileSync(file, bytes);
      const error = libraryError(file);
      expect(error.details).toEqual([`${file}:1:1  (file)  this is a word-processor document ${what}, ${advice}`]);
      expect(error.message).toBe(`1 problem in the exercise library ${file}`);
    }
  });

  it('prints every problem as FILE:LINE:COL  path  message and counts them in the message', () => {
    const file = fixture('wrong-types.yaml');
    const error = libraryError(file);
    expect(error.details).toEqual([
      `${file}:10:7  exercises.0.dose.reps  must be a whole number, not "ten": write the number in digits, as reps: 10`,
      `${file}:12:5  exercises.0.loading  must be true or false, not "yes"`,
    ]);
    expect(error.message).toBe(`2 problems in the exercise library ${file}`);
    expect(error.hint).toContain(`itb validate ${file}`);
  });
});
