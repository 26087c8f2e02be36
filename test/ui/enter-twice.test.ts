// Enter pressed twice at a question: the second press must not answer the question drawn in
// between, unread (the painful side, "yes" to a flare-up, a drill marked done).
import { emitKeypressEvents } from 'node:readline';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { enterTwiceTakenOnce, sameEnterMs } from '../../src/ui/enter-twice.js';

/** A keyboard on a clock of its own: `press` types keys at the time `clock` says; `heard`, the keys the questions hear. */
function keyboard() {
  const input = new PassThrough();
  emitKeypressEvents(input);
  const clock = { now: 0 };
  const questionPut = enterTwiceTakenOnce(input, () => clock.now);
  const heard: string[] = [];
  input.on('keypress', (_text: string, key: { name?: string; sequence?: string }) => heard.push(key.name === 'return' ? 'Enter' : key.sequence ?? ''));
  const press = async (keys: string, at: number) => {
    clock.now = at;
    input.write(keys);
    await new Promise((resolve) => setImmediate(resolve));
  };
  /** The next question is put at `at`. */
  const asked = (at: number) => {
    clock.now = at;
    questionPut();
  };
  return { press, asked, heard };
}

describe('Enter pressed twice', () => {
  it('takes an Enter pressed again at once as the same press, and one pressed later as a new one', async () => {
    const k = keyboard();
    await k.press('\r', 0);
    await k.press('\r', 120);
    expect(k.heard).toEqual(['Enter']);
    await k.press('\r', 120 + sameEnterMs);
    expect(k.heard).toEqual(['Enter', 'Enter']);
  });

  it('takes an Enter pressed again as the next question shows as the same press, however long the answer took to save', async () => {
    const k = keyboard();
    await k.press('\r', 0);
    k.asked(1000);
    await k.press('\r', 1050);
    expect(k.heard).toEqual(['Enter']);
    k.asked(1200);
    await k.press('\r', 1200 + sameEnterMs);
    expect(k.heard).toEqual(['Enter', 'Enter']);
  });

  it('takes nothing more from Enter held down, however long, until it is pressed afresh', async () => {
    const k = keyboard();
    for (let at = 0; at <= 3000; at += 30) await k.press('\r', at);
    expect(k.heard).toEqual(['Enter']);
    await k.press('\r', 3000 + sameEnterMs);
    expect(k.heard).toEqual(['Enter', 'Enter']);
  });

  it('takes an Enter after anything typed since the last one, however soon: a score typed, an arrow key', async () => {
    const k = keyboard();
    await k.press('\r', 0);
    await k.press('7\r', 50);
    await k.press('\x1b[B', 100);
    k.asked(105);
    await k.press('\r', 110);
    expect(k.heard).toEqual(['Enter', '7', 'Enter', '\x1b[B', 'Enter']);
  });
});
