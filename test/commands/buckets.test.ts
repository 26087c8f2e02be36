import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session, StoreData } from '../../src/core/records.js';
import { projectBuckets } from '../../src/core/projection.js';
import { localDate } from '../../src/core/history.js';
import { Store } from '../../src/store/store.js';
import { documentedKeys } from '../helpers/json-shape.js';
import { run, tempHome } from '../helpers/run.js';
import { onTerminal } from '../helpers/terminal.js';
import { CTRL_C } from '../helpers/scripted.js';
import { buildSession } from '../helpers/sessions.js';
import { libraryFile } from '../helpers/libraries.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const now = new Date('2026-03-01T12:00:00Z');
const save = (mutate: (data: StoreData) => void) => Store.open({ ITB_HOME: home }).update(mutate);
const stored = () => Store.open({ ITB_HOME: home }).read();

const sessions: Session[] = [
  // Long ago: hip hikes set aside, now due for re-test (14 days).
  buildSession({ startedAt: '2026-02-01T09:00:00Z', baseline: 6, drills: [{ id: 'hip-hikes', scores: [6, 7] }] }),
  buildSession({
    startedAt: '2026-02-27T09:00:00Z',
    baseline: 6,
    drills: [
      { id: 'clamshells', name: 'Clamshells', scores: [4] },
      { id: 'monster-walks', name: 'Monster walks', scores: [7] }, // 4 -> 7: a flare
      { id: 'bridges', skipped: true },
    ],
  }),
];

async function withSessions(): Promise<void> {
  await save((data) => void data.sessions.push(...sessions));
}

/** Hip hikes moved to rehab by hand with a note, then tested again by a session after it. */
async function movedThenTested(): Promise<void> {
  await run(['buckets', 'move', 'hip-hikes', 'rehab', '--note', 'PT: try again'], { home, now });
  await save((data) => void data.sessions.push(buildSession({ startedAt: '2026-03-01T13:00:00Z', baseline: 6, drills: [{ id: 'hip-hikes', scores: [4] }] })));
}

describe('itb buckets', () => {
  it('says there is nothing yet on an empty store', async () => {
    const result = await run(['buckets'], { home, now });
    expect(result.code).toBe(0);
    expect(result.stdout.replace(/\s+/g, ' ')).toBe('No sessions yet. Run `itb session` to try your first drills; what helps will show up here. ');
  });

  it('suggests the rehab routine for after the 48 hours when its drills are all strength drills tried within them', async () => {
    // Three hours ago, clamshells helped in a strength session: the rehab routine holds only them.
    await save((data) => {
      data.sessions.push(buildSession({ startedAt: '2026-03-01T09:00:00Z', routine: 'strength', loading: true, baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] }));
    });
    const strengthOnly = await run(['buckets'], { home, now });
    expect(strengthOnly.stdout).toMatch(/^Next: itb session rehab {8}run your rehab routine, from 2026-03-03 05:30$/m);
    // With a gentle drill beside them, the rehab routine has something to offer today.
    await save((data) => {
      data.sessions.push(buildSession({ startedAt: '2026-03-01T10:00:00Z', baseline: 4, drills: [{ id: 'lateral-ankle-tilts', scores: [3] }] }));
    });
    const mixed = await run(['buckets'], { home, now });
    expect(mixed.stdout).toMatch(/^Next: itb session rehab {8}run your rehab routine$/m);
  });

  it('offers the rehab routine of strength drills at once when it was left part way today, as the advice says it can go on', async () => {
    // Clamshells and bridges helped weeks ago; three hours ago the rehab routine was stopped after clamshells.
    await save((data) => {
      data.sessions.push(
        buildSession({ startedAt: '2026-02-10T09:00:00Z', routine: 'strength', loading: true, baseline: 6, drills: [{ id: 'clamshells', scores: [5] }, { id: 'bridges', scores: [4] }] }),
        buildSession({ startedAt: '2026-03-01T09:00:00Z', routine: 'rehab', loading: true, status: 'stopped', baseline: 5, drills: [{ id: 'clamshells', scores: [4] }] }),
      );
    });
    const result = await run(['buckets'], { home, now });
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('The rehab routine you left part way today, for your left side, can go on later today');
    expect(result.stdout).toMatch(/^Next: itb session rehab {8}run your rehab routine$/m);
    const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
    expect(json.advice).toEqual([expect.objectContaining({ id: 'loading-spacing', readyAt: '2026-03-03T09:00:00.000Z', goesOnToday: 'rehab' })]);
  });

  it('after a flare-up today, advises rest and leaves the next session for another day', async () => {
    // 08:30 in St. John's; clamshells helped at 07:01, hip hikes rose 3 → 7 at 07:02.
    await save((data) => {
      data.sessions.push(buildSession({ startedAt: '2026-03-01T10:30:00Z', baseline: 4, drills: [{ id: 'clamshells', scores: [3] }, { id: 'hip-hikes', scores: [7] }] }));
    });
    const today = await run(['buckets'], { home, now });
    expect(today.stdout).toMatch(/^Advice\n {2}- A drill flared up today, at 07:02\. After a flare-up, take it easy for the\n/m);
    expect(today.stdout).toMatch(/^Next: itb session rehab {8}run your rehab routine, on another day$/m);
    const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
    expect(json.advice.map((item: { id: string }) => item.id)).toEqual(['rest-after-flare-up']);
    // The next morning, the rehab routine is simply offered again.
    const tomorrow = await run(['buckets'], { home, now: new Date('2026-03-02T12:00:00Z') });
    expect(tomorrow.stdout).not.toContain('flared up today');
    expect(tomorrow.stdout).toMatch(/^Next: itb session rehab {8}run your rehab routine$/m);
  });

  it('suggests the re-test routine for after the 48 hours when the drills due are all strength drills', async () => {
    // Hip hikes were set aside four weeks ago; clamshells, yesterday at 09:00 St. John's time,
    // in a strength session: of the two, only hip hikes are due, and they are a strength drill.
    await save((data) => {
      data.sessions.push(
        buildSession({ startedAt: '2026-02-01T12:30:00Z', routine: 'strength', loading: true, baseline: 6, drills: [{ id: 'hip-hikes', scores: [6, 6] }] }),
        buildSession({ startedAt: '2026-02-28T12:30:00Z', routine: 'strength', loading: true, baseline: 6, drills: [{ id: 'clamshells', scores: [6, 6] }] }),
      );
    });
    const strengthOnly = await run(['buckets'], { home, now });
    // Too long to stand beside the command on 80 columns, what it does goes under it.
    expect(strengthOnly.stdout).toMatch(/^Next: itb session retest\n {8}re-test 1 drill set aside for now, from 2026-03-02 09:00$/m);
    // A gentle drill due beside it gives the re-test routine something to offer today.
    await save((data) => {
      data.sessions.push(buildSession({ startedAt: '2026-02-01T13:30:00Z', routine: 'joint-chain', baseline: 6, drills: [{ id: 'lateral-ankle-tilts', scores: [6, 6] }] }));
    });
    const mixed = await run(['buckets'], { home, now });
    expect(mixed.stdout).toMatch(/^Next: itb session retest {7}re-test 2 drills set aside for now$/m);
  });

  it('after a flare-up today, leaves a rehab routine of strength drills for another day even when their 48 hours end later today', async () => {
    // Clamshells helped in a strength session at 09:00 on Monday, St. John's time; on Wednesday
    // at 08:01 a joint-chain drill flared up. At 08:30 the 48 hours end at 09:00, the same day.
    await save((data) => {
      data.sessions.push(
        buildSession({ startedAt: '2026-03-02T12:30:00Z', routine: 'strength', loading: true, baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] }),
        buildSession({ startedAt: '2026-03-04T11:30:00Z', routine: 'joint-chain', baseline: 4, drills: [{ id: 'lateral-ankle-tilts', scores: [7] }] }),
      );
    });
    const today = await run(['buckets'], { home, now: new Date('2026-03-04T12:00:00Z') });
    expect(today.stdout).toContain('A drill flared up today, at 08:01.');
    expect(today.stdout).toMatch(/^Next: itb session rehab {8}run your rehab routine, on another day$/m);
    // Without the flare-up, the hour the 48 hours end is the one to name.
    await save((data) => {
      data.sessions.pop();
    });
    const rested = await run(['buckets'], { home, now: new Date('2026-03-04T12:00:00Z') });
    expect(rested.stdout).toMatch(/^Next: itb session rehab {8}run your rehab routine, from 2026-03-04 09:00$/m);
  });

  it('says the rehab bucket is empty now, not "yet", when the drills that helped were set aside at later tests', async () => {
    await save((data) => {
      data.sessions.push(buildSession({ startedAt: '2026-01-05T09:00:00Z', baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] }));
      data.sessions.push(buildSession({ startedAt: '2026-02-20T09:00:00Z', baseline: 5, drills: [{ id: 'clamshells', scores: [5, 5] }] }));
    });
    const { stdout } = await run(['buckets'], { home, now });
    expect(stdout).toContain('Rehab — your rehab routine (0)\n  Nothing now: a drill lands here when a test lowers your score.\n');
    expect(stdout).not.toContain('Nothing yet');
  });

  it('suggests what to run next as itb was started: through npx, and with the library file given', async () => {
    await withSessions();
    const mine = join(home, 'my library.yaml');
    copyFileSync(join(import.meta.dirname, '../../data/library.yaml'), mine);
    const result = await run(['--data', mine, 'buckets'], { home, now, env: { npm_lifecycle_event: 'npx' } });
    // Too long to stand beside what they do, the commands take lines of their own.
    expect(result.stdout).toMatch(new RegExp(`^Next: npx itb --data '${home}/my library\\.yaml' session rehab$`, 'm'));
    expect(result.stdout).toMatch(new RegExp(`^ {6}npx itb --data '${home}/my library\\.yaml' session retest$`, 'm'));
    const empty = tempHome();
    try {
      const none = await run(['buckets'], { home: empty.home, now, env: { npm_lifecycle_event: 'npx' } });
      expect(none.stdout).toContain('No sessions yet. Run `npx itb session` to try your first drills');
    } finally {
      empty.cleanup();
    }
  });

  it('with a slip in the library file in use, says the results are kept and how to see them meanwhile, once there are any', async () => {
    const mine = join(home, 'my-library.yaml');
    writeFileSync(mine, readFileSync(libraryFile('good.yaml'), 'utf8').replace('    side: opposite', '    side: oposite'));
    const said = (result: { stderr: string }) => result.stderr.replace(/\s+/g, ' ').trim();
    const slip = `${mine}:39:5 exercises.1.side must be one of: painful, opposite, both, none (not "oposite"); did you mean "opposite"? error: 1 problem in the exercise library ${mine} Fix it and run \`itb validate ${mine}\` to check again.`;
    // Nothing kept yet: nothing to reassure about.
    expect(said(await run(['--data', mine, 'buckets'], { home, now }))).toBe(slip);
    // A drill moved by hand, before any session, is kept too.
    await run(['buckets', 'move', 'clamshells', 'avoid'], { home, now });
    expect(said(await run(['--data', mine, 'buckets'], { home, now }))).toContain(' to check again. Your sessions and buckets are kept as they were: ');
    await withSessions();
    const given = await run(['--data', mine, 'buckets'], { home, now });
    expect(given.code).toBe(2);
    expect(said(given)).toBe(`${slip} Your sessions and buckets are kept as they were: \`itb buckets\` without --data shows them meanwhile, with the built-in library.`);
    // Named by ITB_DATA, which a plain `itb buckets` would read again.
    const fromEnv = await run(['buckets'], { home, now, env: { ITB_DATA: mine, npm_lifecycle_event: 'npx' } });
    expect(said(fromEnv)).toContain(' to check again. Your sessions and buckets are kept as they were: `ITB_DATA= npx itb buckets` shows them meanwhile, with the built-in library.');
    expect(said(await run(['buckets'], { home, now, env: { ITB_DATA: '' } }))).toBe('');
  });

  it('says how many of the tests that helped did so only on the retry', async () => {
    await save((data) => {
      data.sessions.push(
        buildSession({ startedAt: '2026-02-20T09:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [6, 4] }] }),
        buildSession({ startedAt: '2026-02-27T09:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [5] }] }),
      );
    });
    const { stdout } = await run(['buckets'], { home, now });
    expect(stdout).toContain('helped 2 of 2 (1 on the retry) · mean −1.5 · last −1 on 2026-02-27');
    const json = await run(['buckets', '--json'], { home, now });
    expect(JSON.parse(json.stdout).rehab[0].evidence).toMatchObject({ tested: 2, helped: 2, helpedOnRetry: 1 });
  });

  it('says the one, "both" or "all" of the tests that helped did so on the retry when every one did', async () => {
    const onRetry = (startedAt: string) => buildSession({ startedAt, baseline: 6, drills: [{ id: 'clamshells', scores: [6, 4] }] });
    const failed = (startedAt: string) => buildSession({ startedAt, baseline: 6, drills: [{ id: 'clamshells', scores: [6, 6] }] });
    await save((data) => void data.sessions.push(onRetry('2026-02-10T09:00:00Z'), failed('2026-02-12T09:00:00Z')));
    expect((await run(['buckets'], { home, now })).stdout).toContain('helped 1 of 2 (on the retry) · mean −1');
    await save((data) => void data.sessions.push(onRetry('2026-02-20T09:00:00Z')));
    expect((await run(['buckets'], { home, now })).stdout).toContain('helped 2 of 3 (both on the retry) · mean −1.3');
    // With the count: a bare "all" after "of 4" would read as all four tests.
    await save((data) => void data.sessions.push(onRetry('2026-03-01T09:00:00Z')));
    expect((await run(['buckets'], { home, now })).stdout).toContain('helped 3 of 4 (all 3 on the retry) · mean −1.5');
    // On 30 columns the words in brackets stay together, on a line of their own.
    const narrow = (await onTerminal(30, () => run(['buckets'], { home, now }))).stdout;
    expect(narrow).toContain(['    helped 3 of 4', '    (all 3 on the retry)', '    mean −1.5'].join('\n'));
  });

  it('gives the day of the last flare-up with their count, and its time in the JSON', async () => {
    await save((data) => {
      data.sessions.push(
        buildSession({ startedAt: '2026-02-01T09:00:00Z', baseline: 3, drills: [{ id: 'monster-walks', scores: [7] }] }),
        buildSession({ startedAt: '2026-02-10T09:00:00Z', baseline: 3, drills: [{ id: 'monster-walks', scores: [3, 6] }] }),
        buildSession({ startedAt: '2026-02-20T09:00:00Z', baseline: 3, drills: [{ id: 'monster-walks', scores: [3, 3] }] }),
      );
    });
    const { stdout } = await run(['buckets'], { home, now });
    expect(stdout.replace(/\s+/g, ' ')).toMatch(/helped 0 of 3 · mean \+2\.3 · last 0 on 2026-02-20 (· )?2 flares \(the last on 2026-02-10\)/);
    const json = await run(['buckets', '--json'], { home, now });
    expect(JSON.parse(json.stdout).avoid[0].evidence).toMatchObject({ flares: 2, lastFlareAt: '2026-02-10T09:02:00.000Z' });
  });

  it('tells a drill that had no room to show help from one that failed: how many tests started too low, and a note when the last one did', async () => {
    await save((data) => {
      data.sessions.push(
        buildSession({ startedAt: '2026-02-20T09:00:00Z', baseline: 4, minImprovement: 2, drills: [{ id: 'clamshells', scores: [2] }] }),
        buildSession({ startedAt: '2026-02-24T09:00:00Z', baseline: 0, drills: [{ id: 'clamshells', scores: [0, 0] }] }),
        buildSession({ startedAt: '2026-02-27T09:00:00Z', baseline: 1, minImprovement: 2, drills: [{ id: 'clamshells', scores: [1, 1] }] }),
      );
    });
    const text = (await run(['buckets'], { home, now })).stdout.replace(/\s+/g, ' ');
    // The evidence may go on on the next line, without its "·" there.
    expect(text).toMatch(/helped 1 of 3 · 2 started too low to show help · mean −0\.7 (· )?last 0 on 2026-02-27 /);
    expect(text).toContain('2026-02-27 its last test started at 1, too low to fall by the 2 points that count as helping: it could not show help re-test from');
    const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
    expect(json.avoid[0].evidence).toMatchObject({ tested: 3, helped: 1, tooLowToShowHelp: 2, lastCouldNotShow: { what: 'help', from: 1, points: 2 } });
  });

  it('says of a drill set aside after a fall too small to count as helping how much counted, in the text and in --json', async () => {
    await save((data) => {
      data.sessions.push(buildSession({ startedAt: '2026-02-27T09:00:00Z', baseline: 6, minImprovement: 3, drills: [{ id: 'clamshells', scores: [5, 4] }] }));
    });
    const text = (await run(['buckets'], { home, now })).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('last −2 on 2026-02-27 its last test fell by 2 points, less than the 3 that count as helping re-test from');
    const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
    expect(json.avoid[0].evidence).toMatchObject({ lastChange: -2, lastFallNeeded: 3, lastCouldNotShow: null });
  });

  it('tells how a drill did on each painful side when its tests were on more than one, in the text and in --json', async () => {
    await save((data) => {
      data.sessions.push(
        buildSession({ startedAt: '2026-02-01T09:00:00Z', side: 'left', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] }),
        buildSession({ startedAt: '2026-02-20T09:00:00Z', side: 'right', baseline: 6, drills: [{ id: 'clamshells', scores: [6, 6] }] }),
        buildSession({ startedAt: '2026-02-27T09:00:00Z', side: 'both', baseline: 6, drills: [{ id: 'hip-hikes', scores: [5] }] }),
      );
    });
    const { stdout } = await run(['buckets'], { home, now });
    // Each side with its own mean change, on a line of its own: −1 for both together would be true of neither.
    expect(stdout).toContain(
      ['  Clamshells  clamshells', '    helped 1 of 2', '    by painful side: left 1 of 1 with mean −2, right 0 of 1 with mean 0', '    last 0 on 2026-02-20 (right side painful)\n'].join('\n'),
    );
    const text = stdout.replace(/\s+/g, ' ');
    // Tested on one side only, while others were tested on others: which.
    expect(text).toMatch(/Hip hikes hip-hikes helped 1 of 1 · with both sides painful · mean −1 (· )?last −1 on 2026-02-27 (?!\()/);
    const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
    expect(json.avoid[0].evidence).toMatchObject({
      meanChange: -1,
      sides: [
        { side: 'left', tested: 1, helped: 1, meanChange: -2 },
        { side: 'right', tested: 1, helped: 0, meanChange: 0 },
      ],
      lastSide: 'right',
    });
    expect(json.rehab.find((drill: { exerciseId: string }) => drill.exerciseId === 'hip-hikes').evidence).toMatchObject({ sides: [{ side: 'both', tested: 1, helped: 1 }], lastSide: 'both' });
  });

  it('shows rehab with evidence, avoid with flags and re-test dates, untested, and what to run next', async () => {
    await withSessions();
    const { code, stdout } = await run(['buckets'], { home, now });
    expect(code).toBe(0);
    const rehab = stdout.indexOf('Rehab — your rehab routine (1)');
    const avoid = stdout.indexOf('Avoid for now (2)');
    const untested = stdout.indexOf('Untested (');
    expect(rehab).toBeGreaterThanOrEqual(0);
    expect(avoid).toBeGreaterThan(rehab);
    expect(untested).toBeGreaterThan(avoid);
    const lastDay = localDate(new Date(sessions[1]!.results[0]!.at));
    expect(stdout).toContain(`helped 1 of 1 · mean −2 · last −2 on ${lastDay}`);
    // Due first: hip hikes (decided on 1 February) before monster walks (not due until mid-March).
    const avoidPart = stdout.slice(avoid, untested);
    expect(avoidPart.indexOf('Hip hikes')).toBeLessThan(avoidPart.indexOf('Monster walks'));
    expect(avoidPart).toMatch(/Monster walks.*flare/);
    expect(avoidPart).toContain('re-test due');
    expect(avoidPart).toContain('re-test from');
    // Bridges was only skipped: still untested, listed by name in library order, down two columns.
    const untestedLines = stdout.slice(untested).split('\n\n')[0]!.split('\n').slice(1);
    const rightStart = /^ {2}\S.*?\S {4,}(?=\S)/.exec(untestedLines[0]!)![0].length;
    // A name too long for its column goes on, indented, on the next line of that column.
    const column = (cells: string[]) =>
      cells.reduce<string[]>((names, cell) => {
        if (cell.trim() === '') return names;
        return cell.startsWith('  ') ? [...names.slice(0, -1), `${names.at(-1)} ${cell.trim()}`] : [...names, cell.trim()];
      }, []);
    const left = column(untestedLines.map((line) => line.slice(2, rightStart).trimEnd()));
    const right = column(untestedLines.map((line) => line.slice(rightStart)));
    expect(right.length).toBeGreaterThanOrEqual(left.length - 1);
    expect(right.length).toBeLessThanOrEqual(left.length);
    const names = [...left, ...right];
    expect(names.indexOf('Bridges')).toBe(names.indexOf('Isometric glute holds (wall press)') + 1);
    expect(names).not.toContain('Clamshells');
    expect(names).not.toContain('bridges');
    // Too long for a column, a name is not shortened: it wraps within its column.
    expect(names).toContain('Hip external rotation with extension (90/90 hip lift)');
    expect(names).toContain('Hip CARs (controlled articular rotations)');
    expect(untestedLines.length).toBeGreaterThan(left.length);
    // Every untested drill is there, the last of an odd number too.
    expect(names).toHaveLength(Number(/Untested \((\d+)\)/.exec(stdout)![1]));
    expect(stdout).toContain('itb session rehab');
    expect(stdout).toContain('itb session retest');
    // With a rehab routine to run, no plain session is suggested beside it.
    expect(stdout).not.toContain('test drills from a routine');
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('lists the last of an odd number of untested drills too', async () => {
    // Two of the 31 drills tested: 29 left, 15 down the left column and 14 down the right.
    await save((data) => void data.sessions.push(buildSession({ startedAt: '2026-02-27T09:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }, { id: 'bridges', scores: [3] }] })));
    const { stdout } = await run(['buckets'], { home, now });
    expect(stdout).toContain('Untested (29)');
    expect(stdout.replace(/\s+/g, ' ')).toContain('Glute activation (standing kickbacks)');
  });

  it('heads no empty "Not tested yet" list when every untested drill was tested before the buckets were cleared', async () => {
    const library = libraryFile('good.yaml');
    await save((data) => {
      data.sessions.push(
        buildSession({ startedAt: '2026-02-20T09:00:00Z', routine: 'clinic-plan', baseline: 5, drills: [{ id: 'ankle-rocks', scores: [3] }, { id: 'wall-clamshells', scores: [3, 3] }] }),
      );
      data.bucketsResetAt = '2026-02-21T12:00:00.000Z';
    });
    const shown = (await run(['--data', library, 'buckets'], { home, now })).stdout.replace(/\s+/g, ' ');
    expect(shown).toContain('Untested (2) Tested only before the buckets were cleared: Wall clamshells wall-clamshells helped 0 of 1');
    expect(shown).toContain('Ankle rocks ankle-rocks helped 1 of 1');
    expect(shown).not.toContain('Not tested yet');
  });

  it('says, as the reports do, when the evidence mixes ratings and when the lists were cleared', async () => {
    await withSessions();
    const plain = await run(['buckets'], { home, now });
    expect(plain.stdout).not.toContain('a mean change may mix');
    expect(plain.stdout).not.toContain('cleared');
    // A session that rated tightness during walking, then a reset, then one more session.
    await save((data) => {
      data.sessions.push(
        buildSession({ startedAt: '2026-02-28T09:00:00Z', symptom: 'tightness', movement: 'walking', baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] }),
      );
      data.bucketsResetAt = '2026-02-28T12:00:00.000Z';
    });
    await save((data) => void data.sessions.push(buildSession({ startedAt: '2026-03-01T09:00:00Z', baseline: 5, drills: [{ id: 'bridges', scores: [3] }] })));
    const shown = (await run(['buckets'], { home, now })).stdout.replace(/\s+/g, ' ');
    expect(shown).toContain('The buckets were cleared on 2026-02-28: only what was decided since then puts a drill in a list');
    // Drills tested only before the reset are untested again, and keep their evidence in view.
    expect(shown).toMatch(/Untested \(\d+\) Tested only before the buckets were cleared: \S.* helped \d+ of \d+/);
    expect(shown).toContain('Monster walks monster-walks helped 0 of 1 · mean +3 · last +3 on 2026-02-27 · 1 flare (on 2026-02-27) Not tested yet:');
    expect(shown).toContain('Not tested yet:');
    expect(shown).toContain('these sessions rated more than one symptom or test movement, so a mean change may mix scores');
  });

  it('breaks the sides of a drill tested on three between sides, each with its own mean change, within 80 columns', async () => {
    await save((data) => {
      data.sessions.push(
        buildSession({ startedAt: '2026-02-01T09:00:00Z', side: 'left', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] }),
        buildSession({ startedAt: '2026-02-05T09:00:00Z', side: 'left', baseline: 6, drills: [{ id: 'clamshells', scores: [7, 7] }] }),
        buildSession({ startedAt: '2026-02-20T09:00:00Z', side: 'right', baseline: 6, drills: [{ id: 'clamshells', scores: [6, 4] }] }),
        buildSession({ startedAt: '2026-02-27T09:00:00Z', side: 'both', baseline: 6, drills: [{ id: 'clamshells', scores: [5] }] }),
      );
    });
    const { stdout } = await run(['buckets'], { home, now });
    // Left: −2 and +1; not "both" at the end of one line and "sides" at the start of the next,
    // and the side on the next line further in than "last": not a part of the evidence of its own.
    const lines = ['    helped 3 of 4 (1 on the retry)', '    by painful side: left 1 of 2 with mean −0.5, right 1 of 1 with mean −2,', '      both sides 1 of 1 with mean −1', '    last −1 on 2026-02-27 (both sides painful)\n'];
    expect(stdout).toContain(lines.join('\n'));
    // No mean of every side together beside them.
    expect(stdout).not.toMatch(/· mean|^ {4}mean/m);
    expect(Math.max(...stdout.split('\n').map((line) => line.length))).toBeLessThanOrEqual(80);
    // On 40 columns, where the first side does not fit after "by painful side:", a line each,
    // each side whole: not "mean −0.5," alone at the indent of the lines of evidence.
    const narrow = (await onTerminal(40, () => run(['buckets'], { home, now }))).stdout;
    expect(narrow).toContain(
      ['    by painful side:', '      left 1 of 2 with mean −0.5,', '      right 1 of 1 with mean −2,', '      both sides 1 of 1 with mean −1', '    last −1 on 2026-02-27', '    (both sides painful)\n'].join('\n'),
    );
  });

  it('names the painful side of a drill tested on one side only when the tests behind the lists were on more than one, in the text and in --json', async () => {
    // The right leg hurt in February, and the monster walks flared it up; now the left hurts.
    await save((data) => {
      data.sessions.push(
        buildSession({ startedAt: '2026-02-10T09:00:00Z', side: 'right', baseline: 4, drills: [{ id: 'monster-walks', scores: [7] }] }),
        buildSession({ startedAt: '2026-02-28T09:00:00Z', side: 'left', baseline: 6, drills: [{ id: 'clamshells', scores: [6, 4] }, { id: 'bridges', skipped: true }] }),
      );
    });
    // Drawn from the store, then from the summary that first run kept: the same either way.
    for (let read = 0; read < 2; read++) {
      const text = (await run(['buckets'], { home, now })).stdout.replace(/\s+/g, ' ');
      expect(text).toContain('Monster walks monster-walks flare helped 0 of 1 · with the right side painful · mean +3 ');
      expect(text).toContain('Clamshells clamshells helped 1 of 1 (on the retry) · with the left side painful · mean −2 ');
      const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
      expect(json.sidesApart).toBe(true);
    }
    // Sessions of one side only, a skip on another aside: the side goes without saying.
    await save((data) => void (data.sessions = [...data.sessions.slice(1), buildSession({ startedAt: '2026-02-28T10:00:00Z', side: 'right', baseline: 5, drills: [{ id: 'bridges', skipped: true }] })]));
    const text = (await run(['buckets'], { home, now })).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Clamshells clamshells helped 1 of 1 (on the retry) · mean −2 ');
    expect(text).not.toContain('side painful');
    expect(JSON.parse((await run(['buckets', '--json'], { home, now })).stdout).sidesApart).toBe(false);
  });

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
        evidence: { tested: 1, helped: 1, helpedOnRetry: 0, meanChange: -2, lastChange: -2, lastTestedAt: sessions[1]!.results[0]!.at, flares: 0, lastFlareAt: null, tooLowToShowHelp: 0, lastCouldNotShow: null, lastFallNeeded: null, sides: [{ side: 'left', tested: 1, helped: 1, meanChange: -2 }], lastSide: 'left', lastSymptom: 'pain', lastMovement: 'single-leg squat', partlyTimed: 0, lastHolds: [] },
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

  it('advises seeing a clinician after three flat weeks, in the text and the JSON', async () => {
    // Starting scores of 6, 6 and 6 in three weeks in a row: no meaningful fall.
    const flat = ['2026-02-10T09:00:00Z', '2026-02-18T09:00:00Z', '2026-02-28T09:00:00Z'].map((startedAt) => buildSession({ startedAt, baseline: 6 }));
    await save((data) => void data.sessions.push(...flat));
    const text = (await run(['buckets'], { home, now })).stdout;
    expect(text).toMatch(/physical\s+therapist\s+or\s+doctor/);
    const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
    expect(json.advice.map((advice: { id: string }) => advice.id)).toEqual(['see-a-professional']);
  });

  it('judges each painful side on its own for that advice, naming the side, from the summary kept beside the store too', async () => {
    // The right leg has started at 6 three weeks in a row; the left eased from 5 to 1 in the same weeks.
    const right = ['2026-02-10T09:00:00Z', '2026-02-18T09:00:00Z', '2026-02-28T09:00:00Z'].map((startedAt) => buildSession({ startedAt, baseline: 6, side: 'right' }));
    const left = [['2026-02-11T09:00:00Z', 5], ['2026-02-19T09:00:00Z', 3], ['2026-02-27T09:00:00Z', 1], ['2026-03-01T09:00:00Z', 1]] as const;
    await save((data) => void data.sessions.push(...right, ...left.map(([startedAt, baseline]) => buildSession({ startedAt, baseline, side: 'left' }))));
    // Drawn from the store, then from the summary that first run kept: the same either way.
    for (let read = 0; read < 2; read++) {
      const text = (await run(['buckets'], { home, now })).stdout.replace(/\s+/g, ' ');
      expect(text).toContain('You have rated your pain during single-leg squat (right side painful) in each of 3 weeks in a row');
      const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
      const persistent = [{ rated: 'pain during single-leg squat', side: 'right', weeks: 3, firstMean: 6, latestMean: 6 }];
      expect(json.advice).toEqual([{ id: 'see-a-professional', message: expect.stringContaining('(right side painful)'), side: 'right', persistent }]);
    }
    expect(existsSync(join(home, 'store.json.summary'))).toBe(true);
  });

  it('names every side that kept up in that advice, the higher scores first, from the summary kept beside the store too', async () => {
    // The right leg has started at 7 three weeks in a row; the left has stayed at 1, rated more lately.
    const right = ['2026-02-10T09:00:00Z', '2026-02-18T09:00:00Z', '2026-02-28T09:00:00Z'].map((startedAt) => buildSession({ startedAt, baseline: 7, side: 'right' }));
    const left = ['2026-02-11T09:00:00Z', '2026-02-19T09:00:00Z', '2026-03-01T09:00:00Z'].map((startedAt) => buildSession({ startedAt, baseline: 1, side: 'left' }));
    await save((data) => void data.sessions.push(...right, ...left));
    for (let read = 0; read < 2; read++) {
      const text = (await run(['buckets'], { home, now })).stdout.replace(/\s+/g, ' ');
      expect(text).toContain(
        'You have rated each of these in several weeks in a row, and their starting scores have not come down much: ' +
          'your pain during single-leg squat (right side painful), in each of 3 weeks (about 7 in the first of those weeks, 7 in the latest); ' +
          'your pain during single-leg squat (left side painful), in each of 3 weeks (about 1 in the first of those weeks, 1 in the latest).',
      );
      const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
      expect(json.advice).toEqual([
        {
          id: 'see-a-professional',
          message: expect.any(String),
          side: 'right',
          persistent: [
            { rated: 'pain during single-leg squat', side: 'right', weeks: 3, firstMean: 7, latestMean: 7 },
            { rated: 'pain during single-leg squat', side: 'left', weeks: 3, firstMean: 1, latestMean: 1 },
          ],
        },
      ]);
    }
  });

  it('names the closest of move and reset, or the move meant, for words after buckets that are no command of it, changing nothing', async () => {
    await withSessions();
    const before = readFileSync(join(home, 'store.json'));
    for (const [args, hint] of [
      // The drill and bucket typed after it are kept.
      [['buckets', 'mvoe', 'clamshells', 'rehab'], 'Did you mean `itb buckets move clamshells rehab`?'],
      // A drill typed as words in quotes stays one word of the command to copy.
      [['buckets', 'mvoe', 'lateral ankle tilts', 'rehab'], "Did you mean `itb buckets move 'lateral ankle tilts' rehab`?"],
      [['buckets', 'rest'], 'Did you mean `itb buckets reset`?'],
      [['buckets', 'lists'], '`itb buckets --help` shows what it takes.'],
      // A bucket beside a drill, with move left out: the move meant, by the drill's id.
      [['buckets', 'clamshells', 'avoid'], 'Did you mean `itb buckets move clamshells avoid`?'],
      [['buckets', 'Rehab', 'clamshells'], 'Did you mean `itb buckets move clamshells rehab`?'],
      [['buckets', 'lateral', 'ankle', 'tilts', 'rehab'], 'Did you mean `itb buckets move lateral-ankle-tilts rehab`?'],
      [['buckets', 'wobble', 'avoid'], 'To move a drill: `itb buckets move ID avoid`, with the id `itb exercises` shows.'],
      [['buckets', 'rehab'], '`itb buckets` shows rehab and avoid for now together; `itb buckets move ID rehab` moves a drill there.'],
      // Both buckets: no one move is meant.
      [['buckets', 'rehab', 'avoid'], '`itb buckets --help` shows what it takes.'],
      // A whole "Next:" line of a session's summary copied: its "avoid" is no bucket meant.
      [
        ['buckets', 'what', 'helps', 'and', 'what', 'to', 'avoid', 'for', 'now'],
        'The words after `itb buckets` are not part of the command: `itb buckets` alone shows what helps and what to avoid for now.',
      ],
    ] as const) {
      const result = await run([...args], { home, now });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`error: there is no "itb buckets ${args[1]}"`);
      expect(result.stderr.replace(/\s*\n\s*/g, ' ')).toContain(hint);
      expect(result.stdout).toBe('');
    }
    expect(readFileSync(join(home, 'store.json')).equals(before)).toBe(true);
  });

  it('keeps the --data typed in the commands it names for words after buckets, so that they show the same library', async () => {
    await withSessions();
    const library = libraryFile('good.yaml');
    const said = async (...args: string[]) => (await run(['--data', library, 'buckets', ...args], { home, now })).stderr.replace(/\s*\n\s*/g, ' ');
    const itb = `itb --data ${library}`;
    expect(await said('rehab')).toContain(`\`${itb} buckets\` shows rehab and avoid for now together; \`${itb} buckets move ID rehab\` moves a drill there.`);
    expect(await said('mvoe', 'wall-clamshells', 'avoid')).toContain(`Did you mean \`${itb} buckets move wall-clamshells avoid\`?`);
    expect(await said('rest')).toContain(`Did you mean \`${itb} buckets reset\`?`);
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

describe('itb buckets move', () => {
  it('moves a drill, saves the move and refreshes the buckets', async () => {
    await withSessions();
    const result = await run(['buckets', 'move', 'clamshells', 'avoid', '--note', 'knee sore today'], { home, now });
    expect(result.code).toBe(0);
    expect(result.stderr.replace(/\s+/g, ' ')).toContain('Moved Clamshells to avoid for now (was: rehab), with your note: knee sore today');
    expect(result.stderr.replace(/\s+/g, ' ')).toContain('A session that tests it again decides anew.');
    expect(result.stdout).toBe('');
    const data = stored();
    expect(data.moves).toEqual([{ exerciseId: 'clamshells', bucket: 'avoid', note: 'knee sore today', at: now.toISOString() }]);
    expect(data.buckets.find((entry) => entry.exerciseId === 'clamshells')).toMatchObject({ bucket: 'avoid', source: 'manual' });

    const { stdout } = await run(['buckets'], { home, now });
    expect(stdout).toContain('moved by hand on 2026-03-01: knee sore today');
  });

  it('keeps a note without the spaces around it, and a note of spaces alone as no note', async () => {
    await withSessions();
    const spaced = await run(['buckets', 'move', 'clamshells', 'avoid', '--note', '  knee sore  '], { home, now });
    expect(spaced.stderr).toContain('Moved Clamshells to avoid for now (was: rehab), with your note: knee sore\n');
    expect(stored().moves).toEqual([{ exerciseId: 'clamshells', bucket: 'avoid', note: 'knee sore', at: now.toISOString() }]);
    const blank = await run(['buckets', 'move', 'hip-hikes', 'rehab', '--note', '   '], { home, now });
    expect(blank.stderr).toContain('Moved Hip hikes to rehab (was: avoid for now).\n');
    expect(stored().moves.at(-1)).toEqual({ exerciseId: 'hip-hikes', bucket: 'rehab', at: now.toISOString() });
  });

  it('takes a note of up to 1000 characters, and says how long one over that is', async () => {
    await withSessions();
    const longest = 'n'.repeat(1000);
    expect((await run(['buckets', 'move', 'clamshells', 'avoid', '--note', longest], { home, now })).code).toBe(0);
    expect(stored().moves.at(-1)?.note).toBe(longest);
    const over = await run(['buckets', 'move', 'clamshells', 'rehab', '--note', `${longest}!`], { home, now });
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('error: --note is too long: a note may have at most 1000 characters, and this one has 1001\n');
    expect(stored().moves).toHaveLength(1);
  });

  it('asks for a gentle start when a drill set aside after a flare-up is moved to rehab', async () => {
    await withSessions();
    const back = await run(['buckets', 'move', 'monster-walks', 'rehab'], { home, now });
    expect(back.stderr).toContain('Moved Monster walks to rehab (was: avoid for now).');
    expect(back.stderr).toContain('It was set aside after a flare-up: start gently, and stop if your score rises.');
    // Hip hikes was set aside without a flare: no such warning.
    const calm = await run(['buckets', 'move', 'hip-hikes', 'rehab'], { home, now });
    expect(calm.stderr).toContain('Moved Hip hikes to rehab');
    expect(calm.stderr).not.toContain('flare-up');
  });

  it('gives no gentle-start reminder when a drill set aside after a flare-up is kept in avoid by hand', async () => {
    await withSessions();
    const kept = await run(['buckets', 'move', 'monster-walks', 'avoid', '--note', 'PT: wait'], { home, now });
    expect(kept.stderr.replace(/\s+/g, ' ')).toContain('Monster walks was already in avoid for now; it now stays there as your choice, with your note: PT: wait');
    expect(kept.stderr).not.toContain('start gently');
  });

  it('keeps a choice and its note when the same move comes again without a new note', async () => {
    await withSessions();
    // In rehab by a session's decision: moving it there makes it the person's own choice.
    const own = await run(['buckets', 'move', 'clamshells', 'rehab', '--note', 'PT says ok'], { home, now });
    expect(own.stderr.replace(/\s+/g, ' ')).toContain('Clamshells was already in rehab; it now stays there as your choice, with your note: PT says ok');
    const again = await run(['buckets', 'move', 'clamshells', 'rehab'], { home, now: new Date(now.getTime() + 60_000) });
    expect(again.code).toBe(0);
    expect(again.stderr.replace(/\s+/g, ' ')).toContain('Clamshells is already in rehab by your choice (with your note: PT says ok). Nothing was changed.');
    expect(stored().moves).toHaveLength(1);
    // The same note again is the same move: nothing new to say or save.
    const sameNote = await run(['buckets', 'move', 'clamshells', 'rehab', '--note', 'PT says ok'], { home, now: new Date(now.getTime() + 90_000) });
    expect(sameNote.stderr.replace(/\s+/g, ' ')).toContain('Clamshells is already in rehab by your choice (with your note: PT says ok). Nothing was changed.');
    expect(stored().moves).toHaveLength(1);
    expect((await run(['buckets'], { home, now })).stdout).toContain('moved by hand on 2026-03-01: PT says ok');
    // A new note is a new move, and said to be one.
    const renoted = await run(['buckets', 'move', 'clamshells', 'rehab', '--note', 'still fine'], { home, now: new Date(now.getTime() + 120_000) });
    expect(renoted.stderr.replace(/\s+/g, ' ')).toContain('Clamshells stays in rehab by your choice, with a new note: still fine (was: PT says ok)');
    expect(renoted.stderr).not.toContain('was already in');
    expect(stored().moves.map((move) => move.note)).toEqual(['PT says ok', 'still fine']);
  });

  it('does not carry the note of a move by hand over to a move to the other bucket made without one', async () => {
    await withSessions();
    await run(['buckets', 'move', 'clamshells', 'avoid', '--note', 'knee sore'], { home, now });
    const back = await run(['buckets', 'move', 'clamshells', 'rehab'], { home, now: new Date(now.getTime() + 60_000) });
    expect(back.stderr).toContain('Moved Clamshells to rehab (was: avoid for now).\n');
    expect(stored().moves.at(-1)).toEqual({ exerciseId: 'clamshells', bucket: 'rehab', at: new Date(now.getTime() + 60_000).toISOString() });
    expect((await run(['buckets'], { home, now })).stdout).not.toContain('knee sore');
  });

  it('makes a session decision the person\'s own choice when the drill is moved, without a note, to the bucket it is in', async () => {
    await withSessions();
    const own = await run(['buckets', 'move', 'clamshells', 'rehab'], { home, now });
    expect(own.code).toBe(0);
    expect(own.stderr.replace(/\s+/g, ' ')).toContain('Clamshells was already in rehab; it now stays there as your choice.');
    expect(stored().moves).toEqual([{ exerciseId: 'clamshells', bucket: 'rehab', at: now.toISOString() }]);
  });

  it('sets a drill kept aside by hand aside again from today, note and all, when the same move comes once its re-test is due', async () => {
    await withSessions();
    const moved = await run(['buckets', 'move', 'clamshells', 'avoid', '--note', 'therapist: not before March'], { home, now });
    expect(moved.code).toBe(0);
    // Before its re-test date, the same move changes nothing.
    const early = await run(['buckets', 'move', 'clamshells', 'avoid'], { home, now: new Date('2026-03-10T12:00:00Z') });
    expect(early.stderr).toContain('Nothing was changed.');
    expect(stored().moves).toHaveLength(1);
    // Three weeks on it is due, and skipped at the re-test as the reason still holds: every
    // session would go on offering it. The same move keeps it aside, with its note, from today.
    const later = new Date('2026-03-22T12:00:00Z');
    expect((await run(['buckets'], { home, now: later })).stdout).toMatch(/Clamshells {2}clamshells\n.*\n {4}re-test due/);
    const again = await run(['buckets', 'move', 'clamshells', 'avoid'], { home, now: later });
    expect(again.code).toBe(0);
    expect(again.stderr.replace(/\s+/g, ' ')).toContain(
      `Clamshells was due for its re-test; it stays in avoid for now by your choice from today, with your note: therapist: not before March It will be offered for a re-test from ${localDate(new Date('2026-04-05T12:00:00Z'))}`,
    );
    expect(stored().moves.at(-1)).toEqual({ exerciseId: 'clamshells', bucket: 'avoid', note: 'therapist: not before March', at: later.toISOString() });
    const shown = await run(['buckets'], { home, now: later });
    expect(shown.stdout).toContain(`Clamshells  clamshells\n    helped 1 of 1 · mean −2 · last −2 on 2026-02-27\n    re-test from ${localDate(new Date('2026-04-05T12:00:00Z'))}\n    moved by hand on 2026-03-22: therapist: not before March\n`);
  });

  it('keeps a drill moved to rehab by hand as it is when the same move comes weeks later: only a drill set aside comes due', async () => {
    await withSessions();
    await run(['buckets', 'move', 'hip-hikes', 'rehab', '--note', 'PT: daily'], { home, now });
    const later = await run(['buckets', 'move', 'hip-hikes', 'rehab'], { home, now: new Date('2026-04-01T12:00:00Z') });
    expect(later.stderr.replace(/\s+/g, ' ')).toBe('Hip hikes is already in rehab by your choice (with your note: PT: daily). Nothing was changed. ');
    expect(stored().moves).toHaveLength(1);
  });

  it('sets a drill kept aside by hand aside again from the first moment of its re-test day, not a moment before', async () => {
    await withSessions();
    await run(['buckets', 'move', 'clamshells', 'avoid'], { home, now });
    // Set aside on 2026-03-01: due from the start of 2026-03-15, local time.
    const due = new Date(2026, 2, 15);
    const before = await run(['buckets', 'move', 'clamshells', 'avoid'], { home, now: new Date(due.getTime() - 1) });
    expect(before.stderr).toContain('Nothing was changed.');
    const atDue = await run(['buckets', 'move', 'clamshells', 'avoid'], { home, now: due });
    expect(atDue.stderr.replace(/\s+/g, ' ')).toContain('Clamshells was due for its re-test; it stays in avoid for now by your choice from today.');
    expect(stored().moves.map((move) => move.at)).toEqual([now.toISOString(), due.toISOString()]);
  });

  it('sets a drill kept aside by hand aside again once due after the re-test wait set, not the default one', async () => {
    await withSessions();
    await save((data) => void (data.settings.retestAfterDays = 7));
    await run(['buckets', 'move', 'clamshells', 'avoid', '--note', 'PT: one week'], { home, now });
    // Set aside on 2026-03-01 with a wait of 7 days: due on 2026-03-08, a week before 14 days would be.
    const due = await run(['buckets', 'move', 'clamshells', 'avoid'], { home, now: new Date('2026-03-09T12:00:00Z') });
    expect(due.stderr.replace(/\s+/g, ' ')).toContain('Clamshells was due for its re-test; it stays in avoid for now by your choice from today, with your note: PT: one week');
    expect(stored().moves).toHaveLength(2);
  });

  it('moves an untested drill into rehab', async () => {
    const result = await run(['buckets', 'move', 'bridges', 'rehab'], { home, now });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Moved Bridges to rehab (was: untested).');
    // Moved with no note: said beside its name, in words.
    expect((await run(['buckets'], { home, now })).stdout).toMatch(/Bridges\s+bridges\s+moved by hand on 2026-03-01\n\s+not tested in a session yet\n/);
  });

  it('gives the re-test command of a drill set aside as itb was started, with the library given', async () => {
    const library = libraryFile('good.yaml');
    const moved = await run(['--data', library, 'buckets', 'move', 'wall-clamshells', 'avoid'], { home, now, env: { npm_lifecycle_event: 'npx' } });
    expect(moved.code).toBe(0);
    expect(moved.stderr.replace(/\s+/g, ' ')).toContain(`It will be offered for a re-test from ${localDate(new Date('2026-03-15T12:00:00Z'))} (\`npx itb --data ${library} session retest\`).`);
  });

  it('says nothing is set aside while no drill is, and leaves a new session for another day after a flare-up today', async () => {
    await save((data) => void data.sessions.push(buildSession({ startedAt: '2026-03-01T09:00:00Z', baseline: 5, drills: [{ id: 'clamshells', scores: [4] }] })));
    const helped = (await run(['buckets'], { home, now })).stdout;
    expect(helped).toMatch(/Avoid for now \(0\)\n  Nothing set aside\.\n/);
    // The one drill of today's session flared up: nothing to run but the drills not tried yet, on another day.
    await save((data) => void (data.sessions = [buildSession({ startedAt: new Date(now.getTime() - 3_600_000).toISOString(), baseline: 3, drills: [{ id: 'clamshells', scores: [7] }] })]));
    const flared = (await run(['buckets'], { home, now })).stdout;
    expect(flared).toMatch(/Next: itb session joint-chain {2}test 5 of 30 drills not tried yet, on another day\n$/);
  });

  it('gives a mean change of 0 for a drill whose tests left the score as it was', async () => {
    await save((data) => void data.sessions.push(buildSession({ startedAt: '2026-03-01T09:00:00Z', baseline: 5, drills: [{ id: 'clamshells', scores: [5, 5] }] })));
    const { stdout } = await run(['buckets'], { home, now });
    expect(stdout).toMatch(/clamshells\n\s+helped 0 of 1 · mean 0 · last 0 on 2026-03-01\n/);
  });

  it('suggests the closest id for an unknown drill', async () => {
    const result = await run(['buckets', 'move', 'clamshell', 'rehab'], { home, now });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no drill with id "clamshell"');
    expect(result.stderr).toContain('Did you mean clamshells');
    expect(stored().moves).toEqual([]);
  });

  it('answers an id with a slip near one drill alone with the move by that id to copy, once, when sessions have tested it too', async () => {
    await withSessions();
    const result = await run(['buckets', 'move', 'clamshell', 'rehab', '--note', 'PT says ok'], { home, now });
    expect(result.code).toBe(2);
    expect(result.stderr.replace(/\s+/g, ' ').trim()).toBe(
      "error: no drill with id \"clamshell\" Did you mean clamshells? `itb buckets move clamshells rehab --note 'PT says ok'` moves it.",
    );
    // Near two drills: both named, and no move to copy.
    const two = await run(['buckets', 'move', 'bridge', 'rehab'], { home, now });
    expect(two.stderr.replace(/\s+/g, ' ').trim()).toBe('error: no drill with id "bridge" Did you mean bridges or elevated-bridges? `itb exercises` lists them all.');
    expect(stored().moves).toEqual([]);
  });

  it('suggests the closest id among the drills only the log still holds, too, for an unknown drill', async () => {
    await save((data) => {
      data.sessions.push(buildSession({ startedAt: '2026-02-20T09:00:00Z', baseline: 5, drills: [{ id: 'old-knee-drill', name: 'Old knee drill', scores: [3] }] }));
    });
    const result = await run(['buckets', 'move', 'old-knee-dril', 'avoid'], { home, now });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no drill with id "old-knee-dril"');
    expect(result.stderr).toContain('Did you mean old-knee-drill');
    expect(stored().moves).toEqual([]);
  });

  it("answers a drill's name, quoted or typed as several words, with the move by its id, moving nothing", async () => {
    const said = (stderr: string) => stderr.replace(/\s*\n\s*/g, ' ').trim();
    const cases: [string[], string][] = [
      [['Lateral ankle tilts', 'rehab'], 'error: no drill with id "Lateral ankle tilts" "Lateral ankle tilts" has the id lateral-ankle-tilts: `itb buckets move lateral-ankle-tilts rehab` moves it.'],
      [['lateral', 'ankle', 'tilts', 'Avoid'], 'error: no drill with id "lateral ankle tilts" "Lateral ankle tilts" has the id lateral-ankle-tilts: `itb buckets move lateral-ankle-tilts avoid` moves it.'],
      // The note goes along, quoted for the shell.
      [['hip', 'hikes', 'avoid', '--note', "knee's sore"], `error: no drill with id "hip hikes" "Hip hikes" has the id hip-hikes: \`itb buckets move hip-hikes avoid --note 'knee'\\''s sore'\` moves it.`],
      // The bucket copied as itb buckets heads it: the move by its first word, with the note.
      [['hip-hikes', 'Avoid', 'for', 'now', '--note', 'sore'], 'error: in a move, the bucket "avoid for now" is written avoid `itb buckets move hip-hikes avoid --note sore` moves Hip hikes there.'],
      [['lateral', 'ankle', 'tilts', 'avoid', 'for', 'now'], 'error: in a move, the bucket "avoid for now" is written avoid `itb buckets move lateral-ankle-tilts avoid` moves Lateral ankle tilts there.'],
      // Words that name no drill, or a bucket too many: what move takes.
      [['clamshells', 'rehab', 'avoid'], 'error: itb buckets move takes a drill\'s id and a bucket, and was given 3 words: clamshells rehab avoid For example: `itb buckets move clamshells rehab`. `itb exercises` lists the ids.'],
      [['lateral', 'ankle', 'tiltz', 'rehab'], 'error: itb buckets move takes a drill\'s id and a bucket, and was given 4 words: lateral ankle tiltz rehab For example: `itb buckets move clamshells rehab`. `itb exercises` lists the ids.'],
      [['hip-hikez', 'avoid', 'for', 'now'], 'error: itb buckets move takes a drill\'s id and a bucket, and was given 4 words: hip-hikez avoid for now For example: `itb buckets move clamshells avoid`. `itb exercises` lists the ids.'],
    ];
    for (const [words, message] of cases) {
      const result = await run(['buckets', 'move', ...words], { home, now });
      expect(result.code, words.join(' ')).toBe(2);
      expect(said(result.stderr)).toBe(message);
    }
    expect(stored().moves).toEqual([]);
  });

  it('answers a drill\'s name typed as several words before rehab with the move to rehab by its id, as itb was started', async () => {
    const said = (stderr: string) => stderr.replace(/\s*\n\s*/g, ' ').trim();
    const named = await run(['buckets', 'move', 'lateral', 'ankle', 'tilts', 'Rehab', '--note', 'PT says ok'], { home, now });
    expect(named.code).toBe(2);
    expect(said(named.stderr)).toBe(
      'error: no drill with id "lateral ankle tilts" "Lateral ankle tilts" has the id lateral-ankle-tilts: `itb buckets move lateral-ankle-tilts rehab --note \'PT says ok\'` moves it.',
    );
    // Words that name no drill: both commands to copy run as itb was started, with the library given.
    const library = libraryFile('good.yaml');
    const unknown = await run(['--data', library, 'buckets', 'move', 'no', 'such', 'drill', 'rehab'], { home, now, env: { npm_lifecycle_event: 'npx' } });
    expect(unknown.code).toBe(2);
    expect(said(unknown.stderr)).toBe(
      `error: itb buckets move takes a drill's id and a bucket, and was given 4 words: no such drill rehab ` +
        `For example: \`npx itb --data ${library} buckets move clamshells rehab\`. \`npx itb --data ${library} exercises\` lists the ids.`,
    );
    expect(stored().moves).toEqual([]);
  });

  it('answers words typed after the bucket without --note with the move that keeps them as a note, moving nothing', async () => {
    const said = (stderr: string) => stderr.replace(/\s*\n\s*/g, ' ').trim();
    const result = await run(['buckets', 'move', 'clamshells', 'Rehab', 'my', 'physio', 'says', 'ok'], { home, now });
    expect(result.code).toBe(2);
    expect(said(result.stderr)).toBe(
      'error: a note goes after --note, in quotes: itb buckets move was given "my physio says ok" after the bucket ' +
        "Did you mean `itb buckets move clamshells rehab --note 'my physio says ok'`?",
    );
    // The drill by its name: the move by its id.
    const named = await run(['buckets', 'move', 'Lateral ankle tilts', 'avoid', 'sore', 'today'], { home, now });
    expect(said(named.stderr)).toContain("Did you mean `itb buckets move lateral-ankle-tilts avoid --note 'sore today'`?");
    expect(stored().moves).toEqual([]);
  });

  it('answers a note of several words typed after --note without quotes with the move that keeps them all, moving nothing', async () => {
    const said = (stderr: string) => stderr.replace(/\s*\n\s*/g, ' ').trim();
    const result = await run(['buckets', 'move', 'clamshells', 'rehab', '--note', 'PT', 'said', 'so'], { home, now });
    expect(result.code).toBe(2);
    expect(said(result.stderr)).toBe(
      'error: a note of several words goes in quotes: itb buckets move was given "said so" after the note "PT" ' +
        "Did you mean `itb buckets move clamshells rehab --note 'PT said so'`?",
    );
    const joined = await run(['buckets', 'move', 'clamshells', 'avoid', '--note=sore', 'today'], { home, now });
    expect(said(joined.stderr)).toContain("Did you mean `itb buckets move clamshells avoid --note 'sore today'`?");
    expect(stored().moves).toEqual([]);
  });

  it('mends an id typed with a slip near one drill and an unquoted note in one move to copy, moving nothing', async () => {
    const said = (stderr: string) => stderr.replace(/\s*\n\s*/g, ' ').trim();
    const both = await run(['buckets', 'move', 'clamshels', 'rehab', '--note', 'PT', 'said', 'so'], { home, now });
    expect(both.code).toBe(2);
    expect(said(both.stderr)).toContain("Did you mean `itb buckets move clamshells rehab --note 'PT said so'`?");
    // Near no drill: the example moves to the bucket typed, not the other one.
    const unknown = await run(['buckets', 'move', 'xyzzy', 'rehab', '--note', 'PT', 'said', 'so'], { home, now });
    expect(said(unknown.stderr)).toContain('For example: `itb buckets move clamshells rehab`.');
    expect(stored().moves).toEqual([]);
  });

  it('offers no move with a note when the word before it is no bucket, or a note was given with --note', async () => {
    const said = (stderr: string) => stderr.replace(/\s*\n\s*/g, ' ').trim();
    // "later" is no bucket: a move to copy with it would only be refused in turn.
    const notBucket = await run(['buckets', 'move', 'clamshells', 'later', 'sore', 'today'], { home, now });
    expect(notBucket.code).toBe(2);
    expect(said(notBucket.stderr)).toBe(
      "error: itb buckets move takes a drill's id and a bucket, and was given 4 words: clamshells later sore today " +
        'For example: `itb buckets move clamshells avoid`. `itb exercises` lists the ids.',
    );
    // A note already given with --note: the words after the bucket are not it.
    const withNote = await run(['buckets', 'move', 'clamshells', 'rehab', 'sore', 'today', '--note', 'knee calm'], { home, now });
    expect(withNote.code).toBe(2);
    expect(said(withNote.stderr)).toContain('itb buckets move takes a drill\'s id and a bucket, and was given 4 words: clamshells rehab sore today');
    expect(stored().moves).toEqual([]);
  });

  it('refuses a bucket that does not exist', async () => {
    const result = await run(['buckets', 'move', 'clamshells', 'later'], { home, now });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"later" is not a bucket: use rehab or avoid');
    // The example to copy runs as itb was started, with the library given.
    const started = await run(['--data', 'my library.yaml', 'buckets', 'move', 'clamshells', 'later'], { home, now, env: { npm_lifecycle_event: 'npx' } });
    expect(started.stderr.replace(/\s+/g, ' ')).toContain(`For example: \`npx itb --data 'my library.yaml' buckets move clamshells avoid --note "sore today"\``);
    // A slip in the bucket's name gets the move to the bucket meant, with the note given.
    const slip = await run(['buckets', 'move', 'clamshells', 'rehb', '--note', 'knee calm'], { home, now });
    expect(slip.code).toBe(2);
    expect(slip.stderr).toBe('error: "rehb" is not a bucket: use rehab or avoid\nDid you mean `itb buckets move clamshells rehab --note \'knee calm\'`?\n');
    expect((await run(['buckets', 'move', 'clamshells', 'aviod'], { home, now })).stderr).toContain('Did you mean `itb buckets move clamshells avoid`?');
  });

  it('answers the bucket "avoid for now" in quotes, as itb buckets heads it, with the move to avoid, moving nothing', async () => {
    const result = await run(['buckets', 'move', 'Lateral ankle tilts', 'Avoid for now', '--note', 'knee sore'], { home, now });
    expect(result.code).toBe(2);
    expect(result.stderr.replace(/\s+/g, ' ').trim()).toBe(
      `error: in a move, the bucket "avoid for now" is written avoid \`itb buckets move lateral-ankle-tilts avoid --note 'knee sore'\` moves it there.`,
    );
    // Copied with the spaces of a line of text between its words: the same answer.
    const spaced = await run(['buckets', 'move', 'clamshells', 'avoid  for\tnow'], { home, now });
    expect(spaced.stderr.replace(/\s+/g, ' ').trim()).toBe('error: in a move, the bucket "avoid for now" is written avoid `itb buckets move clamshells avoid` moves it there.');
    expect(stored().moves).toEqual([]);
  });

  it('answers a move back to untested with the move that says why in its note, moving nothing', async () => {
    const result = await run(['buckets', 'move', 'clamshells', 'Untested'], { home, now });
    expect(result.code).toBe(2);
    expect(result.stderr.replace(/\s*\n\s*/g, ' ').trim()).toBe(
      'error: a drill cannot be moved back to untested: it stays untested only until a session tests it ' +
        'Put it where you judge right with a note saying why, and the next session that tests it decides again: ' +
        '`itb buckets move clamshells avoid --note "score typed wrong"`. (`itb buckets reset` makes every drill untested.)',
    );
    expect(stored().moves).toEqual([]);
    // The drill as typed, quoted for the shell, so that the move can be copied as it is.
    const spaced = await run(['buckets', 'move', 'clam shells', 'untested'], { home, now });
    expect(spaced.stderr.replace(/\s+/g, ' ')).toContain(`\`itb buckets move 'clam shells' avoid --note "score typed wrong"\``);
    // Both commands as itb was started, with the library given.
    const started = await run(['--data', 'my library.yaml', 'buckets', 'move', 'clamshells', 'untested'], { home, now, env: { npm_lifecycle_event: 'npx' } });
    expect(started.stderr.replace(/\s+/g, ' ')).toContain(
      `\`npx itb --data 'my library.yaml' buckets move clamshells avoid --note "score typed wrong"\`. (\`npx itb --data 'my library.yaml' buckets reset\` makes every drill untested.)`,
    );
  });

  it('gives the move to copy with the drill id when the drill was given by its name and the bucket is not one', async () => {
    // A move by name is refused, so the command offered must name the drill by its id.
    for (const [bucket, move] of [
      ['untested', '`itb buckets move lateral-ankle-tilts avoid --note "score typed wrong"`'],
      ['later', 'For example: `itb buckets move lateral-ankle-tilts avoid --note "sore today"`'],
    ]) {
      const result = await run(['buckets', 'move', 'Lateral ankle tilts', bucket!], { home, now });
      expect(result.code).toBe(2);
      expect(result.stderr.replace(/\s+/g, ' ')).toContain(move);
    }
    expect(stored().moves).toEqual([]);
  });

  it('takes a bucket word given as the drill, before a bucket, as an unknown drill', async () => {
    const result = await run(['buckets', 'move', 'rehab', 'avoid'], { home, now });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('error: no drill with id "rehab"');
    expect(result.stderr).not.toContain('the drill comes first');
  });

  it('answers a bucket typed before the drill with the move in its order, moving nothing', async () => {
    const result = await run(['buckets', 'move', 'Avoid', 'clamshells', '--note', "knee's sore"], { home, now });
    expect(result.code).toBe(2);
    expect(result.stderr.replace(/\s*\n\s*/g, ' ').trim()).toBe(
      `error: "clamshells" is not a bucket: the drill comes first, then the bucket Did you mean \`itb buckets move clamshells avoid --note 'knee'\\''s sore'\`?`,
    );
    expect(stored().moves).toEqual([]);
    // A drill given by its name: the move names it by its id, as a move by name is refused.
    const named = await run(['buckets', 'move', 'rehab', 'Lateral ankle tilts'], { home, now });
    expect(named.stderr.replace(/\s+/g, ' ')).toContain('Did you mean `itb buckets move lateral-ankle-tilts rehab`?');
    // A drill the library does not have, quoted for the shell as typed.
    const unknown = await run(['buckets', 'move', 'avoid', 'my drill'], { home, now });
    expect(unknown.stderr.replace(/\s+/g, ' ')).toContain("Did you mean `itb buckets move 'my drill' avoid`?");
  });

  it("names a therapist's library file, and the command that lists its drills, for a drill neither it nor the log has", async () => {
    const library = libraryFile('good.yaml');
    const result = await run(['--data', library, 'buckets', 'move', 'clamshells', 'avoid'], { home, now });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().replace(/\s*\n\s*/g, ' ')).toBe(
      `error: no drill with id "clamshells" in the exercise library ${library} ` +
        `Did you mean wall-clamshells? \`itb --data ${library} exercises\` lists its drills. The built-in library has it, "Clamshells": \`itb exercises clamshells\` shows it.`,
    );
    expect(stored().moves).toEqual([]);
  });

  it('moves a drill that is no longer in the library but is in the log', async () => {
    await save((data) => {
      data.sessions.push(buildSession({ startedAt: '2026-02-20T09:00:00Z', baseline: 5, drills: [{ id: 'old-drill', name: 'Old drill', scores: [3] }] }));
    });
    const result = await run(['buckets', 'move', 'old-drill', 'avoid'], { home, now });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Moved Old drill to avoid for now (was: rehab).');
    // No session can test it again: the move says so, rather than promise one that never comes.
    const said = result.stderr.replace(/\s+/g, ' ');
    expect(said).toContain('It is not in the built-in library, so no session using that library offers it: it stays there until you move it again.');
    expect(said).not.toContain('A session that tests it again');
    expect(said).not.toContain('re-test');
    const back = await run(['buckets', 'move', 'old-drill', 'rehab'], { home, now: new Date(now.getTime() + 60_000) });
    expect(back.stderr.replace(/\s+/g, ' ')).toContain('Moved Old drill to rehab (was: avoid for now). It is not in the built-in library, so no session using that library offers it');
    // Set aside again, it is never due for a re-test: weeks on, the same move changes nothing.
    await run(['buckets', 'move', 'old-drill', 'avoid'], { home, now: new Date(now.getTime() + 120_000) });
    const weeksOn = await run(['buckets', 'move', 'old-drill', 'avoid'], { home, now: new Date('2026-04-01T12:00:00Z') });
    expect(weeksOn.stderr).toBe('Old drill is already in avoid for now by your choice. Nothing was changed.\n');
    expect(stored().moves).toHaveLength(3);
  });

  it('says a drill moved with a file of one\'s own in use is not in this library, which no session using that library offers', async () => {
    await save((data) => void data.sessions.push(buildSession({ startedAt: '2026-02-20T09:00:00Z', baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] })));
    const file = libraryFile('good.yaml');
    const result = await run(['--data', file, 'buckets', 'move', 'clamshells', 'avoid'], { home, now });
    expect(result.code).toBe(0);
    expect(result.stderr.replace(/\s+/g, ' ')).toContain('Moved Clamshells to avoid for now (was: rehab). It is not in this library, so no session using that library offers it: it stays there until you move it again.');
  });

  it('moves a drill no longer in the library that only a move by hand put in the log', async () => {
    await save((data) => void data.moves.push({ exerciseId: 'old-drill', bucket: 'rehab', note: 'from my physio', at: '2026-02-20T09:00:00Z' }));
    const result = await run(['buckets', 'move', 'old-drill', 'avoid'], { home, now });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Moved old-drill to avoid for now (was: rehab).');
    expect(stored().moves.at(-1)).toEqual({ exerciseId: 'old-drill', bucket: 'avoid', at: now.toISOString() });
  });

  it('moves a drill no longer in the library that a session left part way, with a rating but no result', async () => {
    await save((data) => {
      const started = buildSession({ startedAt: '2026-02-20T09:00:00Z', baseline: 5, drills: [{ id: 'old-drill', name: 'Old drill', scores: [4] }] });
      data.sessions.push({ ...started, status: 'stopped', results: [] });
    });
    const result = await run(['buckets', 'move', 'old-drill', 'avoid'], { home, now });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Moved old-drill to avoid for now (was: untested).');
    expect(stored().moves).toEqual([{ exerciseId: 'old-drill', bucket: 'avoid', at: now.toISOString() }]);
  });

  it('says of a drill no longer in the library whose name the library has under another id how to keep their results together', async () => {
    await save((data) => {
      data.sessions.push(buildSession({ startedAt: '2026-02-10T09:00:00Z', baseline: 5, drills: [{ id: 'clam-shells', name: 'Clamshells', scores: [3] }] }));
    });
    const shown = (await run(['buckets'], { home, now })).stdout;
    expect(shown).toMatch(/^ {2}Clamshells {2}clam-shells {2}not in the built-in library$/m);
    expect(shown.replace(/\s+/g, ' ')).toContain(
      'your library has this name under the id clamshells: results are kept by id, so give it back the id clam-shells to keep them together',
    );
    // A drill of the library is said no such thing.
    expect(shown.match(/results are kept by id/g)).toHaveLength(1);

    // Tested under the new id as well, each id keeps its own: giving back the old id would leave the newer apart.
    await save((data) => {
      data.sessions.push(buildSession({ startedAt: '2026-02-12T09:00:00Z', baseline: 5, drills: [{ id: 'clamshells', scores: [5, 5] }] }));
    });
    const both = (await run(['buckets'], { home, now })).stdout.replace(/\s+/g, ' ');
    expect(both).toContain('your library has this name under the id clamshells, which has results of its own: results are kept by id, so each id\'s are listed apart');
    expect(both).not.toContain('give it back');
  });

  it('answers the name of a drill no longer in the library, as the buckets show it, with the move by its id', async () => {
    await save((data) => {
      data.sessions.push(
        buildSession({ startedAt: '2026-02-10T09:00:00Z', baseline: 5, drills: [{ id: 'old-drill', name: 'Wall sit', scores: [3] }] }),
        buildSession({ startedAt: '2026-02-20T09:00:00Z', baseline: 5, drills: [{ id: 'old-drill', name: 'Wall sits (easy)', scores: [4] }] }),
      );
    });
    expect((await run(['buckets'], { home, now })).stdout).toMatch(/^ {2}Wall sits \(easy\) {2}old-drill {2}not in the built-in library$/m);
    const said = (stderr: string) => stderr.replace(/\s*\n\s*/g, ' ').trim();
    const move = "`itb buckets move old-drill avoid --note 'PT says rest'` moves it.";
    const quoted = await run(['buckets', 'move', 'Wall sits (easy)', 'avoid', '--note', 'PT says rest'], { home, now });
    expect(quoted.code).toBe(2);
    expect(said(quoted.stderr)).toBe(`error: no drill with id "Wall sits (easy)" "Wall sits (easy)" has the id old-drill: ${move}`);
    const unquoted = await run(['buckets', 'move', 'wall', 'sits', '(easy)', 'avoid', '--note', 'PT says rest'], { home, now });
    expect(unquoted.code).toBe(2);
    expect(said(unquoted.stderr)).toBe(`error: no drill with id "wall sits (easy)" "Wall sits (easy)" has the id old-drill: ${move}`);
    expect(stored().moves).toEqual([]);
  });

  it('moves a drill whose latest test is dated ahead of the clock, as the clock was set back since', async () => {
    // Clamshells were set aside in a session recorded two hours ahead of the time it is now.
    await save((data) => {
      data.sessions.push(buildSession({ startedAt: '2026-03-01T14:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [6, 6] }] }));
    });
    const moved = await run(['buckets', 'move', 'clamshells', 'rehab', '--note', 'keep it'], { home, now });
    expect(moved.stderr).toContain('Moved Clamshells to rehab (was: avoid for now), with your note: keep it');
    // Dated on the same day as now: nothing to explain.
    expect(moved.stderr).not.toContain('not today');
    const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
    expect(json.rehab.map((s: { exerciseId: string; source: string; note: string }) => [s.exerciseId, s.source, s.note])).toEqual([['clamshells', 'manual', 'keep it']]);
    expect(json.avoid).toEqual([]);
    // A session that tests it again, once the clock has caught up, decides anew.
    await save((data) => {
      data.sessions.push(buildSession({ startedAt: '2026-03-01T15:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [6, 7] }] }));
    });
    const later = JSON.parse((await run(['buckets', '--json'], { home, now: new Date('2026-03-01T16:00:00Z') })).stdout);
    expect(later.avoid.map((s: { exerciseId: string; source: string }) => [s.exerciseId, s.source])).toEqual([['clamshells', 'session']]);
  });

  it('says why a move is dated on a later day than today when the latest test is dated on that day', async () => {
    // Clamshells were set aside in a session recorded two days ahead of the clock.
    await save((data) => {
      data.sessions.push(buildSession({ startedAt: '2026-03-03T14:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [6, 6] }] }));
    });
    const moved = await run(['buckets', 'move', 'clamshells', 'rehab'], { home, now });
    expect(moved.code).toBe(0);
    expect(moved.stderr.replace(/\s+/g, ' ')).toContain(
      "This move is dated 2026-03-03, not today: the latest decision on this drill, or the last reset of the buckets, is dated ahead of this computer's clock, and a move counts only after it.",
    );
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

describe('itb buckets reset', () => {
  it('says in its help that the sessions and the moves by hand stay', async () => {
    const help = (await run(['buckets', 'reset', '--help'], { home })).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('sessions and moves by hand stay in your history');
    expect(help).not.toContain('manual move');
  });

  it('asks, then empties the lists and says what it emptied, keeping the sessions and the moves by hand', async () => {
    await withSessions();
    await save((data) => void data.moves.push({ exerciseId: 'bridges', bucket: 'rehab', at: '2026-02-28T10:00:00Z' }));
    const result = await run(['buckets', 'reset'], { home, now, tty: true, answers: [true] });
    expect(result.code).toBe(0);
    // A question that fits one line of the terminal, with what stays said before it.
    // Enter alone keeps the buckets: clearing them takes a yes.
    expect(result.prompter.asked[0]).toMatchObject({ kind: 'confirm', message: 'Empty both lists, so every drill is untested again?', default: false });
    // What is about to go is named before the question, list by list.
    expect(result.stderr.replace(/\s*\n\s*/g, ' ')).toMatch(
      /^This empties rehab \(2 drills\) and avoid for now \(2 drills\)\. Sessions and moves by hand stay in your history; only the lists start again\. /,
    );
    // What went, in the words it was named in before the question, not a count of "bucket decisions".
    expect(result.stderr.replace(/\s*\n\s*/g, ' ')).toContain('Emptied rehab (2 drills) and avoid for now (2 drills): every drill is untested again.');
    expect(result.stderr).not.toContain('decision');
    expect(result.stdout).not.toContain('Emptied');
    const data = stored();
    expect(data.sessions).toHaveLength(2);
    expect(data.moves).toEqual([{ exerciseId: 'bridges', bucket: 'rehab', at: '2026-02-28T10:00:00Z' }]);
    expect(data.buckets).toEqual([]);
    expect(data.bucketsResetAt).toBe(now.toISOString());

    const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
    expect([json.rehab, json.avoid]).toEqual([[], []]);
  });

  it('names only the lists that hold drills before asking, in the singular for one', async () => {
    await save((data) => void data.sessions.push(sessions[0]!));
    const result = await run(['buckets', 'reset'], { home, now, tty: true, answers: [false] });
    expect(result.stderr).toMatch(/^This empties avoid for now \(1 drill\)\. /);
    expect(result.prompter.asked[0]).toMatchObject({ kind: 'confirm', message: 'Empty this list, so every drill is untested again?' });
    expect(stored().bucketsResetAt).toBeUndefined();
  });

  it('clears the buckets the store keeps beside its log, as a session left them', async () => {
    await save((data) => {
      data.sessions.push(...sessions);
      data.buckets = projectBuckets(data.sessions, data.moves);
    });
    expect(stored().buckets).not.toEqual([]);
    expect((await run(['buckets', 'reset', '--force'], { home, now })).code).toBe(0);
    expect(stored().buckets).toEqual([]);
  });

  it('clears a decision dated ahead of the clock too', async () => {
    // A backup from a computer whose clock ran a year ahead.
    const ahead = buildSession({ startedAt: '2027-03-01T12:00:00Z', baseline: 6, drills: [{ id: 'bridges', scores: [4] }] });
    await save((data) => void data.sessions.push(ahead));
    const result = await run(['buckets', 'reset', '--force'], { home, now });
    expect(result.stderr).toContain('Emptied rehab (1 drill): every drill is untested again.');
    const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
    expect([json.rehab, json.avoid]).toEqual([[], []]);
  });

  it('keeps the moves made by hand, and their notes, for the reports', async () => {
    await withSessions();
    await run(['buckets', 'move', 'bridges', 'rehab', '--note', 'advised by my physio'], { home, now: new Date('2026-02-28T10:00:00Z') });
    await run(['buckets', 'reset', '--force'], { home, now });
    const report = (await run(['export'], { home, now })).stdout;
    // Kept, and marked as no longer counting.
    const cleared = /The buckets were cleared on (\d{4}-\d\d-\d\d)/.exec(report)?.[1];
    expect(cleared).toBeDefined();
    expect(report).toContain(`| 2026-02-28 | Bridges | rehab (until the buckets were cleared on ${cleared}) | advised by my physio |`);
    const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
    expect(json.rehab).toEqual([]);
    expect(json.untested.find((drill: { exerciseId: string }) => drill.exerciseId === 'bridges')).toBeDefined();
  });

  it('wraps what it says to a narrow terminal, each command whole on its line', async () => {
    const empty = await run(['buckets', 'reset', '--force'], { home, now, stderrColumns: 40 });
    expect(empty.stderr).toBe('Nothing to clear: every drill is\nuntested already.\n');
    await withSessions();
    const result = await run(['buckets', 'reset', '--force'], { home, now, stderrColumns: 40 });
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.every((line) => line.length <= 40)).toBe(true);
    // The list's name whole on its line: "now (2 drills)" at a line's start would read as a sentence of its own.
    expect(lines.slice(0, 3)).toEqual(['Emptied rehab (1 drill) and', 'avoid for now (2 drills): every drill is', 'untested again.']);
    expect(lines.some((line) => line.includes('`itb session`'))).toBe(true);
    // And a move out of that list, named as `itb buckets` heads it, at every width it could break at.
    await run(['buckets', 'move', 'monster-walks', 'avoid'], { home, now });
    for (let columns = 30; columns <= 60; columns++) {
      const moved = await run(['buckets', 'move', 'monster-walks', 'rehab'], { home, now, stderrColumns: columns });
      expect(moved.stderr.split('\n').some((line) => line.includes('avoid for now')), `${columns} columns`).toBe(true);
      await run(['buckets', 'move', 'monster-walks', 'avoid'], { home, now });
    }
  });

  it('changes nothing when the answer is no', async () => {
    await withSessions();
    const result = await run(['buckets', 'reset'], { home, now, tty: true, answers: [false] });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Nothing was changed.');
    expect(stored().bucketsResetAt).toBeUndefined();
  });

  it('changes nothing and exits 130 on Ctrl-C at the question', async () => {
    await withSessions();
    const result = await run(['buckets', 'reset'], { home, now, tty: true, answers: [CTRL_C] });
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('Nothing was changed.');
    expect(stored().bucketsResetAt).toBeUndefined();
  });

  it('needs --force without a terminal', async () => {
    await withSessions();
    const refused = await run(['buckets', 'reset'], { home, now, tty: false });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--force');
    expect(stored().bucketsResetAt).toBeUndefined();

    const forced = await run(['buckets', 'reset', '--force'], { home, now, tty: false });
    expect(forced.code).toBe(0);
    expect(forced.prompter.asked).toEqual([]);
    expect(stored().bucketsResetAt).toBe(now.toISOString());
  });

  it('needs --force when its output goes to a file, where the question would not be seen', async () => {
    await withSessions();
    const refused = await run(['buckets', 'reset'], { home, now, stdinTTY: true, stdoutTTY: false, answers: [true] });
    expect(refused.code).toBe(2);
    expect(refused.prompter.asked).toEqual([]);
    expect(refused.stderr).toContain('itb buckets reset --force');
    expect(stored().bucketsResetAt).toBeUndefined();
  });

  it('needs --force when its input is no terminal, though its output is one', async () => {
    await withSessions();
    const refused = await run(['buckets', 'reset'], { home, now, stdinTTY: false, stdoutTTY: true, answers: [true] });
    expect(refused.code).toBe(2);
    expect(refused.prompter.asked).toEqual([]);
    expect(refused.stderr).toContain('needs a terminal for its input and output');
    expect(stored().bucketsResetAt).toBeUndefined();
  });

  it('gives its commands to copy as itb was started: through npx, and with the library file given', async () => {
    await withSessions();
    const library = libraryFile('good.yaml');
    const npx = { npm_lifecycle_event: 'npx' };
    const refused = await run(['--data', library, 'buckets', 'reset'], { home, now, env: npx });
    expect(refused.stderr).toContain('Add --force to reset without asking: `npx itb buckets reset --force`');
    const reset = await run(['--data', library, 'buckets', 'reset', '--force'], { home, now, env: npx });
    expect(reset.code).toBe(0);
    expect(reset.stderr.replace(/\s+/g, ' ')).toContain(`Your session history is kept (\`npx itb history\`). Run \`npx itb --data ${library} session\` to start testing again.`);
  });

  it('asks nothing and changes nothing when every drill is untested already', async () => {
    const empty = await run(['buckets', 'reset'], { home, now, tty: true, answers: [] });
    expect(empty.code).toBe(0);
    expect(empty.stderr).toBe('Nothing to clear: every drill is untested already.\n');
    expect(empty.prompter.asked).toEqual([]);
    // Without a terminal too: nothing to ask, so no need for one.
    const piped = await run(['buckets', 'reset'], { home, now });
    expect([piped.code, piped.stderr]).toEqual([0, 'Nothing to clear: every drill is untested already.\n']);
    await withSessions();
    await run(['buckets', 'reset', '--force'], { home, now });
    const again = await run(['buckets', 'reset'], { home, now: new Date(now.getTime() + 60_000), tty: true, answers: [] });
    expect(again.stderr).toContain('Nothing to clear');
    expect(stored().bucketsResetAt).toBe(now.toISOString());
  });

  it('lets a move made at the moment of a reset count', async () => {
    await withSessions();
    await run(['buckets', 'reset', '--force'], { home, now });
    await run(['buckets', 'move', 'clamshells', 'rehab'], { home, now });
    const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
    expect(json.rehab.map((s: { exerciseId: string }) => s.exerciseId)).toEqual(['clamshells']);
  });
});

describe('a device or a named pipe where itb keeps its files', () => {
  const skip = process.platform === 'win32';

  it.skipIf(skip)('in place of the store: every command that reads it stops at once with exit 2, changing nothing', async () => {
    const file = join(home, 'store.json');
    for (const [what, make] of [
      ['a device, not a regular file', () => symlinkSync('/dev/zero', file)],
      ['a named pipe (FIFO), not a regular file', () => execFileSync('mkfifo', [file])],
    ] as const) {
      rmSync(file, { force: true });
      make();
      for (const argv of [['buckets'], ['buckets', '--json'], ['history'], ['export'], ['settings'], ['buckets', 'move', 'clamshells', 'rehab']]) {
        const { code, stdout, stderr } = await run(argv, { home, now });
        expect(code, `${argv.join(' ')}: ${stderr}`).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toContain(`error: the itb store ${file} is ${what}\n`);
      }
      expect(readdirSync(home)).toEqual(['store.json']);
    }
  });

  it.skipIf(skip)('in place of the files beside the store: passed over, and the buckets shown from the store', async () => {
    await withSessions();
    const expected = await run(['buckets'], { home, now });
    for (const side of ['store.json.checked', 'store.json.summary']) {
      for (const make of [(path: string) => symlinkSync('/dev/zero', path), (path: string) => execFileSync('mkfifo', [path])]) {
        rmSync(join(home, side), { force: true });
        make(join(home, side));
        const before = readFileSync(join(home, 'store.json'));
        const shown = await run(['buckets'], { home, now });
        expect(shown.code, shown.stderr).toBe(0);
        expect(shown.stdout).toBe(expected.stdout);
        expect(readFileSync(join(home, 'store.json')).equals(before)).toBe(true);
      }
    }
  });
});
