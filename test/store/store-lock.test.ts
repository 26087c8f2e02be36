// The store's save lock as a person meets it: a wait for another itb is said, once.
import type lockfile from 'proper-lockfile';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lockStore, StoppedWaiting } from '../../src/store/store-lock.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'itb-store-lock-'));
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(folder, { recursive: true, force: true });
});

/** A lock held by another itb until `free()` is called. */
function heldElsewhere() {
  let held = true;
  const locks = {
    lock: async () => {
      if (held) throw Object.assign(new Error('Lock file is already being held'), { code: 'ELOCKED' });
      return async () => {};
    },
  } as unknown as typeof lockfile;
  return { locks, free: () => (held = false) };
}

const fail = (problem: string) => new Error(problem);

describe('a save waiting for the lock', () => {
  it('says "Waiting to save" once, and not again as a session stopped with Ctrl-C saves itself as interrupted', async () => {
    const said: string[] = [];
    const say = (text: string) => void said.push(text);
    const other = heldElsewhere();
    const before = process.listeners('SIGINT');
    const first = lockStore(other.locks, join(folder, 'store.json'), fail, say);
    const stopped = expect(first).rejects.toThrow(StoppedWaiting);
    await vi.advanceTimersByTimeAsync(1500);
    expect(said).toEqual([
      'Waiting to save: another itb is saving at this moment, or one closed in the middle of a save left its lock behind, which is cleared within 5 seconds. This waits up to 20 seconds; Ctrl-C stops it.\n',
    ]);
    // Ctrl-C: the listener the wait set up hears it.
    for (const listener of process.listeners('SIGINT').filter((known) => !before.includes(known))) listener('SIGINT');
    await stopped;

    // The session saves itself as interrupted, waiting again: the line above says it already.
    const second = lockStore(other.locks, join(folder, 'store.json'), fail, say);
    await vi.advanceTimersByTimeAsync(3000);
    other.free();
    await vi.advanceTimersByTimeAsync(500);
    await (await second)();
    expect(said).toHaveLength(1);

    // A later wait, after a save that went through, is said again.
    const again = heldElsewhere();
    const third = lockStore(again.locks, join(folder, 'store.json'), fail, say);
    await vi.advanceTimersByTimeAsync(1500);
    again.free();
    await vi.advanceTimersByTimeAsync(500);
    await (await third)();
    expect(said).toHaveLength(2);
  });

  it('says how long it waits, as it was told to', async () => {
    // The notice comes after a second of waiting; pauses between tries are under 300 ms, so a wait of
    // 1.5 s always has a try in between.
    for (const [waitMs, words] of [[3000, 'up to 3 seconds;'], [1499, 'up to 1 second;']] as const) {
      const said: string[] = [];
      const other = heldElsewhere();
      const waiting = lockStore(other.locks, join(folder, 'store.json'), fail, (text) => void said.push(text), waitMs, () => new Error('busy'));
      const busy = expect(waiting).rejects.toThrow('busy');
      await vi.advanceTimersByTimeAsync(waitMs + 500);
      await busy;
      expect(said).toHaveLength(1);
      expect(said[0]).toContain(` This waits ${words} Ctrl-C stops it.\n`);
    }
  });

  it('gives up as busy once the other itb has held the lock for as long as it was told to wait, not longer', async () => {
    const other = heldElsewhere();
    const busy = () => new Error('busy');
    const waiting = lockStore(other.locks, join(folder, 'store.json'), fail, () => {}, 3000, busy);
    let outcome: unknown;
    waiting.then(
      () => (outcome = 'locked'),
      (error: Error) => (outcome = error.message),
    );
    await vi.advanceTimersByTimeAsync(2500);
    expect(outcome).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1000);
    expect(outcome).toBe('busy');
  });

  it('says nothing when the other itb is done within a moment, as a save is', async () => {
    const said: string[] = [];
    const other = heldElsewhere();
    const waiting = lockStore(other.locks, join(folder, 'store.json'), fail, (text) => void said.push(text));
    await vi.advanceTimersByTimeAsync(600);
    other.free();
    await vi.advanceTimersByTimeAsync(300);
    await (await waiting)();
    expect(said).toEqual([]);
  });

  it('says at once when the lock cannot be made at all (a folder that may not be written to), not that the store is busy', async () => {
    const said: string[] = [];
    const refused = { lock: async () => Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })) } as unknown as typeof lockfile;
    const failWith = (problem: string, _hint: string | undefined, error?: unknown) => new Error(`${problem}: ${(error as Error).message}`);
    const busy = () => new Error('busy');
    const taking = lockStore(refused, join(folder, 'store.json'), failWith, (text) => void said.push(text), 0, busy);
    const refusal = expect(taking).rejects.toThrow('cannot be locked for saving: EACCES: permission denied');
    await vi.advanceTimersByTimeAsync(2000);
    await refusal;
    expect(said).toEqual([]);
  });

  it('is given up, nothing saved, when the window is closed or itb is told to stop, as for Ctrl-C', async () => {
    for (const signal of ['SIGHUP', 'SIGTERM', 'SIGINT'] as const) {
      const other = heldElsewhere();
      const before = process.listeners(signal);
      const waiting = lockStore(other.locks, join(folder, 'store.json'), fail, () => {});
      const stopped = expect(waiting).rejects.toThrow(StoppedWaiting);
      await vi.advanceTimersByTimeAsync(100);
      const heard = process.listeners(signal).filter((known) => !before.includes(known));
      expect(heard, signal).toHaveLength(1);
      heard[0]!(signal);
      await stopped;
      // The wait is over: the signal is handled as before it.
      expect(process.listeners(signal)).toEqual(before);
    }
    // A save that goes through, so that the next wait is said again.
    const free = heldElsewhere();
    free.free();
    await (await lockStore(free.locks, join(folder, 'store.json'), fail, () => {}))();
  });
});

describe('the line saying a save waits', () => {
  it('is broken between words to fit the terminal showing stderr, when one does', async () => {
    const saved = { isTTY: process.stderr.isTTY, columns: process.stderr.columns };
    const set = (isTTY: boolean | undefined, columns: number | undefined) => {
      Object.defineProperty(process.stderr, 'isTTY', { value: isTTY, configurable: true, writable: true });
      Object.defineProperty(process.stderr, 'columns', { value: columns, configurable: true, writable: true });
    };
    const written: string[] = [];
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((text) => written.push(String(text)) > 0);
    try {
      for (const [isTTY, columns] of [[true, 44], [false, 44]] as const) {
        set(isTTY, columns);
        const other = heldElsewhere();
        const waiting = lockStore(other.locks, join(folder, 'store.json'), fail);
        await vi.advanceTimersByTimeAsync(1500);
        other.free();
        await vi.advanceTimersByTimeAsync(500);
        await (await waiting)();
      }
    } finally {
      write.mockRestore();
      set(saved.isTTY, saved.columns);
    }
    const [onTerminal, piped] = written;
    const lines = onTerminal!.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(44);
    expect(onTerminal!.replace(/\s+/g, ' ')).toBe(piped!.replace(/\s+/g, ' '));
    // To a file or a pipe, one line.
    expect(piped).toMatch(/^Waiting to save: another itb is saving [^\n]*\n$/);
    expect(written).toHaveLength(2);
  });
});
