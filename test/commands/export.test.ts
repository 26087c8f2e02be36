import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseHtml } from 'parse5';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreData } from '../../src/core/records.js';
import { Store } from '../../src/store/store.js';
import { width } from '../../src/ui/width.js';
import { sampleStore } from '../export/fixtures.js';
import { EXPORT_SCHEMA_VERSION } from '../../src/export/schema.js';
import { main } from '../../src/cli.js';
import type { Context } from '../../src/context.js';
import { builtInLibrary } from '../helpers/built-in-library.js';
import { historyHome } from '../helpers/history-home.js';
import { BIN } from '../helpers/pty.js';
import { librariesFolder, libraryFile } from '../helpers/libraries.js';
import { run, tempHome } from '../helpers/run.js';
import { onTerminal } from '../helpers/terminal.js';

const NOW = new Date('2026-11-20T15:00:00.000Z');
let home: string;
let cleanup: () => void;

beforeEach(() => {
  ({ home, cleanup } = tempHome());
});
afterEach(() => cleanup());

const seed = (data: StoreData = sampleStore()) => Store.open({ ITB_HOME: home }).update(() => data);
const exportIn = (args: string[]) => run(['export', ...args], { home, now: NOW });
const modeOf = (file: string) => statSync(file).mode & 0o777;

describe('itb export', () => {
  /** A JSON export without the moment it was made, to compare two exports of the same records. */
  const withoutTime = (text: string) => ({ ...JSON.parse(text), exportedAt: undefined }) as Record<string, unknown>;

  it('prints the Markdown report by default', async () => {
    await seed();
    const result = await exportIn([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('# IT band self-assessment report');
    expect(result.stdout).toMatch(/\| 2026-10-08 \d\d:\d\d \| strength \| left \| Pain @ single-leg squat \| 5 → 7 \|/);
    expect(result.stderr).toBe('');
  });

  it('breaks the Markdown between words on a terminal, narrow or not, keeping headings and table rows whole', async () => {
    await seed();
    const piped = await exportIn([]);
    const tableRows = piped.stdout.split('\n').filter((line) => line.startsWith('|'));
    const method = piped.stdout.split('\n').find((line) => line.startsWith('_Self-reported data'))!;
    expect(method.length).toBeGreaterThan(80);
    for (const columns of [80, 50]) {
      const shown = await onTerminal(columns, () => run(['export'], { home, now: NOW, stdoutTTY: true }));
      const lines = shown.stdout.split('\n');
      expect(lines.filter((line) => !line.startsWith('|') && width(line) > columns)).toEqual([]);
      expect(lines.filter((line) => line.startsWith('|'))).toEqual(tableRows);
      // A list item's later lines go under its text; the words are those of the report on a pipe.
      expect(lines.some((line) => line.startsWith('  ') && !line.startsWith('   '))).toBe(true);
      expect(shown.stdout.split(/\s+/).join(' ')).toBe(piped.stdout.split(/\s+/).join(' '));
    }
  });

  it('says after the Markdown on a terminal how to save the same report as a page to open or print, as itb was started', async () => {
    await seed();
    const bare = await run(['export'], { home, now: NOW, stdoutTTY: true, stderrColumns: 80 });
    expect(bare.code).toBe(0);
    expect(bare.stderr).toBe('\nTo save this report as a page to open in a web browser or print:\n  itb export -o report.html\n');
    // npx, the library file, the period and the name kept: the page holds the report just seen.
    const library = join(home, 'my drills.yaml');
    writeFileSync(library, readFileSync(new URL('../../data/library.yaml', import.meta.url)));
    const argv = ['--data', library, 'export', '--since', '2026-10-02', '--until', '2026-11-01', '--name', 'Sam Lee'];
    const kept = await run(argv, { home, now: NOW, stdoutTTY: true, stderrColumns: 80, env: { npm_lifecycle_event: 'npx' } });
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stderr.replace(/\s+/g, ' ')).toBe(
      ` To save this report as a page to open in a web browser or print: npx itb --data '${library}' export --since 2026-10-02 --until 2026-11-01 --name 'Sam Lee' -o report.html `,
    );
    // On a narrow terminal the words above it wrap, but the command stays one line, whole: broken
    // in two, it would be pasted as two commands.
    const narrow = await run(argv, { home, now: NOW, stdoutTTY: true, stderrColumns: 50 });
    const lines = narrow.stderr.trimEnd().split('\n');
    const said = lines.slice(0, lines.findIndex((line) => line.endsWith('or print:')) + 1);
    expect(said.length).toBeGreaterThan(2);
    expect(said.filter((line) => width(line) > 50)).toEqual([]);
    expect(lines.slice(said.length)).toEqual([`  itb --data '${library}' export --since 2026-10-02 --until 2026-11-01 --name 'Sam Lee' -o report.html`]);
    // The command suggested writes that report.
    const page = join(home, 'report.html');
    const saved = await run([...argv, '-o', page], { home, now: NOW });
    expect(saved.code, saved.stderr).toBe(0);
    expect(readFileSync(page, 'utf8')).toContain('Sam Lee');
  });

  it('prints every format alone into a file or a pipe', async () => {
    await seed();
    // stderr on the terminal, stdout to a file (itb export > report.md): the report is what was wanted.
    for (const format of ['md', 'html', 'csv', 'json', 'fhir']) {
      const piped = await run(['export', '--format', format], { home, now: NOW, stdoutTTY: false, stderrColumns: 80 });
      expect(piped.code).toBe(0);
      expect(piped.stdout.length, format).toBeGreaterThan(1000);
      expect(piped.stderr, format).toBe('');
    }
  });

  it("after another format's text on a terminal, says what it was and how to save it as a file, unless -o - asked for the screen", async () => {
    await seed();
    const said = {
      html: "That was the HTML report's text. To save it as a page to open or print:\n  itb export -o report.html\n",
      csv: "That was the CSV report's text. To save it as a file:\n  itb export -o report.csv\n",
      json: "That was the JSON report's text. To save it as a file:\n  itb export -o report.json\n",
      fhir: "That was the FHIR report's text. To save it as a file:\n  itb export -o report.fhir.json\n",
    };
    for (const [format, words] of Object.entries(said)) {
      const shown = await run(['export', '--format', format], { home, now: NOW, stdoutTTY: true, stderrColumns: 80 });
      expect(shown.code).toBe(0);
      // The report itself is the same as in a pipe: the words go to stderr alone.
      expect(shown.stdout, format).toBe((await exportIn(['--format', format])).stdout);
      expect(shown.stderr, format).toBe(`\n${words}`);
      const asked = await run(['export', '--format', format, '-o', '-'], { home, now: NOW, stdoutTTY: true, stderrColumns: 80 });
      expect(asked.stderr, format).toBe('');
    }
    // The command keeps the period and the name where the format holds one, and writes that report.
    const withName = await run(['export', '--format', 'fhir', '--since', '2026-10-02', '--name', 'Sam Lee'], { home, now: NOW, stdoutTTY: true, stderrColumns: 80 });
    expect(withName.stderr).toContain("\n  itb export --since 2026-10-02 --name 'Sam Lee' -o report.fhir.json\n");
    const jsonNamed = await run(['export', '--json', '--name', 'Sam Lee'], { home, now: NOW, stdoutTTY: true, stderrColumns: 80 });
    expect(jsonNamed.stderr).toContain('\n  itb export -o report.json\n');
    // A CSV holds no name either: its command leaves --name out, keeping the period.
    const csvNamed = await run(['export', '--format', 'csv', '--until', '2026-11-01', '--name', 'Sam Lee'], { home, now: NOW, stdoutTTY: true, stderrColumns: 80 });
    expect(csvNamed.stderr).toContain('\n  itb export --until 2026-11-01 -o report.csv\n');
    const file = join(home, 'report.fhir.json');
    const saved = await run(['export', '--since', '2026-10-02', '--name', 'Sam Lee', '-o', file], { home, now: NOW });
    expect(saved.code, saved.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(withName.stdout);
  });

  it('gives the baseline alone for a session that scored no exercise after it, in md and html', async () => {
    const data = sampleStore();
    const [session] = data.sessions;
    data.sessions.push({ ...session!, id: 'rested', startedAt: '2026-11-02T10:00:00.000Z', baseline: 7, attempts: [], results: [], status: 'stopped', endedAt: '2026-11-02T10:05:00.000Z' });
    await seed(data);
    const md = (await exportIn([])).stdout;
    expect(md).toMatch(/\| 2026-11-02 \d\d:\d\d \| joint-chain \| left \| Pain @ single-leg squat \| 7 \| 0 \| 0 \| 0 \| stopped early \|/);
    expect(md).toMatch(/\| 2026-10-01 \d\d:\d\d \| joint-chain \| left \| Pain @ single-leg squat \| 6 → 4 \|/);
    const html = (await exportIn(['--format', 'html'])).stdout;
    expect(html).toMatch(/<td[^>]*>7<\/td>/);
    expect(html).not.toContain('7 → 7');
  });

  it("names the computer's time zone in the header, as it is told it", async () => {
    const told = await run(['export'], { home, timeZone: 'Europe/Paris' });
    expect(told.stdout).toContain('dates and times in Europe/Paris');
    // Not told: Intl's answer, the zone this suite runs in.
    expect((await run(['export'], { home })).stdout).toContain('dates and times in America/St_Johns');
  });

  it("names in a JSON backup the time zone of its period's days, as the header does", async () => {
    await seed();
    const named = await run(['export', '--json', '--since', '2026-10-05'], { home, now: NOW, timeZone: 'Asia/Kolkata' });
    expect(named.code, named.stderr).toBe(0);
    expect(JSON.parse(named.stdout).period).toEqual({ since: '2026-10-05', until: null, timeZone: 'Asia/Kolkata' });
    // A clock known only by its offset is named by it, as in the header, and such a backup reads back.
    const file = join(home, 'offset.json');
    expect((await run(['export', '-o', file], { home, now: NOW, timeZone: 'UTC+05:30' })).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).period).toEqual({ since: null, until: null, timeZone: 'UTC+05:30' });
    const empty = tempHome();
    try {
      const restored = await run(['import', file], { home: empty.home, now: NOW });
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stderr).toContain('Imported 3 sessions');
    } finally {
      empty.cleanup();
    }
  });

  it('writes a private file and says what it wrote', async () => {
    await seed();
    const file = join(home, 'report.html');
    const result = await exportIn(['-o', file]);
    expect(result.code).toBe(0);
    // A web page, with how to open it: its address, whole, to paste into a browser.
    expect(result.stderr).toBe(`Wrote ${file} (3 sessions, 2026-10-01 to 2026-11-20).\nTo read or print it, open it in a web browser:\n  ${pathToFileURL(file).href}\n`);
    expect(modeOf(file)).toBe(0o600);
    expect(readFileSync(file, 'utf8').startsWith('<!doctype html>')).toBe(true);
    expect(result.stdout).toBe('');
  });

  it('wraps the line that says what it wrote to a narrow terminal between words, the file name whole where it fits', async () => {
    await seed();
    mkdirSync(join(home, 'For PT'));
    // 40 columns, less "Wrote ": a name with a space that fits a line of its own but not after it.
    const file = join(home, 'For PT', 'x'.repeat(40 - 'Wrote '.length - join(home, 'For PT', '.md').length + 2) + '.md');
    expect(file.length).toBeLessThanOrEqual(40);
    const result = await run(['export', '-o', file], { home, now: NOW, stderrColumns: 40 });
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.filter((line) => width(line) > 40)).toEqual([]);
    expect(lines.some((line) => line === file || line.startsWith(`${file} `))).toBe(true);
    // Dates are words: never broken, as the terminal would break a line too long for it.
    expect(lines.some((line) => line.endsWith('2026-10-01 to 2026-11-20).'))).toBe(true);
    expect(result.stderr.replace(/\s+/g, ' ')).toBe(`Wrote ${file} (3 sessions, 2026-10-01 to 2026-11-20). `);
    // A name longer than the line goes on between its words, where wrapping it leaves most room.
    const longer = join(home, 'For PT', `${'y'.repeat(40)}.md`);
    const long = await run(['export', '-o', longer], { home, now: NOW, stderrColumns: 40 });
    expect(long.stderr.split('\n')[0]).toBe(`Wrote ${join(home, 'For')}`);
  });

  it('shows a control character in the name of the file it wrote as an escape, as errors do, rather than send it to the terminal', async () => {
    await seed();
    const file = join(home, 'report\u001b[2J.md');
    const result = await exportIn(['-o', file]);
    expect(result.code).toBe(0);
    expect(result.stderr.replace(/\s+/g, ' ')).toBe(`Wrote ${join(home, 'report\\u001b[2J.md')} (3 sessions, 2026-10-01 to 2026-11-20). `);
    expect(readFileSync(file, 'utf8')).toContain('# IT band self-assessment report');
  });

  it('says when a JSON backup holds a period only, and when a period has no sessions', async () => {
    await seed();
    const printed = await exportIn(['--format', 'json', '--until', '2026-10-08']);
    expect(printed.code).toBe(0);
    expect((JSON.parse(printed.stdout) as { sessions: unknown[] }).sessions).toHaveLength(2);
    // Wrapped to fit the terminal, as every note is.
    expect(printed.stderr).toBe('This backup holds 2026-10-01 to 2026-10-08 only: for a full one, leave out\n--since and --until.\n');
    expect((await exportIn(['--format', 'json'])).stderr).toBe('');
    // Other formats are reports, not backups.
    expect((await exportIn(['--format', 'csv', '--until', '2026-10-08'])).stderr).toBe('');
    const file = join(home, 'quiet.md');
    const quiet = await exportIn(['-o', file, '--since', '2026-10-02', '--until', '2026-10-07']);
    // The sessions nearest the period are named: most often a day was typed wrong.
    expect(quiet.stderr).toBe(`Wrote ${file} (no sessions in this period).\nNone of your 3 sessions is in this period: the nearest were on 2026-10-01,\nbefore it, and 2026-10-08, after it.\n`);
    const one = await exportIn(['-o', file, '--force', '--since', '2026-10-20']);
    expect(one.stderr).toBe(`Wrote ${file} (1 session, 2026-10-20 to 2026-11-20).\n`);
  });

  it('names the sessions nearest to a period that holds none, wherever the report goes, and lets the report be', async () => {
    await seed();
    // 2027 typed for 2026: every session is before the period.
    const ahead = await exportIn(['--since', '2027-10-01']);
    expect(ahead.code).toBe(0);
    expect(ahead.stdout).toContain('**No sessions in this period.**');
    expect(ahead.stderr).toBe('None of your 3 sessions is in this period: the latest was on 2026-10-20.\n');
    // On a terminal, after a blank line that sets it apart from the report, before the way to save it.
    const shown = await run(['export', '--since', '2027-10-01'], { home, now: NOW, stdoutTTY: true });
    expect(shown.stderr).toMatch(/^\nNone of your 3 sessions is in this period: the latest was on 2026-10-20\.\n\nTo save this report as a page/);
    const early = await exportIn(['--format', 'csv', '--until', '2025-10-01']);
    expect(early.stderr).toBe('None of your 3 sessions is in this period: the first was on 2026-10-01.\n');
    await seed({ ...sampleStore(), sessions: sampleStore().sessions.slice(0, 1) });
    const file = join(home, 'one.html');
    const one = await exportIn(['-o', file, '--since', '2026-10-02']);
    expect(one.code).toBe(0);
    expect(one.stderr).toContain(`Wrote ${file} (no sessions in this period).\nYour one session is not in this period: it was on 2026-10-01.\n`);
    expect(readFileSync(file, 'utf8')).toContain('No sessions in this period');
    // With no sessions at all, there is nothing to point to.
    await seed({ ...sampleStore(), sessions: [] });
    expect((await exportIn(['--since', '2026-10-02'])).stderr).toBe('');
  });

  it('names the nearest sessions by their days on your clock, wherever the store keeps them', async () => {
    // The latest moved to 22:30 on 2026-10-20 here, already 2026-10-21 in UTC, and kept first, as
    // a session begun in another window and answered later would be.
    const [one, two, three] = sampleStore().sessions;
    const later = (at: string) => new Date(Date.parse(at) + 13 * 60 * 60 * 1000).toISOString();
    const evening = {
      ...three!,
      startedAt: later(three!.startedAt),
      ...(three!.endedAt === undefined ? {} : { endedAt: later(three!.endedAt) }),
      attempts: three!.attempts.map((attempt) => ({ ...attempt, at: later(attempt.at) })),
      results: three!.results.map((result) => ({ ...result, at: later(result.at) })),
    };
    await seed({ ...sampleStore(), sessions: [evening, two!, one!] });
    expect((await exportIn(['--since', '2027-10-01'])).stderr).toBe('None of your 3 sessions is in this period: the latest was on 2026-10-20.\n');
    expect((await exportIn(['--until', '2025-10-01'])).stderr).toBe('None of your 3 sessions is in this period: the first was on 2026-10-01.\n');
  });

  it('takes an --until of the day of the export or later as up to now: the backup is whole, and the report ends today', async () => {
    await seed();
    const whole = await exportIn(['--json']);
    for (const until of ['2026-11-20', '2026-12-31']) {
      const backup = await exportIn(['--json', '--until', until]);
      expect(backup.code).toBe(0);
      // Nothing after the moment of the export exists yet: no "this backup holds a period only".
      expect(backup.stderr).toBe('');
      expect(withoutTime(backup.stdout)).toEqual(withoutTime(whole.stdout));
      const report = await exportIn(['--since', '2026-10-05', '--until', until]);
      expect(report.stdout).toContain('period: 2026-10-05 to 2026-11-20 ·');
      expect(report.stdout).toContain('The buckets and their evidence come from all 3 sessions (2026-10-01 to 2026-10-20) up to the end of this period: 1 of them before it, 2 in it.');
    }
  });

  it('takes a --since on or before the first record as a whole backup, which restores without a note of a period', async () => {
    await seed();
    const whole = await exportIn(['--json']);
    for (const since of ['2026-10-01', '2020-01-01']) {
      const backup = await exportIn(['--json', '--since', since]);
      expect(backup.code).toBe(0);
      expect(backup.stderr).toBe('');
      expect(withoutTime(backup.stdout)).toEqual(withoutTime(whole.stdout));
    }
    const file = join(home, 'since.json');
    expect((await exportIn(['-o', file, '--since', '2026-01-01'])).stderr).toBe(`Wrote ${file} (3 sessions, 2026-10-01 to 2026-11-20).\n`);
    const target = tempHome();
    try {
      const restored = await run(['import', file], { home: target.home, now: NOW });
      expect(restored.code).toBe(0);
      expect(restored.stderr).not.toContain('holds only');
    } finally {
      target.cleanup();
    }
    // A day after the first record does leave something out.
    expect((await exportIn(['--json', '--since', '2026-10-02'])).stderr).toContain('This backup holds 2026-10-02 to 2026-11-20 only');
  });

  it('keeps a backup from a day after a move made before every session as one of a period: the move is left out', async () => {
    const data = sampleStore();
    data.moves = data.moves.map((move) => ({ ...move, at: '2026-09-20T12:00:00.000Z' }));
    await seed(data);
    const backup = await exportIn(['--json', '--since', '2026-10-01']);
    expect(backup.code).toBe(0);
    expect(JSON.parse(backup.stdout).moves).toEqual([]);
    expect(backup.stderr).toContain('This backup holds 2026-10-01 to 2026-11-20 only');
  });

  it('takes --json, as every read command does, for --format json', async () => {
    await seed();
    const json = await exportIn(['--json']);
    expect(json.code).toBe(0);
    expect(json.stdout).toBe((await exportIn(['--format', 'json'])).stdout);
    expect(JSON.parse(json.stdout).schemaVersion).toBe(EXPORT_SCHEMA_VERSION);
    // A file name that says otherwise gets the note, naming the flag that was given.
    const file = join(home, 'report.html');
    expect((await exportIn(['--json', '-o', file])).stderr).toContain('Its name ends like an HTML file, but it holds JSON, as --json asked.');
    // The two saying the same is no conflict.
    const same = await exportIn(['--json', '--format', 'json']);
    expect(same.code).toBe(0);
    expect(same.stdout).toBe(json.stdout);
    const both = await exportIn(['--json', '--format', 'csv']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--json asks for JSON, and --format for csv: give one of them');
    expect(both.stdout).toBe('');
  });

  it('never replaces an existing file without --force', async () => {
    await seed();
    const file = join(home, 'report.md');
    writeFileSync(file, 'my notes');
    const result = await exportIn(['-o', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file} already exists`);
    expect(result.stderr).toContain('--force');
    expect(readFileSync(file, 'utf8')).toBe('my notes');
  });

  it('gives, for a file already there, the commands to replace it or to write another, each whole, on a terminal 40 columns wide', async () => {
    await seed();
    const file = join(home, 'report.md');
    writeFileSync(file, 'my notes');
    // report-2.md is taken too: the name to write is one that is free.
    writeFileSync(join(home, 'report-2.md'), 'last week');
    const result = await run(['export', '--since', '2026-11-01', '-o', file], { home, now: NOW, stderrColumns: 40 });
    expect(result.code).toBe(2);
    const hint = result.stderr.slice(result.stderr.indexOf('Nothing was written'));
    expect(hint.replace(/\s+/g, ' ')).toBe(
      `Nothing was written. To replace it: \`itb export --since 2026-11-01 -o ${file} --force\`; to keep it, write another file: \`itb export --since 2026-11-01 -o ${join(home, 'report-3.md')}\` `,
    );
    // -o stays with its file, and a line wider than the terminal is that file's path alone.
    const lines = hint.trimEnd().split('\n');
    expect(lines.filter((line) => /(^|\s)-o$/.test(line))).toEqual([]);
    expect(lines.filter((line) => width(line) > 40 && !line.includes(home))).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe('my notes');
  });

  it('keeps a file that took the name while the report was being made, without --force', async () => {
    await seed();
    const file = join(home, 'report.md');
    // Another program (or a second export) writes the file after itb looked and before it writes.
    const now = () => {
      if (!existsSync(file)) writeFileSync(file, 'my notes');
      return NOW;
    };
    const result = await run(['export', '-o', file], { home, now });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file} already exists`);
    expect(readFileSync(file, 'utf8')).toBe('my notes');
  });

  it('says an existing file is there before anything else is looked at, such as a library with a mistake', async () => {
    await seed();
    const file = join(home, 'report.md');
    writeFileSync(file, 'my notes');
    const library = join(home, 'library.yaml');
    writeFileSync(library, 'version: 1\nexercises: [oops\n');
    const result = await run(['--data', library, 'export', '-o', file], { home, now: NOW });
    expect(result.code).toBe(2);
    expect(result.stderr.replace(/\s+/g, ' ')).toBe(
      `error: ${file} already exists Nothing was written. To replace it: \`itb --data ${library} export -o ${file} --force\`; to keep it, write another file: \`itb --data ${library} export -o ${join(home, 'report-2.md')}\` `,
    );
    expect(readFileSync(file, 'utf8')).toBe('my notes');
  });

  it('answers a file name given without -o, and --force without a file, with the command meant', async () => {
    await seed();
    const stray = await exportIn(['report.html']);
    expect(stray.code).toBe(2);
    expect(stray.stdout).toBe('');
    expect(stray.stderr).toContain('To write a file, put -o before its name: `itb export -o report.html`');
    expect(readdirSync(home).filter((name) => name.includes('report'))).toEqual([]);

    const forced = await exportIn(['--force']);
    expect(forced.code).toBe(2);
    expect(forced.stdout).toBe('');
    expect(forced.stderr).toContain('Without -o the report is printed on the screen');
    // The command to copy is whole on one line, its --force not left on the next.
    expect(forced.stderr.split('\n').some((line) => line.includes('`itb export -o report.html --force`'))).toBe(true);
  });

  it('answers words after the file -o names, such as a whole "Next:" line copied, with the command as typed without them', async () => {
    await seed();
    const copied = await exportIn(['-o', 'report.html', 'a', 'report', 'for', 'your', 'physical', 'therapist']);
    expect(copied.code).toBe(2);
    expect(copied.stdout).toBe('');
    expect(copied.stderr.replace(/\s+/g, ' ')).toContain(
      'error: itb export takes one file name, after -o: "a report for your physical therapist" is not part of the command To write report.html: `itb export -o report.html`',
    );
    // Not a report in a file named "a", which the command given before would have written.
    expect(copied.stderr).not.toContain('-o a');
    expect(readdirSync(home).filter((name) => name.includes('report') || name === 'a')).toEqual([]);
    expect((await exportIn(['-o', '-', 'extra'])).stderr.replace(/\s+/g, ' ')).toContain('To see the report on the screen: `itb export -o -`');
  });

  it('answers a format given on its own with --format, rather than a file named after it', async () => {
    await seed();
    for (const [typed, format, file] of [
      ['html', 'html', 'report.html'],
      ['CSV', 'csv', 'report.csv'],
      ['fhir', 'fhir', 'report.fhir.json'],
    ]) {
      const result = await exportIn([typed!]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`itb export takes a format with --format, not on its own ("${typed}")`);
      expect(result.stderr.replace(/\s+/g, ' ')).toContain(`To see the report on the screen: \`itb export --format ${format}\`; to write a file: \`itb export -o ${file}\``);
      // Each command whole on a line of its own, to be copied as it is.
      const lines = result.stderr.split('\n');
      expect(lines.some((line) => line.includes(`\`itb export -o ${file}\``))).toBe(true);
      expect(result.stderr).not.toContain(`-o ${typed}\n`);
    }
    expect(readdirSync(home).filter((name) => name.includes('report') || name === 'html')).toEqual([]);
    // With -o, the file named is the one the report was for: kept, as is --force.
    const named = await exportIn(['csv', '-o', 'mine.txt', '--force']);
    expect(named.code).toBe(2);
    expect(named.stderr.replace(/\s+/g, ' ')).toContain('Put --format before it: `itb export -o mine.txt --force --format csv`');
    expect(named.stderr).not.toContain('report.csv');
    // -o - is the screen, kept too.
    expect((await exportIn(['html', '-o', '-'])).stderr.replace(/\s+/g, ' ')).toContain('Put --format before it: `itb export -o - --format html`');
  });

  it('keeps the --data given in the command meant, so that its report is of the same library', async () => {
    await seed();
    const library = libraryFile('good.yaml');
    const said = async (args: string[]) => (await run(['--data', library, 'export', ...args], { home, now: NOW })).stderr.replace(/\s+/g, ' ');
    expect(await said(['csv'])).toContain(`To see the report on the screen: \`itb --data ${library} export --format csv\`; to write a file: \`itb --data ${library} export -o report.csv\``);
    expect(await said(['report.html'])).toContain(`put -o before its name: \`itb --data ${library} export -o report.html\``);
    expect(await said(['--force'])).toContain(`To write a file: \`itb --data ${library} export -o report.html --force\``);
    expect(await said(['-o', ''])).toContain(`For example: \`itb --data ${library} export -o report.html\`.`);
  });

  it('keeps the period, the name and the library typed in the command meant, so that it makes the report asked for', async () => {
    await seed();
    const library = libraryFile('good.yaml');
    const typed = ['--since', '2026-10-01', '--until', '2026-10-31', '--name', 'Sam Lee'];
    const said = async (...args: string[]) => (await run(['--data', library, 'export', ...typed, ...args], { home, now: NOW })).stderr.replace(/\s+/g, ' ');
    const itb = `itb --data ${library} export --since 2026-10-01 --until 2026-10-31 --name 'Sam Lee'`;
    expect(await said('csv')).toContain(`To see the report on the screen: \`${itb} --format csv\`; to write a file: \`${itb} -o report.csv\``);
    expect(await said('report.html')).toContain(`put -o before its name: \`${itb} -o report.html\``);
    expect(await said('--force')).toContain(`To write a file: \`${itb} -o report.html --force\``);
    expect(await said('-o', '')).toContain(`For example: \`${itb} -o report.html\`.`);
    // A format typed is kept too, and the file suggested is named for it.
    expect(await said('--format', 'csv', '--force')).toContain(`To write a file: \`itb --data ${library} export --format csv --since 2026-10-01 --until 2026-10-31 --name 'Sam Lee' -o report.csv --force\``);
    expect(await said('--json', '--force')).toContain(`-o report.json --force\``);
    // An empty --name: the rest, -o and --data first, kept around the name given as an example.
    const named = await run(['--data', library, 'export', '-o', 'visit.html', '--since', '2026-10-01', '--name', ''], { home, now: NOW });
    expect(named.stderr.replace(/\s+/g, ' ')).toContain(`For example: \`itb --data ${library} export -o visit.html --since 2026-10-01 --name "Sam Lee"\`.`);
  });

  it('suggests a file name not taken yet, so that the command copied writes the report rather than stop or replace one kept', async () => {
    await seed();
    const cwd = process.cwd();
    process.chdir(home);
    try {
      writeFileSync('report.html', 'last month\'s report');
      writeFileSync('report.csv', 'kept');
      const said = async (args: string[], tty = false) => (await run(['export', ...args], { home, now: NOW, stdoutTTY: tty, stderrColumns: 80 })).stderr.replace(/\s+/g, ' ');
      expect(await said(['--force'])).toContain('To write a file: `itb export -o report-2.html --force`');
      expect(await said(['html'])).toContain('to write a file: `itb export -o report-2.html`');
      expect(await said(['-o', ''])).toContain('For example: `itb export -o report-2.html`.');
      expect(await said(['-o', 'report.pdf'])).toContain('Write the printable page instead, `itb export -o report-2.html`,');
      expect(await said([], true)).toContain('To save this report as a page to open in a web browser or print: itb export -o report-2.html');
      expect(await said(['--format', 'csv'], true)).toContain('To save it as a file: itb export -o report-2.csv');
      // A file name typed without -o that is there already: both ways on, rather than a command that stops at it.
      expect(await said(['report.html'])).toContain(
        'is there already: `itb export -o report.html --force` replaces it; `itb export -o report-2.html` keeps it and writes another.',
      );
      // The next name along when that one is taken too; a name not taken stays as it was.
      writeFileSync('report-2.html', '');
      expect(await said(['--force'])).toContain('`itb export -o report-3.html --force`');
      expect(await said(['json'])).toContain('to write a file: `itb export -o report.json`');
      // The command suggested writes its file, and leaves the report kept as it was.
      const written = await run(['export', '-o', 'report-3.html', '--force'], { home, now: NOW });
      expect(written.code, written.stderr).toBe(0);
      expect(readFileSync('report.html', 'utf8')).toBe("last month's report");
    } finally {
      process.chdir(cwd);
    }
  });

  it('replaces it with --force, privately, leaving no temporary file behind', async () => {
    await seed();
    const folder = join(home, 'out');
    mkdirSync(folder);
    const file = join(folder, 'report.md');
    writeFileSync(file, 'old', { mode: 0o644 });
    const result = await exportIn(['-o', file, '--force']);
    expect(result.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('# IT band self-assessment report');
    expect(modeOf(file)).toBe(0o600);
    expect(readdirSync(folder)).toEqual(['report.md']);
  });

  it('fails clearly when the folder does not exist or is a file', async () => {
    await seed();
    const missing = await exportIn(['-o', join(home, 'nope', 'report.md')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does not exist');
    expect(existsSync(join(home, 'nope'))).toBe(false);

    writeFileSync(join(home, 'plain'), '');
    const forced = await exportIn(['-o', join(home, 'plain', 'report.md'), '--force']);
    expect(forced.code).toBe(2);
    expect(forced.stderr).toContain('not a folder');
    expect(readdirSync(home).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('asks for a file name when -o is given an empty one, and writes nothing', async () => {
    await seed();
    const cwd = process.cwd();
    process.chdir(home);
    try {
      for (const args of [['-o', ''], ['--format', 'md', '-o', ''], ['-o', '  ', '--format', 'csv']]) {
        const result = await exportIn(args);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr.split('\n')[0]).toBe('error: -o needs the name of a file to write');
      }
      expect(readdirSync(home).filter((name) => name.trim() === '' || name.endsWith('.tmp'))).toEqual([]);
    } finally {
      process.chdir(cwd);
    }
  });

  it('says that a name ending in / is a folder, rather than that the folder above it is missing', async () => {
    await seed();
    for (const args of [['--format', 'json', '-o', join(home, 'backups/')], ['-o', join(home, 'backup.json/')]]) {
      const result = await exportIn(args);
      expect(result.code).toBe(2);
      expect(result.stderr.split('\n')[0]).toBe(`error: cannot write ${args.at(-1)}: it ends in /, as a folder does, and there is no such folder`);
      expect(result.stderr).toContain('Give a file name, such as -o report.html.');
    }
    expect(readdirSync(home).filter((name) => name.includes('backup'))).toEqual([]);
  });

  it('replaces, with --force, the file a link points to, and keeps the link', async () => {
    await seed();
    const real = join(home, 'synced-report.md');
    writeFileSync(real, 'last week');
    symlinkSync(real, join(home, 'report.md'));
    const refused = await exportIn(['-o', join(home, 'report.md')]);
    expect(refused.code).toBe(2);
    // The file --force would replace is named, as it is not the one typed.
    expect(refused.stderr.split('\n')[0]).toBe(`error: ${join(home, 'report.md')} already exists: it is a link to ${real}`);
    expect(refused.stderr.replace(/\s+/g, ' ')).toContain(`To replace ${real}: \`itb export -o ${join(home, 'report.md')} --force\`;`);
    expect(readFileSync(real, 'utf8')).toBe('last week');
    const forced = await exportIn(['-o', join(home, 'report.md'), '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stderr.replace(/\s+/g, ' ')).toContain(`Wrote ${real}, which the link ${join(home, 'report.md')} leads to (`);
    expect(readlinkSync(join(home, 'report.md'))).toBe(real);
    expect(readFileSync(real, 'utf8')).toContain('# IT band self-assessment report');
    expect(modeOf(real)).toBe(0o600);
  });

  it('never writes over its own store or the files beside it, even with --force or through a link', async () => {
    await seed();
    const files = readdirSync(home);
    expect(files).toEqual(expect.arrayContaining(['store.json', 'store.json.checked']));
    const before = Object.fromEntries(files.map((name) => [name, readFileSync(join(home, name))]));
    const alias = join(home, '..', `${home.split('/').at(-1)}-alias`);
    symlinkSync(home, alias);
    const outside = mkdtempSync(join(tmpdir(), 'itb-reports-'));
    symlinkSync(join(home, 'store.json'), join(outside, 'report.json'));
    try {
      for (const args of [
        ['-o', join(home, 'store.json')],
        ['-o', join(home, 'store.json'), '--force', '--format', 'json'],
        ['-o', join(home, 'store.json.summary'), '--format', 'json'],
        ['-o', join(alias, 'store.json.checked'), '--force', '--format', 'json'],
        ['-o', join(outside, 'report.json'), '--force'],
        ['-o', join(outside, 'report.json')],
      ]) {
        const refused = await exportIn(args);
        expect(refused.code, args.join(' ')).toBe(2);
        expect(refused.stderr, args.join(' ')).toContain('is where itb keeps your history');
        expect(refused.stderr).not.toContain('--force to replace');
      }
      expect(readdirSync(home).sort()).toEqual(files.sort());
      for (const [name, bytes] of Object.entries(before)) expect(readFileSync(join(home, name)).equals(bytes), name).toBe(true);
      // A file of the same name elsewhere is just a file.
      expect((await exportIn(['-o', join(outside, 'store.json')])).code).toBe(0);
    } finally {
      // The link itself: the rmSync of Node 23.5 refuses a link to a folder (ERR_FS_EISDIR).
      unlinkSync(alias);
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('never writes over the file a store.json link leads to, nor the files beside that file', async () => {
    await seed();
    // The store kept in another folder, its ITB_HOME holding only a link to it.
    const real = mkdtempSync(join(tmpdir(), 'itb-real-store-'));
    const linked = mkdtempSync(join(tmpdir(), 'itb-linked-home-'));
    try {
      renameSync(join(home, 'store.json'), join(real, 'store.json'));
      symlinkSync(join(real, 'store.json'), join(linked, 'store.json'));
      const bytes = readFileSync(join(real, 'store.json'));
      for (const name of ['store.json', 'store.json.lock', 'session.lock']) {
        const refused = await run(['export', '--format', 'json', '-o', join(real, name), '--force'], { home: linked, now: NOW });
        expect(refused.code, name).toBe(2);
        expect(refused.stderr, name).toContain('is where itb keeps your history');
      }
      expect(readFileSync(join(real, 'store.json')).equals(bytes)).toBe(true);
      expect(readdirSync(real)).toEqual(['store.json']);
    } finally {
      rmSync(real, { recursive: true, force: true });
      rmSync(linked, { recursive: true, force: true });
    }
  });

  it('refuses a pipe or a device, even with --force, and a folder, leaving them as they are', async () => {
    await seed();
    const pipe = join(home, 'report.md');
    execFileSync('mkfifo', [pipe]);
    for (const args of [['-o', pipe], ['-o', pipe, '--force'], ['-o', '/dev/null', '--force']]) {
      const result = await exportIn(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('it is not a regular file (a device, a pipe or a socket)');
      expect(result.stderr).toContain('To see the report on the screen, leave out -o');
    }
    expect(statSync(pipe).isFIFO()).toBe(true);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    const folder = await exportIn(['-o', home]);
    expect(folder.stderr).toContain(`cannot write ${home}: it is a folder`);
  });

  it('names where a chain of links ends when nothing is there', async () => {
    await seed();
    const [first, second] = [join(home, 'a.md'), join(home, 'b.md')];
    symlinkSync('b.md', first);
    symlinkSync(join(home, 'gone', 'c.md'), second);
    const chain = await exportIn(['-o', first, '--force']);
    expect(chain.code).toBe(2);
    expect(chain.stderr.split('\n')[0]).toBe(`error: cannot write ${first}: it is a link to b.md, which leads on to ${join(home, 'gone', 'c.md')}, which does not exist`);
    const one = await exportIn(['-o', second]);
    expect(one.stderr.split('\n')[0]).toBe(`error: cannot write ${second}: it is a link to ${join(home, 'gone', 'c.md')}, which does not exist`);
    expect(readlinkSync(first)).toBe('b.md');
  });

  it('says in words that a link leads back to itself, or that the path is too long', async () => {
    await seed();
    const [loop1, loop2] = [join(home, 'loop1'), join(home, 'loop2')];
    symlinkSync(loop2, loop1);
    symlinkSync(loop1, loop2);
    for (const args of [['-o', loop1], ['-o', loop1, '--force']]) {
      const result = await exportIn(args);
      expect(result.code).toBe(2);
      expect(result.stderr.split('\n')[0]).toBe(`error: cannot write ${loop1}: it is a link that leads back to itself`);
    }
    const inLoop = await exportIn(['-o', join(loop1, 'report.md')]);
    expect(inLoop.stderr.split('\n')[0]).toBe(`error: cannot write ${join(loop1, 'report.md')}: a link on its path leads back to itself`);
    const long = join(home, `${'a'.repeat(300)}.md`);
    const tooLong = await exportIn(['-o', long]);
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr.split('\n')[0]).toBe(`error: cannot write ${long}: the path is too long`);
    expect(readlinkSync(loop1)).toBe(loop2);
    expect(readdirSync(home).sort()).toEqual(['loop1', 'loop2', 'store.json', 'store.json.checked', 'store.json.summary']);
  });

  it('cleans up its temporary file when the replacement cannot be put in place', async () => {
    await seed();
    const folder = join(home, 'report.md');
    mkdirSync(folder);
    const result = await exportIn(['-o', folder, '--force']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('it is a folder');
    expect(readdirSync(home).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('asks for a name when --name is given an empty one, and writes nothing', async () => {
    await seed();
    const file = join(home, 'named.md');
    for (const name of ['', '  ']) {
      const result = await exportIn(['-o', file, '--name', name]);
      expect(result.code).toBe(2);
      // The -o typed is kept: without it, the command copied would print the report on the screen.
      expect(result.stderr.replace(/\s+/g, ' ')).toBe(`error: --name needs the name to print on the report For example: \`itb export -o ${file} --name "Sam Lee"\`. Leave --name out for a report without a name. `);
    }
    expect(existsSync(file)).toBe(false);
  });

  it('says when a format has no place for --name', async () => {
    await seed();
    const file = join(home, 'named.csv');
    const result = await exportIn(['-o', file, '--name', 'Sam Lee']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('The CSV format has no place for a name, so --name was not used.');
    expect(readFileSync(file, 'utf8')).not.toContain('Sam Lee');
    const backup = await exportIn(['--json', '--name', 'Sam Lee']);
    expect(backup.stderr).toBe('The JSON format has no place for a name, so --name was not used.\n');
    expect(backup.stdout).not.toContain('Sam Lee');
    // The reports with a place for it say nothing of the sort.
    for (const format of ['md', 'html', 'fhir']) expect((await exportIn(['--format', format, '--name', 'Sam Lee'])).stderr).toBe('');
  });

  it('prints the name as typed without the spaces around it, up to 100 characters', async () => {
    await seed();
    const spaced = await exportIn(['--format', 'fhir', '--name', '  Sam Lee  ']);
    expect(JSON.parse(spaced.stdout).entry[0].resource.name).toEqual([{ text: 'Sam Lee' }]);
    expect((await exportIn(['--name', '  Sam Lee  '])).stdout).toContain('patient: Sam Lee\n');
    const longest = 'é'.repeat(100);
    const named = await exportIn(['--name', longest]);
    expect(named.code).toBe(0);
    expect(named.stdout).toContain(`patient: ${longest}`);
    // Characters as a person counts them: a name in a script written with pairs of code units is not held to half.
    const astral = '𝒮'.repeat(100);
    expect((await exportIn(['--name', astral])).stdout).toContain(`patient: ${astral}`);
    const tooLong = await exportIn(['--name', `${longest}x`]);
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toBe('error: --name is too long: a name on a report may have at most 100 characters\n');
    expect(tooLong.stdout).toBe('');
  });

  it('says in full what to do for a name on two lines, a file name with no format, a PDF, and the store as -o', async () => {
    await seed();
    const twoLines = await exportIn(['--name', 'Sam\nLee']);
    expect(twoLines.stderr).toBe('error: --name holds a line break: write the name as plain text on one line\n');
    const docx = await exportIn(['-o', join(home, 'report.docx')]);
    // Broken between words to fit the terminal: the words are what counts.
    expect(docx.stderr.replace(/\s+/g, ' ')).toBe(
      `error: cannot tell which format to write from the file name "${join(home, 'report.docx')}" End it in .md, .csv, .json, .html or .fhir.json, or say which with --format md|csv|json|html|fhir. `,
    );
    // A PDF, which a therapist may ask for, is made from the printable page.
    const pdf = await exportIn(['-o', join(home, 'report.pdf')]);
    expect(pdf.stderr.replace(/\s+/g, ' ')).toBe(
      `error: itb does not write PDF files ("${join(home, 'report.pdf')}") Write the printable page instead, \`itb export -o ${join(home, 'report.html')}\`, then open it in your web browser and print it to a PDF there. `,
    );
    // Named in capitals, as a scanner or Windows may name it.
    const upper = await exportIn(['-o', join(home, 'Report.PDF')]);
    expect(upper.stderr.replace(/\s+/g, ' ')).toContain(`itb does not write PDF files ("${join(home, 'Report.PDF')}") Write the printable page instead, \`itb export -o ${join(home, 'Report.html')}\``);
    const store = await exportIn(['-o', join(home, 'store.json'), '--force']);
    expect(store.stderr.replace(/\s+/g, ' ')).toBe(
      `error: ${join(home, 'store.json')} is where itb keeps your history: a report there would replace it Nothing was written. Choose another name or folder with -o. `,
    );
    for (const result of [twoLines, docx, pdf, upper, store]) expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(readdirSync(home).filter((name) => name.startsWith('report'))).toEqual([]);
  });

  it('gives for -o report.pdf the command that writes the printable page of the same report: its library, period and name kept', async () => {
    await seed();
    const library = join(home, 'my drills.yaml');
    writeFileSync(library, readFileSync(new URL('../../data/library.yaml', import.meta.url)));
    const asked = ['--data', library, 'export', '--since', '2026-10-02', '--until', '2026-11-01', '--name', 'Sam Lee'];
    const pdf = await run([...asked, '-o', join(home, 'report.pdf')], { home, now: NOW });
    expect(pdf.code).toBe(2);
    const page = join(home, 'report.html');
    const command = `itb --data '${library}' export --since 2026-10-02 --until 2026-11-01 --name 'Sam Lee' -o ${page}`;
    expect(pdf.stderr.replace(/\s+/g, ' ')).toContain(`Write the printable page instead, \`${command}\`, then open it`);
    // The command given writes that report.
    const saved = await run([...asked, '-o', page], { home, now: NOW });
    expect(saved.code, saved.stderr).toBe(0);
    expect(readFileSync(page, 'utf8')).toContain('Sam Lee');
  });

  it('keeps the first day asked for as the period of a report, though no record is that old', async () => {
    await seed();
    // Only a backup takes it as a whole one (see above): a report says the days it was asked for.
    expect((await exportIn(['--since', '2020-01-01'])).stdout).toContain('period: 2020-01-01 to 2026-11-20 ·');
    const file = join(home, 'since.csv');
    expect((await exportIn(['-o', file, '--since', '2020-01-01'])).stderr).toBe(`Wrote ${file} (3 sessions, 2020-01-01 to 2026-11-20).\n`);
  });

  it('takes the format from the file name unless --format says otherwise', async () => {
    await seed();
    const out = (name: string) => join(home, name);
    expect((await exportIn(['-o', out('a.csv')])).code).toBe(0);
    expect(readFileSync(out('a.csv'), 'utf8').startsWith('\uFEFFsession_id,')).toBe(true);
    expect((await exportIn(['-o', out('b.HTM')])).code).toBe(0);
    expect(readFileSync(out('b.HTM'), 'utf8').startsWith('<!doctype html>')).toBe(true);
    expect((await exportIn(['-o', out('c.fhir.json')])).code).toBe(0);
    expect(JSON.parse(readFileSync(out('c.fhir.json'), 'utf8')).resourceType).toBe('Bundle');
    expect((await exportIn(['-o', out('d.FHIR')])).code).toBe(0);
    expect(JSON.parse(readFileSync(out('d.FHIR'), 'utf8')).resourceType).toBe('Bundle');
    expect((await exportIn(['-o', out('i.markdown')])).code).toBe(0);
    expect(readFileSync(out('i.markdown'), 'utf8')).toContain('# IT band self-assessment report');
    const mismatch = await exportIn(['-o', out('h.fhir.json'), '--format', 'json']);
    expect(mismatch.code).toBe(0);
    expect(JSON.parse(readFileSync(out('h.fhir.json'), 'utf8')).schemaVersion).toBe(EXPORT_SCHEMA_VERSION);
    expect(mismatch.stderr).toContain('Its name ends like a FHIR file, but it holds JSON, as --format asked.');
    expect((await exportIn(['-o', out('m.md'), '--format', 'csv'])).stderr).toContain('Its name ends like a Markdown file, but it holds CSV, as --format asked.');
    const plain = await exportIn(['-o', out('e.txt'), '--format', 'md']);
    expect(plain.code).toBe(0);
    expect(plain.stderr).not.toContain('ends like');
    expect(readFileSync(out('e.txt'), 'utf8')).toContain('# IT band');
    expect((await exportIn(['-o', out('g.txt'), '--format', 'CSV'])).code).toBe(0);
    expect(readFileSync(out('g.txt'), 'utf8').startsWith('\uFEFFsession_id,')).toBe(true);

    const unknown = await exportIn(['-o', out('f.txt')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('cannot tell which format');
    expect(existsSync(out('f.txt'))).toBe(false);
  });

  it('prints other formats to stdout with --format and no file', async () => {
    await seed();
    const result = await exportIn(['--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).sessions).toHaveLength(3);
    // On a terminal too, as they are: only the Markdown is broken between words to fit it.
    for (const format of ['html', 'csv', 'fhir']) {
      const piped = await exportIn(['--format', format]);
      const shown = await run(['export', '--format', format], { home, now: NOW, stdoutTTY: true, stderrColumns: 40 });
      expect(shown.stdout, format).toBe(piped.stdout);
    }
  });

  it('prints the FHIR bundle it would write, characters beyond ASCII and all', async () => {
    await seed();
    const name = 'Zoë Ōtani – 🦵 漢';
    const file = join(home, 'bundle.fhir.json');
    expect((await exportIn(['-o', file, '--name', name])).code).toBe(0);
    const printed = await exportIn(['--format', 'fhir', '--name', name]);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout).entry[0].resource.name).toEqual([{ text: name }]);
    expect(printed.stdout).toBe(readFileSync(file, 'utf8'));
  });

  it('prints the CSV with the byte-order mark it writes, so that itb export --format csv > report.csv opens in Excel too', async () => {
    await seed();
    const file = join(home, 'report.csv');
    expect((await exportIn(['-o', file])).code).toBe(0);
    const printed = await exportIn(['--format', 'csv']);
    expect(printed.stdout.startsWith('\uFEFFsession_id,')).toBe(true);
    expect(printed.stdout).toBe(readFileSync(file, 'utf8'));
  });

  it('prints a long export as the bytes it writes to a file, each piece whole though the export makes the next in the same buffer', async () => {
    // Ten months of daily sessions: a FHIR bundle of megabytes, made a megabyte at a time (src/export/pieces.ts).
    const long = await historyHome(builtInLibrary(), 300, NOW);
    try {
      const file = join(long.home, 'report.fhir.json');
      expect((await run(['export', '-o', file], { home: long.home, now: NOW })).code).toBe(0);
      const pieces: Array<string | Uint8Array> = [];
      const ctx: Context = { env: { ITB_HOME: long.home, NO_COLOR: '1' }, stdout: { write: (piece) => pieces.push(piece) }, stderr: { write: () => true }, stdinIsTTY: false, now: () => NOW };
      expect(await main(['export', '--format', 'fhir'], ctx)).toBe(0);
      // Bytes, not text made from them only for the stream to make bytes again.
      expect(pieces.length).toBeGreaterThan(1);
      expect(pieces.every((piece) => piece instanceof Uint8Array)).toBe(true);
      expect(Buffer.concat(pieces as Uint8Array[]).equals(readFileSync(file))).toBe(true);
    } finally {
      long.cleanup();
    }
  });

  it('takes -o - for the screen, as most tools do, and writes no file named "-"', async () => {
    await seed();
    const cwd = process.cwd();
    process.chdir(home);
    try {
      const csv = await exportIn(['--format', 'csv', '-o', '-']);
      expect(csv.code).toBe(0);
      expect(csv.stdout).toBe((await exportIn(['--format', 'csv'])).stdout);
      expect(csv.stderr).toBe('');
      const md = await exportIn(['-o', '-']);
      expect(md.code).toBe(0);
      expect(md.stdout).toContain('# IT band self-assessment report');
      expect(existsSync(join(home, '-'))).toBe(false);
      // --force has nothing to replace on the screen: said so, with the file to write instead.
      const forced = await exportIn(['-o', '-', '--force']);
      expect(forced.code).toBe(2);
      expect(forced.stdout).toBe('');
      expect(forced.stderr.replace(/\s+/g, ' ')).toContain(
        '--force replaces an existing file, so it needs -o FILE -o - prints the report on the screen, where nothing is replaced. To write a file: `itb export -o report.html --force`',
      );
    } finally {
      process.chdir(cwd);
    }
  });

  it('refuses -o /dev/stdout sent to a file by the shell, and leaves that file to the shell, even with --force', async () => {
    await seed();
    // Needs `npm run build` first (`npm test` does it): the shell's `> report.md` is the binary's own output.
    const file = join(home, 'report.md');
    // A link of one's own to /dev/stdout, and a link to that link, lead to the same file.
    const own = join(home, 'out.md');
    symlinkSync('/dev/stdout', own);
    symlinkSync('out.md', join(home, 'again.md'));
    const named = ['/dev/stdout', own, join(home, 'again.md')];
    if (existsSync('/proc/self/fd/1')) named.push('/proc/self/fd/1');
    // The command given keeps the rest typed, and sends the report to the file the output went to.
    const cases = named.flatMap((output) => [
      [output, ['export', '-o', output], 'itb export > report.md'],
      [output, ['export', '--format', 'md', '-o', output, '--force'], 'itb export --format md > report.md'],
    ]);
    for (const [output, args, command] of cases as [string, string[], string][]) {
      const fd = openSync(file, 'w', 0o644);
      try {
        const result = spawnSync(process.execPath, [BIN, ...args], { cwd: home, env: { PATH: process.env.PATH ?? '', ITB_HOME: home, NO_COLOR: '1' }, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
        expect(result.stderr.split('\n')[0], args.join(' ')).toBe(`error: cannot write ${output}: it is where this command's output goes (${file}), not a file to write`);
        expect(result.stderr.replace(/\s+/g, ' ')).toContain(`Leave out -o: the report then goes where the output goes, as in \`${command}\`.`);
        // The command to type is kept on one line, whole, however the hint is wrapped.
        expect(result.stderr).toContain(`\`${command}\``);
        expect(result.status).toBe(2);
      } finally {
        closeSync(fd);
      }
      expect(modeOf(file)).toBe(0o644);
      expect(readFileSync(file, 'utf8')).toBe('');
    }
    // From another folder, the file is named by its whole path; the library and the period typed are kept.
    const library = libraryFile('good.yaml');
    const fd = openSync(file, 'w', 0o644);
    try {
      const args = ['--data', library, 'export', '--since', '2026-10-01', '--format', 'html', '-o', '/dev/stdout'];
      const result = spawnSync(process.execPath, [BIN, ...args], { cwd: librariesFolder(), env: { PATH: process.env.PATH ?? '', ITB_HOME: home, NO_COLOR: '1' }, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      expect(result.stderr.replace(/\s+/g, ' ')).toContain(`\`itb --data ${library} export --format html --since 2026-10-01 > ${file}\`.`);
    } finally {
      closeSync(fd);
    }
    expect(readdirSync(home).filter((name) => name.includes('report'))).toEqual(['report.md']);
    expect(readlinkSync(own)).toBe('/dev/stdout');
  });

  it('keeps whole local days from --since to --until', async () => {
    await seed();
    const result = await exportIn(['--format', 'csv', '--since', '2026-10-08', '--until', '2026-10-08']);
    expect(result.code).toBe(0);
    const rows = parseCsv(result.stdout, { columns: true, bom: true }) as Record<string, string>[];
    expect(new Set(rows.map((row) => row.session_id))).toEqual(new Set(['session-two']));
  });

  it.each([
    [['--since', '2026-02-30'], '--since wants a date like'],
    [['--until', '20/11/2026'], '--until wants a date like'],
    [['--since', '2026-11-02', '--until', '2026-11-01'], 'is after --until'],
  ])('refuses bad dates: %j', async (args, message) => {
    const result = await exportIn(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });

  it('says which day comes first when --since is after --until, and writes nothing', async () => {
    await seed();
    const file = join(home, 'report.md');
    const result = await exportIn(['--since', '2026-11-02', '--until', '2026-11-01', '-o', file]);
    expect(result.code).toBe(2);
    // In the command typed, its -o kept.
    expect(result.stderr.replace(/\s+/g, ' ')).toBe(`error: --since 2026-11-02 is after --until 2026-11-01 Put the earlier day first: \`itb export -o ${file} --since 2026-11-01 --until 2026-11-02\` `);
    expect(existsSync(file)).toBe(false);
    // The same day for both is a day, not a slip.
    expect((await exportIn(['--since', '2026-11-01', '--until', '2026-11-01'])).code).toBe(0);
  });

  it('says the value a flag is missing, and the words too many, in plain words', async () => {
    const output = await exportIn(['-o']);
    expect(output.code).toBe(2);
    expect(output.stderr).toBe('error: -o (--output) needs a value after it, as in -o <file>\n`itb export --help` shows what it takes.\n');
    const extra = await run(['history', 'a', 'b'], { home, now: NOW });
    expect(extra.code).toBe(2);
    expect(extra.stderr.split('\n')[0]).toBe('error: 2 words too many ("a", "b"): itb history [options]');
    expect((await run(['history', 'a'], { home, now: NOW })).stderr.split('\n')[0]).toBe('error: a word too many ("a"): itb history [options]');
  });

  it('refuses an unknown format, and says how to get a PDF after all', async () => {
    const result = await exportIn(['--format', 'PDF']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr.replace(/\s+/g, ' ')).toBe(
      'error: "PDF" is not a valid format: use md, csv, json, html or fhir itb writes no PDF: `--format html` writes the printable page; open it in your web browser and print it to a PDF there. ',
    );
    const docx = await exportIn(['--format', 'docx']);
    expect(docx).toMatchObject({ code: 2, stdout: '' });
    expect(docx.stderr).toBe('error: "docx" is not a valid format: use md, csv, json, html or fhir\n');
  });

  it('still writes a valid report from an empty store', async () => {
    const file = join(home, 'empty.md');
    const result = await exportIn(['-o', file]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`Wrote ${file} (no sessions yet).\n`);
    expect(readFileSync(file, 'utf8')).toContain('No sessions yet');
    const json = await exportIn(['--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ schemaVersion: EXPORT_SCHEMA_VERSION, sessions: [], moves: [] });
  });

  it('goes by how a file name ends, not by an extension inside it', async () => {
    await seed();
    const html = join(home, 'notes.md.html');
    expect((await exportIn(['-o', html])).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    const kept = await exportIn(['-o', join(home, 'backup.json.old')]);
    expect(kept.code).toBe(2);
    expect(kept.stderr).toContain('cannot tell which format to write from the file name');
    expect(existsSync(join(home, 'backup.json.old'))).toBe(false);
  });

  it('ends the report it prints with a line break, as a file would', async () => {
    await seed();
    for (const format of ['md', 'html']) expect((await exportIn(['--format', format])).stdout, format).toMatch(/[^\n]\n$/);
  });

  it('says in --help what each option takes, and how files, dates and formats behave', async () => {
    const help = (await exportIn(['--help'])).stdout.replace(/\s+/g, ' ');
    for (const said of [
      '--since <date> only records from this day on (YYYY-MM-DD)',
      '--name <name> the patient name to print on the report (md, html, fhir)',
      'itb export -o visit.fhir.json FHIR R4 for a clinic system',
      'Files are readable by you only, and an existing file is never replaced unless you add --force.',
      'A JSON backup limited with them holds that period only.',
      'CSV files start with a byte-order mark, so that spreadsheets show accents right.',
      "FHIR has a Patient (the subject and performer of each score and red-flag screen: the one who gave it) only when --name gives one.",
    ]) {
      expect(help).toContain(said);
    }
  });

  it('shows examples in --help', async () => {
    const result = await exportIn(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Examples:');
    expect(result.stdout).toContain('itb export -o report.html');
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('-o - is the screen, as with most tools (a file named - is -o ./- --format md).');
  });

  it('writes a file named - with the command --help gives for one', async () => {
    await seed();
    const help = (await exportIn(['--help'])).stdout.replace(/\s+/g, ' ');
    const given = /a file named - is (-o \.\/- [^)]*)\)/.exec(help)![1]!.split(' ');
    const cwd = process.cwd();
    process.chdir(home);
    try {
      const result = await exportIn(given);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('');
      expect(readFileSync(join(home, '-'), 'utf8')).toContain('# IT band self-assessment report');
      expect(modeOf(join(home, '-'))).toBe(0o600);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('itb export with hostile text in the library and the records', () => {
  const formulaName = '=HYPERLINK("http://x")';
  const markupName = '<img src=x onerror=alert(1)>';
  const library = `version: 1
exercises:
  - id: formula-drill
    name: '${formulaName}'
    region: hip
    category: strength
    steps: [Do it]
    dose: { reps: 5 }
    side: painful
    loading: false
  - id: markup-drill
    name: '${markupName}'
    region: hip
    category: stretch
    steps: [Do it]
    dose: { holdSeconds: 20 }
    side: painful
    loading: false
routines:
  - id: hostile
    name: Hostile
    description: Names that try to run.
    exercises: [formula-drill, markup-drill]
`;

  async function seedHostile(): Promise<string> {
    const libraryFile = join(home, 'library.yaml');
    writeFileSync(libraryFile, library);
    const at = (minute: number) => `2026-10-01T12:${String(minute).padStart(2, '0')}:00.000Z`;
    await seed({
      ...sampleStore(),
      sessions: [
        {
          id: 'hostile-session',
          startedAt: at(0),
          status: 'completed',
          routine: 'hostile',
          side: 'right',
          symptom: 'pain',
          movement: '-1+2',
          thresholds: { minImprovement: 1, flareRise: 3 },
          loading: false,
          baseline: 5,
          attempts: [
            { exerciseId: 'formula-drill', attempt: 1, before: 5, after: 3, verdict: 'improved', at: at(5) },
            { exerciseId: 'markup-drill', attempt: 1, before: 3, after: 4, verdict: 'not-improved', at: at(8) },
            { exerciseId: 'markup-drill', attempt: 2, before: 3, after: 3, verdict: 'not-improved', at: at(9) },
          ],
          results: [
            { exerciseId: 'formula-drill', name: formulaName, outcome: 'rehab', flare: false, at: at(5) },
            { exerciseId: 'markup-drill', name: markupName, outcome: 'avoid', flare: false, at: at(9) },
          ],
        },
      ],
      moves: [],
    });
    return libraryFile;
  }

  it('guards every CSV text cell that starts like a formula', async () => {
    const libraryFile = await seedHostile();
    const result = await run(['--data', libraryFile, 'export', '--format', 'csv'], { home, now: NOW });
    expect(result.code).toBe(0);
    const rows = parseCsv(result.stdout, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    expect(rows[0]!.exercise_name).toBe(`'${formulaName}`);
    expect(rows[0]!.movement).toBe("'-1+2");
    expect(rows[0]!.change).toBe('-2');
    // The markup name is harmless in a spreadsheet and stays as it is.
    expect(rows[1]!.exercise_name).toBe(markupName);
  });

  it('shows the names as text in the HTML, never as elements', async () => {
    const libraryFile = await seedHostile();
    const result = await run(['--data', libraryFile, 'export', '--format', 'html'], { home, now: NOW });
    expect(result.code).toBe(0);

    type Node = { nodeName: string; tagName?: string; attrs?: { name: string }[]; childNodes?: Node[]; value?: string };
    const tags: string[] = [];
    const attributes: string[] = [];
    let text = '';
    const walk = (node: Node) => {
      if (node.tagName) tags.push(node.tagName);
      for (const attr of node.attrs ?? []) attributes.push(attr.name);
      if (node.nodeName === '#text') text += node.value;
      for (const child of node.childNodes ?? []) walk(child);
    };
    walk(parseHtml(result.stdout) as unknown as Node);
    expect(tags).not.toContain('img');
    expect(tags).not.toContain('script');
    expect(attributes.filter((name) => name.startsWith('on'))).toEqual([]);
    expect(text).toContain(markupName);
    expect(text).toContain(formulaName);
    expect(text).toContain('-1+2');
  });
});
