// The md and html reports say which exercise library gave the drills' names, doses and routines:
// the built-in one, or the file of the person's own, by its name alone.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { sampleStore } from '../export/fixtures.js';
import { libraryFile } from '../helpers/libraries.js';
import { run, tempHome } from '../helpers/run.js';

const NOW = new Date('2026-11-20T15:00:00.000Z');
let home: string;
let cleanup: () => void;
/** A copy of a good library file in a folder named like a person's own. */
let own: string;

beforeEach(async () => {
  ({ home, cleanup } = tempHome());
  await Store.open({ ITB_HOME: home }).update(() => sampleStore());
  const folder = join(home, 'sam.lee', 'Downloads');
  mkdirSync(folder, { recursive: true });
  own = join(folder, 'knee-plan-<march>.yaml');
  copyFileSync(libraryFile('good.yaml'), own);
});
afterEach(() => cleanup());

const exportWith = async (args: string[], env: Record<string, string> = {}) => {
  const result = await run([...args], { home, now: NOW, env });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
};
/** The Markdown report's header line, the one that gives its period. */
const mdHead = (md: string) => md.split('\n').find((line) => line.startsWith('Generated '));
/** The HTML report's header line. */
const htmlHead = (html: string) => /<p class="meta">(.*?)<\/p>/.exec(html)?.[1];

describe('the exercise library on the md and html reports', () => {
  it('is said to be the built-in one without a file of ones own', async () => {
    expect(mdHead(await exportWith(['export']))).toContain(' · exercise library: built-in');
    expect(htmlHead(await exportWith(['export', '--format', 'html']))).toContain(' · exercise library: built-in');
  });

  it('is the file given with --data, by its name alone, before the patient', async () => {
    const md = mdHead(await exportWith(['--data', own, 'export', '--name', 'Sam Lee']));
    expect(md).toMatch(/ · exercise library: file knee-plan-\\<march\\>\.yaml · patient: Sam Lee$/);
    expect(md).not.toContain('sam.lee');
    expect(md).not.toContain('built-in');
    const html = htmlHead(await exportWith(['--data', own, 'export', '--format', 'html']));
    expect(html).toContain(' · exercise library: file <bdi>knee-plan-&lt;march&gt;.yaml</bdi>');
    expect(html).not.toContain('Downloads');
  });

  it('is the file ITB_DATA names, by its name alone', async () => {
    const md = mdHead(await exportWith(['export'], { ITB_DATA: own }));
    expect(md).toContain(' · exercise library: file knee-plan-\\<march\\>.yaml');
    expect(md).not.toContain('Downloads');
    const html = htmlHead(await exportWith(['export', '--format', 'html'], { ITB_DATA: own }));
    expect(html).toContain(' · exercise library: file <bdi>knee-plan-&lt;march&gt;.yaml</bdi>');
  });
});

describe('a library file name holding a character a terminal obeys', () => {
  it('is written with that character as an escape', async () => {
    const odd = join(home, 'plan\u001b[2J.yaml');
    copyFileSync(libraryFile('good.yaml'), odd);
    const md = mdHead(await exportWith(['--data', odd, 'export']));
    expect(md).toContain('exercise library: file plan\\\\u001b\\[2J.yaml');
    expect(md).not.toContain('\u001b');
  });
});
