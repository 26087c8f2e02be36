import { describe, expect, it } from 'vitest';
import { projectBuckets } from '../../src/core/projection.js';
import { earlierMoves } from '../../src/core/earlier-move.js';
import type { ManualMove } from '../../src/core/records.js';
import { buildSession } from '../helpers/sessions.js';

const move = (bucket: 'rehab' | 'avoid', at: string, note?: string): ManualMove => ({ exerciseId: 'clamshells', bucket, at, ...(note ? { note } : {}) });
const tested = buildSession({ startedAt: '2026-01-10T10:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] });
const earlier = (moves: ManualMove[], resetAt?: string) => earlierMoves(projectBuckets([tested], moves, resetAt), moves, resetAt);

describe('earlierMoves', () => {
  it('takes the later in the log of two moves made at the same instant, as the lists do', () => {
    const at = '2026-01-05T10:00:00Z';
    expect(earlier([move('rehab', at, 'first'), move('avoid', at, 'second')])).toEqual([['clamshells', { bucket: 'avoid', at, note: 'second' }]]);
    // The later one without a note took the reason back.
    expect(earlier([move('rehab', at, 'first'), move('avoid', at)])).toEqual([]);
  });

  it('leaves out a move made at the very instant of a reset, as the lists do', () => {
    const at = '2026-01-05T10:00:00Z';
    expect(earlier([move('avoid', at, 'sore')], at)).toEqual([]);
    expect(earlier([move('avoid', at, 'sore')], '2026-01-05T09:59:59.999Z')).toEqual([['clamshells', { bucket: 'avoid', at, note: 'sore' }]]);
  });
});
