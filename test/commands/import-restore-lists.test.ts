// What a restore onto a new computer says of the lists it gives, when they are not the lists the
// file shows: a backup of a period, or one with a session taken out by hand.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportFile } from '../../src/export/schema.js';
import { useBackupHomes } from '../helpers/backup-homes.js';
import { run, tempHome } from '../helpers/run.js';

const NOW = new Date('2026-11-20T15:00:00.000Z');
const homes = useBackupHomes(NOW);

const oneLine = (text: string) => text.replace(/\s+/g, ' ');
const restore = (file: string, ...flags: string[]) => run(['import', file, ...flags], { home: homes.target.home, now: NOW });
const bucketsAfter = async () => JSON.parse((await run(['buckets', '--json'], { home: homes.target.home, now: NOW })).stdout) as Record<'rehab' | 'avoid', unknown[]>;

describe('a restore whose lists are not the ones the file shows', () => {
  it('counts the lists of a backup of a period as restored, beside the lists the file shows, rather than as the file has them', async () => {
    // The file's lists count every session up to its end: 4 in rehab and 3 set aside. Its records
    // are those from 2026-10-09 on, which put 1 drill in each.
    const part = join(homes.source.home, 'part.json');
    expect((await run(['export', '--since', '2026-10-09', '-o', part], { home: homes.source.home, now: NOW })).code).toBe(0);
    const file = JSON.parse(readFileSync(part, 'utf8')) as ExportFile;
    expect([file.buckets.rehab.length, file.buckets.avoid.length]).toEqual([4, 3]);

    const dryRun = await restore(part, '--dry-run');
    expect(oneLine(dryRun.stderr)).toContain("Your buckets would hold 1 in rehab, 1 in avoid for now (`itb buckets` shows them), where the file's lists have 4 in rehab, 3 in avoid for now.");
    const restored = await restore(part);
    expect(restored.code, restored.stderr).toBe(0);
    expect(oneLine(restored.stderr)).toContain("Your buckets now hold 1 in rehab, 1 in avoid for now (`itb buckets` shows them), where the file's lists have 4 in rehab, 3 in avoid for now.");
    expect(restored.stderr).not.toContain('as the file has them');
    const lists = await bucketsAfter();
    expect([lists.rehab.length, lists.avoid.length]).toEqual([1, 1]);
  });

  it('does the same for a backup with a session taken out in a text editor, and still says "as the file has them" of a whole backup', async () => {
    const file = JSON.parse(readFileSync(homes.backup, 'utf8')) as ExportFile;
    // The session of 2026-10-08 put Clamshells in rehab and Hip hikes in avoid for now.
    file.sessions = file.sessions.filter((session) => !session.startedAt.startsWith('2026-10-08'));
    const cut = join(homes.target.home, 'cut.json');
    writeFileSync(cut, JSON.stringify(file, null, 2));
    const restored = await restore(cut);
    expect(restored.code, restored.stderr).toBe(0);
    expect(oneLine(restored.stderr)).toContain("Your buckets now hold 3 in rehab, 2 in avoid for now (`itb buckets` shows them), where the file's lists have 4 in rehab, 3 in avoid for now.");
    expect(oneLine(restored.stderr)).toContain('The bucket lists in the file do not agree with its sessions');

    const whole = tempHome();
    try {
      const again = await run(['import', homes.backup], { home: whole.home, now: NOW });
      expect(oneLine(again.stderr)).toContain('Your buckets are now as the file has them: 4 in rehab, 3 in avoid for now (`itb buckets` shows them).');
    } finally {
      whole.cleanup();
    }
  });
});
