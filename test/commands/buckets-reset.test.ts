// `itb buckets reset`, and a device or named pipe where itb keeps its files.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreData } from '../../src/core/records.js';
import { projectBuckets } from '../../src/core/projection.js';
import { Store } from '../../src/store/store.js';
import { run, tempHome } from '../helpers/run.js';
import { CTRL_C } from '../helpers/scripted.js';
import { buildSession } from '../helpers/sessions.js';
import { libraryFile } from '../helpers/libraries.js';
import { now, sessions, withSessionsIn } from '../helpers/bucket-sessions.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const save = (mutate: (data: StoreData) => void) => Store.open({ ITB_HOME: home }).update(mutate);
const stored = () => Store.open({ ITB_HOME: home }).read();
const withSessions = () => withSessionsIn(home);

describe('itb buckets reset', () => {
  it('says in its help that the sessions and the moves by hand stay', async () => {
    const help = (await run(['buckets', 'reset', '--help'], { home })).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('sessions and moves by hand stay in your history');
    expect(help).not.toContain('manual move');
  });

  it('asks, then empties the lists and says what it emptied, keeping the sessions and the moves by hand', async () => {
    await withSessions();
    await save((data) => void data.moves.push({ exerciseId: 'bridges', bucket: 'rehab', at: '2026-02-28T10:00:00Z' }));
    const result = await run(['buckets', 'reset'], { home, now, tty: true, answers: [true] });
    expect(result.code).toBe(0);
    // A question that fits one line of the terminal, with what stays said before it.
    // Enter alone keeps the buckets: clearing them takes a yes.
    expect(result.prompter.asked[0]).toMatchObject({ kind: 'confirm', message: 'Empty both lists, so every drill is untested again?', default: false });
    // What is about to go is named before the question, list by list.
    expect(result.stderr.replace(/\s*\n\s*/g, ' ')).toMatch(
      /^This empties rehab \(2 drills\) and avoid for now \(2 drills\)\. Sessions and moves by hand stay in your history; only the lists start again\. /,
    );
    // What went, in the words it was named in before the question, not a count of "bucket decisions".
    expect(result.stderr.replace(/\s*\n\s*/g, ' ')).toContain('Emptied rehab (2 drills) and avoid for now (2 drills): every drill is untested again.');
    expect(result.stderr).not.toContain('decision');
    expect(result.stdout).not.toContain('Emptied');
    const data = stored();
    expect(data.sessions).toHaveLength(2);
    expect(data.moves).toEqual([{ exerciseId: 'bridges', bucket: 'rehab', at: '2026-02-28T10:00:00Z' }]);
    expect(data.buckets).toEqual([]);
    expect(data.bucketsResetAt).toBe(now.toISOString());

    const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
    expect([json.rehab, json.avoid]).toEqual([[], []]);
  });

  it('names only the lists that hold drills before asking, in the singular for one', async () => {
    await save((data) => void data.sessions.push(sessions[0]!));
    const result = await run(['buckets', 'reset'], { home, now, tty: true, answers: [false] });
    expect(result.stderr).toMatch(/^This empties avoid for now \(1 drill\)\. /);
    expect(result.prompter.asked[0]).toMatchObject({ kind: 'confirm', message: 'Empty this list, so every drill is untested again?' });
    expect(stored().bucketsResetAt).toBeUndefined();
  });

  it('clears the buckets the store keeps beside its log, as a session left them', async () => {
    await save((data) => {
      data.sessions.push(...sessions);
      data.buckets = projectBuckets(data.sessions, data.moves);
    });
    expect(stored().buckets).not.toEqual([]);
    expect((await run(['buckets', 'reset', '--force'], { home, now })).code).toBe(0);
    expect(stored().buckets).toEqual([]);
  });

  it('clears a decision dated ahead of the clock too', async () => {
    // A backup from a computer whose clock ran a year ahead.
    const ahead = buildSession({ startedAt: '2027-03-01T12:00:00Z', baseline: 6, drills: [{ id: 'bridges', scores: [4] }] });
    await save((data) => void data.sessions.push(ahead));
    const result = await run(['buckets', 'reset', '--force'], { home, now });
    expect(result.stderr).toContain('Emptied rehab (1 drill): every drill is untested again.');
    const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
    expect([json.rehab, json.avoid]).toEqual([[], []]);
  });

  it('keeps the moves made by hand, and their notes, for the reports', async () => {
    await withSessions();
    await run(['buckets', 'move', 'bridges', 'rehab', '--note', 'advised by my physio'], { home, now: new Date('2026-02-28T10:00:00Z') });
    await run(['buckets', 'reset', '--force'], { home, now });
    const report = (await run(['export'], { home, now })).stdout;
    // Kept, and marked as no longer counting.
    const cleared = /The buckets were cleared on (\d{4}-\d\d-\d\d)/.exec(report)?.[1];
    expect(cleared).toBeDefined();
    expect(report).toContain(`| 2026-02-28 | Bridges | rehab (until the buckets were cleared on ${cleared}) | advised by my physio |`);
    const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
    expect(json.rehab).toEqual([]);
    expect(json.untested.find((drill: { exerciseId: string }) => drill.exerciseId === 'bridges')).toBeDefined();
  });

  it('wraps what it says to a narrow terminal, each command whole on its line', async () => {
    const empty = await run(['buckets', 'reset', '--force'], { home, now, stderrColumns: 40 });
    expect(empty.stderr).toBe('Nothing to clear: every drill is\nuntested already.\n');
    await withSessions();
    const result = await run(['buckets', 'reset', '--force'], { home, now, stderrColumns: 40 });
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.every((line) => line.length <= 40)).toBe(true);
    // The list's name whole on its line: "now (2 drills)" at a line's start would read as a sentence of its own.
    expect(lines.slice(0, 3)).toEqual(['Emptied rehab (1 drill) and', 'avoid for now (2 drills): every drill is', 'untested again.']);
    expect(lines.some((line) => line.includes('`itb session`'))).toBe(true);
    // And a move out of that list, named as `itb buckets` heads it, at every width it could break at.
    await run(['buckets', 'move', 'monster-walks', 'avoid'], { home, now });
    for (let columns = 30; columns <= 60; columns++) {
      const moved = await run(['buckets', 'move', 'monster-walks', 'rehab'], { home, now, stderrColumns: columns });
      expect(moved.stderr.split('\n').some((line) => line.includes('avoid for now')), `${columns} columns`).toBe(true);
      await run(['buckets', 'move', 'monster-walks', 'avoid'], { home, now });
    }
  });

  it('changes nothing when the answer is no', async () => {
    await withSessions();
    const result = await run(['buckets', 'reset'], { home, now, tty: true, answers: [false] });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Nothing was changed.');
    expect(stored().bucketsResetAt).toBeUndefined();
  });

  it('changes nothing and exits 130 on Ctrl-C at the question', async () => {
    await withSessions();
    const result = await run(['buckets', 'reset'], { home, now, tty: true, answers: [CTRL_C] });
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('Nothing was changed.');
    expect(stored().bucketsResetAt).toBeUndefined();
  });

  it('needs --force without a terminal', async () => {
    await withSessions();
    const refused = await run(['buckets', 'reset'], { home, now, tty: false });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--force');
    expect(stored().bucketsResetAt).toBeUndefined();

    const forced = await run(['buckets', 'reset', '--force'], { home, now, tty: false });
    expect(forced.code).toBe(0);
    expect(forced.prompter.asked).toEqual([]);
    expect(stored().bucketsResetAt).toBe(now.toISOString());
  });

  it('needs --force when its output goes to a file, where the question would not be seen', async () => {
    await withSessions();
    const refused = await run(['buckets', 'reset'], { home, now, stdinTTY: true, stdoutTTY: false, answers: [true] });
    expect(refused.code).toBe(2);
    expect(refused.prompter.asked).toEqual([]);
    expect(refused.stderr).toContain('itb buckets reset --force');
    expect(stored().bucketsResetAt).toBeUndefined();
  });

  it('needs --force when its input is no terminal, though its output is one', async () => {
    await withSessions();
    const refused = await run(['buckets', 'reset'], { home, now, stdinTTY: false, stdoutTTY: true, answers: [true] });
    expect(refused.code).toBe(2);
    expect(refused.prompter.asked).toEqual([]);
    expect(refused.stderr).toContain('needs a terminal for its input and output');
    expect(stored().bucketsResetAt).toBeUndefined();
  });

  it('gives its commands to copy as itb was started: through npx, and with the library file given', async () => {
    await withSessions();
    const library = libraryFile('good.yaml');
    const npx = { npm_lifecycle_event: 'npx' };
    const refused = await run(['--data', library, 'buckets', 'reset'], { home, now, env: npx });
    expect(refused.stderr).toContain('Add --force to reset without asking: `npx itb buckets reset --force`');
    const reset = await run(['--data', library, 'buckets', 'reset', '--force'], { home, now, env: npx });
    expect(reset.code).toBe(0);
    expect(reset.stderr.replace(/\s+/g, ' ')).toContain(`Your session history is kept (\`npx itb history\`). Run \`npx itb --data ${library} session\` to start testing again.`);
  });

  it('asks nothing and changes nothing when every drill is untested already', async () => {
    const empty = await run(['buckets', 'reset'], { home, now, tty: true, answers: [] });
    expect(empty.code).toBe(0);
    expect(empty.stderr).toBe('Nothing to clear: every drill is untested already.\n');
    expect(empty.prompter.asked).toEqual([]);
    // Without a terminal too: nothing to ask, so no need for one.
    const piped = await run(['buckets', 'reset'], { home, now });
    expect([piped.code, piped.stderr]).toEqual([0, 'Nothing to clear: every drill is untested already.\n']);
    await withSessions();
    await run(['buckets', 'reset', '--force'], { home, now });
    const again = await run(['buckets', 'reset'], { home, now: new Date(now.getTime() + 60_000), tty: true, answers: [] });
    expect(again.stderr).toContain('Nothing to clear');
    expect(stored().bucketsResetAt).toBe(now.toISOString());
  });

  it('lets a move made at the moment of a reset count', async () => {
    await withSessions();
    await run(['buckets', 'reset', '--force'], { home, now });
    await run(['buckets', 'move', 'clamshells', 'rehab'], { home, now });
    const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
    expect(json.rehab.map((s: { exerciseId: string }) => s.exerciseId)).toEqual(['clamshells']);
  });
});

describe('a device or a named pipe where itb keeps its files', () => {
  const skip = process.platform === 'win32';

  it.skipIf(skip)('in place of the store: every command that reads it stops at once with exit 2, changing nothing', async () => {
    const file = join(home, 'store.json');
    for (const [what, make] of [
      ['a device, not a regular file', () => symlinkSync('/dev/zero', file)],
      ['a named pipe (FIFO), not a regular file', () => execFileSync('mkfifo', [file])],
    ] as const) {
      rmSync(file, { force: true });
      make();
      for (const argv of [['buckets'], ['buckets', '--json'], ['history'], ['export'], ['settings'], ['buckets', 'move', 'clamshells', 'rehab']]) {
        const { code, stdout, stderr } = await run(argv, { home, now });
        expect(code, `${argv.join(' ')}: ${stderr}`).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toContain(`error: the itb store ${file} is ${what}\n`);
      }
      expect(readdirSync(home)).toEqual(['store.json']);
    }
  });

  it.skipIf(skip)('in place of the files beside the store: passed over, and the buckets shown from the store', async () => {
    await withSessions();
    const expected = await run(['buckets'], { home, now });
    for (const side of ['store.json.checked', 'store.json.summary']) {
      for (const make of [(path: string) => symlinkSync('/dev/zero', path), (path: string) => execFileSync('mkfifo', [path])]) {
        rmSync(join(home, side), { force: true });
        make(join(home, side));
        const before = readFileSync(join(home, 'store.json'));
        const shown = await run(['buckets'], { home, now });
        expect(shown.code, shown.stderr).toBe(0);
        expect(shown.stdout).toBe(expected.stdout);
        expect(readFileSync(join(home, 'store.json')).equals(before)).toBe(true);
      }
    }
  });
});
