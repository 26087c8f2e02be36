// The one error handler: expected failures are exit 2 with a hint, a bug is exit 1 in one line.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { Context } from '../../src/context.js';
import { run, tempHome } from '../helpers/run.js';

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

describe('a usage error', () => {
  it('says that a switch takes no value, rather than call it unknown', async () => {
    const json = await run(['history', '--json=yes'], { home });
    expect(json.code).toBe(2);
    expect(json.stdout).toBe('');
    expect(json.stderr).toContain('error: --json takes no value: write it as --json, without "=yes"\n');
    expect(json.stderr).not.toContain('unknown option');
    // A switch of itb itself, after a command, and one that turns something off.
    expect((await run(['buckets', '--no-color=1'], { home })).stderr).toBe('error: --no-color takes no value: write it as --no-color, without "=1"\n(itb buckets --help shows what it takes)\n');
    expect((await run(['session', '--no-timer=true'], { home })).stderr).toContain('error: --no-timer takes no value');
    // An option that does take one, and one that does not exist, are as before.
    expect((await run(['history', '--since=2026-13-01'], { home })).stderr).toContain('--since wants a date');
    expect((await run(['history', '--jsn=1'], { home })).stderr).toContain("error: unknown option '--jsn=1'");
  });

  it('suggests the command or flag typed in capitals, as with Caps Lock on', async () => {
    const command = await run(['HISTORY'], { home });
    expect(command.code).toBe(2);
    expect(command.stderr).toBe("error: unknown command 'HISTORY'\n(Did you mean history?)\n(itb --help shows what it takes)\n");
    const flag = await run(['history', '--JSON'], { home });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toBe("error: unknown option '--JSON'\n(Did you mean --json?)\n(itb history --help shows what it takes)\n");
    expect((await run(['-v'], { home })).stderr).toContain("error: unknown option '-v'\n(Did you mean -V?)\n");
    // Said once, where commander suggests it already.
    expect((await run(['History'], { home })).stderr.match(/Did you mean/g)).toHaveLength(1);
  });

  it('says where a command\'s option goes when it is typed before the command', async () => {
    const json = await run(['--json', 'history'], { home });
    expect(json.code).toBe(2);
    expect(json.stdout).toBe('');
    expect(json.stderr).toContain('error: --json goes after the command: itb history --json\n');
    // With its value, after what follows the command, with itb's own options left where they were.
    const limit = await run(['--no-color', '-n', '5', 'history', '--since', '2026-11-01'], { home });
    expect(limit.code).toBe(2);
    expect(limit.stderr).toContain('error: -n goes after the command: itb --no-color history --since 2026-11-01 -n 5\n');
    expect((await run(['--force', 'buckets', 'reset'], { home })).stderr).toContain('error: --force goes after the command: itb buckets reset --force\n');
    const note = await run(['--note', 'sore knee', 'buckets', 'move', 'clamshells', 'avoid'], { home });
    expect(note.stderr).toContain("error: --note goes after the command: itb buckets move clamshells avoid --note 'sore knee'\n");
    // An option that is not the command's is unknown, as before.
    expect((await run(['--dry-run', 'history'], { home })).stderr).toContain("error: unknown option '--dry-run'");
  });
});
