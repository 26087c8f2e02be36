import { describe, expect, it } from 'vitest';
import { scoreSeries, sessionSummaries } from '../../src/core/history.js';
import { sparkline } from '../../src/ui/sparkline.js';
import { buildSession } from '../helpers/sessions.js';

const older = buildSession({
  id: 'older',
  startedAt: '2026-01-01T10:00:00Z',
  routine: 'strength',
  baseline: 6,
  drills: [{ id: 'clamshells', scores: [4] }, { id: 'bridges', skipped: true }, { id: 'hip-hikes', scores: [5, 5] }],
});
const newer = buildSession({
  id: 'newer',
  startedAt: '2026-01-03T10:00:00Z',
  routine: 'joint-chain',
  symptom: 'tightness',
  movement: 'stairs',
  side: 'left',
  baseline: 5,
  drills: [{ id: 'lateral-ankle-tilts', scores: [3] }, { id: 'hip-cars', scores: [3], unfinished: true }],
});
const noBaseline = buildSession({ id: 'empty', startedAt: '2026-01-02T10:00:00Z', status: 'stopped' });

describe('sessionSummaries', () => {
  it('lists sessions newest first with counts and the final score', () => {
    expect(sessionSummaries([older, newer, noBaseline])).toEqual([
      {
        id: 'newer',
        startedAt: '2026-01-03T10:00:00Z',
        routine: 'joint-chain',
        symptom: 'tightness',
        movement: 'stairs',
        side: 'left',
        baseline: 5,
        final: 3, // the unfinished drill's attempt is the last score given
        helped: 1,
        avoided: 0,
        skipped: 0,
        status: 'interrupted',
        interrupted: true,
      },
      expect.objectContaining({ id: 'empty', baseline: null, final: null, status: 'stopped', interrupted: false }),
      expect.objectContaining({ id: 'older', baseline: 6, final: 5, helped: 1, avoided: 1, skipped: 1, interrupted: false }),
    ]);
  });

  it('uses the baseline as the final score when no drill was rated', () => {
    const onlyBaseline = buildSession({ startedAt: '2026-01-05T10:00:00Z', baseline: 7, drills: [{ id: 'bridges', skipped: true }] });
    expect(sessionSummaries([onlyBaseline])[0]).toMatchObject({ baseline: 7, final: 7, skipped: 1 });
  });

  it('keeps sessions started at or after `since`', () => {
    expect(sessionSummaries([older, newer, noBaseline], new Date('2026-01-02T10:00:00Z')).map((s) => s.id)).toEqual(['newer', 'empty']);
  });
});

describe('scoreSeries', () => {
  it('gives baseline and final per rated session, oldest first', () => {
    expect(scoreSeries([newer, noBaseline, older])).toEqual([
      { at: '2026-01-01T10:00:00Z', baseline: 6, final: 5 },
      { at: '2026-01-03T10:00:00Z', baseline: 5, final: 3 },
    ]);
  });
});

describe('sparkline', () => {
  it('maps 0 to the lowest bar and the maximum to the highest', () => {
    expect(sparkline([0, 10])).toBe('▁█');
    expect(sparkline([0, 1, 3, 4, 6, 7, 9, 10])).toBe('▁▂▃▄▅▆▇█');
  });

  it('clamps values outside the range', () => {
    expect(sparkline([-2, 12])).toBe('▁█');
  });

  it('shows the latest points of a long series behind an ellipsis, within the width', () => {
    const line = sparkline([10, 10, 10, 0, 0, 0, 0], 10, 5);
    expect(line).toBe('…▁▁▁▁');
    expect([...line]).toHaveLength(5);
  });
});
