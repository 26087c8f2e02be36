import { describe, expect, it } from 'vitest';
import { earlierMoveInView, earlierMoves } from '../../src/core/earlier-move.js';
import { projectBuckets } from '../../src/core/projection.js';
import type { ManualMove, Session } from '../../src/core/records.js';
import { buildSession } from '../helpers/sessions.js';

const move = (bucket: 'rehab' | 'avoid', at: string, note?: string): ManualMove => ({ exerciseId: 'clamshells', bucket, at, ...(note ? { note } : {}) });
const tested = buildSession({ startedAt: '2026-01-10T10:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] });
const earlier = (moves: ManualMove[], resetAt?: string, sessions: Session[] = [tested]) => earlierMoves(projectBuckets(sessions, moves, resetAt), moves, sessions, resetAt);
// A session on day `day` of January 2026 testing clamshells (helped or not), or skipping it.
const onDay = (day: number, scores: number[] | 'skipped') =>
  buildSession({ startedAt: `2026-01-${String(day).padStart(2, '0')}T10:00:00Z`, baseline: 6, drills: [scores === 'skipped' ? { id: 'clamshells', skipped: true } : { id: 'clamshells', scores }] });

describe('earlierMoves', () => {
  it('takes the later in the log of two moves made at the same instant, as the lists do', () => {
    const at = '2026-01-05T10:00:00Z';
    expect(earlier([move('rehab', at, 'first'), move('avoid', at, 'second')])).toEqual([['clamshells', { bucket: 'avoid', at, note: 'second', testedSince: 1 }]]);
    // The later one without a note took the reason back.
    expect(earlier([move('rehab', at, 'first'), move('avoid', at)])).toEqual([]);
  });

  it('leaves out a move made at the very instant of a reset, as the lists do', () => {
    const at = '2026-01-05T10:00:00Z';
    expect(earlier([move('avoid', at, 'sore')], at)).toEqual([]);
    expect(earlier([move('avoid', at, 'sore')], '2026-01-05T09:59:59.999Z')).toEqual([['clamshells', { bucket: 'avoid', at, note: 'sore', testedSince: 1 }]]);
  });

  it('counts the tests since the move: not those before it, nor a skip', () => {
    const sessions = [onDay(2, [4]), onDay(6, [6, 6]), onDay(7, 'skipped'), onDay(8, [3])];
    expect(earlier([move('avoid', '2026-01-05T10:00:00Z', 'PT: wait')], undefined, sessions)).toEqual([
      ['clamshells', { bucket: 'avoid', at: '2026-01-05T10:00:00Z', note: 'PT: wait', testedSince: 2 }],
    ]);
  });

  it('does not count a result of the very instant of the move: the move outranked it', () => {
    const session = onDay(6, [4]);
    const at = session.results[0]!.at;
    const later = onDay(8, [4]);
    expect(earlier([move('avoid', at, 'sore')], undefined, [session, later])).toEqual([['clamshells', { bucket: 'avoid', at, note: 'sore', testedSince: 1 }]]);
  });
});

describe('earlierMoveInView', () => {
  const moved = { bucket: 'avoid' as const, at: '2026-01-05T10:00:00Z', note: 'PT: wait two weeks' };

  it('keeps the note in view for the test that took over from the move and the one after it, not from the third', () => {
    expect(earlierMoveInView({ ...moved, testedSince: 1 })).toBe(true);
    expect(earlierMoveInView({ ...moved, testedSince: 2 })).toBe(true);
    expect(earlierMoveInView({ ...moved, testedSince: 3 })).toBe(false);
    expect(earlierMoveInView({ ...moved, testedSince: 300 })).toBe(false);
  });

  it('goes by the tests since the move, however long ago it was', () => {
    const sessions = [onDay(6, [4]), onDay(7, [6, 6]), onDay(8, [3])];
    const moves = [move('avoid', '2020-01-05T10:00:00Z', 'sore')];
    expect(earlierMoveInView(earlier(moves, undefined, sessions.slice(0, 2))[0]![1])).toBe(true);
    expect(earlierMoveInView(earlier(moves, undefined, sessions)[0]![1])).toBe(false);
  });
});
