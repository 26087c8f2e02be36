// itb as a person installs it from its package (`npm pack`, then `npm install -g` of the file),
// not run inside this folder: the package holds what the program needs and nothing else, the
// program finds its library wherever it is installed and from any folder, writes nothing there,
// and says plainly when the computer's Node is too old for it.
// Needs `npm run build` first (`npm test` does it).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempHome } from '../helpers/run.js';

const root = join(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; engines: { node: string } };

let scratch: ReturnType<typeof tempHome>;
beforeAll(() => {
  if (!existsSync(join(root, 'dist/cli.cjs'))) throw new Error('dist/ is missing: run `npm run build` before the end-to-end tests');
  scratch = tempHome();
});
afterAll(() => scratch?.cleanup());

/** Runs `node [preload] itb.js argv` in `cwd`, with nothing of this folder's environment but PATH. */
function itb(bin: string, argv: string[], cwd: string, preload: string[] = []) {
  const result = spawnSync(process.execPath, [...preload, bin, ...argv], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ITB_HOME: join(scratch.home, 'home'), NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the package', () => {
  it('asks for the Node versions its prompts run on', () => {
    const prompts = JSON.parse(readFileSync(join(root, 'node_modules/@inquirer/core/package.json'), 'utf8')) as { engines: { node: string } };
    const ranges = (engines: string) => engines.split('||').map((range) => range.trim()).sort();
    expect(ranges(pkg.engines.node)).toEqual(ranges(prompts.engines.node));
  });
});

describe('a Node older than the one itb needs', () => {
  // Node as it reports itself to a program, set before itb starts.
  const asNode = (version: string): string[] => {
    const preload = join(scratch.home, `node-${version}.cjs`);
    writeFileSync(preload, `Object.defineProperty(process.versions, 'node', { value: ${JSON.stringify(version)} });\n`);
    return ['--require', preload];
  };
  const bin = join(root, 'bin/itb.js');

  it.each(['18.19.1', '20.5.0', '20.16.0', '21.7.3', '22.12.0', '23.4.0'])('%s is named, with where to get a newer one, before anything runs', (version) => {
    const { code, stdout, stderr } = itb(bin, ['--version'], root, asNode(version));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `error: this computer has Node.js ${version}, and itb needs a newer one:\n` +
        '20.17 or a later 20, 22.13 or a later 22, or 23.5 or later.\n' +
        'Install the current LTS version from https://nodejs.org, then run itb again.\n',
    );
  });

  it.each(['20.17.0', '22.13.0', '23.5.0', '24.0.0'])('%s runs itb', (version) => {
    const { code, stdout } = itb(bin, ['--version'], root, asNode(version));
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(pkg.version);
  });
});
