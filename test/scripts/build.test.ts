// The build runs in `npm install` (the prepare script), wherever the project was downloaded to: a
// folder whose name holds a space, an accent or a # must build as well as any other, or the
// first command of the Quick start fails before itb has even started.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

describe('the build, in a folder named like a person names folders', () => {
  let base: string;
  let project: string;
  const node = (...argv: string[]) =>
    spawnSync(process.execPath, argv, { cwd: project, encoding: 'utf8', env: { ...process.env, ITB_HOME: join(base, 'home'), NO_COLOR: '1' } });

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'itb-build-'));
    project = join(base, 'My files #1 – café', 'itb');
    mkdirSync(project, { recursive: true });
    for (const part of ['package.json', 'bin', 'data', 'scripts', 'src']) cpSync(join(root, part), join(project, part), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'), 'dir');
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('builds dist/, and the built itb runs', () => {
    const built = node('scripts/build.mjs');
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    // Only what itb runs: the build's own checker is not left behind in dist/.
    expect(readdirSync(join(project, 'dist')).filter((name) => name.endsWith('.mjs'))).toEqual([]);
    const run = node('bin/itb.js', '--version');
    expect(run.stdout.trim()).toBe(version);
    expect(run.status).toBe(0);
  });

  it('writes the JSON Schema of the export with `npm run schema`', () => {
    const written = node('scripts/schema.mjs');
    expect(written.status).toBe(0);
    expect(readFileSync(join(project, 'schema/itb-export.schema.json'), 'utf8')).toBe(readFileSync(join(root, 'schema/itb-export.schema.json'), 'utf8'));
  });

  it('stops at a character beyond Latin-1 left as typed in a bundle, naming it and its escape', () => {
    // In a regular expression esbuild keeps an em dash as typed, which would make the whole
    // bundle two bytes a character.
    const source = join(project, 'src/core/session.ts');
    const before = readFileSync(source, 'utf8');
    expect(before).toContain(String.raw`|\u2014|`);
    writeFileSync(source, before.replace(String.raw`|\u2014|`, '|—|'));
    try {
      const built = node('scripts/build.mjs');
      expect(built.status).toBe(1);
      expect(built.stderr).toMatch(/^dist\/\S+\.cjs holds "—" \(U\+2014\) in: .*\|—\|/m);
      expect(built.stderr).toContain(String.raw`Write it as \u2014 in the source`);
    } finally {
      writeFileSync(source, before);
    }
    expect(node('scripts/build.mjs').status).toBe(0);
  });

  it('names the place of a mistake in the code, without a stack trace of the build tool under it', () => {
    const source = join(project, 'src/core/text.ts');
    writeFileSync(source, `${readFileSync(source, 'utf8')}\nexport const unfinished = ;\n`);
    const built = node('scripts/build.mjs');
    expect(built.status).toBe(1);
    expect(built.stderr).toMatch(/src\/core\/text\.ts:\d+:\d+/);
    expect(built.stderr).toContain('The build stopped at the error above.');
    expect(built.stderr).not.toMatch(/^\s+at /m);
  });
});
