// The built binary in the places people run it other than a plain terminal: messages piped into a
// reader that stops early, and more. Needs `npm run build` first (`npm test` does it).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempHome } from '../helpers/run.js';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'bin/itb.js');
const fixtures = join(root, 'test/fixtures/libraries');

let home: string;
let cleanup: () => void;
beforeAll(() => {
  if (!existsSync(join(root, 'dist/cli.cjs'))) throw new Error('dist/ is missing: run `npm run build` before the end-to-end tests');
  ({ home, cleanup } = tempHome());
});
afterAll(() => cleanup?.());

/** Runs the binary with its messages (stderr) going into a pipe that is closed before it starts. */
function withMessagesUnread(args: string[]): Promise<number | null> {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ITB_HOME: home, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr.destroy();
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('messages piped into a reader that has stopped (2>&1 | head)', () => {
  it('keep the exit code of what went wrong: 2 for a usage error or a bad library, not 1 for a crash', async () => {
    expect(await withMessagesUnread(['bogus'])).toBe(2);
    expect(await withMessagesUnread(['exercises', 'no-such-drill'])).toBe(2);
    expect(await withMessagesUnread(['validate', join(fixtures, 'many-problems.yaml')])).toBe(2);
  });

  it('keep exit 0 when all went well', async () => {
    expect(await withMessagesUnread(['settings', 'side', 'left'])).toBe(0);
  });
});
