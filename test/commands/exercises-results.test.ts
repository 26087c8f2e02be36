// `itb exercises ID` with your results: the drill's bucket and evidence from your sessions, as
// `itb buckets` has them, under the drill as the library describes it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDate } from '../../src/core/history.js';
import type { Session } from '../../src/core/records.js';
import { run, tempHome } from '../helpers/run.js';
import { buildSession, saveSessions } from '../helpers/sessions.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const now = new Date('2026-11-20T10:00:00.000Z');
const show = (id: string) => run(['exercises', id], { home, now });
/** The "For you:" lines, run together, or undefined when there are none. */
const forYou = (stdout: string) => /^ {2}For you: {4}(.*(?:\n {14}.*)*)/m.exec(stdout)?.[1]!.replace(/\n\s+/g, ' · ');

const afterSessions = (...sessions: Session[]) => saveSessions(home, ...sessions);

describe('itb exercises ID, with your results', () => {
  it('shows the bucket and evidence of a drill that helped, of one set aside by a flare-up, and of one not tested yet', async () => {
    const session = buildSession({
      startedAt: '2026-11-10T09:00:00.000Z',
      routine: 'joint-chain',
      baseline: 5,
      drills: [
        { id: 'lateral-ankle-tilts', scores: [3] },
        { id: 'lunge-knee-circles', scores: [7] },
      ],
    });
    await afterSessions(session);
    const day = (at: string) => localDate(new Date(at));
    const [tilts, circles] = session.attempts;

    const helped = await show('lateral-ankle-tilts');
    expect(helped.code, helped.stderr).toBe(0);
    expect(forYou(helped.stdout)).toBe(`in your rehab routine · helped 1 of 1 · mean −2 · last −2 on ${day(tilts!.at)}`);
    // Under the drill as the library has it, not in place of it.
    expect(helped.stdout).toMatch(/^Lateral ankle tilts {2}\(lateral-ankle-tilts\)\n/);

    const flared = await show('lunge-knee-circles');
    const retest = localDate(new Date(new Date(circles!.at).getTime() + 14 * 24 * 60 * 60 * 1000));
    // Its one flare-up, its last test, said once: beside the bucket, and dated by "last +4 on".
    expect(forYou(flared.stdout)).toBe(`avoid for now (flare-up), re-test from ${retest} · helped 0 of 1 · mean +4 · last +4 on ${day(circles!.at)}`);

    // Its re-test date come, the drill is due.
    const later = await run(['exercises', 'lunge-knee-circles'], { home, now: new Date('2026-12-01T10:00:00.000Z') });
    expect(forYou(later.stdout)).toMatch(/^avoid for now \(flare-up\), re-test due · helped 0 of 1 · /);

    expect(forYou((await show('clamshells')).stdout)).toBe('not tested in a session yet');
  });

  it('says a drill moved by hand was moved so', async () => {
    await afterSessions(buildSession({ startedAt: '2026-11-10T09:00:00.000Z', baseline: 5, drills: [{ id: 'clamshells', scores: [4] }] }));
    expect((await run(['buckets', 'move', 'bridges', 'rehab', '--note', 'PT says so'], { home, now })).code).toBe(0);
    expect(forYou((await show('bridges')).stdout)).toBe('in your rehab routine (moved by hand) · not tested in a session yet');
    // Set aside by hand, it waits for its re-test as one set aside in a session does.
    expect((await run(['buckets', 'move', 'hip-hikes', 'avoid', '--note', 'hurts on stairs'], { home, now })).code).toBe(0);
    expect(forYou((await show('hip-hikes')).stdout)).toBe('avoid for now (moved by hand), re-test from 2026-12-04 · not tested in a session yet');
  });

  it('says which painful side a drill was tested with, when sessions had more than one, and keeps its evidence once the lists are cleared', async () => {
    const left = buildSession({ startedAt: '2026-11-09T09:00:00.000Z', side: 'left', baseline: 5, drills: [{ id: 'clamshells', scores: [4] }] });
    await afterSessions(left, buildSession({ startedAt: '2026-11-10T09:00:00.000Z', side: 'right', baseline: 5, drills: [{ id: 'bridges', scores: [3] }] }));
    const day = localDate(new Date(left.attempts[0]!.at));
    expect(forYou((await show('clamshells')).stdout)).toBe(`in your rehab routine · helped 1 of 1 · with the left side painful · mean −1 · last −1 on ${day}`);
    // Cleared, the drill is untested again, and what the sessions showed still stands beside it.
    expect((await run(['buckets', 'reset', '--force'], { home, now })).code).toBe(0);
    expect(forYou((await show('clamshells')).stdout)).toBe(`untested since the lists were cleared · helped 1 of 1 · with the left side painful · mean −1 · last −1 on ${day}`);
  });

  it('says how a drill tested on more than one painful side did on each, as itb buckets does, with no mean of them all', async () => {
    const left = buildSession({ startedAt: '2026-11-09T09:00:00.000Z', side: 'left', baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] });
    const right = buildSession({ startedAt: '2026-11-10T09:00:00.000Z', side: 'right', baseline: 5, drills: [{ id: 'clamshells', scores: [8] }] });
    await afterSessions(left, right);
    const day = localDate(new Date(right.attempts[0]!.at));
    const lines = (await show('clamshells')).stdout.split('\n');
    const from = lines.findIndex((line) => line.startsWith('  For you:'));
    // Helped the left side, flared up on the right: a mean of the two (+0.5) would be true of neither.
    // Too long for its line, broken between sides, the second under the first.
    expect(lines.slice(from, from + 4)).toEqual([
      '  For you:    avoid for now (flare-up), re-test from 2026-11-24 · helped 1 of 2',
      '              by painful side: left 1 of 1 with mean −2,',
      '                right 0 of 1 with mean +3',
      `              last +3 on ${day} (right side painful)`,
    ]);
    // As itb buckets has it.
    const buckets = (await run(['buckets'], { home, now })).stdout;
    expect(buckets).toContain('    by painful side: left 1 of 1 with mean −2, right 0 of 1 with mean +3\n');
  });

  it('says why a drill whose score fell was set aside, once minImprovement was raised, as buckets does', async () => {
    // Helped by a fall of 1 with the default, then set aside by one after minImprovement went to 2.
    const before = buildSession({ startedAt: '2026-11-09T09:00:00.000Z', baseline: 5, drills: [{ id: 'clamshells', scores: [4] }] });
    const after = buildSession({ startedAt: '2026-11-12T09:00:00.000Z', baseline: 5, minImprovement: 2, drills: [{ id: 'clamshells', scores: [4, 4] }] });
    await afterSessions(before, after);
    const day = localDate(new Date(after.attempts[1]!.at));
    const shown = (await show('clamshells')).stdout;
    expect(forYou(shown)).toMatch(new RegExp(`^avoid for now, re-test from 2026-11-26 · helped 1 of 2 · mean −1 · last −1 on ${day} · its last test fell by 1 point`));
    // A part of its own, broken between words where it is too long for the line.
    expect(shown.replace(/\s+/g, ' ')).toContain(`last −1 on ${day} its last test fell by 1 point, less than the 2 that count as helping Cues:`);
    // In the words `itb buckets` gives it under the drill.
    expect((await run(['buckets'], { home, now })).stdout).toContain('its last test fell by 1 point, less than the 2 that count as helping');
  });

  it('shows nothing of the kind before anything was saved, and writes nothing', async () => {
    const result = await show('clamshells');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Clamshells');
    expect(forYou(result.stdout)).toBeUndefined();
    expect(existsSync(join(home, 'store.json'))).toBe(false);
  });

  it('shows the drill all the same with a store that cannot be read, saying where to find out why, and leaves its bytes alone', async () => {
    const store = join(home, 'store.json');
    writeFileSync(store, '{"schemaVersion": 2, "sessions": [', { mode: 0o600 });
    const before = readFileSync(store);
    const result = await show('clamshells');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Clamshells');
    expect(forYou(result.stdout)).toBe('not shown: your results could not be read (`itb buckets` says why)');
    expect(readFileSync(store).equals(before)).toBe(true);
    // --json is the library's drill alone, whatever the store holds.
    const json = await run(['exercises', 'clamshells', '--json'], { home, now });
    expect(json.code).toBe(0);
    expect(Object.keys(JSON.parse(json.stdout))).not.toContain('evidence');
  });
});
