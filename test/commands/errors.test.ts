// The one error handler: expected failures are exit 2 with a hint, a bug is exit 1 in one line.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { Context } from '../../src/context.js';
import { tempHome } from '../helpers/run.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

function brokenClock(env: Record<string, string>) {
  let stderr = '';
  const ctx: Context = {
    env: { ITB_HOME: home, NO_COLOR: '1', ...env },
    stdout: { write: () => true },
    stderr: { write: (text: string) => (stderr += text) },
    stdinIsTTY: false,
    now: () => {
      throw new Error('the clock broke\nsecond line');
    },
  };
  return { ctx, stderr: () => stderr };
}

describe('an unexpected failure', () => {
  it('is exit 1 with one line, pointing at ITB_DEBUG', async () => {
    const { ctx, stderr } = brokenClock({});
    expect(await main(['buckets'], ctx)).toBe(1);
    expect(stderr()).toBe('unexpected error: the clock broke (ITB_DEBUG=1 shows the details)\n');
  });

  it('shows the stack with ITB_DEBUG=1', async () => {
    const { ctx, stderr } = brokenClock({ ITB_DEBUG: '1' });
    expect(await main(['buckets'], ctx)).toBe(1);
    expect(stderr()).toMatch(/^unexpected error: Error: the clock broke/);
    expect(stderr()).toMatch(/\n\s+at /);
  });
});
