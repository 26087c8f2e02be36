// The painful side of a drill's newest flare-up, kept beside its time: a history whose left side
// hurt for a while and later the right has flare-ups of either.
import { describe, expect, it } from 'vitest';
import { evidenceOf, observe } from '../../src/core/evidence.js';
import type { Session } from '../../src/core/records.js';
import { buildSession } from '../helpers/sessions.js';

const evidence = (sessions: Session[], id = 'clamshells') => evidenceOf(observe(sessions, () => {}).get(id));

// A flare-up on the left, a later one on the right (on the retry), then a test on the left that helped.
const leftFlare = buildSession({ startedAt: '2026-11-02T14:00:00Z', side: 'left', baseline: 4, drills: [{ id: 'clamshells', scores: [8] }] });
const rightFlare = buildSession({ startedAt: '2026-11-09T14:00:00Z', side: 'right', baseline: 4, drills: [{ id: 'clamshells', scores: [4, 7] }] });
const leftHelped = buildSession({ startedAt: '2026-11-16T14:00:00Z', side: 'left', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] });

describe('the side of the newest flare-up', () => {
  it("is that of the newest flare-up's session, whatever side the tests after it were on", () => {
    expect(evidence([leftFlare, rightFlare, leftHelped])).toMatchObject({ flares: 2, lastFlareAt: '2026-11-09T14:02:00.000Z', lastFlareSide: 'right', lastSide: 'left' });
    expect(evidence([rightFlare, leftFlare])).toMatchObject({ lastFlareAt: '2026-11-09T14:02:00.000Z', lastFlareSide: 'right' });
  });

  it('goes by the time of the rise, not by the order of the log: an older flare-up later in it does not take its place', () => {
    expect(evidence([rightFlare, leftHelped, leftFlare])).toMatchObject({ flares: 2, lastFlareSide: 'right' });
  });

  it('is "both" for a session with both sides painful, and null without a flare-up', () => {
    const both = buildSession({ startedAt: '2026-11-20T14:00:00Z', side: 'both', baseline: 4, drills: [{ id: 'clamshells', scores: [8] }] });
    expect(evidence([leftFlare, both]).lastFlareSide).toBe('both');
    expect(evidence([leftHelped]).lastFlareSide).toBeNull();
    expect(evidenceOf(undefined).lastFlareSide).toBeNull();
  });
});
