// The README's words on reports and backups, as itb prints them: a person who typed a command a
// little wrong, or ran one twice, compares what they see with what the README says they get.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, tempHome } from '../helpers/run.js';

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
const flat = (text: string) => text.replace(/\s+/g, ' ');
const part = (from: string, to: string) => flat(readme.slice(readme.indexOf(from), readme.indexOf(to)));

let home: string;
let cleanup: () => void;
let cwd: string;
beforeEach(() => {
  ({ home, cleanup } = tempHome());
  // Files named as a person names them, in the folder they run itb in.
  cwd = process.cwd();
  process.chdir(home);
});
afterEach(() => {
  process.chdir(cwd);
  cleanup();
});

describe("the README's reports and backups", () => {
  it('gives for each slip it quotes the command itb export gives to copy, and writes nothing', async () => {
    const slips = part('#### Writing the file', '#### The period and a name');
    const pairs = [...slips.matchAll(/`itb (export [^`]+)` gives `(itb export [^`]+)`/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(pairs.length).toBeGreaterThan(4);
    mkdirSync('backups');
    mkdirSync('reports');
    for (const [typed, given] of pairs) {
      const result = await run(typed.split(' '), { home });
      expect(result.code, typed).toBe(2);
      expect(flat(result.stderr), typed).toContain(`\`${given}\``);
    }
    expect(readdirSync('backups')).toEqual([]);
    expect(readdirSync('reports')).toEqual([]);
    expect(existsSync('report.md')).toBe(false);
  });

  it('says what a second export to the same file gives, for a report and a backup, as itb says it', async () => {
    const reports = part('### Reports for your therapist', '#### Writing the file');
    const backups = part('### Backups and moving to a new computer', '#### Restoring and merging');
    expect(reports).toContain('yours with `--force`, to replace the file, and yours with a name not taken yet (`report-2.html` beside `report.html`), to keep both.');
    expect(backups).toContain('`itb export` replaces it only with `--force`: it gives you that command, and one with a name not taken yet (`backup-2.json`).');
    for (const [file, other] of [['report.html', 'report-2.html'], ['backup.json', 'backup-2.json']]) {
      expect((await run(['export', '-o', file!], { home })).code).toBe(0);
      const written = readFileSync(file!, 'utf8');
      const again = await run(['export', '-o', file!], { home, now: new Date('2099-01-01T09:00:00Z') });
      expect(again.code).toBe(2);
      expect(readFileSync(file!, 'utf8')).toBe(written);
      expect(flat(again.stderr)).toContain(`\`itb export -o ${file} --force\``);
      expect(flat(again.stderr)).toContain(`\`itb export -o ${other}\``);
    }
  });

  it('says what an import run twice prints, as itb prints it', async () => {
    const merging = part('#### Restoring and merging', '#### Records dated ahead');
    const said = /\("(Nothing changed: [^"]+)"\)/.exec(merging)![1]!;
    expect((await run(['export', '-o', 'backup.json'], { home })).code).toBe(0);
    const other = join(home, 'new');
    expect((await run(['import', 'backup.json'], { home: other })).code).toBe(0);
    const again = await run(['import', 'backup.json'], { home: other });
    expect(again.code).toBe(0);
    expect(flat(again.stderr + again.stdout)).toContain(said);
  });
});
