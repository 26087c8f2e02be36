// `itb buckets move`: moving a drill by hand with its note, set aside again at its re-test, and drills no longer in the library.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreData } from '../../src/core/records.js';
import { localDate } from '../../src/core/history.js';
import { Store } from '../../src/store/store.js';
import { run, tempHome } from '../helpers/run.js';
import { buildSession } from '../helpers/sessions.js';
import { libraryFile } from '../helpers/libraries.js';
import { now, withSessionsIn } from '../helpers/bucket-sessions.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const save = (mutate: (data: StoreData) => void) => Store.open({ ITB_HOME: home }).update(mutate);
const stored = () => Store.open({ ITB_HOME: home }).read();
const withSessions = () => withSessionsIn(home);

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
