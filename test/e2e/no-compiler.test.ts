// The Quick start's `npm install` on a computer without a C++ compiler (a fresh Linux desktop,
// say): only the end-to-end tests' terminal (node-pty) needs one, and on Linux npm builds it from
// source. Its failure must not stop the install of itb itself, which then runs.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempHome } from '../helpers/run.js';

const root = join(import.meta.dirname, '../..');
const scratch = tempHome();
afterAll(() => scratch.cleanup());

describe.runIf(process.platform === 'linux')('npm install without a C++ compiler', () => {
  it('installs and builds itb, leaving out only the tests\' terminal, and itb runs', () => {
    const copy = join(scratch.home, 'itb copy');
    // The project as a fresh clone has it: no installed packages, no build.
    const skipped = new Set(['node_modules', 'dist', '.git']);
    cpSync(root, copy, { recursive: true, filter: (source) => !skipped.has(relative(root, source).split(/[\\/]/)[0]!) });
    const env = { ...process.env, CC: '/bin/false', CXX: '/bin/false', npm_config_audit: 'false', npm_config_fund: 'false' };
    const install = spawnSync('npm', ['install', '--prefer-offline'], { cwd: copy, env, encoding: 'utf8', timeout: 280_000 });
    expect(install.status, install.stderr).toBe(0);
    // node-pty comes ready-built for macOS and Windows only: here it could not be built, and was left out.
    expect(existsSync(join(copy, 'node_modules/node-pty'))).toBe(false);
    const version = spawnSync(process.execPath, [join(copy, 'bin/itb.js'), '--version'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ITB_HOME: join(scratch.home, 'home') } });
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  }, 300_000);
});
