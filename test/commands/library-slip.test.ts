import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { run, tempHome } from '../helpers/run.js';
import { buildSession } from '../helpers/sessions.js';
import { libraryFile } from '../helpers/libraries.js';

// A library file with a slip in it stops a command that needs it: a person with results is told
// they are kept, and what that same command does meanwhile with the built-in library.
let home: string;
let cleanup: () => void;
let mine: string;
beforeEach(() => {
  ({ home, cleanup } = tempHome());
  mine = join(home, 'my-library.yaml');
  writeFileSync(mine, readFileSync(libraryFile('good.yaml'), 'utf8').replace('    side: opposite', '    side: oposite'));
});
afterEach(() => cleanup());

const now = new Date('2026-03-01T12:00:00Z');
const said = (result: { stderr: string }) => result.stderr.replace(/\s+/g, ' ').trim();
const slip = () => `${mine}:39:5 exercises.1.side must be one of: painful, opposite, both, none (not "oposite"); did you mean "opposite"? error: 1 problem in the exercise library ${mine} Fix it and run \`itb validate ${mine}\` to check again.`;
const withSession = () =>
  Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(buildSession({ startedAt: '2026-02-20T09:00:00Z', baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] })));

// Each command that stops, as typed, and what it says it does meanwhile.
const commands: [string[], string][] = [
  [['export'], '`itb export` without --data writes the report meanwhile'],
  [['session'], '`itb session` without --data runs one meanwhile'],
  [['exercises'], '`itb exercises` without --data lists the drills meanwhile'],
  [['exercises', 'clamshells'], '`itb exercises` without --data lists the drills meanwhile'],
  [['routines'], '`itb routines` without --data lists the routines meanwhile'],
  [['settings', 'movement', 'stairs'], '`itb buckets` without --data shows them meanwhile'],
  [['buckets', 'move', 'clamshells', 'avoid'], '`itb buckets` without --data shows them meanwhile'],
];

describe('a slip in the library file in use', () => {
  it.each(commands)('stops itb %j, saying the results are kept and how to go on meanwhile', async (words, meanwhile) => {
    await withSession();
    const result = await run(['--data', mine, ...words], { home, now, tty: true });
    expect(result.code).toBe(2);
    expect(said(result)).toBe(`${slip()} Your sessions and buckets are kept as they were: ${meanwhile}, with the built-in library.`);
  });

  it('named by ITB_DATA, gives the command with ITB_DATA set empty, as a plain one would read the file again', async () => {
    await withSession();
    const result = await run(['export', '-o', join(home, 'report.md')], { home, now, env: { ITB_DATA: mine, npm_lifecycle_event: 'npx' } });
    expect(said(result)).toContain(' to check again. Your sessions and buckets are kept as they were: `ITB_DATA= npx itb export` writes the report meanwhile, with the built-in library.');
  });

  it('counts a move by hand as results to keep', async () => {
    await run(['buckets', 'move', 'clamshells', 'rehab'], { home, now });
    expect(said(await run(['--data', mine, 'routines'], { home, now }))).toContain('Your sessions and buckets are kept as they were');
  });

  it.each(commands)('adds nothing to itb %j while there are no results to keep', async (words) => {
    const result = await run(['--data', mine, ...words], { home, now, tty: true });
    expect(result.code).toBe(2);
    expect(said(result)).toBe(slip());
  });

  it('does not stop itb history, whose list is the store\'s alone, and names the slip in a note', async () => {
    await withSession();
    const result = await run(['--data', mine, 'history'], { home, now });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2026-02-20');
    expect(result.stderr.replace(/\s+/g, ' ')).toContain(`note: 1 problem in the exercise library ${mine}, so the advice under the history goes without it.`);
  });
});
