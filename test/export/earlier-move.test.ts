// A drill moved by hand with a note, then tested again: the test decides its list, and the
// reports keep the move and its note beside the drill, as `itb buckets` does, even when the
// period starts after the move and its "Moved by hand" table leaves it out.
import { describe, expect, it } from 'vitest';
import type { StoreData } from '../../src/core/records.js';
import { toHtml } from '../../src/export/html.js';
import { toMarkdown } from '../../src/export/md.js';
import { buildReport } from '../../src/export/report.js';
import { builtInLibrary } from '../helpers/built-in-library.js';
import { buildSession, storeWith } from '../helpers/sessions.js';

const NOW = new Date('2026-11-24T15:00:00.000Z');
const library = builtInLibrary();

/** Clamshells helped, were moved to avoid by hand with a note, then helped again. */
function movedThenTested(note?: string): StoreData {
  const session = (id: string, startedAt: string) => buildSession({ id, startedAt, routine: 'strength', baseline: 6, drills: [{ id: 'clamshells', name: 'Clamshells', scores: [4] }] });
  const move = { exerciseId: 'clamshells', bucket: 'avoid' as const, at: '2026-11-13T14:00:00.000Z', ...(note === undefined ? {} : { note }) };
  return storeWith({ sessions: [session('first', '2026-11-10T14:00:00.000Z'), session('again', '2026-11-18T14:00:00.000Z')], moves: [move] });
}

const rehabSection = (md: string) => md.split('\n## Rehab routine\n\n')[1]!.split('\n## ')[0]!;

describe('a drill moved by hand with a note and tested since', () => {
  it('keeps the move and its note in the rehab list of a period that starts after the move', () => {
    const report = buildReport(movedThenTested('Knee ached the *next* morning'), library, { since: '2026-11-15', now: NOW });
    const md = toMarkdown(report);
    expect(rehabSection(md)).toContain(
      '1. **Clamshells** (clamshells): dose 3 sets × 12 reps per side; helped 2 of 2 tests, mean change -2, last -2 on 2026-11-18; moved by hand to avoid for now on 2026-11-13 with the note “Knee ached the \\*next\\* morning”, then tested again\n',
    );
    // The period's own table has no row for it: the list is where the note is kept.
    expect(md).not.toContain('## Moved by hand');
    expect(toHtml(report)).toContain(
      'last -2 on <span class="day">2026-11-18</span>; moved by hand to avoid for now on <span class="day">2026-11-13</span> with the note “<bdi class="lines">Knee ached the *next* morning</bdi>”, then tested again</li>',
    );
  });

  it('says it in a report of the whole history too, beside the table that lists the move', () => {
    const md = toMarkdown(buildReport(movedThenTested('Knee ached'), library, { now: NOW }));
    expect(rehabSection(md)).toContain('; moved by hand to avoid for now on 2026-11-13 with the note “Knee ached”, then tested again\n');
    expect(md).toContain('| 2026-11-13 | Clamshells | avoid for now | Knee ached |\n');
  });

  it('leaves it off from the third test since the move, as itb buckets does, counting the tests up to the end of the period', () => {
    const data = movedThenTested('Knee ached');
    const later = (id: string, startedAt: string) => buildSession({ id, startedAt, routine: 'strength', baseline: 6, drills: [{ id: 'clamshells', name: 'Clamshells', scores: [4] }] });
    const threeSince = { ...data, sessions: [...data.sessions, later('second', '2026-11-20T14:00:00.000Z'), later('third', '2026-11-22T14:00:00.000Z')] };
    const note = 'with the note “Knee ached”, then tested again';
    const whole = buildReport(threeSince, library, { since: '2026-11-15', now: NOW });
    expect(toMarkdown(whole)).not.toContain('moved by hand');
    expect(toHtml(whole)).not.toContain('moved by hand');
    // Up to the day after the second test since the move, it was still in view.
    const untilSecond = buildReport(threeSince, library, { since: '2026-11-15', until: '2026-11-21', now: NOW });
    expect(rehabSection(toMarkdown(untilSecond))).toContain(note);
    expect(toHtml(untilSecond)).toContain('with the note “<bdi class="lines">Knee ached</bdi>”, then tested again');
  });

  it('says nothing of a move without a note, as itb buckets does not', () => {
    const report = buildReport(movedThenTested(), library, { since: '2026-11-15', now: NOW });
    expect(toMarkdown(report)).not.toContain('moved by hand');
    expect(toHtml(report)).not.toContain('moved by hand');
  });
});
