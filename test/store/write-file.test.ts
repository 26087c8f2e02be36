// Reports and backups are written to a private file, whole or not at all: a text as its UTF-8,
// bytes given in pieces as they come.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../src/errors.js';
import { writePrivateFile } from '../../src/store/write-file.js';
import { asOnWindows } from '../helpers/as-on-windows.js';
import { caught } from '../helpers/caught.js';
import { mixedParts } from '../helpers/mixed-text.js';

// link() as a file system without hard links answers it (FAT, exFAT), when a test asks.
const linking = vi.hoisted(() => ({ fails: false, code: 'EPERM', before: () => {} }));
// rename() refused (a file held open on a shared drive, say), when a test asks: for good, or
// the next `times` tries, with `code` (Windows gives EPERM for a file another program has open).
const renaming = vi.hoisted(() => ({ fails: false, times: 0, code: 'EBUSY', tries: 0 }));
// Opening a new file refused with this code (a full or read-only disk), when a test asks.
const opening = vi.hoisted(() => ({ code: undefined as string | undefined }));
// The files flushed to the disk (by inode), and the names given to a file not flushed yet: what a
// power cut right after would leave empty under that name. When a test asks, flushing fails as
// it does on Windows for a file open only for reading (Node's EPERM), or for one file (EIO).
const flushing = vi.hoisted(() => ({
  flushed: new Set<number>(),
  namedUnflushed: [] as string[],
  opened: new Map<number, { path: string; flags: string }>(),
  asOnWindows: false,
  failsFor: undefined as string | undefined,
}));
// Removing the temporary file refused (Windows, while a virus scanner still reads it), when a test asks.
const removing = vi.hoisted(() => ({ failsForTemp: false, failsFor: undefined as string | undefined }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const named = (existing: import('node:fs').PathLike, name: import('node:fs').PathLike) => {
    if (!flushing.flushed.has(fs.statSync(existing).ino)) flushing.namedUnflushed.push(String(name));
  };
  const fsyncSync: typeof fs.fsyncSync = (fd) => {
    const opened = flushing.opened.get(fd);
    if (flushing.asOnWindows && opened?.flags === 'r' && fs.fstatSync(fd).isFile()) throw Object.assign(new Error('EPERM: operation not permitted, fsync'), { code: 'EPERM' });
    if (opened !== undefined && opened.path === flushing.failsFor) throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
    fs.fsyncSync(fd);
    flushing.flushed.add(fs.fstatSync(fd).ino);
  };
  const linkSync: typeof fs.linkSync = (existing, name) => {
    named(existing, name);
    if (!linking.fails) return fs.linkSync(existing, name);
    linking.before();
    throw Object.assign(new Error(`${linking.code}: link '${String(existing)}' -> '${String(name)}'`), { code: linking.code });
  };
  const renameSync: typeof fs.renameSync = (from, to) => {
    named(from, to);
    renaming.tries++;
    if (!renaming.fails && renaming.times === 0) return fs.renameSync(from, to);
    if (renaming.times > 0) renaming.times--;
    throw Object.assign(new Error(`${renaming.code}: rename '${String(from)}' -> '${String(to)}'`), { code: renaming.code });
  };
  const openSync = ((path: string, flags: string, mode?: number) => {
    if (opening.code !== undefined && flags === 'wx') throw Object.assign(new Error(`${opening.code}: open '${path}'`), { code: opening.code });
    const fd = fs.openSync(path, flags, mode);
    flushing.opened.set(fd, { path: String(path), flags });
    return fd;
  }) as typeof fs.openSync;
  const rmSync: typeof fs.rmSync = (path, options) => {
    if ((removing.failsForTemp && String(path).endsWith('.tmp')) || String(path) === removing.failsFor) throw Object.assign(new Error(`EPERM: operation not permitted, unlink '${String(path)}'`), { code: 'EPERM' });
    fs.rmSync(path, options);
  };
  return {
    ...fs,
    default: { ...fs, linkSync, renameSync, openSync, fsyncSync, rmSync },
    linkSync,
    renameSync,
    openSync,
    fsyncSync,
    rmSync,
  };
});

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'itb-write-file-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
  linking.fails = false;
  linking.code = 'EPERM';
  linking.before = () => {};
  renaming.fails = false;
  renaming.times = 0;
  renaming.code = 'EBUSY';
  renaming.tries = 0;
  opening.code = undefined;
  flushing.flushed.clear();
  flushing.namedUnflushed = [];
  flushing.opened.clear();
  flushing.asOnWindows = false;
  flushing.failsFor = undefined;
  removing.failsForTemp = false;
  removing.failsFor = undefined;
});
const modeOf = (file: string) => statSync(file).mode & 0o777;

describe('writePrivateFile', () => {
  it('writes the UTF-8 of a long text', () => {
    const text = mixedParts(3_500_000).join('');
    const file = join(folder, 'report.md');
    writePrivateFile(file, text);
    expect(readFileSync(file).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('writes bytes given in pieces, the giver using one buffer again for each', () => {
    const bytes = Buffer.from(mixedParts(1_500_000).join(''), 'utf8');
    const buffer = Buffer.alloc(100_000);
    const file = join(folder, 'bundle.fhir.json');
    writePrivateFile(file, (write) => {
      for (let at = 0; at < bytes.length; at += buffer.length) write(buffer.subarray(0, bytes.copy(buffer, 0, at, at + buffer.length)));
    });
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(modeOf(file)).toBe(0o600);
  });

  it('replaces a file with the same bytes it would have created', () => {
    const parts = mixedParts(1_200_000);
    const file = join(folder, 'scores.csv');
    writePrivateFile(file, 'old');
    writePrivateFile(file, (write) => parts.forEach((part) => write(Buffer.from(part))), { replace: true });
    expect(readFileSync(file).equals(Buffer.from(parts.join(''), 'utf8'))).toBe(true);
  });

  it('has a report on the disk before it takes its name, new or replacing one: a power cut then never leaves it empty', () => {
    const file = join(folder, 'report.md');
    writePrivateFile(file, '# Report\n');
    writePrivateFile(file, '# Report, again\n', { replace: true });
    linking.fails = true;
    writePrivateFile(join(folder, 'copied.md'), '# Report\n');
    expect(flushing.namedUnflushed).toEqual([]);
  });

  it('creates a new file private and whole, leaving nothing else beside it', () => {
    const file = join(folder, 'report.html');
    writePrivateFile(file, '<p>one</p>\n');
    expect(readFileSync(file, 'utf8')).toBe('<p>one</p>\n');
    expect(modeOf(file)).toBe(0o600);
    expect(readdirSync(folder)).toEqual(['report.html']);
  });

  it('writes a name as long as the file system allows (255 bytes), new or replaced', () => {
    // 251 bytes ("é" takes two), and names from just past where the temporary name would be too long up to the limit.
    const names = [`${'é'.repeat(60)}${'a'.repeat(128)}.md`, ...[201, 238, 240, 255].map((bytes) => `${'a'.repeat(bytes - 3)}.md`)];
    for (const name of names) {
      const file = join(folder, name);
      writePrivateFile(file, 'first');
      writePrivateFile(file, 'second', { replace: true });
      expect(readFileSync(file, 'utf8')).toBe('second');
      expect(readdirSync(folder)).toEqual([name]);
      rmSync(file);
    }
  });

  it('never replaces a file without being asked, and leaves no temporary file', () => {
    const file = join(folder, 'report.md');
    writeFileSync(file, 'kept');
    expect(() => writePrivateFile(file, 'new')).toThrow(`${file} already exists`);
    expect(readFileSync(file, 'utf8')).toBe('kept');
    expect(readdirSync(folder)).toEqual(['report.md']);
  });

  it('keeps the file it was to replace, and leaves no temporary copy of the report, when the replacing fails', () => {
    const file = join(folder, 'report.md');
    writeFileSync(file, 'kept');
    renaming.fails = true;
    expect(() => writePrivateFile(file, 'new', { replace: true })).toThrow(`cannot write ${file}: it is in use by another program`);
    expect(readFileSync(file, 'utf8')).toBe('kept');
    expect(readdirSync(folder)).toEqual(['report.md']);
  });

  describe('on Windows, replacing a file another program has open', () => {
    it('tries again while a scanner holds the file for a moment, and replaces it', () => {
      asOnWindows();
      const file = join(folder, 'report.csv');
      writeFileSync(file, 'old');
      renaming.code = 'EPERM';
      renaming.times = 3;
      writePrivateFile(file, 'new', { replace: true });
      expect(readFileSync(file, 'utf8')).toBe('new');
      expect(readdirSync(folder)).toEqual(['report.csv']);
    });

    it('says the file is open in another program, not "permission denied", and keeps it', async () => {
      asOnWindows();
      const file = join(folder, 'report.csv');
      writeFileSync(file, 'kept');
      renaming.code = 'EPERM';
      renaming.fails = true;
      const error = await caught(() => writePrivateFile(file, 'new', { replace: true }));
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).message).toBe(`cannot replace ${file}: another program has it open`);
      expect((error as UserError).hint).toMatch(/^Nothing was written\. Close the file where it is open/);
      expect(renaming.tries).toBeGreaterThan(1);
      expect(readFileSync(file, 'utf8')).toBe('kept');
      expect(readdirSync(folder)).toEqual(['report.csv']);
    });

    it('says the file is open in another program when the report written for it cannot be removed either', async () => {
      asOnWindows();
      const file = join(folder, 'report.csv');
      writeFileSync(file, 'kept');
      renaming.code = 'EPERM';
      renaming.fails = true;
      removing.failsForTemp = true;
      const error = await caught(() => writePrivateFile(file, 'new', { replace: true }));
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).message).toBe(`cannot replace ${file}: another program has it open`);
      expect(readFileSync(file, 'utf8')).toBe('kept');
    });

    it('does not try again elsewhere, where EPERM means permission denied', () => {
      const file = join(folder, 'report.csv');
      writeFileSync(file, 'kept');
      renaming.code = 'EPERM';
      renaming.fails = true;
      expect(() => writePrivateFile(file, 'new', { replace: true })).toThrow(`cannot write ${file}: permission denied`);
      expect(renaming.tries).toBe(1);
    });
  });

  it('leaves no file at all when making the content fails half way', () => {
    const file = join(folder, 'report.csv');
    const failure = new Error('the report could not be made');
    const failing = () => (write: (bytes: Uint8Array) => void) => {
      write(Buffer.from('date,score\n'));
      throw failure;
    };
    // Its own words, not said as a failure to write the file.
    expect(() => writePrivateFile(file, failing())).toThrow(failure);
    expect(() => writePrivateFile(file, failing())).not.toThrow(/cannot write/);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('says what went wrong while writing the report, not that its temporary file could not be removed after', () => {
    const file = join(folder, 'report.csv');
    const failure = new Error('the report could not be made');
    removing.failsForTemp = true;
    const failing = (write: (bytes: Uint8Array) => void) => {
      write(Buffer.from('date,score\n'));
      throw failure;
    };
    expect(() => writePrivateFile(file, failing)).toThrow(failure);
  });

  it('says when the disk is full or may only be read, naming the file, and leaves nothing behind', async () => {
    const file = join(folder, 'backup.json');
    for (const [code, words, hint] of [
      ['ENOSPC', 'the disk is full', 'Free some space or choose another disk.'],
      ['EROFS', 'the disk is read-only', 'Choose another place with -o.'],
    ]) {
      opening.code = code;
      const error = await caught(() => writePrivateFile(file, '{}'));
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).message).toBe(`cannot write ${file}: ${words}`);
      expect((error as UserError).hint).toBe(hint);
      expect(readdirSync(folder)).toEqual([]);
    }
  });

  it('says a new report already exists, not that its temporary file could not be removed, and keeps the file there', async () => {
    linking.fails = true;
    const file = join(folder, 'report.md');
    linking.before = () => writeFileSync(file, 'written meanwhile');
    removing.failsForTemp = true;
    const error = await caught(() => writePrivateFile(file, 'new'));
    expect((error as UserError).message).toBe(`${file} already exists`);
    expect(readFileSync(file, 'utf8')).toBe('written meanwhile');
  });

  it('has written a new report when its temporary file cannot be removed afterwards', () => {
    const file = join(folder, 'report.md');
    removing.failsForTemp = true;
    writePrivateFile(file, '# Report\n');
    expect(readFileSync(file, 'utf8')).toBe('# Report\n');
  });

  describe('on a file system without hard links', () => {
    it('copies the finished file to its name, private', () => {
      linking.fails = true;
      const file = join(folder, 'report.md');
      writePrivateFile(file, '# Report\né – 🦵\n');
      expect(readFileSync(file, 'utf8')).toBe('# Report\né – 🦵\n');
      expect(modeOf(file)).toBe(0o600);
      expect(readdirSync(folder)).toEqual(['report.md']);
    });

    it('copies the file too where Windows says EISDIR for an exFAT stick\'s missing hard links', () => {
      linking.fails = true;
      linking.code = 'EISDIR';
      const file = join(folder, 'report.md');
      writePrivateFile(file, '# Report\n');
      expect(readFileSync(file, 'utf8')).toBe('# Report\n');
      expect(readdirSync(folder)).toEqual(['report.md']);
    });

    it('has the copy itself on the disk when it is done, not only the file it was copied from', () => {
      linking.fails = true;
      const file = join(folder, 'report.md');
      writePrivateFile(file, '# Report\n');
      expect(flushing.flushed.has(statSync(file).ino)).toBe(true);
    });

    it('flushes the copy on Windows too, where only a file open for writing can be flushed', () => {
      linking.fails = true;
      flushing.asOnWindows = true;
      const file = join(folder, 'report.md');
      writePrivateFile(file, '# Report\n');
      expect(readFileSync(file, 'utf8')).toBe('# Report\n');
      expect(flushing.flushed.has(statSync(file).ino)).toBe(true);
    });

    it('leaves no copy under the name when it cannot be flushed to the disk', () => {
      linking.fails = true;
      const file = join(folder, 'report.md');
      flushing.failsFor = file;
      expect(() => writePrivateFile(file, '# Report\n')).toThrow(`cannot write ${file}`);
      expect(readdirSync(folder)).toEqual([]);
    });

    it('says why the copy could not be flushed even when it cannot be removed after', async () => {
      linking.fails = true;
      const file = join(folder, 'report.md');
      flushing.failsFor = file;
      removing.failsFor = file;
      const error = (await caught(() => writePrivateFile(file, '# Report\n'))) as Error;
      expect(error.message).toBe(`cannot write ${file} (EIO)`);
    });

    it('still never replaces a file that took the name while the report was written', () => {
      linking.fails = true;
      const file = join(folder, 'report.md');
      linking.before = () => writeFileSync(file, 'written meanwhile');
      expect(() => writePrivateFile(file, 'new')).toThrow(`${file} already exists`);
      expect(readFileSync(file, 'utf8')).toBe('written meanwhile');
      expect(readdirSync(folder)).toEqual(['report.md']);
    });
  });
});
