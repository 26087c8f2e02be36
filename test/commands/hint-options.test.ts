// The commands an error suggests keep itb's own options as typed: --data, since the drills and
// routines they name are that library's, and --no-color, so that the copy shows as plainly.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

  it('keeps --no-color in the commands a damaged store and a backup given as a library suggest, with the library file where they name it', async () => {
    const damaged = tempHome();
    try {
      writeFileSync(join(damaged.home, 'store.json'), '{"schemaVersion": 2, "sessions": [');
      for (const argv of [['--no-color', 'buckets'], ['history', '--no-color']]) {
        const { code, stderr } = await run(argv, { home: damaged.home });
        expect(code).toBe(2);
        expect(stderr.replace(/\n/g, ' ')).toContain('run `itb --no-color import FILE`.');
      }
      writeFileSync(join(damaged.home, 'store.json'), JSON.stringify({ schemaVersion: 2, exportedAt: '2026-11-01T09:00:00.000Z', sessions: [] }));
      const backup = await run(['buckets', '--no-color'], { home: damaged.home });
      expect(backup.stderr.replace(/\n/g, ' ')).toContain(`a backup written by \`itb --no-color export\`, put in the store's place`);
      expect(backup.stderr.replace(/\n/g, ' ')).toContain(`bring it in with \`itb --no-color import ${join(damaged.home, 'backup.json')}\`.`);
      // The same file given as a library: each command it names, as typed.
      const library = join(damaged.home, 'store.json');
      const asLibrary = await run(['--no-color', '--data', library, 'routines'], { home });
      expect(asLibrary.stderr).toContain('`itb --no-color import` reads a backup');
      const validated = await run(['--no-color', 'validate', library], { home });
      expect(validated.stdout).toContain('`itb --no-color import` reads a backup');
      const broken = join(damaged.home, 'broken.yaml');
      writeFileSync(broken, 'version: 1\nexercises: []\nroutines: [\n');
      expect(await said(['--no-color', '--data', broken, 'routines'])).toContain(`\`itb --no-color validate ${broken}\``);
    } finally {
      damaged.cleanup();
    }
  });

  it('adds it to no command a store error names without --no-color typed', async () => {
    const damaged = tempHome();
    try {
      writeFileSync(join(damaged.home, 'store.json'), '{"schemaVersion": 2, "sessions": [');
      expect((await run(['buckets'], { home: damaged.home })).stderr.replace(/\n/g, ' ')).toContain('run `itb import FILE`.');
    } finally {
      damaged.cleanup();
    }
  });
});
