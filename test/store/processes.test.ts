// Several itb processes writing at once, and processes killed in the middle of writing.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { storeSchema } from '../../src/core/records.js';
import { Store } from '../../src/store/store.js';
import { sampleSession } from '../fixtures/sample-session.js';

let bundleDir: string;
let fixture: string;
let home: string;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  bundleDir = mkdtempSync(join(tmpdir(), 'itb-fixture-'));
  fixture = join(bundleDir, 'append-sessions.mjs');
  await build({
    entryPoints: ['test/fixtures/append-sessions.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: fixture,
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });
});
afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'itb-procs-'));
});
afterEach(() => {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
  rmSync(home, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  /** Resolves when the child prints `line`; rejects if it exits first. */
  printed(line: string): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

function start(...args: string[]): Started {
  return startIn(home, ...args);
}

/** Starts the fixture on the store in the folder `itbHome`. */
function startIn(itbHome: string, ...args: string[]): Started {
  const child = spawn(process.execPath, [fixture, itbHome, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal, stderr });
    }),
  );
  const printed = (line: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (stdout.split('\n').includes(line)) resolve();
      };
      child.stdout!.on('data', check);
      check();
      void exited.then(({ code, signal }) => reject(new Error(`fixture ended (${code ?? signal}) before "${line}": ${stderr}`)));
    });
  return { child, printed, exited };
}

const sessionIds = (store: Store) => store.read().sessions.map((session) => session.id);

describe('two or more itb processes writing at once', () => {
  it('lose nothing: 4 processes × 25 sessions, three times over', async () => {
    const store = Store.open({ ITB_HOME: home });
    const expected: string[] = [];
    for (let round = 0; round < 3; round++) {
      const writers = [0, 1, 2, 3].map((writer) => start('25', `r${round}w${writer}`));
      for (const { exited } of writers) {
        const { code, stderr } = await exited;
        // On a busy machine a save may wait more than a second for the others, and says so, once per wait.
        expect(stderr.replace(/^Waiting to save: .*\n/gm, '')).toBe('');
        expect(code).toBe(0);
      }
      for (let writer = 0; writer < 4; writer++) {
        for (let index = 0; index < 25; index++) expected.push(`r${round}w${writer}-${index}`);
      }
      const ids = sessionIds(store);
      expect(ids).toHaveLength(expected.length);
      expect(new Set(ids)).toEqual(new Set(expected));
      // Each process's sessions stay in the order it wrote them.
      for (let writer = 0; writer < 4; writer++) {
        const own = ids.filter((id) => id.startsWith(`r${round}w${writer}-`));
        expect(own).toEqual(Array.from({ length: 25 }, (_, index) => `r${round}w${writer}-${index}`));
      }
    }
    expect(storeSchema.safeParse(JSON.parse(readFileSync(store.path, 'utf8'))).success).toBe(true);
    expect(existsSync(`${store.path}.lock`)).toBe(false);
  });
});

describe('itb processes whose ITB_HOMEs hold links to one store file', () => {
  /** Two ITB_HOME folders, each with a store.json that is a link to `real/store.json`. */
  async function linkedHomes(): Promise<{ real: string; homes: string[] }> {
    const real = join(home, 'real');
    await Store.open({ ITB_HOME: real }).update((data) => void data.sessions.push(sampleSession('first')));
    const homes = ['a', 'b'].map((name) => join(home, name));
    for (const folder of homes) {
      mkdirSync(folder);
      symlinkSync(join(real, 'store.json'), join(folder, 'store.json'));
    }
    return { real, homes };
  }

  it('lose nothing: they share one lock, beside the file the links lead to', async () => {
    const { real, homes } = await linkedHomes();
    const writers = [0, 1, 2, 3].map((writer) => startIn(homes[writer % 2]!, '25', `w${writer}`));
    for (const { exited } of writers) {
      const { code, stderr } = await exited;
      // A save kept waiting more than a second for the others says so (a busy machine).
      expect(stderr.replace(/^Waiting to save: .*\n/m, '')).toBe('');
      expect(code).toBe(0);
    }
    const expected = ['first', ...[0, 1, 2, 3].flatMap((writer) => Array.from({ length: 25 }, (_, index) => `w${writer}-${index}`))];
    const ids = sessionIds(Store.open({ ITB_HOME: real }));
    expect(new Set(ids)).toEqual(new Set(expected));
    expect(ids).toHaveLength(expected.length);
    // The saves went to the file the links lead to; the links are still links, to it.
    for (const folder of homes) {
      expect(lstatSync(join(folder, 'store.json')).isSymbolicLink()).toBe(true);
      expect(sessionIds(Store.open({ ITB_HOME: folder }))).toEqual(ids);
    }
    expect(statSync(join(real, 'store.json')).mode & 0o777).toBe(0o600);
  });

  it('take the lock beside the file the link leads to', async () => {
    const { real, homes } = await linkedHomes();
    const holder = startIn(homes[0]!, 'hold');
    await holder.printed('holding');
    expect(existsSync(join(real, 'store.json.lock'))).toBe(true);
    expect(existsSync(join(homes[0]!, 'store.json.lock'))).toBe(false);
    holder.child.kill('SIGKILL');
    await holder.exited;
  });
});

describe('a process killed while writing', () => {
  it('leaves the previous or the new store, never a broken one', async () => {
    const store = Store.open({ ITB_HOME: home });
    const lock = `${store.path}.lock`;
    let saved: string[] = [];
    for (let kill = 0; kill < 20; kill++) {
      const writer = start('forever', `k${kill}`);
      await writer.printed('ready');
      await sleep(5 + Math.random() * 75);
      writer.child.kill('SIGKILL');
      expect((await writer.exited).signal).toBe('SIGKILL');

      // read() validates the whole file unless its fingerprint vouches for exactly these bytes,
      // which a partial write cannot have: it would fail here. Checked in full as well.
      const ids = sessionIds(store);
      expect(storeSchema.safeParse(JSON.parse(readFileSync(store.path, 'utf8'))).success).toBe(true);
      expect(ids.slice(0, saved.length)).toEqual(saved);
      const added = ids.slice(saved.length);
      expect(added.length).toBeGreaterThan(0);
      expect(added).toEqual(added.map((_, index) => `k${kill}-${index}`));
      expect(statSync(store.path).mode & 0o777).toBe(0o600);
      saved = ids;

      // A kill while holding the lock leaves it behind; it goes stale after a few seconds.
      // Waiting for that twenty times over would only slow this test down: the last one is
      // left for the update below, and the next test makes sure of one.
      if (kill < 19) rmSync(lock, { recursive: true, force: true });
    }
    const written = await store.update((data) => void data.sessions.push(sampleSession('after-the-kills')));
    expect(written.sessions.map((session) => session.id)).toEqual([...saved, 'after-the-kills']);
    expect(sessionIds(store)).toEqual([...saved, 'after-the-kills']);
    // The lock is gone and so are the temporary files of writes cut short (of the store and of
    // its fingerprint).
    expect(readdirSync(home).sort()).toEqual(['store.json', 'store.json.checked', 'store.json.summary']);
  });

  it('leaves a lock that the next update takes over once it is stale', async () => {
    const holder = start('hold');
    await holder.printed('holding');
    holder.child.kill('SIGKILL');
    await holder.exited;
    const store = Store.open({ ITB_HOME: home });
    expect(existsSync(`${store.path}.lock`)).toBe(true);

    // The wait for it to go stale (up to 5 seconds) is said once, rather than pass in silence.
    const said: unknown[] = [];
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((text) => said.push(text) > 0);
    try {
      await store.update((data) => void data.sessions.push(sampleSession('after-the-crash')));
    } finally {
      stderr.mockRestore();
    }
    expect(said).toEqual([expect.stringMatching(/^Waiting to save: another itb is saving at this moment, or one closed in the middle of a save left its lock behind/)]);
    expect(sessionIds(store)).toEqual(['after-the-crash']);
    expect(existsSync(`${store.path}.lock`)).toBe(false);
  });
});
