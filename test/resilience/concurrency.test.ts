// Several real itb processes writing one store at once: imports, manual moves and settings
// changes started together, round after round, with commands that only read the store among
// them. Nothing any of them saved may be lost, and what the readers keep beside the store (its
// fingerprint and summary) must still agree with it.
// Needs `npm run build` first (`npm test` does it).
import { mkdirSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeSchema, type ManualMove } from '../../src/core/records.js';
import { keys, Terminal } from '../helpers/pty.js';
import { itb, Random, requireBuild, SEED, sessionsFor, startItb, storeBytes, tempFolder, writeExport, type Ran } from '../fixtures/resilience.js';

const ROUNDS = 3;
const IMPORTS_PER_ROUND = 4;
const SESSIONS_PER_EXPORT = 5;

let scratch: ReturnType<typeof tempFolder>;
beforeAll(() => {
  requireBuild();
  scratch = tempFolder('itb-concurrency-');
});
afterAll(() => scratch?.remove());

const seedNote = `seed ${SEED}`;

function expectOk(ran: Ran, what: string): void {
  expect(ran.stderr, `${what} (${seedNote})`).not.toMatch(/error/i);
  expect(ran.code, `${what} exit code (${seedNote}); stderr: ${ran.stderr}`).toBe(0);
}

describe(`imports, moves and settings changes at the same moment (seed ${SEED}; ITB_SEED=${SEED} replays it)`, () => {
  it(`lose nothing: ${IMPORTS_PER_ROUND} imports, 2 moves and 2 settings changes at once, ${ROUNDS} rounds`, async () => {
    const random = new Random(SEED);
    const home = join(scratch.path, 'home');

    // A store with a session already: imports then merge into it and keep its settings (an
    // import into an empty store would restore the file's settings, racing the settings changes).
    const first = join(scratch.path, 'first.json');
    await writeExport(first, sessionsFor('first', 1, random));
    expectOk(await itb(['import', first], home), 'the first import');

    const expectedSessions = new Set(['first-0']);
    const expectedMoveNotes = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const files: string[] = [];
      for (let writer = 0; writer < IMPORTS_PER_ROUND; writer++) {
        const tag = `r${round}w${writer}`;
        const sessions = sessionsFor(tag, SESSIONS_PER_EXPORT, random, Date.UTC(2026, 1 + round, 1 + writer, 9));
        const move: ManualMove = { exerciseId: 'bridges', bucket: 'avoid', note: `from ${tag}`, at: sessions[0]!.startedAt };
        const file = join(scratch.path, `${tag}.json`);
        await writeExport(file, sessions, [move]);
        files.push(file);
        sessions.forEach((session) => expectedSessions.add(session.id));
        expectedMoveNotes.add(move.note!);
      }
      const movement = `stairs, round ${round}`;
      const retestAfterDays = String(20 + round);
      const moves = [
        ['clamshells', 'rehab', `cli r${round} a`],
        ['hip-hikes', 'avoid', `cli r${round} b`],
      ] as const;
      moves.forEach(([, , note]) => expectedMoveNotes.add(note));

      // Started in a shuffled order so that no kind of write always wins the race for the lock.
      const commands: string[][] = [
        ...files.map((file) => ['import', file]),
        ...moves.map(([id, bucket, note]) => ['buckets', 'move', id, bucket, '--note', note]),
        ['settings', 'retestAfterDays', retestAfterDays],
        ['settings', 'movement', movement],
        // Readers keep the store's fingerprint and summary when they find none current: one drawn
        // from a store that changed meanwhile must not pass for the new one's.
        ['buckets', '--json'],
        ['buckets'],
        ['history', '--json'],
      ];
      for (let i = commands.length - 1; i > 0; i--) {
        const j = random.int(0, i);
        [commands[i], commands[j]] = [commands[j]!, commands[i]!];
      }
      // Every one runs to its end before a failure is reported, so none is left writing.
      const settled = await Promise.allSettled(commands.map((args) => itb(args, home)));
      const failed = settled.find((result) => result.status === 'rejected');
      if (failed) throw new Error(`round ${round} (${seedNote}): ${String(failed.reason)}`);
      const results = settled.map((result) => (result as PromiseFulfilledResult<Ran>).value);
      results.forEach((ran, index) => expectOk(ran, `round ${round}: itb ${commands[index]!.join(' ')}`));

      const file = join(home, 'store.json');
      const parsed = storeSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      expect(parsed.success, `round ${round}: the store validates (${seedNote})`).toBe(true);
      const data = parsed.data!;
      const ids = data.sessions.map((session) => session.id);
      expect(new Set(ids), `round ${round}: every session (${seedNote})`).toEqual(expectedSessions);
      expect(ids, `round ${round}: each session once (${seedNote})`).toHaveLength(expectedSessions.size);
      expect(new Set(data.moves.map((move) => move.note)), `round ${round}: every move (${seedNote})`).toEqual(expectedMoveNotes);
      expect(data.settings.movement, `round ${round} (${seedNote})`).toBe(movement);
      expect(data.settings.retestAfterDays, `round ${round} (${seedNote})`).toBe(Number(retestAfterDays));
      // The lock is let go and no temporary file is left beside the store and its fingerprint.
      expect(readdirSync(home).sort(), `round ${round} (${seedNote})`).toEqual(['store.json', 'store.json.checked', 'store.json.summary']);

      // What the user looks at next agrees: the latest move of each drill decides its bucket.
      const shown = await itb(['buckets', '--json'], home);
      expectOk(shown, `round ${round}: itb buckets --json`);
      const view = JSON.parse(shown.stdout) as { rehab: { exerciseId: string }[]; avoid: { exerciseId: string }[] };
      expect(view.rehab.map((drill) => drill.exerciseId), `round ${round} (${seedNote})`).toContain('clamshells');
      expect(view.avoid.map((drill) => drill.exerciseId), `round ${round} (${seedNote})`).toContain('hip-hikes');
      // The summary kept beside the store says what the store itself says.
      rmSync(join(home, 'store.json.summary'));
      const fromStore = await itb(['buckets', '--json'], home);
      expectOk(fromStore, `round ${round}: itb buckets --json from the store itself`);
      const withoutTime = (stdout: string) => ({ ...JSON.parse(stdout), generatedAt: undefined });
      expect(withoutTime(shown.stdout), `round ${round} (${seedNote})`).toEqual(withoutTime(fromStore.stdout));
      const history = await itb(['history', '--json', '--all'], home);
      expectOk(history, `round ${round}: itb history --json`);
      expect((JSON.parse(history.stdout) as { sessions: unknown[] }).sessions, `round ${round}: the history shows every session`).toHaveLength(expectedSessions.size);
    }
  });
});

describe('Ctrl-C while a save waits for the lock', () => {
  it('calls off a confirmed reset: nothing is saved once the lock is free, and it ends with 130', async () => {
    const home = join(scratch.path, 'stopped-wait');
    expectOk(await itb(['buckets', 'move', 'clamshells', 'rehab'], home), 'the first move');
    const before = storeBytes(home);
    // Another itb holds the lock, keeping it fresh as it does while it saves.
    const lock = join(home, 'store.json.lock');
    mkdirSync(lock);
    const freshen = setInterval(() => utimesSync(lock, new Date(), new Date()), 500);
    const terminal = new Terminal(['buckets', 'reset'], { ITB_HOME: home, NO_COLOR: '1' });
    try {
      await terminal.answer('Empty this list, so every drill is untested again?', 'y');
      await terminal.waitFor('Waiting to save: another itb is saving');
      await terminal.type(keys.ctrlC);
      expect(await terminal.exited).toBe(130);
      expect(terminal.text).toContain('Stopped while waiting to save; this change was not saved.');
      expect(terminal.text).not.toContain('Emptied');
    } finally {
      // Ended while the lock is still held, passed or failed: it cannot save on the way out.
      await terminal.end();
      clearInterval(freshen);
    }
    rmSync(lock, { recursive: true });
    // Not cleared later either: the store is as it was, and the drill still in rehab.
    expect(storeBytes(home)!.equals(before!)).toBe(true);
    const shown = await itb(['buckets', '--json'], home);
    expect((JSON.parse(shown.stdout) as { rehab: { exerciseId: string }[] }).rehab.map((drill) => drill.exerciseId)).toEqual(['clamshells']);
  });

  it('stops a command that asked nothing with 130 too, saying that nothing was saved', async () => {
    const home = join(scratch.path, 'stopped-wait-settings');
    expectOk(await itb(['settings', 'movement', 'stairs'], home), 'the first setting');
    const before = storeBytes(home);
    const lock = join(home, 'store.json.lock');
    mkdirSync(lock);
    const freshen = setInterval(() => utimesSync(lock, new Date(), new Date()), 500);
    const waiting = startItb(['settings', 'movement', 'hills'], home);
    try {
      // Until it says it waits, or ends without saying so (what it said is then shown below).
      await new Promise<void>((resolve) => {
        let stderr = '';
        waiting.child.stderr!.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (stderr.includes('Waiting to save')) resolve();
        });
        waiting.exited.then(() => resolve(), () => resolve());
      });
      waiting.child.kill('SIGINT');
      const ran = await waiting.exited;
      // Ended by the signal itself or with 130: the same to the shell.
      expect(ran.code === 130 || ran.signal === 'SIGINT', `${ran.code ?? ran.signal}: ${ran.stderr}`).toBe(true);
      expect(ran.stderr).toMatch(/^Waiting to save: .*\nStopped while waiting to save; this change was not saved\.\n$/);
    } finally {
      // Ended while the lock is still held, passed or failed: it cannot save on the way out.
      if (waiting.child.exitCode === null && waiting.child.signalCode === null) waiting.child.kill('SIGKILL');
      await waiting.exited.catch(() => undefined);
      clearInterval(freshen);
    }
    rmSync(lock, { recursive: true });
    expect(storeBytes(home)!.equals(before!)).toBe(true);
  });
});
