// Every file itb writes holds health data, so each is private whatever the umask of the shell it
// runs from: the store and the files beside it 0600, the folders it makes 0700, and every export
// 0600, in a folder others may read too. The built binary is run from a shell whose umask lets
// everyone read and write (000), as the usual one (022), and as a private one (077).
// Needs `npm run build` first (`npm test` does it).
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/pty.js';
import { tempHome } from '../helpers/run.js';

let root: string;
let cleanup: () => void;
beforeEach(() => {
  ({ home: root, cleanup } = tempHome());
});
afterEach(() => cleanup());

/** The binary run with `umask`, its store in `home`, from `root`. */
function itb(umask: string, home: string, args: string[]) {
  const quoted = args.map((arg) => `'${arg}'`).join(' ');
  const result = spawnSync('sh', ['-c', `umask ${umask} && exec "${process.execPath}" "${BIN}" ${quoted}`], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ITB_HOME: home, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(result.stderr, args.join(' ')).not.toContain('error');
  expect(result.status, args.join(' ')).toBe(0);
}

/** Each file and folder under `folder` (itself left out) with its mode, as `name mode`. */
function modes(folder: string, prefix = ''): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    const stats = lstatSync(path);
    const line = `${prefix}${name} ${(stats.mode & 0o777).toString(8)}`;
    return stats.isDirectory() ? [line, ...modes(path, `${prefix}${name}/`)] : [line];
  });
}

describe.skipIf(process.platform === 'win32')('files itb writes, under any umask', () => {
  for (const umask of ['000', '022', '077']) {
    it(`are private under umask ${umask}, in a new folder and in one others may read`, () => {
      // A new ITB_HOME two folders deep, and an existing one others may read.
      const fresh = join(root, 'new', 'itb');
      const shared = join(root, 'shared');
      mkdirSync(shared);
      chmodSync(shared, 0o755);
      for (const home of [fresh, shared]) {
        itb(umask, home, ['buckets', 'move', 'clamshells', 'avoid', '--note', 'hurts']);
        itb(umask, home, ['settings', 'minImprovement', '2']);
        itb(umask, home, ['buckets']);
      }
      const reports = join(root, 'reports');
      mkdirSync(reports);
      chmodSync(reports, 0o777);
      writeFileSync(join(reports, 'old.md'), 'last week', { mode: 0o644 });
      chmodSync(join(reports, 'old.md'), 0o644);
      for (const file of ['report.md', 'report.csv', 'report.html', 'backup.json', 'visit.fhir.json']) itb(umask, fresh, ['export', '-o', join(reports, file)]);
      itb(umask, fresh, ['export', '-o', join(reports, 'old.md'), '--force']);

      const store = ['store.json 600', 'store.json.checked 600', 'store.json.summary 600'];
      expect(modes(join(root, 'new')).sort()).toEqual(['itb 700', ...store.map((line) => `itb/${line}`)]);
      expect(lstatSync(join(root, 'new')).mode & 0o777).toBe(0o700);
      expect(modes(shared).sort()).toEqual(store);
      expect(modes(reports).sort()).toEqual(['backup.json 600', 'old.md 600', 'report.csv 600', 'report.html 600', 'report.md 600', 'visit.fhir.json 600']);
    });
  }
});
