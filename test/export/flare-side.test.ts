// A drill's flare-ups say the painful side of the newest one when its tests span more than one,
// as its last test does: "2 flares (the last on 2026-11-09, right side painful)".
import { describe, expect, it } from 'vitest';
import { evidenceOf, type Evidence } from '../../src/core/evidence.js';
import type { Session } from '../../src/core/records.js';
import { toHtml } from '../../src/export/html.js';
import { toMarkdown } from '../../src/export/md.js';
import { buildReport } from '../../src/export/report.js';
import { evidenceWords, flaresWords } from '../../src/export/words.js';
import { builtInLibrary } from '../helpers/built-in-library.js';
import { buildSession, storeWith } from '../helpers/sessions.js';

const NOW = new Date('2026-11-24T15:00:00.000Z');
const at = (day: string) => `${day}T14:00:00.000Z`;
const clamshells = (day: string, side: Session['side'], baseline: number, scores: number[]) =>
  buildSession({ id: `${day}-${side}`, startedAt: at(day), routine: 'strength', side, baseline, drills: [{ id: 'clamshells', name: 'Clamshells', scores }] });

describe('the flare-ups of a drill tested on more than one painful side', () => {
  const twoSides: Evidence = {
    ...evidenceOf(undefined),
    tested: 3,
    flares: 2,
    lastFlareAt: at('2026-11-09'),
    lastFlareSide: 'right',
    sides: [
      { side: 'left', tested: 2, helped: 1, meanChange: 1 },
      { side: 'right', tested: 1, helped: 0, meanChange: 3 },
    ],
    lastSide: 'left',
  };

  it('say the side of the newest, as the last test does', () => {
    expect(flaresWords(twoSides)).toBe('2 flares (the last on 2026-11-09, right side painful)');
    expect(flaresWords({ ...twoSides, flares: 1, lastFlareSide: 'left' })).toBe('1 flare (on 2026-11-09, left side painful)');
    expect(flaresWords({ ...twoSides, lastFlareSide: 'both' })).toBe('2 flares (the last on 2026-11-09, both sides painful)');
  });

  it('say nothing new when the tests were all on one side, or without a day', () => {
    const oneSide = { ...twoSides, sides: [{ side: 'right' as const, tested: 3, helped: 1, meanChange: 1 }] };
    expect(flaresWords(oneSide)).toBe('2 flares (the last on 2026-11-09)');
    expect(flaresWords({ ...twoSides, lastFlareAt: null, lastFlareSide: null })).toBe('2 flares');
  });

  it('read so in the md and html reports, beside the last test and its side', () => {
    const sessions = [clamshells('2026-11-02', 'left', 4, [8]), clamshells('2026-11-09', 'right', 4, [4, 7]), clamshells('2026-11-16', 'left', 6, [4])];
    const report = buildReport(storeWith({ sessions }), builtInLibrary(), { now: NOW });
    const tail = 'last -2 on 2026-11-16 (left side painful), 2 flares (the last on 2026-11-09, right side painful)';
    expect(toMarkdown(report)).toContain(`right 0 of 1 with mean change +3), ${tail}\n`);
    expect(toHtml(report)).toContain('2 flares (the last on <span class="day">2026-11-09</span>, right side painful)');
    expect(evidenceWords(report.buckets.rehab[0]!.evidence, true)).toMatch(new RegExp(`, ${tail.replace(/[()]/g, '\\$&')}$`));
  });

  it('read as before in a report whose sessions all gave one painful side', () => {
    const sessions = [clamshells('2026-11-02', 'left', 4, [8]), clamshells('2026-11-09', 'left', 4, [4, 7]), clamshells('2026-11-16', 'left', 6, [4])];
    const md = toMarkdown(buildReport(storeWith({ sessions }), builtInLibrary(), { now: NOW }));
    expect(md).toContain('last -2 on 2026-11-16, 2 flares (the last on 2026-11-09)\n');
  });
});
