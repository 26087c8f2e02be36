// What `itb buckets` shows at each drill and under the lists: re-test dates, flags, the untested
// list when none is left, what to run next, and the note on a drill stored under an older id.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreData } from '../../src/core/records.js';
import { Store } from '../../src/store/store.js';
import { run, tempHome } from '../helpers/run.js';
import { writeOutsideRoutines } from '../helpers/outside-routines.js';
import { commandsIn } from '../helpers/command-lines.js';
import { buildSession } from '../helpers/sessions.js';
import { onTerminal } from '../helpers/terminal.js';
import { libraryFile } from '../helpers/libraries.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const now = new Date('2026-03-01T12:00:00Z');
const save = (mutate: (data: StoreData) => void) => Store.open({ ITB_HOME: home }).update(mutate);
const shown = async (at: Date = now, args: string[] = []) => (await run([...args, 'buckets'], { home, now: at })).stdout;
const small = libraryFile('good.yaml');

describe('itb buckets: a drill set aside', () => {
  // Set aside at 02:02 UTC on 2 February, which is 22:32 on 1 February in St. John's (the tests' zone).
  const setAside = () => save((data) => void data.sessions.push(buildSession({ startedAt: '2026-02-02T02:00:00Z', baseline: 6, drills: [{ id: 'hip-hikes', scores: [6, 7] }] })));
  const hipHikes = (retest: string) => new RegExp(`^ {2}Hip hikes {2}hip-hikes\\n {4}helped 0 of 1 · mean \\+1 · last \\+1 on 2026-02-01\\n {4}${retest}\\n`, 'm');

  it('is due for a re-test from the start of the local day 14 days after the day it was set aside, and says since when', async () => {
    await setAside();
    // The last moment of 14 February, local time: not due yet.
    expect(await shown(new Date('2026-02-15T03:29:59.999Z'))).toMatch(hipHikes('re-test from 2026-02-15'));
    // Midnight starting 15 February, local time: due, since that day.
    expect(await shown(new Date('2026-02-15T03:30:00Z'))).toMatch(hipHikes('re-test due \\(since 2026-02-15\\)'));
    // Weeks on, still due since that day, not since today.
    const later = await shown();
    expect(later).toMatch(hipHikes('re-test due \\(since 2026-02-15\\)'));
    expect(later).not.toContain('re-test from');
  });

  it('is due for a re-test after the wait set in the settings', async () => {
    await setAside();
    await save((data) => void (data.settings.retestAfterDays = 7));
    expect(await shown(new Date('2026-02-08T03:29:59Z'))).toMatch(hipHikes('re-test from 2026-02-08'));
    expect(await shown()).toMatch(hipHikes('re-test due \\(since 2026-02-08\\)'));
  });

  it('is due from the start of the local day east of UTC too, where that day starts on the day before in UTC', async () => {
    // Set aside at 10:02 on 2 February in Auckland (UTC+13), 21:02 UTC on 1 February.
    const zone = process.env.TZ;
    process.env.TZ = 'Pacific/Auckland';
    try {
      await save((data) => void data.sessions.push(buildSession({ startedAt: '2026-02-01T21:00:00Z', baseline: 6, drills: [{ id: 'hip-hikes', scores: [6, 7] }] })));
      const hipHikesThere = (retest: string) => new RegExp(`^ {4}helped 0 of 1 · mean \\+1 · last \\+1 on 2026-02-02\\n {4}${retest}\\n`, 'm');
      // 23:59 on 15 February in Auckland; then its midnight.
      expect(await shown(new Date('2026-02-15T10:59:00Z'))).toMatch(hipHikesThere('re-test from 2026-02-16'));
      expect(await shown(new Date('2026-02-15T11:00:00Z'))).toMatch(hipHikesThere('re-test due \\(since 2026-02-16\\)'));
    } finally {
      process.env.TZ = zone;
    }
  });

  it('carries every flag that holds on its line, joined by " · "', async () => {
    await save((data) => {
      data.sessions.push(
        buildSession({ startedAt: '2026-02-27T09:00:00Z', baseline: 4, drills: [{ id: 'monster-walks', name: 'Monster walks', scores: [7] }] }),
        buildSession({ startedAt: '2026-02-27T10:00:00Z', baseline: 4, drills: [{ id: 'old-drill', name: 'Old drill', scores: [7] }] }),
        buildSession({ startedAt: '2026-02-27T11:00:00Z', baseline: 4, drills: [{ id: 'gone-drill', name: 'Gone drill', scores: [8] }] }),
      );
      // Kept aside by hand, without a note, after the flare-up: both flags.
      data.moves.push({ exerciseId: 'monster-walks', bucket: 'avoid', at: '2026-02-28T09:00:00Z' });
      data.moves.push({ exerciseId: 'gone-drill', bucket: 'avoid', at: '2026-02-28T09:00:00Z' });
      // Moved by hand without a test, and not in the library.
      data.moves.push({ exerciseId: 'hand-drill', bucket: 'rehab', at: '2026-02-28T09:00:00Z' });
    });
    const text = await shown();
    expect(text).toMatch(/^ {2}Monster walks {2}monster-walks {2}flare · moved by hand on 2026-02-28$/m);
    expect(text).toMatch(/^ {2}Old drill {2}old-drill {2}flare · not in the built-in library$/m);
    // Too long to go beside the name with its date: under it, as one line.
    expect(text).toMatch(/^ {2}Gone drill {2}gone-drill\n {4}flare · moved by hand on 2026-02-28 · not in the built-in library$/m);
    // Known by its id alone, which stands for its name: the id once, the flags beside it.
    expect(text).toMatch(/^ {2}hand-drill {2}moved by hand on 2026-02-28 · not in the built-in library$/m);
    // Counted in their lists like the others.
    expect(text).toMatch(/^Rehab — your rehab routine \(1\)\n {2}hand-drill /m);
    expect(text).toMatch(/^Avoid for now \(3\)$/m);
  });

  it('after its one flare-up says "flare" once, beside its name, at 80 columns and at 50, and counts more than one', async () => {
    await save((data) => {
      data.sessions.push(
        buildSession({ startedAt: '2026-02-10T09:00:00Z', baseline: 4, drills: [{ id: 'monster-walks', name: 'Monster walks', scores: [7] }] }),
        buildSession({
          startedAt: '2026-02-27T09:00:00Z',
          baseline: 4,
          drills: [
            { id: 'side-lying-leg-raises', name: 'Side-lying leg raises', scores: [7] },
            { id: 'monster-walks', name: 'Monster walks', scores: [10] },
          ],
        }),
      );
    });
    // The flag, and "last +3 on" for the day: not "1 flare (on 2026-02-27)" as well.
    expect(await shown()).toContain(['  Side-lying leg raises  side-lying-leg-raises  flare', '    helped 0 of 1 · mean +3 · last +3 on 2026-02-27', '    re-test from 2026-03-13\n'].join('\n'));
    // On 50 columns the flag goes under the name, on a line of its own, and is still the only one.
    const narrow = (await onTerminal(50, () => run(['buckets'], { home, now }))).stdout;
    expect(narrow).toContain(['  Side-lying leg raises  side-lying-leg-raises', '    flare', '    helped 0 of 1 · mean +3', '    last +3 on 2026-02-27', '    re-test from 2026-03-13\n'].join('\n'));
    // Flared up twice: how many times is news beside the flag.
    expect(await shown()).toContain('  Monster walks  monster-walks  flare\n    helped 0 of 2 · mean +3 · last +3 on 2026-02-27\n    2 flares (the last on 2026-02-27)\n');
  });

  it('dates a move by hand without a note as one with a note, the date under the name on a narrow terminal', async () => {
    // 02:00 UTC on 1 March is 22:30 on 28 February in St. John's (the tests' zone): the local day.
    await save((data) => void data.moves.push({ exerciseId: 'clamshells', bucket: 'rehab', at: '2026-03-01T02:00:00Z' }));
    expect(await shown()).toMatch(/^ {2}Clamshells {2}clamshells {2}moved by hand on 2026-02-28$/m);
    const narrow = (await onTerminal(40, () => run(['buckets'], { home, now }))).stdout;
    expect(narrow).toMatch(/^ {2}Clamshells {2}clamshells\n {4}moved by hand on 2026-02-28\n {4}not tested in a session yet\n/m);
  });
});

describe('itb buckets: the untested list', () => {
  it('says none is left when every drill of the library has been tried', async () => {
    await save((data) => void data.sessions.push(buildSession({ startedAt: '2026-02-27T09:00:00Z', baseline: 6, drills: [{ id: 'ankle-rocks', scores: [4] }] })));
    const one = await shown(now, ['--data', small]);
    expect(one).toMatch(/^Untested \(1\)\n {2}Wall clamshells\n\n/m);
    expect(one).not.toContain('None:');
    await save((data) => void data.sessions.push(buildSession({ startedAt: '2026-02-28T09:00:00Z', baseline: 6, drills: [{ id: 'wall-clamshells', scores: [5] }] })));
    const none = await shown(now, ['--data', small]);
    expect(none).toMatch(/^Untested \(0\)\n {2}None: every drill in the library has been tried\.\n\nNext: /m);
    expect(none).not.toContain('not tried yet');
  });

  it('does not call a drill moved by hand and never tested a tried one when none is left untested', async () => {
    await save((data) => {
      data.sessions.push(buildSession({ startedAt: '2026-02-27T09:00:00Z', baseline: 6, drills: [{ id: 'ankle-rocks', scores: [4] }] }));
      data.moves.push({ exerciseId: 'wall-clamshells', bucket: 'avoid', note: 'PT: not yet', at: '2026-02-28T09:00:00Z' });
    });
    const none = await shown(now, ['--data', small]);
    expect(none).toMatch(/^Untested \(0\)\n {2}None: every drill in the library is in rehab or avoid for now\.\n\nNext: /m);
    expect(none).not.toContain('has been tried');
  });

  it('does not call a drill moved to rehab by hand and never tested a tried one either', async () => {
    await save((data) => {
      data.sessions.push(buildSession({ startedAt: '2026-02-27T09:00:00Z', baseline: 6, drills: [{ id: 'ankle-rocks', scores: [4] }] }));
      data.moves.push({ exerciseId: 'wall-clamshells', bucket: 'rehab', note: 'PT: twice a day', at: '2026-02-28T09:00:00Z' });
    });
    const none = await shown(now, ['--data', small]);
    expect(none).toMatch(/^Untested \(0\)\n {2}None: every drill in the library is in rehab or avoid for now\.\n\nNext: /m);
    expect(none).not.toContain('has been tried');
  });

  it('breaks a long name in its column between words, never inside its note in brackets, else lists the names in one column', async () => {
    await save((data) => void data.sessions.push(buildSession({ startedAt: '2026-02-27T09:00:00Z', baseline: 6, drills: [{ id: 'hip-hikes', scores: [4] }] })));
    const untested = (text: string) => text.slice(text.indexOf('Untested (')).split('\n\n')[0]!.split('\n').slice(1);
    // Each piece of a name on a line, in either column, holds its brackets whole.
    const halfOpen = (lines: string[]) => lines.flatMap((line) => line.trim().split(/ {4,}/)).filter((piece) => /\([^)]*$|^[^(]*\)/.test(piece));
    const wide = untested((await onTerminal(80, () => run(['buckets'], { home, now }))).stdout);
    expect(wide.some((line) => / {4}\S/.test(line.trim()))).toBe(true);
    expect(halfOpen(wide)).toEqual([]);
    expect(wide).toContain('  Hip CARs                                Hip internal rotation mobility');
    expect(wide).toContain('    (controlled articular rotations)        (lying face down)');
    // On 70 columns that note is too long for its column: one column, each name whole on its line.
    const narrower = untested((await onTerminal(70, () => run(['buckets'], { home, now }))).stdout);
    expect(narrower).toHaveLength(30);
    expect(narrower).toContain('  Hip CARs (controlled articular rotations)');
    expect(halfOpen(narrower)).toEqual([]);
  });

  it('gives each line of a name broken in the right column, under a shorter name in the left', async () => {
    const mine = join(home, 'long-names.yaml');
    writeFileSync(mine, readFileSync(small, 'utf8').replace('name: Ankle rocks', 'name: Side-lying hip abduction with a band (against a wall)'));
    await save((data) => void data.sessions.push(buildSession({ startedAt: '2026-02-27T09:00:00Z', baseline: 6, drills: [{ id: 'hip-hikes', name: 'Hip hikes', scores: [4] }] })));
    const text = await onTerminal(80, () => shown(now, ['--data', mine]));
    expect(text).toContain('Untested (2)\n  Wall clamshells    Side-lying hip abduction with a band\n                       (against a wall)\n\n');
  });
});

describe('itb buckets: what to run next', () => {
  it('offers the re-test routine when the rehab list is empty and drills are due, then the drills not tried yet', async () => {
    await save((data) => void data.sessions.push(buildSession({ startedAt: '2026-02-01T09:00:00Z', baseline: 6, drills: [{ id: 'hip-hikes', scores: [6, 7] }] })));
    const text = await shown();
    expect(text).toContain('Rehab — your rehab routine (0)');
    expect(text).toMatch(/\n\nNext: itb session retest {7}re-test 1 drill set aside for now\n {6}itb session joint-chain {2}test 5 of 30 drills not tried yet\n$/);
  });

  it('offers the drills not tried yet when the rehab list is empty and no drill is due', async () => {
    await save((data) => void data.sessions.push(buildSession({ startedAt: '2026-02-28T09:00:00Z', baseline: 6, drills: [{ id: 'hip-hikes', scores: [6, 7] }] })));
    // The joint chain, first in the library, holds 5 of them: the command runs it.
    expect(await shown()).toMatch(/\n\nNext: itb session joint-chain {2}test 5 of 30 drills not tried yet\n$/);
  });

  it('a few sessions in, offers the drills not tried yet beside the rehab routine: testing them is how the buckets fill', async () => {
    await save((data) => {
      data.sessions.push(
        buildSession({ startedAt: '2026-02-20T09:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }, { id: 'bridges', scores: [5, 5] }] }),
        buildSession({ startedAt: '2026-02-27T09:00:00Z', baseline: 5, drills: [{ id: 'hip-hikes', scores: [4] }, { id: 'lateral-ankle-tilts', scores: [3] }] }),
      );
    });
    const text = await shown();
    expect(text).toMatch(/^Untested \(27\)$/m);
    expect(text).toMatch(/\n\nNext: itb session rehab {8}run your rehab routine\n {6}itb session joint-chain {2}test 4 of 27 drills not tried yet\n$/);
  });

  it('offers the rehab routine, the re-test routine and the drills not tried yet, their descriptions in one column', async () => {
    await save((data) => {
      data.sessions.push(
        buildSession({ startedAt: '2026-02-01T09:00:00Z', baseline: 6, drills: [{ id: 'hip-hikes', scores: [6, 7] }] }),
        buildSession({ startedAt: '2026-02-27T09:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] }),
      );
    });
    expect(await shown()).toMatch(
      /\n\nNext: itb session rehab {8}run your rehab routine\n {6}itb session retest {7}re-test 1 drill set aside for now\n {6}itb session joint-chain {2}test 5 of 29 drills not tried yet\n$/,
    );
  });

  it('counts the untested drills that a routine offers, those tested only before the buckets were cleared among them, and calls them untested: they were tried', async () => {
    // The small library's one routine holds both its drills.
    await save((data) => {
      data.sessions.push(buildSession({ startedAt: '2026-02-20T09:00:00Z', baseline: 6, drills: [{ id: 'wall-clamshells', scores: [4] }] }));
      data.bucketsResetAt = '2026-02-21T09:00:00.000Z';
      data.sessions.push(buildSession({ startedAt: '2026-02-27T09:00:00Z', baseline: 6, drills: [{ id: 'ankle-rocks', scores: [4] }] }));
    });
    // With the library's path, each command is on a line of its own, and what it does under it.
    const next = async () => (await shown(now, ['--data', small])).replace(/\s+/g, ' ').split('Next: ')[1];
    expect(await next()).toBe(`itb --data ${small} session rehab run your rehab routine itb --data ${small} session clinic-plan test 1 untested drill `);
    // Every drill tried since: the rehab routine alone.
    await save((data) => void data.sessions.push(buildSession({ startedAt: '2026-02-28T09:00:00Z', baseline: 6, drills: [{ id: 'wall-clamshells', scores: [4] }] })));
    expect(await next()).toBe(`itb --data ${small} session rehab run your rehab routine `);
    // Too long for a narrow terminal, a command goes on after the shell's "\\", further in than
    // what it does, its --data with the file name after it: copied whole, it still runs.
    const copy = join(home, 'good.yaml');
    copyFileSync(small, copy);
    const narrow = (await onTerminal(50, () => run(['--data', copy, 'buckets'], { home, now }))).stdout.split('\n');
    const lines = narrow.slice(narrow.findIndex((line) => line.startsWith('Next: ')));
    expect(lines.filter((line) => line.length > 50)).toEqual([]);
    expect(lines.filter((line) => line.endsWith(' \\')).length).toBeGreaterThan(0);
    expect(commandsIn(lines, (line) => /^(Next: | {6})itb/.test(line))).toEqual([`Next: itb --data ${copy} session rehab`]);
    expect(lines.at(-2)).toBe('        run your rehab routine');
  });

  it('gives the first re-test date when every drill is set aside and none is due, as a session would have none to offer', async () => {
    // Set aside on 20 and 27 February: due from 6 and 13 March.
    await save((data) => {
      data.sessions.push(
        buildSession({ startedAt: '2026-02-27T09:00:00Z', baseline: 6, drills: [{ id: 'wall-clamshells', scores: [6, 6] }] }),
        buildSession({ startedAt: '2026-02-20T09:00:00Z', baseline: 6, drills: [{ id: 'ankle-rocks', scores: [7, 7] }] }),
      );
    });
    expect((await shown(now, ['--data', small])).replace(/\s+/g, ' ')).toMatch(/ Next: itb --data \S+ session retest the first re-test is due on 2026-03-06 $/);
    // A session now has nothing to offer: the suggestion of one would end in a refusal.
    const session = await run(['--data', small, 'session', 'clinic-plan', '--side', 'left', '--symptom', 'pain'], { home, now, tty: true });
    expect(session.stderr).toContain('set aside');
  });

  it('counts no drill that no routine holds among those not tried yet, as no session offers it', async () => {
    const library = writeOutsideRoutines(join(home, 'library.yaml'));
    await save((data) => void data.sessions.push(buildSession({ startedAt: '2026-02-27T09:00:00Z', baseline: 6, drills: [{ id: 'ankle-rocks', scores: [4] }] })));
    // Wall clamshells is left to test; side steps, in no routine, is not.
    expect((await shown(now, ['--data', library])).replace(/\s+/g, ' ')).toMatch(/ Next: itb --data \S+ session rehab run your rehab routine itb --data \S+ session clinic-plan test 1 drill not tried yet $/);
  });

  it("gives the first re-test date of the library's own drills, on the local day it starts", async () => {
    // In Auckland (UTC+13), set aside on 21 and 28 February there: due from 7 March there, which starts on 6 March in UTC.
    // Hip hikes, not in this library, set aside two days before: no session here offers it, so its date is not the one.
    await save((data) => {
      data.sessions.push(
        buildSession({ startedAt: '2026-02-18T09:00:00Z', baseline: 6, drills: [{ id: 'hip-hikes', scores: [6, 6] }] }),
        buildSession({ startedAt: '2026-02-20T12:00:00Z', baseline: 6, drills: [{ id: 'ankle-rocks', scores: [7, 7] }] }),
        buildSession({ startedAt: '2026-02-27T12:00:00Z', baseline: 6, drills: [{ id: 'wall-clamshells', scores: [6, 6] }] }),
      );
    });
    const zone = process.env.TZ;
    process.env.TZ = 'Pacific/Auckland';
    try {
      expect((await shown(now, ['--data', small])).replace(/\s+/g, ' ')).toMatch(/ Next: itb --data \S+ session retest the first re-test is due on 2026-03-07 $/);
    } finally {
      process.env.TZ = zone;
    }
  });
});

describe('itb buckets: a drill stored under an id the library no longer has', () => {
  const storedAs = (name: string) => save((data) => void data.sessions.push(buildSession({ startedAt: '2026-02-10T09:00:00Z', baseline: 5, drills: [{ id: 'clam-shells', name, scores: [3] }] })));
  const giveBack = 'your library has this name under the id clamshells: results are kept by id, so give it back the id clam-shells to keep them together';
  const apart = "your library has this name under the id clamshells, which has results of its own: results are kept by id, so each id's are listed apart";
  const said = async () => (await shown()).replace(/\s+/g, ' ');

  it('is matched to the library drill of its name whatever the case of either', async () => {
    await storedAs('CLAMSHELLS');
    expect(await said()).toContain(giveBack);
    cleanup();
    ({ home, cleanup } = tempHome());
    await storedAs('clamshells');
    expect(await said()).toContain(giveBack);
  });

  it("says the library's drill has results of its own when it was moved by hand, though never tested", async () => {
    await storedAs('Clamshells');
    await save((data) => void data.moves.push({ exerciseId: 'clamshells', bucket: 'rehab', at: '2026-02-12T09:00:00Z' }));
    const text = await said();
    expect(text).toContain(apart);
    expect(text).not.toContain('give it back');
  });

  it("says the library's drill has results of its own when it was tested only before the buckets were cleared", async () => {
    await save((data) => {
      data.sessions.push(buildSession({ startedAt: '2026-02-08T09:00:00Z', baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] }));
      data.bucketsResetAt = '2026-02-09T09:00:00.000Z';
    });
    await storedAs('Clamshells');
    const text = await said();
    expect(text).toMatch(/Untested \(\d+\) Tested only before the buckets were cleared: Clamshells clamshells helped 1 of 1 /);
    expect(text).toContain(apart);
    expect(text).not.toContain('give it back');
  });

  it("asks for the old id back while the library's drill has no results, whatever other drills have", async () => {
    await storedAs('Clamshells');
    // Clamshells only skipped; bridges tested and moved by hand.
    await save((data) => {
      data.sessions.push(buildSession({ startedAt: '2026-02-12T09:00:00Z', baseline: 5, drills: [{ id: 'clamshells', skipped: true }, { id: 'bridges', scores: [4] }] }));
      data.moves.push({ exerciseId: 'monster-walks', bucket: 'avoid', at: '2026-02-13T09:00:00Z' });
    });
    const text = await said();
    expect(text).toContain(giveBack);
    expect(text).not.toContain('results of its own');
  });
});

describe('itb buckets: drills the library in use does not have', () => {
  // Clamshells and hip hikes of the built-in library, then ankle rocks of a file of one's own.
  const testedInBoth = () =>
    save((data) => {
      data.sessions.push(
        buildSession({ startedAt: '2026-02-10T09:00:00Z', baseline: 5, drills: [{ id: 'clamshells', scores: [3] }, { id: 'hip-hikes', scores: [5, 5] }] }),
        buildSession({ startedAt: '2026-02-11T09:00:00Z', routine: 'clinic-plan', baseline: 5, drills: [{ id: 'ankle-rocks', name: 'Ankle rocks', scores: [3] }] }),
      );
    });
  const note = (file: string) =>
    `This library is ${file}: a drill not in it (taken out of it, or from another library file) keeps its results here. If you still do it, or still want it re-tested, the library file that has it runs it (--data, or ITB_DATA; without either, itb uses the built-in library).`;

  it('are marked as not in the built-in library when it is the one in use, which is no word on whether they ever were', async () => {
    await testedInBoth();
    const text = await shown();
    expect(text).toMatch(/^ {2}Ankle rocks {2}ankle-rocks {2}not in the built-in library$/m);
    expect(text).toMatch(/^ {2}Clamshells {2}clamshells$/m);
    expect(text).not.toContain('no longer');
    expect(text).not.toContain('This library is');
  });

  it('are marked as not in this library with a file of one\'s own, whose name a note under the lists gives', async () => {
    await testedInBoth();
    const text = await shown(now, ['--data', small]);
    expect(text).toMatch(/^ {2}Clamshells {2}clamshells {2}not in this library$/m);
    expect(text).toMatch(/^ {2}Hip hikes {2}hip-hikes {2}not in this library$/m);
    expect(text).toMatch(/^ {2}Ankle rocks {2}ankle-rocks\n/m);
    expect(text).not.toContain('no longer');
    expect(text.replace(/\s+/g, ' ')).toContain(note(small));
    // Named by ITB_DATA, the note says so: nothing on the command line names it.
    const fromEnv = (await run(['buckets'], { home, now, env: { ITB_DATA: small } })).stdout;
    expect(fromEnv.replace(/\s+/g, ' ')).toContain(note(`${small} (ITB_DATA)`));
  });

  it('tested only before the buckets were cleared, are listed with those of the library, marked and with their evidence', async () => {
    await testedInBoth();
    await save((data) => void (data.bucketsResetAt = '2026-02-12T09:00:00.000Z'));
    const text = await shown(now, ['--data', small]);
    const earlier = text.split('Tested only before the buckets were cleared:\n')[1]!.split('\n\n')[0]!;
    expect(earlier).toMatch(/^ {2}Ankle rocks {2}ankle-rocks\n {4}helped 1 of 1 /);
    expect(earlier).toMatch(/^ {2}Clamshells {2}clamshells {2}not in this library\n {4}helped 1 of 1 · mean −2 · last −2 on 2026-02-10$/m);
    expect(earlier).toMatch(/^ {2}Hip hikes {2}hip-hikes {2}not in this library\n {4}helped 0 of 1 /m);
    expect(text).toMatch(/^Untested \(4\)$/m);
    expect(text).toContain('Not tested yet:\n  Wall clamshells');
    expect(text.replace(/\s+/g, ' ')).toContain(note(small));
    // A drill the library does not have is no drill a session can offer.
    expect(text.replace(/\s+/g, ' ').split('Next: ')[1]).toBe(`itb --data ${small} session clinic-plan test 2 untested drills `);
    // The same as JSON: untested, and not in the library in use.
    const json = JSON.parse((await run(['--data', small, 'buckets', '--json'], { home, now })).stdout);
    expect(json.untested.map((status: { exerciseId: string; inLibrary: boolean }) => [status.exerciseId, status.inLibrary])).toEqual([
      ['wall-clamshells', true],
      ['ankle-rocks', true],
      ['clamshells', false],
      ['hip-hikes', false],
    ]);
    expect(json.untested[2]).toMatchObject({ name: 'Clamshells', bucket: 'untested', evidence: { tested: 1, helped: 1 } });
  });

  it('known by their id alone, show the id once, as their name, marked as not in the library at 80 and 40 columns', async () => {
    // A name left empty or of spaces by a backup written by hand, and a drill moved by hand and never tested.
    await save((data) => {
      data.sessions.push(buildSession({ startedAt: '2026-02-11T09:00:00Z', routine: 'clinic-plan', baseline: 5, drills: [{ id: 'heel-drops', name: '', scores: [3] }, { id: 'toe-taps', name: '   ', scores: [3, 3] }] }));
      data.moves.push({ exerciseId: 'step-ups', bucket: 'rehab', at: '2026-02-12T09:00:00.000Z' });
    });
    const wide = (await onTerminal(80, () => run(['buckets'], { home, now }))).stdout;
    expect(wide).toMatch(/^ {2}heel-drops {2}not in the built-in library\n {4}helped 1 of 1 /m);
    expect(wide).toMatch(/^ {2}toe-taps {2}not in the built-in library\n {4}helped 0 of 1 /m);
    expect(wide).toMatch(/^ {2}step-ups {2}moved by hand on 2026-02-12 · not in the built-in library\n/m);
    const narrow = (await onTerminal(40, () => run(['buckets'], { home, now }))).stdout;
    expect(narrow).toMatch(/^ {2}heel-drops\n {4}not in the built-in library\n {4}helped 1 of 1/m);
    expect(narrow).toMatch(/^ {2}toe-taps\n {4}not in the built-in library\n {4}helped 0 of 1/m);
    // Too long for a line together, the flags are broken between them, not inside one.
    expect(narrow).toMatch(/^ {2}step-ups\n {4}moved by hand on 2026-02-12\n {4}not in the built-in library\n/m);
    expect(await shown(now, ['--data', small])).toMatch(/^ {2}heel-drops {2}not in this library\n/m);
    // A drill of the library whose name was kept is named, its id beside.
    expect(wide).not.toMatch(/heel-drops.*heel-drops|toe-taps.*toe-taps|step-ups.*step-ups/);
    // The JSON gives each its id as name, as before.
    const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
    expect([...json.rehab, ...json.avoid].map((status: { exerciseId: string; name: string; inLibrary: boolean }) => [status.exerciseId, status.name, status.inLibrary])).toEqual([
      ['heel-drops', 'heel-drops', false],
      ['step-ups', 'step-ups', false],
      ['toe-taps', 'toe-taps', false],
    ]);
  });

  it('give no note when the file has every drill the buckets hold', async () => {
    await save((data) => void data.sessions.push(buildSession({ startedAt: '2026-02-11T09:00:00Z', routine: 'clinic-plan', baseline: 5, drills: [{ id: 'ankle-rocks', name: 'Ankle rocks', scores: [3] }] })));
    const text = await shown(now, ['--data', small]);
    expect(text).toMatch(/^ {2}Ankle rocks {2}ankle-rocks\n/m);
    expect(text).not.toContain('This library is');
    expect(text).not.toContain('not in this library');
  });
});

describe('itb buckets: more of what to run next', () => {
  it('offers the re-test routine of strength drills at once when it was left part way today, as the advice says it can go on', async () => {
    // Hip hikes and clamshells, strength drills, were set aside a month ago; three hours ago the
    // re-test routine was stopped after hip hikes, set aside again. Clamshells are still due.
    await save((data) => {
      data.sessions.push(
        buildSession({ startedAt: '2026-02-01T09:00:00Z', routine: 'strength', loading: true, baseline: 6, drills: [{ id: 'hip-hikes', scores: [6, 6] }, { id: 'clamshells', scores: [6, 6] }] }),
        buildSession({ startedAt: '2026-03-01T09:00:00Z', routine: 'retest', loading: true, status: 'stopped', baseline: 6, drills: [{ id: 'hip-hikes', scores: [6, 6] }] }),
      );
    });
    const text = await shown();
    expect(text.replace(/\s+/g, ' ')).toContain('The retest routine you left part way today, for your left side, can go on later today');
    expect(text).toMatch(/\n\nNext: itb session retest {7}re-test 1 drill set aside for now\n {6}itb session joint-chain {2}test 5 of 29 drills not tried yet\n$/);
  });

  it('keeps a Next line of 80 characters beside its command, and puts what it does under one of 81', async () => {
    // The routine's id is as long as makes "Next: itb session ROUTINE  test 1 drill not tried yet" 80 characters.
    const room = 80 - 'Next: itb session   test 1 drill not tried yet'.length;
    const withRoutine = (id: string) => {
      const file = join(home, `${id.length}.yaml`);
      writeFileSync(file, readFileSync(small, 'utf8').replace('id: clinic-plan', `id: ${id}`));
      return file;
    };
    const fits = 'c'.repeat(room);
    const over = 'c'.repeat(room + 1);
    await save((data) => void data.sessions.push(buildSession({ startedAt: '2026-02-28T09:00:00Z', baseline: 6, drills: [{ id: 'ankle-rocks', scores: [6, 6] }] })));
    // Given by ITB_DATA, the library is not in the command.
    const shownWith = async (file: string) => (await run(['buckets'], { home, now, env: { ITB_DATA: file } })).stdout;
    expect(await shownWith(withRoutine(fits))).toMatch(new RegExp(`\\n\\nNext: itb session ${fits} {2}test 1 drill not tried yet\\n$`));
    expect(await shownWith(withRoutine(over))).toMatch(new RegExp(`\\n\\nNext: itb session ${over}\\n {8}test 1 drill not tried yet\\n$`));
  });
});

describe('itb buckets: the evidence of a drill', () => {
  it('gives no change for a test recorded without its scores', async () => {
    await save((data) => void data.sessions.push({ ...buildSession({ startedAt: '2026-02-27T09:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] }), attempts: [] }));
    expect(await shown()).toMatch(/^ {2}Clamshells {2}clamshells\n {4}helped 1 of 1\n\n/m);
  });
});

describe('itb buckets: a drill moved by hand, then tested again', () => {
  const at = (day: string) => new Date(`${day}T12:00:00Z`);
  const test = (day: string, scores: number[]) => save((data) => void data.sessions.push(buildSession({ startedAt: `${day}T12:00:00Z`, baseline: 6, drills: [{ id: 'hip-hikes', scores }] })));
  const move = async (day: string, bucket: string, note?: string) => {
    const result = await run(['buckets', 'move', 'hip-hikes', bucket, ...(note === undefined ? [] : ['--note', note])], { home, now: at(day) });
    expect(result.code, result.stderr).toBe(0);
  };
  const reason = 'therapist: try it again with a lighter band, slowly';

  it('keeps the reason of the move in view, dimmed, under the evidence of the test that decided since', async () => {
    await test('2026-02-02', [6, 7]);
    await move('2026-02-10', 'rehab', reason);
    expect(await shown(at('2026-02-11'))).toMatch(/^ {2}Hip hikes {2}hip-hikes\n {4}helped 0 of 1 · mean \+1 · last \+1 on 2026-02-02\n {4}moved by hand on 2026-02-10: therapist: try it/m);
    // Tested again: the test decides, and the move it replaced is said as one made earlier.
    await test('2026-02-20', [4]);
    const text = await shown(at('2026-02-21'));
    expect(text).toMatch(/^ {2}Hip hikes {2}hip-hikes\n {4}helped 1 of 2 · [^\n]* on 2026-02-20\n {4}moved by hand to rehab on 2026-02-10: therapist: try it again with a\n {4}lighter band, slowly\n/m);
    expect(text).not.toMatch(/moved by hand on [\d-]+:/);
    const coloured = await run(['buckets'], { home, now: at('2026-02-21'), tty: true, env: { NO_COLOR: undefined } });
    const dim = (line: string) => `\u001b[2m${line}\u001b[22m\n`;
    expect(coloured.stdout).toContain(dim('    moved by hand to rehab on 2026-02-10: therapist: try it again with a') + dim('    lighter band, slowly'));
    const json = JSON.parse((await run(['buckets', '--json'], { home, now: at('2026-02-21') })).stdout);
    expect(json.rehab.find((drill: { exerciseId: string }) => drill.exerciseId === 'hip-hikes')).toMatchObject({ source: 'session', earlierMove: { bucket: 'rehab', at: '2026-02-10T12:00:00.000Z', note: reason } });
    expect(json.rehab.find((drill: { exerciseId: string }) => drill.exerciseId === 'hip-hikes')).not.toHaveProperty('note');
    // On a narrow terminal the line is broken between words, under the evidence.
    const narrow = (await onTerminal(40, () => run(['buckets'], { home, now: at('2026-02-21') }))).stdout.split('\n');
    const first = narrow.findIndex((line) => line.startsWith('    moved by hand to rehab'));
    expect(narrow.slice(first, first + 3)).toEqual(['    moved by hand to rehab on', '    2026-02-10: therapist: try it', '    again with a lighter band, slowly']);
    expect(narrow.slice(0, first + 3).filter((line) => line.length > 40)).toEqual([]);
    // Moved by hand again, the new move is the drill's latest decision, with its own note alone.
    await move('2026-02-22', 'avoid', 'sore again');
    const movedAgain = await shown(at('2026-02-23'));
    expect(movedAgain).toContain('    moved by hand on 2026-02-22: sore again\n');
    expect(movedAgain).not.toContain('moved by hand to');
  });

  it("shows only the latest move's note, none once a later move came without one, and none from before a reset", async () => {
    await test('2026-02-02', [6, 7]);
    await move('2026-02-05', 'rehab', 'an older reason');
    await move('2026-02-06', 'avoid', 'PT: wait two weeks');
    await test('2026-02-20', [4]);
    const text = await shown(at('2026-02-21'));
    // As the README shows it.
    expect(text).toContain('  Hip hikes  hip-hikes\n    helped 1 of 2 · mean −0.5 · last −2 on 2026-02-20\n    moved by hand to avoid on 2026-02-06: PT: wait two weeks\n');
    expect(text).not.toContain('an older reason');
    // A move without a note took the reason back: the test after it shows no earlier move.
    await move('2026-02-22', 'avoid');
    await test('2026-02-25', [4]);
    expect(await shown(at('2026-02-26'))).not.toContain('moved by hand');
    // The lists start again after a reset: a move made before it is not shown at a test after it.
    await move('2026-02-27', 'avoid', 'PT: wait two weeks');
    expect((await run(['buckets', 'reset', '--force'], { home, now: at('2026-02-28') })).code).toBe(0);
    await test('2026-03-01', [4]);
    expect(await shown(at('2026-03-02'))).not.toContain('moved by hand');
    const json = JSON.parse((await run(['buckets', '--json'], { home, now: at('2026-03-02') })).stdout);
    expect(json.rehab.find((drill: { exerciseId: string }) => drill.exerciseId === 'hip-hikes')).not.toHaveProperty('earlierMove');
  });

  it('keeps the note for the two tests since the move, not from the third: years on, the drill has a record of its own', async () => {
    await test('2026-02-02', [6, 7]);
    await move('2026-02-06', 'avoid', 'PT: wait two weeks');
    await test('2026-02-20', [4]);
    await test('2026-02-21', [5]);
    const line = '    moved by hand to avoid on 2026-02-06: PT: wait two weeks\n';
    expect(await shown(at('2026-02-22'))).toContain(`    helped 2 of 3 · mean −0.7 · last −1 on 2026-02-21\n${line}`);
    await test('2026-02-23', [4]);
    const third = await shown(at('2026-02-24'));
    expect(third).toMatch(/^ {2}Hip hikes {2}hip-hikes\n {4}helped 3 of 4 · [^\n]* on 2026-02-23\n\n/m);
    expect(third).not.toContain('moved by hand');
    // --json still gives the move, with the tests since, for whoever reads it.
    const json = JSON.parse((await run(['buckets', '--json'], { home, now: at('2026-02-24') })).stdout);
    expect(json.rehab.find((drill: { exerciseId: string }) => drill.exerciseId === 'hip-hikes')).toMatchObject({
      earlierMove: { bucket: 'avoid', at: '2026-02-06T12:00:00.000Z', note: 'PT: wait two weeks', testedSince: 3 },
    });
  });

  it('dates the earlier move by the local day it was made on', async () => {
    await test('2026-02-02', [6, 7]);
    // 01:30 UTC on 10 February is 22:00 on 9 February in St. John's (the tests' zone).
    const moved = await run(['buckets', 'move', 'hip-hikes', 'rehab', '--note', reason], { home, now: new Date('2026-02-10T01:30:00Z') });
    expect(moved.code, moved.stderr).toBe(0);
    await test('2026-02-20', [4]);
    expect(await shown(at('2026-02-21'))).toContain('    moved by hand to rehab on 2026-02-09: therapist:');
  });
});
