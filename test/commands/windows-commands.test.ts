// On Windows the shell is PowerShell (as the README says): a command itb gives to copy is written
// the way PowerShell reads it, so that it works pasted there as it does in sh on Linux and macOS.
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { asOnWindows } from '../helpers/as-on-windows.js';
import { backupHomes, type BackupHomes } from '../helpers/backup-homes.js';
import { run, tempHome } from '../helpers/run.js';
import { buildSession } from '../helpers/sessions.js';
import { libraryFile } from '../helpers/libraries.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const good = libraryFile('good.yaml');
const said = (text: string) => text.replace(/\s+/g, ' ').trim();

let home: string;
let cleanup: () => void;
beforeEach(() => {
  ({ home, cleanup } = tempHome());
  asOnWindows();
});
afterEach(() => cleanup());

describe('a command to copy on Windows', () => {
  it("quotes a word in PowerShell's single quotes, a quote doubled and a $ left as it is", async () => {
    const moved = await run(['buckets', 'move', 'clamshells', 'avoid for now', '--note', "it's $5"], { home, now: NOW });
    expect(moved.code).toBe(2);
    expect(said(moved.stderr)).toContain("`itb buckets move clamshells avoid --note 'it''s $5'` moves it there.");
    const misplaced = await run(['-o', "Sam's $report.md", 'export'], { home, now: NOW });
    expect(misplaced.stderr.split('\n')[0]).toBe("error: -o goes after the command: itb export -o 'Sam''s $report.md'");
  });

  it('sets ITB_HOME for the commands that use a store where it is, and puts it back after, as PowerShell has no ITB_HOME=… itb', async () => {
    let homes: BackupHomes | undefined;
    try {
      homes = await backupHomes(NOW);
      const { source, target } = homes;
      const folder = join(source.home, "Sam's $old");
      mkdirSync(folder);
      copyFileSync(join(source.home, 'store.json'), join(folder, 'store.json'));
      const result = await run(['import', join(folder, 'store.json')], { home: target.home, now: NOW });
      expect(result.code).toBe(2);
      const set = `$env:ITB_HOME = '${source.home}/Sam''s $old'`;
      const back = `$env:ITB_HOME = '${target.home}'`;
      expect(said(result.stderr)).toContain(`(\`${set}; itb buckets; ${back}\`)`);
      expect(said(result.stderr)).toContain(`(\`${set}; itb export --format json -o backup.json; ${back}\`)`);
      expect(result.stderr).not.toContain('ITB_HOME=');
    } finally {
      homes?.source.cleanup();
      homes?.target.cleanup();
    }
  });

  it('with ITB_DATA set, empties it for the command that shows a built-in drill, and puts it back after', async () => {
    const result = await run(['exercises', 'hip-cars'], { home, env: { ITB_DATA: good } });
    expect(result.code).toBe(2);
    expect(said(result.stderr)).toContain(`: \`$env:ITB_DATA = ''; itb exercises hip-cars; $env:ITB_DATA = '${good}'\` shows it.`);
  });

  it('with ITB_DATA naming a library with a slip, gives the command that works meanwhile in the same way', async () => {
    const mine = join(home, 'my-library.yaml');
    writeFileSync(mine, readFileSync(good, 'utf8').replace('    side: opposite', '    side: oposite'));
    await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(buildSession({ startedAt: '2026-02-20T09:00:00Z', baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] })));
    const result = await run(['export', '-o', join(home, 'report.md')], { home, now: NOW, env: { ITB_DATA: mine, npm_lifecycle_event: 'npx' } });
    expect(result.code).toBe(2);
    expect(said(result.stderr)).toContain(`kept as they were: \`$env:ITB_DATA = ''; npx itb export; $env:ITB_DATA = '${mine}'\` writes the report meanwhile`);
  });

  it('unsets an ITB_DATA naming a file no longer there as PowerShell does', async () => {
    const result = await run(['buckets'], { home, env: { ITB_DATA: join(home, 'not-there.yaml') } });
    expect(result.code).toBe(2);
    expect(said(result.stderr)).toContain('or unset it (`$env:ITB_DATA = $null`) to use the built-in library.');
  });

  it('says a report marked Read-only is why --force cannot replace it, with the attrib -r that clears the mark, in quotes for PowerShell', async () => {
    await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(buildSession({ startedAt: '2026-02-20T09:00:00Z', baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] })));
    const folder = join(home, "Sam's reports");
    mkdirSync(folder);
    const report = join(folder, 'report.md');
    writeFileSync(report, 'last week');
    // What Node reports on Windows for a file with the Read-only attribute; Windows refuses to replace it.
    chmodSync(report, 0o444);
    const result = await run(['export', '-o', report, '--force'], { home, now: NOW });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(`error: cannot replace ${report}: it is marked read-only`);
    const quoted = `'${report.replaceAll("'", "''")}'`;
    expect(said(result.stderr)).toContain(`Clear "Read-only" in its Properties (right-click it in File Explorer), or run \`attrib -r ${quoted}\`, then try again`);
    expect(readFileSync(report, 'utf8')).toBe('last week');
  });
});
