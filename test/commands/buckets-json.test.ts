// `itb buckets --json` and the help: the documented keys, the notes beside the lists, and --json refused where it changes the buckets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreData } from '../../src/core/records.js';
import { Store } from '../../src/store/store.js';
import { documentedKeys } from '../helpers/json-shape.js';
import { run, tempHome } from '../helpers/run.js';
import { buildSession } from '../helpers/sessions.js';
import { libraryFile } from '../helpers/libraries.js';
import { now, sessions, withSessionsIn } from '../helpers/bucket-sessions.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const save = (mutate: (data: StoreData) => void) => Store.open({ ITB_HOME: home }).update(mutate);

const withSessions = () => withSessionsIn(home);

/** Hip hikes moved to rehab by hand with a note, then tested again by a session after it. */
async function movedThenTested(): Promise<void> {
  await run(['buckets', 'move', 'hip-hikes', 'rehab', '--note', 'PT: try again'], { home, now });
  await save((data) => void data.sessions.push(buildSession({ startedAt: '2026-03-01T13:00:00Z', baseline: 6, drills: [{ id: 'hip-hikes', scores: [4] }] })));
}

describe('itb buckets', () => {
  it('prints the documented JSON shape', async () => {
    await withSessions();
    const { code, stdout } = await run(['buckets', '--json'], { home, now });
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['schemaVersion', 'generatedAt', 'rehab', 'avoid', 'untested', 'advice', 'resetAt', 'ratingsMix', 'sidesApart', 'thresholdsUsed']);
    expect(json.schemaVersion).toBe(1);
    expect([json.resetAt, json.ratingsMix, json.sidesApart, json.thresholdsUsed]).toEqual([null, false, false, { minImprovement: [1], flareRise: [3] }]);
    expect(json.generatedAt).toBe(now.toISOString());
    expect(json.rehab).toEqual([
      {
        exerciseId: 'clamshells',
        name: 'Clamshells',
        bucket: 'rehab',
        decidedAt: sessions[1]!.results[0]!.at,
        source: 'session',
        flare: false,
        retestDue: false,
        evidence: { tested: 1, helped: 1, helpedOnRetry: 0, meanChange: -2, lastChange: -2, lastTestedAt: sessions[1]!.results[0]!.at, flares: 0, lastFlareAt: null, lastFlareSide: null, tooLowToShowHelp: 0, lastCouldNotShow: null, lastFallNeeded: null, sides: [{ side: 'left', tested: 1, helped: 1, meanChange: -2 }], lastSide: 'left', lastSymptom: 'pain', lastMovement: 'single-leg squat', partlyTimed: 0, lastHolds: [] },
        inLibrary: true,
      },
    ]);
    expect(json.avoid.map((s: { exerciseId: string; retestDue: boolean }) => [s.exerciseId, s.retestDue])).toEqual([
      ['hip-hikes', true],
      ['monster-walks', false],
    ]);
    expect(json.untested.some((s: { exerciseId: string }) => s.exerciseId === 'bridges')).toBe(true);
    expect(json.advice).toEqual([]);
  });

  it('gives in the JSON the notes the text gives beside the lists: when they were cleared, and that the evidence mixes ratings', async () => {
    await withSessions();
    const mixed = buildSession({ startedAt: '2026-02-27T09:00:00Z', symptom: 'tightness', baseline: 5, drills: [{ id: 'bridges', scores: [3] }] });
    await save((data) => void data.sessions.push(mixed));
    expect((await run(['buckets', 'reset', '--force'], { home, now })).code).toBe(0);
    const text = (await run(['buckets'], { home, now })).stdout.replace(/\s+/g, ' ');
    const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
    expect(json.resetAt).toBe(now.toISOString());
    expect(text).toContain('these sessions rated more than one symptom or test movement');
    expect(json.ratingsMix).toBe(true);
  });

  it('says under the lists when the evidence counts tests judged by different thresholds, and gives them in --json', async () => {
    await withSessions();
    // A skip judges nothing: its session's thresholds are not mixed in.
    await save((data) => void data.sessions.push(buildSession({ startedAt: '2026-02-28T08:00:00Z', baseline: 5, flareRise: 4, drills: [{ id: 'bridges', skipped: true }] })));
    expect((await run(['buckets'], { home, now })).stdout).not.toContain('different thresholds');
    // Then helping took a fall of 2 points: bridges from 6 to 4.
    await save((data) => void data.sessions.push(buildSession({ startedAt: '2026-02-28T09:00:00Z', baseline: 6, minImprovement: 2, drills: [{ id: 'bridges', scores: [4] }] })));
    const text = (await run(['buckets'], { home, now })).stdout.replace(/\s+/g, ' ');
    expect(text).toContain(
      'The evidence counts tests judged by different thresholds (a setting changed in between, or sessions from another computer): a drill helped when the score fell by at least 1 or 2 points. A report (`itb export`) says which sessions went by which.',
    );
    expect(JSON.parse((await run(['buckets', '--json'], { home, now })).stdout).thresholdsUsed).toEqual({ minImprovement: [1, 2], flareRise: [3] });
    // And a flare-up judged by two rises, said as help is: not "3 or 4 points or more".
    await save((data) => void data.sessions.push(buildSession({ startedAt: '2026-02-28T10:00:00Z', baseline: 4, flareRise: 4, drills: [{ id: 'clamshells', scores: [8] }] })));
    expect((await run(['buckets'], { home, now })).stdout.replace(/\s+/g, ' ')).toContain(
      'a drill helped when the score fell by at least 1 or 2 points; a flare-up was a rise of at least 3 or 4 points. A report',
    );
  });

  it('is shown in the README with the keys --json prints', async () => {
    await withSessions();
    const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    expect(readme.slice(readme.indexOf('### JSON for scripts'))).toContain(`| \`itb buckets --json\` | \`{ ${Object.keys(json).join(', ')} }\``);
  });

  it('has help with examples', async () => {
    const { code, stdout } = await run(['buckets', '--help'], { home });
    expect(code).toBe(0);
    expect(stdout).toContain('Examples:');
    expect(stdout).toContain('itb buckets move');
  });

  it('says in its help, under the shape, what each --json field of a drill holds, and every kind of advice', async () => {
    await withSessions();
    await run(['buckets', 'move', 'bridges', 'avoid', '--note', 'sore'], { home, now });
    await movedThenTested();
    const help = (await run(['buckets', '--help'], { home })).stdout;
    const notes = help.slice(help.indexOf('} }') + 3).replace(/\s+/g, ' ');
    const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
    const drills = [...json.rehab, ...json.avoid, ...json.untested];
    // exerciseId, name and bucket say what they are; every other key is explained.
    const keys = new Set(drills.flatMap((drill: object) => Object.keys(drill)).filter((key) => !['exerciseId', 'name', 'bucket'].includes(key)));
    for (const key of [...keys, ...Object.keys(drills[0].evidence)]) expect(notes, key).toMatch(new RegExp(`\\b${key}\\b`));
    for (const id of ['rest-after-flare-up', 'loading-spacing', 'see-a-professional']) expect(notes).toContain(`"${id}" (`);
  });

  it('documents in its help every key --json prints', async () => {
    await withSessions();
    await run(['buckets', 'move', 'bridges', 'avoid', '--note', 'sore'], { home, now });
    await movedThenTested();
    const help = (await run(['buckets', '--help'], { home })).stdout;
    const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
    expect(documentedKeys(help, 'prints')).toEqual(Object.keys(json));
    const drills = [...json.rehab, ...json.avoid, ...json.untested];
    const printed = new Set(drills.flatMap((drill: object) => Object.keys(drill)));
    expect(documentedKeys(help, 'drill').sort()).toEqual([...printed].sort());
    expect(documentedKeys(help, 'evidence').sort()).toEqual(Object.keys(drills[0].evidence).sort());
  });
});

describe('--json with a command that changes the buckets', () => {
  it('is refused before anything changes, wherever it is written', async () => {
    await withSessions();
    const bytes = readFileSync(join(home, 'store.json'));
    for (const argv of [['buckets', 'move', 'clamshells', 'avoid', '--json'], ['buckets', '--json', 'move', 'clamshells', 'avoid'], ['buckets', 'reset', '--force', '--json']]) {
      const refused = await run(argv, { home, now });
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(new RegExp(`^error: --json is for showing the buckets: itb buckets ${argv.includes('reset') ? 'reset' : 'move'} changes them and prints no JSON\n`));
      expect(refused.stderr).toContain('Leave --json out; `itb buckets --json` shows the buckets after.');
    }
    expect(readFileSync(join(home, 'store.json'))).toEqual(bytes);
  });

  it('gives the command that shows the buckets as itb was started, with its library file', async () => {
    await withSessions();
    const library = libraryFile('good.yaml');
    const refused = await run(['--data', library, 'buckets', 'move', 'clamshells', 'avoid', '--json'], { home, now, env: { npm_lifecycle_event: 'npx' } });
    expect(refused.code).toBe(2);
    expect(refused.stderr.replace(/\s+/g, ' ')).toContain(`Leave --json out; \`npx itb --data ${library} buckets --json\` shows the buckets after.`);
  });
});
