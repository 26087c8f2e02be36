// Wrong answers at the score prompt and wrong flags on the command line, through the built
// binary: each is refused with a reason (a score is asked again; a flag ends with exit 2 and a
// one-line error), and nothing reaches the store.
// Needs `npm run build` first (`npm test` does it).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { keys, passRedFlagScreen, Terminal } from '../helpers/pty.js';
import { inPool, itb, Random, requireBuild, SEED, sessionsFor, STACK_LINE, storeBytes, tempFolder } from '../fixtures/resilience.js';

let scratch: ReturnType<typeof tempFolder>;
/** A store with sessions, moves and settings of its own, copied into each case's ITB_HOME. */
let seeded: Buffer;

beforeAll(async () => {
  requireBuild();
  scratch = tempFolder('itb-bad-input-');
  const home = join(scratch.path, 'seed');
  await Store.open({ ITB_HOME: home }).update((data) => {
    data.sessions.push(...sessionsFor('kept', 3, new Random(SEED)));
    data.moves.push({ exerciseId: 'clamshells', bucket: 'avoid', note: 'sore', at: '2026-01-02T10:00:00.000Z' });
    data.settings.flareRise = 4;
    data.settings.side = 'left';
  });
  seeded = readFileSync(join(home, 'store.json'));
});
afterAll(() => scratch?.remove());

let homeCount = 0;
function homeWithStore(): string {
  const home = join(scratch.path, `home-${homeCount++}`);
  mkdirSync(home);
  writeFileSync(join(home, 'store.json'), seeded, { mode: 0o600 });
  return home;
}

const longNote = 'n'.repeat(1001);
/** argv, and what the error line must say. */
const badFlags: [string[], RegExp][] = [
  [['buckets', 'move', 'nope', 'rehab'], /no drill with id "nope"/],
  [['buckets', 'move', 'clamshells', 'sideways'], /"sideways" is not a bucket/],
  [['buckets', 'move', 'clamshells', 'rehab', '--note', longNote], /--note is too long: a note may have at most 1000 characters, and this one has 1001/],
  [['buckets', 'move'], /^error: the id is missing \(the drill's id, as `itb exercises` shows it\): itb buckets move <id> <bucket>$/m],
  [['buckets', 'move', 'clamshells'], /^error: the bucket is missing \(rehab or avoid\): itb buckets move clamshells <bucket>$/m],
  [['buckets', 'reset'], /asks before clearing/],
  [['exercises', 'nope'], /no drill with id "nope"/],
  // What was typed is quoted with its control characters shown, not obeyed by the terminal.
  [['exercises', 'nope\x1b[2J'], /^error: no drill with id "nope\\u001b\[2J"$/m],
  [['session', '--side', 'middle'], /^error: "middle" is not a valid side: use left, right or both$/],
  [['session', '--symptom', 'ache'], /^error: "ache" is not a valid symptom: use pain, tightness or discomfort$/],
  [['session', '--movement', '   '], /--movement needs a short description/],
  [['session', '--movement', 'squat\x1b[2J'], /--movement holds a control character \(U\+001B\)/],
  [['session', '--movement', 'step\ndown'], /--movement holds a line break: describe the movement as plain text on one line/],
  [['buckets', 'move', 'clamshells', 'rehab', '--note', 'three\tsets'], /the note holds a tab: write it as plain text on one line/],
  [['buckets', 'move', 'clamshells', 'rehab', '--note', 'fine\u202Eenif'], /the note holds a control character \(U\+202E\)/],
  [['settings', 'movement', 'lunge\x07'], /"lunge\\u0007" is not a valid movement: use a short description in plain text on one line/],
  [['export', '--format', 'pdf'], /^error: "pdf" is not a valid format: use md, csv, json, html or fhir$/],
  [['export', '-o', 'report.pdf'], /itb does not write PDF files \("report\.pdf"\)/],
  [['export', '-o', 'report.docx'], /cannot tell which format .*"report\.docx"/],
  [['export', '--since', '2026-02-01', '--until', '2026-01-01'], /--since 2026-02-01 is after --until 2026-01-01/],
  [['export', '--since', '2026-13-01'], /--since wants a date like 2026-11-01, not "2026-13-01"/],
  [['export', '--until', '2026-02-30'], /--until wants a date like 2026-11-01, not "2026-02-30"/],
  [['export', '--name'], /^error: --name needs a value after it, as in --name <name>$/m],
  [['export', '-o'], /^error: -o \(--output\) needs a value after it, as in -o <file>$/m],
  [['export', 'report.html'], /itb export takes no file name on its own \("report\.html"\)/],
  [['export', '--force'], /--force replaces an existing file, so it needs -o FILE/],
  [['export', '--name', 'Sam\u001b[2JLee'], /--name holds a control character \(U\+001B\)/],
  [['export', '--name', ' '], /--name needs the name to print on the report/],
  [['export', '--name', 'x'.repeat(101)], /--name is too long: a name on a report may have at most 100 characters/],
  [['history', '--since', '2026-13-01'], /--since wants a date like 2026-11-01, not "2026-13-01"/],
  [['history', '--since', 'yesterday'], /--since wants a date/],
  [['history', '--all', '--limit', '5'], /either --all or --limit, not both/],
  [['history', '--limit', '0'], /-n \(--limit\) wants a whole number of sessions, 1 or more, not "0"/],
  [['history', '-n', 'ten'], /-n \(--limit\) wants a whole number of sessions, 1 or more, not "ten"/],
  [['import'], /^error: the file is missing \(a file written by `itb export -o backup.json`\): itb import <file>$/m],
  [['import', 'backup.json', 'old.json'], /^error: a word too many \("old\.json"\): itb import \[options\] <file>$/m],
  [['history', 'last', 'week'], /^error: 2 words too many \("last", "week"\): itb history \[options\]$/m],
  [['import', 'no-such-backup.json'], /cannot read no-such-backup\.json: file not found/],
  [['validate'], /validate needs the name of an exercise library file/],
  [['buckets', 'move'], /the id is missing/],
  [['settings', 'side', 'left', '--unset'], /either a new value or --unset, not both/],
  [['settings', 'flareRise', '--unset'], /flareRise always has a value/],
  [['settings', 'side', 'middle'], /"middle" is not a valid side/],
  [['settings', 'flareRise', '9'], /"9" is not a valid flareRise: use a whole number from 2 to 5/],
  [['settings', 'minImprovement', 'two'], /"two" is not a valid minImprovement/],
  [['settings', 'retestAfterDays', '1.5'], /not a valid retestAfterDays/],
  [['settings', 'nope', '3'], /there is no setting "nope"/],
  [['routines', '--jsn'], /unknown option '--jsn'/],
  // An argument written as an option is told to stand on its own.
  [['session', '--routine', 'rehab'], /^error: the routine is given on its own, without --routine: itb session rehab$/m],
  [['import', '--File=backup.json'], /^error: the file is given on its own, without --File: itb import backup.json$/m],
  [['help', 'bucket'], /there is no command "bucket"/],
  [['--no-color', 'help', 'nosuch'], /there is no command "nosuch"/],
  [['help', 'buckets', 'mvoe'], /there is no command "buckets mvoe"/],
];

/** Exit 2, nothing on stdout, one `error:` line (and at most a hint or a suggestion), no stack. */
function expectRefused(ran: { code: number | null; stdout: string; stderr: string }, said: RegExp, what: string): void {
  expect(ran.code, `${what}; stderr: ${ran.stderr}`).toBe(2);
  expect(ran.stdout, what).toBe('');
  const lines = ran.stderr.split('\n').filter((line) => line.trim() !== '');
  const errors = lines.filter((line) => line.startsWith('error:'));
  expect(errors, what).toHaveLength(1);
  expect(errors[0], what).toMatch(said);
  expect(lines.length, `${what}: ${ran.stderr}`).toBeLessThanOrEqual(3);
  expect(ran.stderr, what).not.toMatch(STACK_LINE);
  expect(ran.stderr, what).not.toMatch(/unexpected error|undefined|\[object Object\]/);
}

describe('bad flags and arguments', () => {
  it('each exits 2 with a one-line error, leaving an existing store byte for byte as it was', async () => {
    await inPool(badFlags, 3, async ([args, said]) => {
      const home = homeWithStore();
      const what = `itb ${args.join(' ').slice(0, 80)}`;
      expectRefused(await itb(args, home), said, what);
      expect(storeBytes(home)!.equals(seeded), `${what}: the store is unchanged`).toBe(true);
      // Nothing beside it either, but the fingerprint a command that read it in full may keep.
      expect(readdirSync(home).filter((name) => name !== 'store.json.checked'), what).toEqual(['store.json']);
    });
  });

  it('each exits 2 without creating a store where there was none', async () => {
    // With nothing to clear, `buckets reset` has nothing to ask, so it needs no terminal (below).
    const refused = badFlags.filter(([args]) => args.join(' ') !== 'buckets reset');
    expect(refused).toHaveLength(badFlags.length - 1);
    await inPool(refused, 3, async ([args, said]) => {
      const home = join(scratch.path, `absent-${homeCount++}`);
      const what = `itb ${args.join(' ').slice(0, 80)} (no store yet)`;
      expectRefused(await itb(args, home), said, what);
      expect(existsSync(home), `${what}: ITB_HOME was not created`).toBe(false);
    });
  });

  it('has `buckets reset` without a terminal say there is nothing to clear where there is no store, creating none', async () => {
    const home = join(scratch.path, `absent-${homeCount++}`);
    const ran = await itb(['buckets', 'reset'], home);
    expect([ran.code, ran.stdout, ran.stderr]).toEqual([0, '', 'Nothing to clear: every drill is untested already.\n']);
    expect(existsSync(home)).toBe(false);
  });
});

describe('bad input in a terminal', () => {
  const open: Terminal[] = [];
  // Every session is ended and waited for, passed or failed, before its home is removed.
  afterEach(async () => {
    await Promise.all(open.splice(0).map((terminal) => terminal.end()));
  });
  const terminal = (args: string[], home: string) => {
    const started = new Terminal(args, { ITB_HOME: home, NO_COLOR: '1' });
    open.push(started);
    return started;
  };

  it('refuses each wrong score with its reason and asks again, keeping only the right one', async () => {
    const home = homeWithStore();
    const t = terminal(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'walking'], home);
    await passRedFlagScreen(t);
    const wrong: [typed: string, reason: string][] = [
      ['-1', '-1 is outside the scale'],
      ['11', '11 is outside the scale'],
      ['10.5', 'Use a whole number from 0 to 10, without decimals.'],
      ['1e1', '"1e1" is not a number.'],
      ['', 'Type a number from 0 (none) to 10 (worst imaginable).'],
      ['   ', 'Type a number from 0 (none) to 10 (worst imaginable).'],
      ['seven', '"seven" is not a number.'],
      ['семь', '"семь" is not a number.'],
      ['5 5', '"5 5" is not a number.'],
    ];
    await t.waitFor('Rate your pain (0 = none');
    for (const [typed, reason] of wrong) {
      await t.type(`${typed}${keys.enter}`);
      await t.waitFor(reason);
    }
    // None of them got past the question.
    expect(t.text).not.toContain('Exercise 1 of 5');
    await t.type(`6${keys.enter}`);
    await t.waitFor('Exercise 1 of 5');
    await t.answer('When you have done the drill', `${keys.down}${keys.down}`); // done, skip, stop
    expect(await t.exited).toBe(0);

    const sessions = Store.open({ ITB_HOME: home }).read().sessions;
    const latest = sessions.at(-1)!;
    expect(sessions).toHaveLength(4);
    expect(latest).toMatchObject({ routine: 'joint-chain', status: 'stopped', baseline: 6, attempts: [] });
  });

  it('refuses each wrong test movement typed in its own words and asks again, keeping only the right one', async () => {
    const home = homeWithStore();
    const t = terminal(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain'], home);
    await passRedFlagScreen(t);
    await t.waitFor('Something else (type it)');
    // Past the end of the list, the last choice stays picked.
    await t.type(`${keys.down.repeat(12)}${keys.enter}`);
    const refused = 'Describe it in a few words of plain text (up to 200 characters).';
    await t.waitFor('Describe the test movement (Enter alone: back to the list):');
    // Enter alone, or spaces alone, goes back to the list (see test/e2e/session.pty.test.ts).
    for (const typed of ['x'.repeat(201), `${'y'.repeat(150)} ${'z'.repeat(60)}`]) {
      await t.type(`${typed}${keys.enter}`);
      await t.waitFor(refused);
    }
    expect(t.text).not.toContain('Rate your pain');
    await t.type(`  stairs, two at a time  ${keys.enter}`);
    await t.answer('Rate your pain', '5');
    await t.waitFor('Exercise 1 of 5');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
    // The movement is kept as typed, without the spaces around it, and nothing refused was kept.
    const store = Store.open({ ITB_HOME: home }).read();
    expect(store.settings.movement).toBe('stairs, two at a time');
    expect(store.sessions.at(-1)).toMatchObject({ movement: 'stairs, two at a time', status: 'interrupted' });
  });

  it('refuses an unknown routine before any question, writing nothing', async () => {
    const home = join(scratch.path, `absent-${homeCount++}`);
    const t = terminal(['session', 'nope'], home);
    expect(await t.exited).toBe(2);
    expect(t.text).toContain('error: there is no routine "nope"');
    expect(t.text).not.toMatch(/Before you start|\(y\/N\)|Which/);
    expect(t.text).not.toMatch(STACK_LINE);
    expect(existsSync(home)).toBe(false);
  });

  it('refuses the rehab routine while the rehab bucket is empty, before any question', async () => {
    const home = join(scratch.path, `absent-${homeCount++}`);
    const t = terminal(['session', 'rehab'], home);
    expect(await t.exited).toBe(2);
    expect(t.text).toContain('error: your rehab bucket is empty');
    expect(t.text).not.toMatch(/Before you start|\(y\/N\)/);
    expect(existsSync(home)).toBe(false);
  });
});
