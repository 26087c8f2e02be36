// Escape, then q, typed by someone hoping to leave: the q is a key of its own, not lost in an
// Alt-q, so that Enter after it is not taken for Enter alone.
import { createInterface, emitKeypressEvents } from 'node:readline';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { escapeThenKeyApart } from '../../src/ui/escape-then-key.js';

// A terminal that edits a line: Node's readline leaves Alt and a letter unedited where TERM says
// dumb, as when the tests are run from inside an editor; itb asks its questions plainly there.
beforeEach(() => vi.stubEnv('TERM', 'xterm-256color'));
afterEach(() => vi.unstubAllEnvs());

/** A keyboard whose keys a line of typing reads, as a question's does. */
function keyboard() {
  const input = new PassThrough();
  const output = new PassThrough();
  emitKeypressEvents(input);
  escapeThenKeyApart(input);
  const heard: string[] = [];
  input.on('keypress', (_text: string, key: { name?: string; sequence?: string; meta?: boolean }) => heard.push(`${key.meta ? 'Alt-' : ''}${key.name ?? key.sequence}`));
  const line = createInterface({ input, output, terminal: true });
  const type = async (keys: string) => {
    input.write(keys);
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { type, heard, line };
}

describe('Escape, then a key typed at once', () => {
  it('reads as Escape and the key, the key typed on the line', async () => {
    const k = keyboard();
    // Typed within half a second, Escape and q come as one Alt-q.
    await k.type('\x1bq');
    expect(k.heard).toEqual(['escape', 'q']);
    expect(k.line.line).toBe('q');
    k.line.close();
  });

  it('leaves Alt and b, f, d or y to edit the line by words', async () => {
    const k = keyboard();
    await k.type('single leg hop');
    // A word back, then the word deleted: as in a shell, not Escape and a letter typed.
    await k.type('\x1bb');
    await k.type('\x1bd');
    expect(k.line.line).toBe('single leg ');
    await k.type('\x1bB');
    expect(k.line.cursor).toBe('single '.length);
    expect(k.heard.slice(-3)).toEqual(['Alt-b', 'Alt-d', 'Alt-b']);
    k.line.close();
  });

  it('leaves the arrow keys and other keys as they are', async () => {
    const k = keyboard();
    await k.type('\x1b[B7');
    expect(k.heard).toEqual(['down', '7']);
    k.line.close();
  });
});
