// A timed hold in a plain terminal (TERM=dumb) paused part way: with Ctrl-Z, or by the computer
// going to sleep with the lid closed.
import { PassThrough } from 'node:stream';
import { afterEach, expect, it, vi } from 'vitest';
import { createPlainPrompter } from '../../src/ui/plain-prompts.js';

const signals = ['SIGINT', 'SIGHUP', 'SIGTERM', 'SIGCONT'] as const;
const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));

afterEach(() => {
  vi.useRealTimers();
  for (const signal of signals) for (const listener of process.listeners(signal)) if (!before.get(signal)!.includes(listener)) process.off(signal, listener);
});

/** Whether `promise` is still waiting once what is under way now has run. */
async function stillWaiting(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await vi.advanceTimersByTimeAsync(0);
  return !settled;
}

it('goes on from the seconds it had left after a pause, however long, and says so at fg', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
  const hold = createPlainPrompter(input, output, true).countdown(30, 'Hold 1 of 2');
  await vi.advanceTimersByTimeAsync(3000);
  // Asleep overnight: the clock on the wall moves on, while nothing of itb runs.
  vi.setSystemTime(Date.now() + 8 * 3_600_000);
  process.emit('SIGCONT');
  expect(shown).toContain('⏱ Hold 1 of 2: 27 s left. Press Enter to end it early.');
  // The 27 seconds are still to hold.
  await vi.advanceTimersByTimeAsync(26_000);
  expect(await stillWaiting(hold)).toBe(true);
  await vi.advanceTimersByTimeAsync(1000);
  expect(await hold).toBe('finished');
  expect(shown).toMatch(/⏱ Hold 1 of 2: time is up\n$/);
});
