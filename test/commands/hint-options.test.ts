// The commands an error suggests keep itb's own options as typed: --data, since the drills and
// routines they name are that library's, and --no-color, so that the copy shows as plainly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, tempHome } from '../helpers/run.js';

const { home, cleanup } = tempHome();
afterAll(cleanup);
// A drill in a bucket, for buckets reset to clear.
beforeAll(async () => expect((await run(['buckets', 'move', 'clamshells', 'avoid'], { home })).code).toBe(0));

/** What `argv` says on stderr, its lines joined, so that a hint broken to fit reads whole. */
async function said(argv: string[], env: Record<string, string | undefined> = {}): Promise<string> {
  const { code, stderr } = await run(argv, { home, env });
  expect(code, stderr).toBe(2);
  return stderr.replace(/\n/g, ' ');
}

describe('a command suggested in an error', () => {
  it('keeps --no-color typed before the command or after it', async () => {
    expect(await said(['--no-color', 'buckets', 'move', 'clamshells', 'rehb'])).toContain('Did you mean `itb --no-color buckets move clamshells rehab`?');
    expect(await said(['buckets', 'move', 'clamshells', 'rehb', '--no-color'])).toContain('Did you mean `itb --no-color buckets move clamshells rehab`?');
    expect(await said(['--no-color', 'session', 'nosuch'])).toContain('`itb --no-color routines` lists them.');
    expect(await said(['--no-color', 'exercises', 'nosuch'])).toContain('`itb --no-color exercises` lists them all.');
    expect(await said(['--no-color', 'buckets', 'reset'])).toContain('`itb --no-color buckets reset --force`');
    expect(await said(['--no-color', 'validate'])).toContain('`itb --no-color validate my-library.yaml`');
  });

  it('keeps --data and --no-color together', async () => {
    const hint = await said(['--no-color', '--data', 'my library.yaml', 'buckets', 'mov']);
    expect(hint).toContain("Did you mean `itb --no-color --data 'my library.yaml' buckets move`?");
  });

  it('adds nothing where colours are off without it (NO_COLOR), or were never turned off', async () => {
    expect(await said(['session', 'nosuch'], { NO_COLOR: '1' })).toContain('`itb routines` lists them.');
    expect(await said(['buckets', 'reset'])).toContain('`itb buckets reset --force`');
  });

  it('leaves both out of the help it points to: help is the same without them', async () => {
    const hint = await said(['--no-color', '--data', 'my-library.yaml', 'help', 'bukets']);
    expect(hint).toContain('Did you mean `itb help buckets`? `itb --help` lists them.');
  });
});
