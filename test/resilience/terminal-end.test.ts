// What the terminal tests rely on when a program ends: once `exited` has given its exit code,
// everything it wrote has been read, however busy the machine was as it ended (some tests check
// a report's last lines, or what was said as a session ended); that code, the signals it gets
// and what the terminal shows are the program's own, whatever keeps its terminal open meanwhile.
import { describe, expect, it } from 'vitest';
import { keys, Terminal } from '../helpers/pty.js';

/**
 * A program that says its process id, waits for Enter, then writes `lines` numbered lines in one
 * go (some hundreds of KB, far more than a terminal holds unread) and ends the moment it has.
 */
const burst = (lines: number) => ['/bin/sh', '-c', `stty -echo; echo "pid $$"; read -r _; exec seq -f 'line %g of a long last burst of output' ${lines}`];

/** Whether the process `pid` has ended, and been waited for by its parent. */
function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

/** Keeps this process busy, reading nothing, for `ms` milliseconds. */
function busy(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until);
}

/** A shell script run in a terminal of its own. */
const script = (code: string) => new Terminal([], {}, 80, 24, {}, ['/bin/sh', '-c', code]);

describe('the end of a program in a terminal', () => {
  it('keeps the last lines of a large last burst, read by a process kept busy right after the program ended', async () => {
    const lines = 8000;
    const t = new Terminal([], {}, 100, 40, {}, burst(lines));
    try {
      await t.waitFor(/pid (\d+)\r?\n/);
      const pid = Number(/pid (\d+)/.exec(t.text)![1]);
      let watching = true;
      // Looked at on every turn of the event loop, between two reads of the terminal: the
      // moment the program is gone, this process stops reading for a while, as on a busy machine.
      const watch = () => {
        if (!watching) return;
        if (!gone(pid)) return void setImmediate(watch);
        watching = false;
        busy(400);
      };
      setImmediate(watch);
      await t.type(keys.enter);
      expect(await t.exited).toBe(0);
      watching = false;
      const shown = t.text.replace(/\r\n/g, '\n').split('\n');
      expect(shown.at(-2)).toBe(`line ${lines} of a long last burst of output`);
      expect(shown.filter((line) => line.startsWith('line '))).toHaveLength(lines);
    } finally {
      await t.end();
    }
  });

  it('gives the exit code of the program, and shows what it wrote and nothing more', async () => {
    const t = script('printf "one\\ntwo"; exit 3');
    try {
      expect(await t.exited).toBe(3);
      expect(t.raw).toBe('one\r\ntwo');
    } finally {
      await t.end();
    }
  });

  it('says 0 of a program a signal ended, as node-pty does, and the code of one that exits on it', async () => {
    const killed = script('echo ready; exec sleep 60');
    const exits = script('trap "exit 143" TERM; echo ready; while :; do sleep 0.1; done');
    try {
      for (const t of [killed, exits]) {
        await t.waitFor('ready');
        t.signal('SIGTERM');
      }
      expect(await killed.exited).toBe(0);
      expect(await exits.exited).toBe(143);
    } finally {
      await Promise.all([killed.end(), exits.end()]);
    }
  });

  it('hangs up on the program when its window is closed', async () => {
    const t = script('trap "exit 129" HUP; echo ready; while :; do sleep 0.1; done');
    try {
      await t.waitFor('ready');
      t.closeWindow();
      expect(await t.exited).toBe(129);
    } finally {
      await t.end();
    }
  });
});
