// Node builds process.stdin on first use, which costs a few milliseconds of start-up: commands
// that ask nothing must not touch it (Context.stdinIsTTY is a getter in the real context).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { Context } from '../../src/context.js';
import { Store } from '../../src/store/store.js';
import { tempHome } from '../helpers/run.js';
import { buildSession } from '../helpers/sessions.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

it.each([
  ['buckets'],
  ['buckets', '--json'],
  ['history'],
  ['export', '--format', 'md'],
  ['exercises'],
  ['routines'],
  ['no-such-command'],
  ['export', '--format', 'docx'],
])('itb %s does not look at standard input', async (...argv) => {
  const session = buildSession({ id: 's1', startedAt: '2026-03-01T12:00:00Z', routine: 'strength', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] });
  await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(session));
  let looked = 0;
  let stdout = '';
  const ctx: Context = {
    env: { ITB_HOME: home, FORCE_COLOR: '1' },
    stdout: { write: (text: string) => (stdout += text), isTTY: true },
    stderr: { write: () => true, isTTY: true },
    get stdinIsTTY() {
      looked += 1;
      return true;
    },
    now: () => new Date('2026-03-20T12:00:00Z'),
  };
  await main(argv, ctx);
  expect(looked).toBe(0);
  if (!argv[0]!.startsWith('no-') && argv.at(-1) !== 'docx') expect(stdout.length).toBeGreaterThan(0);
});
