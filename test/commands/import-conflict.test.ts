// A backup that disagrees with the store: the way out offered (start a store afresh from the
// file) says what of the store it would leave out, so that nothing goes missing unseen.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { sampleStore, sessionThree } from '../export/fixtures.js';
import { useBackupHomes } from '../helpers/backup-homes.js';
import { run } from '../helpers/run.js';

const NOW = new Date('2026-11-20T15:00:00.000Z');
const homes = useBackupHomes(NOW);

const oneLine = (text: string) => text.replace(/\s+/g, ' ');
const storeBytes = () => readFileSync(join(homes.target.home, 'store.json'));

describe('a backup holding a session that differs from the store', () => {
  it('names the sessions and manual moves only the store holds, which a store started afresh from the file would not have', async () => {
    // This computer has the sample history with one baseline told otherwise, and a session and a
    // manual move of its own since the backup was made.
    const mine = sampleStore();
    mine.sessions[1]!.baseline = 9;
    mine.sessions[1]!.attempts[0]!.before = 9;
    mine.sessions.push({ ...structuredClone(sessionThree), id: 'later-here', startedAt: '2026-11-02T12:00:00.000Z' });
    mine.moves.push({ exerciseId: 'clamshells', bucket: 'avoid', note: 'sore the next day', at: '2026-11-03T12:00:00.000Z' });
    await Store.open({ ITB_HOME: homes.target.home }).update(() => mine);
    const before = storeBytes();

    const result = await run(['import', homes.backup], { home: homes.target.home, now: NOW });
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toContain(
      `If the file's is the one to trust, move your store (${join(homes.target.home, 'store.json')}) away and import the file into an empty one. ` +
        'Your store also holds 1 session and 1 manual move that the file does not: the new store would not have them, though the one moved away keeps them.',
    );
    expect(storeBytes().equals(before)).toBe(true);
  });

  it('says nothing more when the file holds everything the store does', async () => {
    const mine = sampleStore();
    mine.sessions[2]!.movement = 'running';
    await Store.open({ ITB_HOME: homes.target.home }).update(() => mine);
    const result = await run(['import', homes.backup, '--dry-run'], { home: homes.target.home, now: NOW });
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toContain('import the file into an empty one.');
    expect(result.stderr).not.toContain('also holds');
  });
});
