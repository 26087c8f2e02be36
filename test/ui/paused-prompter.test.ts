// A question the real prompter asks, asked again after Ctrl-Z and fg: each asking is drawn by
// the real prompts (through @inquirer/testing's render) on a screen of its own.
import { render } from '@inquirer/testing';
import { describe, expect, it, vi } from 'vitest';

type Rendered = Awaited<ReturnType<typeof render>>;

const drawn = vi.hoisted(() => ({ screens: [] as Promise<unknown>[] }));

vi.mock('@inquirer/prompts', async (actual) => {
  const real = await actual<typeof import('@inquirer/prompts')>();
  const { render: draw } = await import('@inquirer/testing');
  const onScreen =
    (prompt: (...args: never[]) => Promise<unknown>) =>
    (config: never, context: never): Promise<unknown> => {
      const rendered = draw(prompt as never, config, context);
      drawn.screens.push(rendered);
      return rendered.then((screen) => screen.answer);
    };
  return { ...real, input: onScreen(real.input) };
});
// The terminal's signals and Ctrl-Z belong to a real terminal; the asking again after fg is real.
vi.mock('../../src/ui/stopping.js', async (actual) => ({
  ...(await actual<typeof import('../../src/ui/stopping.js')>()),
  whenTerminalGoes: () => new AbortController().signal,
  suspendable: () => undefined,
}));

const { createPrompter } = await import('../../src/ui/prompts.js');

/** The screen of the `n`th asking (from 1). */
async function asking(n: number): Promise<Rendered> {
  await vi.waitFor(() => expect(drawn.screens.length).toBeGreaterThanOrEqual(n));
  return (await drawn.screens[n - 1]) as Rendered;
}

describe('a question asked again after a pause', () => {
  it('types again what was typed of its answer before the pause', async () => {
    const typedAgain: string[] = [];
    const listener = (text: string) => typedAgain.push(text);
    process.stdin.on('keypress', listener);
    try {
      const answer = createPrompter().input({ message: 'Rate your pain (0 = none, 10 = worst):' });
      const before = await asking(1);
      before.events.type('7');
      // Back with fg: the shell sends SIGCONT.
      process.emit('SIGCONT');
      const after = await asking(2);
      await vi.waitFor(() => expect(typedAgain).toEqual(['7']));
      after.events.type('7');
      after.events.keypress('enter');
      expect(await answer).toBe('7');
      // A question left with nothing typed has nothing typed again.
      const next = createPrompter().input({ message: 'Rate your pain again:' });
      await asking(3);
      process.emit('SIGCONT');
      const again = await asking(4);
      await new Promise((resolve) => setImmediate(resolve));
      expect(typedAgain).toEqual(['7']);
      again.events.type('3');
      again.events.keypress('enter');
      expect(await next).toBe('3');
    } finally {
      process.stdin.off('keypress', listener);
      drawn.screens.length = 0;
    }
  });
});
