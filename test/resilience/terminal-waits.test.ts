// What the terminal tests rely on when they wait for a line of itb: a wait looks only past the
// end of what the previous one saw, so a part of a line already seen (a word of the question
// just answered, say) never passes for the next line to come.
// Needs `npm run build` first (`npm test` does it).
import { afterEach, describe, expect, it } from 'vitest';
import { Terminal } from '../helpers/pty.js';
import { requireBuild, tempFolder } from '../fixtures/resilience.js';

let scratch: ReturnType<typeof tempFolder> | undefined;
const open: Terminal[] = [];
afterEach(async () => {
  try {
    await Promise.all(open.splice(0).map((terminal) => terminal.end()));
  } finally {
    scratch?.remove();
    scratch = undefined;
  }
});
function itb(args: string[]): Terminal {
  requireBuild();
  scratch ??= tempFolder('itb-waits-');
  const terminal = new Terminal(args, { NO_COLOR: '1', ITB_HOME: scratch.path });
  open.push(terminal);
  return terminal;
}

describe('waiting for text in a terminal', () => {
  it('does not find the next text inside the text the previous wait found', async () => {
    const t = itb(['--version']);
    await t.waitFor(/\d+\.\d+\.\d+/);
    // The version is shown once: its last part was seen with it, and is not shown again.
    await expect(t.waitFor(/\.\d+/)).rejects.toThrow(/ended \(exit code 0\) without showing/);
  });

  it('finds the same words again where they are shown again, right after the previous match', async () => {
    const t = itb(['exercises', 'clamshells']);
    // "Clamshells  (clamshells)": the name, then the id.
    await t.waitFor('lamshells');
    await t.waitFor('lamshells)');
    await expect(t.exited).resolves.toBe(0);
  });
});
