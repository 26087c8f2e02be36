// A store given to `itb import` in place of a backup: the backup it says to make from it is one
// its command writes, where the person is, beside a backup made earlier.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBackupHomes } from '../helpers/backup-homes.js';
import { run } from '../helpers/run.js';
import { importInto, NOW } from '../helpers/import-backup.js';
import { shortTempFolder } from '../helpers/temp-folder.js';

const homes = useBackupHomes(NOW);

describe('itb import given a store', () => {
  it('says to make a backup under a name not taken where it runs, and that command writes it', async () => {
    const folder = mkdtempSync(join(shortTempFolder(), 'itb-where-'));
    const cwd = process.cwd();
    process.chdir(folder);
    try {
      writeFileSync('backup.json', '{}');
      const store = join(homes.source.home, 'store.json');
      const result = await importInto(homes.target.home, [store]);
      expect(result.code).toBe(2);
      const command = `ITB_HOME=${homes.source.home} itb export --format json -o backup-2.json`;
      expect(result.stderr.replace(/\s+/g, ' ')).toContain(`make a backup from it (\`${command}\`) and import that.`);
      const made = await run(command.split(' ').slice(2), { home: homes.source.home, now: NOW });
      expect(made.code).toBe(0);
      expect(existsSync('backup-2.json')).toBe(true);
      expect((await importInto(homes.target.home, ['backup-2.json'])).code).toBe(0);
    } finally {
      process.chdir(cwd);
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
