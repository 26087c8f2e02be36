// Each refusal of `itb import` that says what writes a backup names the command a person types to
// make one, `itb export -o backup.json` (the format follows the file's extension).
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportFile } from '../../src/export/schema.js';
import { useBackupHomes } from '../helpers/backup-homes.js';
import { run } from '../helpers/run.js';

const NOW = new Date('2026-11-20T15:00:00.000Z');
const homes = useBackupHomes(NOW);
const MAKE = '`itb export -o backup.json`';

/** A file named `name` in the home imported into, holding `content`. */
function given(name: string, content: string | Buffer): string {
  const path = join(homes.target.home, name);
  writeFileSync(path, content);
  return path;
}

/** The backup as itb wrote it, changed by `edit`. */
function edited(edit: (file: ExportFile) => void): string {
  const file = JSON.parse(readFileSync(homes.backup, 'utf8')) as ExportFile;
  edit(file);
  return given('edited.json', JSON.stringify(file, null, 2));
}

describe('itb import, refusing a file, names the command that writes a backup', () => {
  it.each([
    ['an empty file', () => given('empty.json', ''), `An itb backup is written by ${MAKE}; if a copy`],
    ['a file that is not JSON', () => given('broken.json', '{ "sessions": [ nope'), `An itb backup is written by ${MAKE}; check the file`],
    ['a file in another encoding', () => given('latin.json', Buffer.from('{"note": "caf\xe9"}', 'latin1')), `A backup written by ${MAKE} is UTF-8`],
    ['what another command prints', () => given('history.json', JSON.stringify({ schemaVersion: 1, generatedAt: NOW.toISOString(), sessions: [], unlisted: 0, trend: [], advice: [] })), `A backup is written by ${MAKE}.`],
    ['a backup edited so that it no longer fits', () => edited((file) => ((file as { sessions: unknown }).sessions = 'none')), `A backup as ${MAKE} wrote it always passes`],
    ['JSON of another kind', () => given('other.json', JSON.stringify({ hello: 'world' })), `Use a file written by ${MAKE}.`],
    ['a session under an id used twice', () => edited((file) => file.sessions.push({ ...file.sessions[0]! })), `A file written by ${MAKE} holds each session once`],
    ['records that contradict each other', () => edited((file) => (file.sessions[1]!.attempts[0]!.verdict = 'flare')), `A file written by ${MAKE} always agrees with itself`],
    [
      'a file larger than itb imports',
      () => {
        const huge = given('huge.json', '');
        truncateSync(huge, 100 * 1024 * 1024 + 1);
        return huge;
      },
      `check that this is a file written by ${MAKE}.`,
    ],
  ])('%s', async (_, file, said) => {
    const result = await run(['import', file()], { home: homes.target.home, now: NOW });
    expect(result.code).toBe(2);
    const stderr = result.stderr.replace(/\s+/g, ' ');
    expect(stderr).toContain(said);
    expect(stderr).not.toContain('--format json');
  });

  it('in its help', async () => {
    const help = await run(['import', '--help']);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain(`file a file written by ${MAKE}`);
  });
});
