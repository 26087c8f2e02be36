// Everything `itb buckets` shows, drawn from the store in one walk. The store keeps it beside the
// log (src/store/summary-file.ts), so showing the buckets does not read years of sessions.
import { adviceLog, type AdviceLog } from './advice.js';
import { summarizeBuckets, type BucketSummary } from './buckets.js';
import type { StoreData } from './records.js';

export interface StoreSummary {
  buckets: BucketSummary;
  advice: AdviceLog;
  sessionCount: number;
  moveCount: number;
}

export function summarize(data: StoreData): StoreSummary {
  return {
    buckets: summarizeBuckets(data),
    advice: adviceLog(data.sessions),
    sessionCount: data.sessions.length,
    moveCount: data.moves.length,
  };
}
