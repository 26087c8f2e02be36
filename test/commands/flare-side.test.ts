// `itb buckets` and `itb exercises ID` say the painful side of a drill's newest flare-up when its
// tests span more than one side, as they say the side of its last test; --json gives it as
// lastFlareSide.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/core/records.js';
import { run, tempHome } from '../helpers/run.js';
import { buildSession, saveSessions } from '../helpers/sessions.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const now = new Date('2026-11-24T15:00:00.000Z');
const clamshells = (day: string, side: Session['side'], baseline: number, scores: number[]) =>
  buildSession({ startedAt: `${day}T14:00:00.000Z`, routine: 'strength', side, baseline, drills: [{ id: 'clamshells', name: 'Clamshells', scores }] });

// Flare-ups on the left, then on the right (on the retry), then a test on the left that helped.
const twoSides = () => saveSessions(home, clamshells('2026-11-02', 'left', 4, [8]), clamshells('2026-11-09', 'right', 4, [4, 7]), clamshells('2026-11-16', 'left', 6, [4]));

describe('the side of the newest flare-up', () => {
  it('is said after its day in itb buckets, under the last test and its side', async () => {
    await twoSides();
    const { stdout } = await run(['buckets'], { home, now });
    expect(stdout).toContain('\n    last −2 on 2026-11-16 (left side painful)\n    2 flares (the last on 2026-11-09, right side painful)\n');
  });

  it('is given in --json as lastFlareSide, beside lastFlareAt', async () => {
    await twoSides();
    const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
    expect(json.rehab[0].evidence).toMatchObject({ flares: 2, lastFlareAt: '2026-11-09T14:02:00.000Z', lastFlareSide: 'right', lastSide: 'left' });
    expect(Object.keys(json.rehab[0].evidence).slice(7, 9)).toEqual(['lastFlareAt', 'lastFlareSide']);
  });

  it('is said by itb exercises ID as itb buckets says it', async () => {
    await twoSides();
    const { stdout } = await run(['exercises', 'clamshells'], { home, now });
    expect(stdout.replace(/\s+/g, ' ')).toContain('2 flares (the last on 2026-11-09, right side painful)');
  });

  it('is not said when every session gave the same painful side', async () => {
    await saveSessions(home, clamshells('2026-11-02', 'left', 4, [8]), clamshells('2026-11-16', 'left', 6, [4]));
    const { stdout } = await run(['buckets'], { home, now });
    expect(stdout).toMatch(/\n {4}helped 1 of 2 · mean \+1 · last −2 on 2026-11-16 · 1 flare \(on 2026-11-02\)\n/);
    const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
    expect(json.rehab[0].evidence.lastFlareSide).toBe('left');
  });
});
