// What `itb buckets` lists: each bucket with the evidence beside its drills, their sides, retries and flare-ups.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreData } from '../../src/core/records.js';
import { localDate } from '../../src/core/history.js';
import { Store } from '../../src/store/store.js';
import { run, tempHome } from '../helpers/run.js';
import { onTerminal } from '../helpers/terminal.js';
import { buildSession } from '../helpers/sessions.js';
import { libraryFile } from '../helpers/libraries.js';
import { now, sessions, withSessionsIn } from '../helpers/bucket-sessions.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const save = (mutate: (data: StoreData) => void) => Store.open({ ITB_HOME: home }).update(mutate);

const withSessions = () => withSessionsIn(home);

describe('itb buckets', () => {
  it('says there is nothing yet on an empty store', async () => {
    const result = await run(['buckets'], { home, now });
    expect(result.code).toBe(0);
    expect(result.stdout.replace(/\s+/g, ' ')).toBe('No sessions yet. Run `itb session` to try your first drills; what helps will show up here. ');
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
});
