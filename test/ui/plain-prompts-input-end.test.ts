// The questions as plain lines (TERM=dumb) when the input ends (Ctrl-D): from Node 24 on, readline
// throws when a closed interface is paused, which crashed the session with Node's own stack
// trace and exit 1 instead of ending it as Ctrl-C does. Here readline does so on any Node.
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { isPromptExit } from '../../src/ui/prompter.js';
import { createPlainPrompter } from '../../src/ui/plain-prompts.js';

vi.mock('node:readline', async (original) => {
  const readline = await original<typeof import('node:readline')>();
  const createInterface = (...args: Parameters<typeof readline.createInterface>) => {
    const lines = readline.createInterface(...args);
    const pause = lines.pause.bind(lines);
    lines.pause = () => {
      if ((lines as { closed?: boolean }).closed) throw Object.assign(new Error('readline was closed'), { code: 'ERR_USE_AFTER_CLOSE' });
      return pause();
    };
    return lines;
  };
  return { ...readline, default: { ...readline, createInterface }, createInterface };
});

function terminal() {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
  return { prompter: createPlainPrompter(input, output, false), input, shown: () => shown };
}

describe('questions as plain lines, on a readline that cannot be paused once closed', () => {
  it('end the question being asked as Ctrl-C does when the input ends, and ask none after it', async () => {
    const t = terminal();
    const answer = t.prompter.input({ message: 'Rate:' });
    t.input.end();
    expect(isPromptExit(await answer.catch((caught: unknown) => caught))).toBe(true);
    expect(t.shown()).toBe('Rate: \n');
    expect(isPromptExit(await t.prompter.confirm({ message: 'Again?' }).catch((caught: unknown) => caught))).toBe(true);
    expect(t.shown()).not.toContain('Again?');
  });

  it('end a hold as Ctrl-C does when the input ends during it', async () => {
    const t = terminal();
    const hold = t.prompter.countdown(30, 'Hold 1 of 2');
    t.input.end();
    expect(isPromptExit(await hold.catch((caught: unknown) => caught))).toBe(true);
    expect(t.shown()).toContain('Hold 1 of 2: stopped');
  });
});
