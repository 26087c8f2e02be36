// The report a therapist reads and the screens the person reads tell one story: each drill under
// the same name, in the same list, with the same counts, whichever of them is opened.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/core/records.js';
import { Store } from '../../src/store/store.js';
import { run, tempHome } from '../helpers/run.js';
import { buildSession, noRedFlags } from '../helpers/sessions.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

async function storeWith(sessions: Session[]): Promise<void> {
  await Store.open({ ITB_HOME: home }).update((data) => {
    data.screenings.push({ at: sessions[0]!.startedAt, answers: noRedFlags, proceeded: true });
    data.sessions.push(...sessions);
  });
}

describe('a drill gone from the library', () => {
  it('goes by the name its latest session gave it in the buckets, the report lists, the moved-by-hand table and the CSV', async () => {
    // A library of one's own named the drill "Band walks", a later one "Banded walks"; the
    // library in use has it no more. The newest session stopped part way through it.
    await storeWith([
      buildSession({ startedAt: '2026-10-01T09:00:00.000Z', baseline: 5, drills: [{ id: 'band-walks', name: 'Band walks', scores: [3] }] }),
      buildSession({ startedAt: '2026-10-08T09:00:00.000Z', baseline: 5, drills: [{ id: 'band-walks', name: 'Banded walks', scores: [5, 5] }] }),
      buildSession({ startedAt: '2026-10-15T09:00:00.000Z', baseline: 4, drills: [{ id: 'band-walks', name: 'Banded walks', scores: [4], unfinished: true }] }),
    ]);
    const now = new Date('2026-10-20T12:00:00.000Z');
    expect((await run(['buckets', 'move', 'band-walks', 'rehab', '--note', 'fine with a light band'], { home, now: new Date('2026-10-16T12:00:00.000Z') })).code).toBe(0);

    const buckets = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
    expect(buckets.rehab.map((status: { name: string }) => status.name)).toEqual(['Banded walks']);
    const md = (await run(['export'], { home, now })).stdout;
    expect(md).toContain('1. **Banded walks** (band-walks): helped 1 of 2 tests');
    expect(md).toContain('| 2026-10-16 | Banded walks | rehab | fine with a light band |');
    expect(md).not.toContain('Band walks');
    // The unfinished try has no result of its session to take the name from.
    const csv = (await run(['export', '--format', 'csv'], { home, now })).stdout;
    expect(csv.split('\r\n').filter((row) => row.includes('band-walks')).map((row) => row.split(',')[8])).toEqual(['Band walks', 'Banded walks', 'Banded walks', 'Banded walks']);
  });
});

describe('the trend', () => {
  it('draws the same baseline bars, on the same scale, in `itb history` and the Markdown report', async () => {
    // A first session that flared up to 8: `itb history` draws baselines and finals on one scale, 0 to 8.
    const baselines = [6, 5, 6, 5, 4, 5, 4];
    await storeWith(
      baselines.map((baseline, day) =>
        buildSession({ startedAt: `2026-10-0${day + 1}T09:00:00.000Z`, baseline, drills: [{ id: 'clamshells', scores: day === 0 ? [baseline + 2, 8] : [baseline - 1] }] }),
      ),
    );
    const now = new Date('2026-10-20T12:00:00.000Z');
    const history = (await run(['history'], { home, now })).stdout;
    expect(history).toContain('bars 0 to 8, the highest score)');
    const onScreen = /^ {2}baseline {2}(\S+) {2}6 → 4$/m.exec(history)![1];
    const md = (await run(['export'], { home, now })).stdout;
    expect(md).toContain(`Baseline scores, oldest to newest, a bar each (▁ is 0, █ is 8, the highest final score): \`${onScreen}\` (6, 5, 6, 5, 4, 5, 4)`);
  });

  it('keeps each painful side a trend of its own, with the side in its label, in `itb history` and every report', async () => {
    // A right-leg squat one day and a left-leg one the next: two legs, not one getting better and worse.
    const squat = (day: number, side: 'left' | 'right', baseline: number) =>
      buildSession({ startedAt: `2026-10-0${day}T09:00:00.000Z`, side, baseline, drills: [{ id: 'clamshells', scores: [baseline - 1] }] });
    await storeWith([squat(1, 'right', 3), squat(2, 'left', 7), squat(3, 'right', 2), squat(4, 'left', 6)]);
    const now = new Date('2026-10-20T12:00:00.000Z');
    const history = (await run(['history'], { home, now })).stdout;
    // On screen too, a trend for each side, in the reports' order and named as they name it.
    expect([...history.matchAll(/^ {2}(pain during .*)\n {2}baseline {2}(\S+)/gm)].map((match) => `${match[1]} ${match[2]}`)).toEqual([
      'pain during single-leg squat (left side painful) █▇',
      'pain during single-leg squat (right side painful) ▄▃',
    ]);
    const md = (await run(['export'], { home, now })).stdout;
    expect(md).toContain('Scores compare only when they rate the same symptom in the same test movement on the same painful side, so each has a trend of its own, the latest first.');
    expect(md).toContain(
      '**Pain during single-leg squat** (left side painful): 2 sessions, first baseline 7 on 2026-10-02, last baseline 6 on 2026-10-04.\n\n' +
        'Baseline scores, oldest to newest, a bar each (▁ is 0, █ is 7, the highest baseline): `█▇` (7, 6)\n\n' +
        '**Pain during single-leg squat** (right side painful): 2 sessions, first baseline 3 on 2026-10-01, last baseline 2 on 2026-10-03.',
    );
    const html = (await run(['export', '--format', 'html'], { home, now })).stdout;
    const captions = [...html.matchAll(/<figcaption[^>]*>(.*?)<\/figcaption>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, ''));
    expect(captions).toEqual([
      'Pain during single-leg squat (left side painful): 2 sessions, first baseline 7 on 2026-10-02, last baseline 6 on 2026-10-04. Scores run from 0 (none) to 10 (worst imaginable).',
      'Pain during single-leg squat (right side painful): 2 sessions, first baseline 3 on 2026-10-01, last baseline 2 on 2026-10-03. Scores run from 0 (none) to 10 (worst imaginable).',
    ]);
  });
});
