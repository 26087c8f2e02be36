// Files `itb import` is given that are no backup: reports, a library, a store, a newer export, and what is no regular file.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EXPORT_SCHEMA_VERSION } from '../../src/export/schema.js';
import { Store } from '../../src/store/store.js';
import { sampleStore } from '../export/fixtures.js';
import { useBackupHomes } from '../helpers/backup-homes.js';
import { run } from '../helpers/run.js';
import { importInto, NOW, storeBytes } from '../helpers/import-backup.js';

const homes = useBackupHomes(NOW);

describe('itb import', () => {
  it('explains that a FHIR report cannot be read back', async () => {
    const fhir = join(homes.source.home, 'report.fhir.json');
    expect((await run(['export', '--format', 'fhir', '-o', fhir], { home: homes.source.home, now: NOW })).code).toBe(0);
    const result = await importInto(homes.target.home, [fhir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is a FHIR report');
    expect(result.stderr).toContain('`itb export -o backup.json` writes one');
  });

  it('says that the CSV, HTML and Markdown reports cannot be read back, rather than where they stop being JSON', async () => {
    for (const [format, kind] of [
      ['csv', 'a CSV report'],
      ['html', 'an HTML report'],
      ['md', 'a Markdown report'],
    ] as const) {
      const report = join(homes.source.home, `report.${format}`);
      expect((await run(['export', '--format', format, '-o', report], { home: homes.source.home, now: NOW })).code).toBe(0);
      const result = await importInto(homes.target.home, [report]);
      expect(result.code, format).toBe(2);
      expect(result.stderr).toBe(`error: ${report} is ${kind}, which itb cannot read back\nImport a backup instead: \`itb export -o backup.json\` writes one.\n`);
      expect(existsSync(join(homes.target.home, 'store.json'))).toBe(false);
    }
  });

  it('says that an exercise library is used where it is, not imported, rather than where it stops being JSON', async () => {
    const library = join(homes.source.home, 'my library.yaml');
    writeFileSync(library, readFileSync(join(import.meta.dirname, '../../data/library.yaml')));
    const result = await importInto(homes.target.home, [library]);
    expect(result.code).toBe(2);
    expect(result.stderr.replace(/\s*\n\s*/g, ' ')).toBe(
      `error: ${library} looks like an exercise library, not a backup Nothing was imported. A library is used from where it is: ` +
        `\`itb --data '${library}' session\` (or ITB_DATA, see "Your own exercise library" in the README); \`itb validate '${library}'\` checks it. `,
    );
    expect(existsSync(join(homes.target.home, 'store.json'))).toBe(false);
  });

  it('says that a zipped or gzipped backup is to be unpacked first, and that a PDF cannot be read back, rather than call them text in another encoding', async () => {
    const json = readFileSync(homes.backup);
    const zipHeader = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);
    for (const [name, bytes, error, hint] of [
      ['backup.json.gz', gzipSync(json), 'is a compressed (gzip) file, not a backup itself', 'Unpack it first (open it, or run gunzip)'],
      ['backup.zip', Buffer.concat([zipHeader, deflateRawSync(json)]), 'is a zip archive, not a backup itself', 'Unpack it first (open it, or run unzip)'],
      ['report.pdf', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), 'is a PDF document, which itb cannot read back', 'Import a backup instead: `itb export -o backup.json` writes one.'],
    ] as const) {
      const file = join(homes.source.home, name);
      writeFileSync(file, bytes);
      const result = await importInto(homes.target.home, [file]);
      expect(result.code, name).toBe(2);
      expect(result.stderr.split('\n')[0]).toBe(`error: ${file} ${error}`);
      expect(result.stderr.replace(/\n/g, ' ')).toContain(hint);
      expect(result.stderr).not.toContain('encoding');
      expect(existsSync(join(homes.target.home, 'store.json'))).toBe(false);
    }
  });

  it('says which command printed a --json summary given as a backup, and how to make one', async () => {
    for (const command of [['history'], ['buckets'], ['settings'], ['exercises'], ['routines']]) {
      const printed = await run([...command, '--json'], { home: homes.source.home, now: NOW });
      expect(printed.code).toBe(0);
      const saved = join(homes.source.home, `${command[0]}.json`);
      writeFileSync(saved, printed.stdout);
      const result = await importInto(homes.target.home, [saved]);
      expect(result.code, command[0]).toBe(2);
      // The hint is wrapped to fit the terminal.
      expect(result.stderr.replace(/\s+/g, ' ')).toBe(
        `error: ${saved} is what \`itb ${command[0]} --json\` prints, which itb cannot read back ` +
          'Nothing was imported. A backup is written by `itb export -o backup.json`. ',
      );
      expect(existsSync(join(homes.target.home, 'store.json'))).toBe(false);
    }
  });

  it('says that a store file is a store, not a backup, and how to use it or make a backup of it', async () => {
    const store = join(homes.source.home, 'store.json');
    const result = await importInto(homes.target.home, [store]);
    expect(result.code).toBe(2);
    const [error, ...hint] = result.stderr.trimEnd().split('\n');
    expect(error).toBe(`error: ${store} is an itb store, not a backup`);
    const advice = hint.join(' ');
    expect(advice).toContain(`ITB_HOME=${homes.source.home} itb buckets`);
    expect(advice).toContain(`ITB_HOME=${homes.source.home} itb export --format json -o backup.json`);
    expect(result.stderr).not.toMatch(/problem|missing/);
    expect(existsSync(join(homes.target.home, 'store.json'))).toBe(false);

    // Under another name, it cannot be used where it is: it has to be store.json.
    const copy = join(homes.source.home, 'old-laptop.json');
    writeFileSync(copy, readFileSync(store));
    const renamed = await importInto(homes.target.home, [copy]);
    expect(renamed.stderr.split('\n')[0]).toBe(`error: ${copy} is an itb store, not a backup`);
    expect(renamed.stderr.replace(/\n/g, ' ')).toContain('copy it under that name into a folder of its own');
  });

  it('says that the store in use, given by its path or through a link, is the store itb is using, with nothing to import', async () => {
    const store = join(homes.source.home, 'store.json');
    const before = storeBytes(homes.source.home);
    const link = join(homes.target.home, 'my-store.json');
    symlinkSync(store, link);
    for (const given of [store, link]) {
      const result = await importInto(homes.source.home, [given]);
      expect(result.code).toBe(2);
      expect(result.stderr.replace(/\s+/g, ' ')).toBe(
        `error: ${given} is the store itb is using, so there is nothing to import from it ` +
          'Nothing was imported. Everything in it is already yours here: `itb history` and `itb buckets` show it. To import, give a backup that `itb export -o backup.json` wrote. ',
      );
    }
    expect(storeBytes(homes.source.home)).toEqual(before);
  });

  it('says that a file kept beside the store is not a backup, and points to the store.json beside it', async () => {
    for (const name of ['store.json.checked', 'store.json.summary']) {
      const sidecar = join(homes.source.home, name);
      expect(existsSync(sidecar)).toBe(true);
      const result = await importInto(homes.target.home, [sidecar]);
      expect(result.code).toBe(2);
      const [error, ...hint] = result.stderr.trimEnd().split('\n');
      expect(error).toBe(`error: ${sidecar} is one of the files itb keeps beside its store to read it faster, not a backup`);
      const advice = hint.join(' ');
      expect(advice).toContain('The store itself is the store.json beside it.');
      expect(advice).toContain(`ITB_HOME=${homes.source.home} itb export --format json -o backup.json`);
      expect(existsSync(join(homes.target.home, 'store.json'))).toBe(false);
    }
  });

  it('keeps each command of the advice for a store on one line, to copy, however long its folder', async () => {
    // A folder path of 27 characters, with which the longer command just fits a line of 80 columns.
    const folder = join(homes.source.home, 'old-laptop'.slice(0, Math.max(1, 26 - homes.source.home.length)));
    mkdirSync(folder);
    copyFileSync(join(homes.source.home, 'store.json'), join(folder, 'store.json'));
    const result = await importInto(homes.target.home, [join(folder, 'store.json')]);
    expect(result.code).toBe(2);
    const lines = result.stderr.split('\n');
    for (const command of [`ITB_HOME=${folder} itb buckets`, `ITB_HOME=${folder} itb export --format json -o backup.json`]) {
      expect(lines.some((line) => line.includes(command)), command).toBe(true);
    }
  });

  it('quotes a folder with spaces in the advice for a store, so that each command can be typed as it is given', async () => {
    const folder = join(homes.source.home, "Sam's old laptop é");
    mkdirSync(folder);
    copyFileSync(join(homes.source.home, 'store.json'), join(folder, 'store.json'));
    const result = await importInto(homes.target.home, [join(folder, 'store.json')]);
    expect(result.code).toBe(2);
    const advice = result.stderr.split('\n').slice(1).join(' ');
    const quoted = `'${homes.source.home}/Sam'\\''s old laptop é'`;
    expect(advice).toContain(`(\`ITB_HOME=${quoted} itb buckets\`)`);
    expect(advice).toContain(`(\`ITB_HOME=${quoted} itb export --format json -o backup.json\`)`);
    // Read by a shell, the ITB_HOME given names the folder itself.
    const assignment = /`(ITB_HOME=[^`]+) itb buckets`/.exec(advice)![1]!;
    expect(execFileSync('sh', ['-c', `${assignment}; printf %s "$ITB_HOME"`], { encoding: 'utf8' })).toBe(folder);
  });

  it('says that a backup copied in as store.json is a backup, keeps it as it is, and how to bring it in', async () => {
    const store = join(homes.target.home, 'store.json');
    writeFileSync(store, readFileSync(homes.backup), { mode: 0o600 });
    const copied = readFileSync(store);
    for (const args of [['buckets'], ['history'], ['import', homes.backup]]) {
      const result = await run(args, { home: homes.target.home, now: NOW });
      expect(result.code).toBe(2);
      const [error, ...hint] = result.stderr.trimEnd().split('\n');
      expect(error).toBe(`error: the itb store ${store} is a backup written by \`itb export\`, put in the store's place`);
      expect(hint.join(' ')).toContain(`\`itb import ${join(homes.target.home, 'backup.json')}\``);
      expect(readFileSync(store).equals(copied)).toBe(true);
    }
    // Done as the hint says, the backup is restored.
    renameSync(store, join(homes.target.home, 'backup.json'));
    const restored = await importInto(homes.target.home, [join(homes.target.home, 'backup.json')]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(Store.open({ ITB_HOME: homes.target.home }).read()).toEqual(Store.open({ ITB_HOME: homes.source.home }).read());
  });

  it('into a damaged store, says to move the file away before importing, since the import cannot read it either', async () => {
    const store = join(homes.target.home, 'store.json');
    writeFileSync(store, 'not json', { mode: 0o600 });
    const refused = await importInto(homes.target.home, [homes.backup]);
    expect(refused.code).toBe(2);
    const [error, ...hint] = refused.stderr.trimEnd().split('\n');
    expect(error).toBe(`error: the itb store ${store} is not valid JSON`);
    // The command to run again names the file just given, not a placeholder.
    expect(hint.join(' ')).toBe(`Nothing was changed. Move the file away to start afresh; then, to restore your data from an export, run \`itb import ${homes.backup}\`.`);
    // One the shell would split is quoted.
    const spaced = join(homes.target.home, "my backup's copy.json");
    copyFileSync(homes.backup, spaced);
    const quoted = await importInto(homes.target.home, [spaced]);
    expect(quoted.stderr.replace(/\s*\n\s*/g, ' ')).toContain(`run \`itb import '${join(homes.target.home, 'my backup')}'\\''s copy.json'\`.`);
    expect(readFileSync(store, 'utf8')).toBe('not json');
    // Done as the hint says, the backup is restored.
    renameSync(store, join(homes.target.home, 'store.json.damaged'));
    const restored = await importInto(homes.target.home, [homes.backup]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(Store.open({ ITB_HOME: homes.target.home }).read()).toEqual(Store.open({ ITB_HOME: homes.source.home }).read());
  });

  it('asks for a newer itb for a newer export, and names a missing file', async () => {
    const newer = join(homes.target.home, 'newer.json');
    writeFileSync(newer, JSON.stringify({ ...JSON.parse(readFileSync(homes.backup, 'utf8')), schemaVersion: EXPORT_SCHEMA_VERSION + 1 }));
    const future = await importInto(homes.target.home, [newer]);
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('newer itb');
    // A version no itb writes (too large for a number) is damage, not a newer itb.
    writeFileSync(newer, readFileSync(homes.backup, 'utf8').replace(/"schemaVersion": *2/, '"schemaVersion": 1e400'));
    const damaged = await importInto(homes.target.home, [newer]);
    expect(damaged.code).toBe(2);
    expect(damaged.stderr).toContain('schemaVersion (line 2): must be one of: 1, 2 (not Infinity)');
    expect(damaged.stderr).not.toContain('newer itb');

    const missing = await importInto(homes.target.home, [join(homes.target.home, 'none.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('file not found');
    expect(missing.stderr).toContain('Give the path of a backup that `itb export -o backup.json` wrote.');

    // A link to a backup on a drive not connected: the link is there, its file is not.
    const link = join(homes.target.home, 'latest.json');
    symlinkSync('/media/usb/itb/backup.json', link);
    const dangling = await importInto(homes.target.home, [link]);
    expect(dangling.code).toBe(2);
    expect(dangling.stderr).toContain(`error: cannot read ${link}: it is a link to /media/usb/itb/backup.json, which is not there`);
  });
});

describe('itb import reads only a regular file of a backup’s size', () => {
  /** Runs the import of `file`, expecting it refused with `message` and the store untouched. */
  async function expectRefused(file: string, message: string) {
    await Store.open({ ITB_HOME: homes.target.home }).update(() => sampleStore());
    const before = storeBytes(homes.target.home);
    const result = await importInto(homes.target.home, [file]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(`error: ${message}`);
    expect(result.stdout).toBe('');
    expect(storeBytes(homes.target.home).equals(before)).toBe(true);
    return result;
  }

  it('asks for a file name when it is given an empty one', async () => {
    for (const name of ['', '  ']) {
      const result = await expectRefused(name, 'itb import needs the name of a backup file');
      expect(result.stderr).toContain('For example: `itb import backup.json`');
    }
  });

  it('says that it reads a file, not standard input, when given `-`', async () => {
    const result = await expectRefused('-', 'itb import reads a backup from a file, not from standard input');
    expect(result.stderr).toContain('Save the backup to a file first, then give its name: `itb import backup.json`.');
  });

  it.skipIf(process.platform === 'win32')('refuses a named pipe at once instead of waiting for a writer', async () => {
    const pipe = join(homes.target.home, 'backup.json');
    execFileSync('mkfifo', [pipe]);
    const result = await expectRefused(pipe, `cannot read ${pipe}: it is a named pipe (FIFO), not a regular file`);
    expect(result.stderr).toContain('Give the path of a backup that `itb export -o backup.json` wrote.');
  });

  it.skipIf(!existsSync('/dev/zero'))('refuses a device that never ends without reading it', async () => {
    await expectRefused('/dev/zero', 'cannot read /dev/zero: it is a device, not a regular file');
  });

  it('refuses a file larger than 100 MB without reading it', async () => {
    const huge = join(homes.target.home, 'huge.json');
    // Sparse: as large as that to the file system, without writing 100 MB.
    writeFileSync(huge, '');
    truncateSync(huge, 100 * 1024 * 1024 + 1);
    const result = await expectRefused(huge, `cannot read ${huge}: it is larger than 100 MB, the most itb imports`);
    expect(result.stderr).toContain('about 6 MB');
  });

  it.skipIf(process.platform === 'win32')('says in words that a link leads back to itself', async () => {
    const loop = join(homes.target.home, 'loopA');
    symlinkSync(loop, loop);
    await expectRefused(loop, `cannot read ${loop}: it is a link that leads back to itself`);
  });
});
