// The summary beside the store keeps the side of each drill's newest flare-up: one without it,
// left by the itb before, or with a side that is none, is passed over and drawn again.
import { readFileSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/core/records.js';
import { summarize, type StoreSummary } from '../../src/core/summary.js';
import { Store } from '../../src/store/store.js';
import { readSummary, readSummaryFile, writeSummaryFile } from '../../src/store/summary-file.js';
import { buildSession } from '../helpers/sessions.js';
import { newStoreHome } from '../helpers/store-home.js';

let root: string;
let home: string;
let file: string;
const env = () => ({ ITB_HOME: home });

beforeEach(() => ({ root, home, file } = newStoreHome('itb-flare-side-')));
afterEach(() => rmSync(root, { recursive: true, force: true }));

const flared = (startedAt: string, side: Session['side']) => buildSession({ startedAt, side, baseline: 4, drills: [{ id: 'clamshells', scores: [8] }] });

describe('the side of the newest flare-up in the summary beside the store', () => {
  it('is kept, and a summary without it or with a side that is none is drawn again', async () => {
    const written = await Store.open(env()).update((data) => void data.sessions.push(flared('2026-11-02T14:00:00Z', 'left'), flared('2026-11-09T14:00:00Z', 'right')));
    const expected = summarize(written);
    expect(new Map(expected.buckets.observed).get('clamshells')!.newestFlareSide).toBe('right');
    expect(readSummaryFile(file)).toEqual(JSON.parse(JSON.stringify(expected)));
    const kept = JSON.parse(readFileSync(`${file}.summary`, 'utf8')) as { summary: StoreSummary };
    const observed = kept.summary.buckets.observed;
    const wrongShapes = [observed.map(([id, { newestFlareSide: _, ...seen }]) => [id, seen]), observed.map(([id, seen]) => [id, { ...seen, newestFlareSide: 'up' }])];
    for (const wrong of wrongShapes) {
      writeSummaryFile(file, { ...kept.summary, buckets: { ...kept.summary.buckets, observed: wrong } } as StoreSummary);
      expect(readSummaryFile(file)).toBeUndefined();
      expect(await readSummary(env())).toEqual(expected);
    }
  });
});
