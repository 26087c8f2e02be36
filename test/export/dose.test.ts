// The therapist's report gives each listed drill's dose and the side it is done on, as the
// library has them: what the person is doing at home, to be judged beside its evidence.
import { parse as parseHtml } from 'parse5';
import { describe, expect, it } from 'vitest';
import { toHtml } from '../../src/export/html.js';
import { toMarkdown } from '../../src/export/md.js';
import { buildReport } from '../../src/export/report.js';
import type { Library } from '../../src/library/schema.js';
import { builtInLibrary } from '../helpers/built-in-library.js';
import { sampleStore } from './fixtures.js';

const NOW = new Date('2026-11-20T15:00:00.000Z');
const library = builtInLibrary();
const data = sampleStore();

/** The built-in library with `exercises` in place of its own drills. */
const withDrills = (exercises: Library['exercises']): Library => Object.assign({}, library, { exercises });

/** The text of each list item of the html, tags taken out. */
function htmlItems(html: string): string[] {
  const items: string[] = [];
  const textOf = (node: any): string => (node.nodeName === '#text' ? node.value : (node.childNodes ?? []).map(textOf).join(''));
  const walk = (node: any) => {
    if (node.nodeName === 'li') items.push(textOf(node));
    for (const child of node.childNodes ?? []) walk(child);
  };
  walk(parseHtml(html));
  return items;
}

describe('the dose in the lists of the md and html reports', () => {
  it('follows each drill of the rehab and avoid lists, with the side it is done on', () => {
    const report = buildReport(data, library, { now: NOW });
    const md = toMarkdown(report);
    // A drill of the painful side, and drills done on each side in turn, in both lists.
    expect(md).toContain('1. **Lateral ankle tilts** (lateral-ankle-tilts): dose 1 set × 10 reps, on the painful side; helped ');
    expect(md).toContain('**Clamshells** (clamshells): dose 3 sets × 12 reps per side; helped ');
    expect(md).toContain('- **Hip hikes** (hip-hikes): dose 3 sets × 12 reps per side; helped ');
    const items = htmlItems(toHtml(report));
    expect(items.some((item) => item.startsWith('Lateral ankle tilts (lateral-ankle-tilts): dose 1 set × 10 reps, on the painful side; helped '))).toBe(true);
    expect(items.some((item) => item.startsWith('Hip hikes (hip-hikes): dose 3 sets × 12 reps per side; helped '))).toBe(true);
  });

  it('names the opposite side for a drill done there, and gives no dose for a drill the library no longer has', () => {
    const exercises = library.exercises
      .filter((exercise) => exercise.id !== 'clamshells')
      .map((exercise) => (exercise.id === 'lateral-ankle-tilts' ? { ...exercise, side: 'opposite' as const } : exercise));
    const report = buildReport(data, withDrills(exercises), { now: NOW });
    const md = toMarkdown(report);
    expect(md).toContain('**Lateral ankle tilts** (lateral-ankle-tilts): dose 1 set × 10 reps, on the side opposite the pain; helped ');
    expect(md).toMatch(/\*\*Clamshells\*\* \(clamshells\): helped /);
    expect(htmlItems(toHtml(report)).some((item) => item.startsWith('Clamshells (clamshells): helped '))).toBe(true);
  });

  it('says a dose of both sides not given per side is done on both sides at once (a squat held on both legs)', () => {
    const exercises = library.exercises.map((exercise) =>
      exercise.id === 'lateral-ankle-tilts' ? { ...exercise, side: 'both' as const, dose: { ...exercise.dose, perSide: false } } : exercise,
    );
    const report = buildReport(data, withDrills(exercises), { now: NOW });
    expect(toMarkdown(report)).toContain('**Lateral ankle tilts** (lateral-ankle-tilts): dose 1 set × 10 reps, both sides at once; helped ');
    expect(htmlItems(toHtml(report)).some((item) => item.startsWith('Lateral ankle tilts (lateral-ankle-tilts): dose 1 set × 10 reps, both sides at once; helped '))).toBe(true);
  });
});
