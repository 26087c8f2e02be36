// `itb export -o FOLDER`: the folder where backups or reports are kept, given instead of a file.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { sampleStore } from '../export/fixtures.js';
import { run, tempHome } from '../helpers/run.js';

const NOW = new Date('2026-11-20T15:00:00.000Z');
let home: string;
let cleanup: () => void;
beforeEach(async () => {
  ({ home, cleanup } = tempHome());
  await Store.open({ ITB_HOME: home }).update(() => sampleStore());
});
afterEach(() => cleanup());

const exportIn = (args: string[]) => run(['export', ...args], { home, now: NOW });
/** The command given to copy, in backquotes on the hint's line. */
const given = (stderr: string) => /`(itb [^`]*)`/.exec(stderr.replace(/\s*\n\s*/g, ' '))?.[1];
/** The words of a command as a shell reads them, for the quoting these commands use. */
const shellWords = (command: string) => (command.match(/'[^']*'|"[^"]*"|\S+/g) ?? []).map((word) => word.replace(/^(['"])(.*)\1$/, '$2'));

describe('itb export -o FOLDER', () => {
  it('names a file in that folder, of the format asked for and not taken yet, in a command that writes it', async () => {
    const backups = join(home, 'My backups');
    mkdirSync(backups);
    writeFileSync(join(backups, 'backup.json'), '{}');
    const refused = await exportIn(['--format', 'json', '-o', backups]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`cannot write ${backups}: it is a folder`);
    // Not "such as -o report.html": that would write a JSON backup under an .html name, elsewhere.
    expect(refused.stderr).not.toContain('report.html');
    const command = given(refused.stderr);
    expect(command).toBe(`itb export --format json -o '${join(backups, 'backup-2.json')}'`);
    expect(readdirSync(backups)).toEqual(['backup.json']);

    // Typed as given, it writes the backup there, and replaces nothing.
    const written = await exportIn(shellWords(command!).slice(2));
    expect(written.code, written.stderr).toBe(0);
    expect(readdirSync(backups).sort()).toEqual(['backup-2.json', 'backup.json']);
  });

  it('gives a page for the therapist when no format was asked for, with the period and name typed, and --force left out', async () => {
    const reports = join(home, 'reports');
    mkdirSync(reports);
    const refused = await exportIn(['-o', reports, '--since', '2026-10-01', '--name', 'Sam Lee', '--force']);
    expect(refused.code).toBe(2);
    expect(given(refused.stderr)).toBe(`itb export --since 2026-10-01 --name 'Sam Lee' -o ${join(reports, 'report.html')}`);
    expect(readdirSync(reports)).toEqual([]);
  });
});
