// The printed HTML page in a browser that ignores `break-after: avoid` (Firefox): a heading, or
// a sentence that leads into a list, a table or a chart, still never ends a page whose next one
// starts with what it leads into. Each keeps room below itself for what follows, and moves to
// the next page when that room is not left.
import { parse as parseHtml } from 'parse5';
import { describe, expect, it } from 'vitest';
import { toHtml } from '../../src/export/html.js';
import { buildReport } from '../../src/export/report.js';
import { builtInLibrary } from '../helpers/built-in-library.js';
import { sampleStore } from './fixtures.js';

const NOW = new Date('2026-11-20T15:00:00.000Z');
const library = builtInLibrary();

type Element = { nodeName: string; tagName?: string; value?: string; childNodes?: Element[] };

const printRules = (html: string) => html.match(/@media print \{([^@]*)\n {2}\}/)![1]!;

/** A selector's specificity, as a number, for the forms these rules take: `p`, `div.table`, `h2:has(+ p + figure, + ol)`. */
const specificity = (compound: string) => (compound.match(/\.[\w-]+/g)?.length ?? 0) * 10 + (compound.match(/(?:^|[\s+(])[a-z][\w-]*/g)?.length ?? 0);

/** Whether `compound` (`h2`, `p:has(+ ol, + div.table)`) selects a `tag` whose next siblings are `next`; and how specifically. */
function selects(compound: string, tag: string, next: string[]): number | undefined {
  const [, own, has] = compound.match(/^([a-z]\w*)(?::has\((.*)\))?$/)!;
  if (own !== tag) return undefined;
  if (has === undefined) return 1;
  const matched = has.split(',').map((arg) => arg.split('+').map((part) => part.trim()).filter((part) => part !== ''));
  const fits = matched.filter((parts) => parts.every((part, i) => part === next[i]));
  // The specificity of :has() is that of its most specific argument, whichever matched.
  return fits.length === 0 ? undefined : 1 + Math.max(...matched.map((parts) => specificity(parts.join(' '))));
}

/**
 * The room, in rem, that the print rules keep below a `tag` whose next siblings are `next`, by
 * the rule that wins: the most specific, else the last. An empty block as tall as that, which
 * takes no place.
 */
function roomBelow(print: string, tag: string, next: string[]): number | undefined {
  let best: { room: number; specificity: number } | undefined;
  for (const [, selectors, body] of print.matchAll(/\n\s*([^{}\n]+)\{([^}]*)\}/g)) {
    const height = body!.match(/(?:^|;)\s*height: ([\d.]+)rem;/);
    if (height === null) continue;
    for (const selector of selectors!.split(/,(?![^(]*\))/).map((one) => one.trim())) {
      if (!selector.endsWith('::after')) continue;
      const found = selects(selector.slice(0, -'::after'.length), tag, next);
      if (found === undefined || (best !== undefined && found < best.specificity)) continue;
      expect(body).toMatch(new RegExp(`content: ""; display: block; height: ${height[1]}rem; margin-bottom: -${height[1]}rem;`));
      best = { room: Number(height[1]), specificity: found };
    }
  }
  return best?.room;
}

/** The tag of each element of the body's main part, in order, with the text of a heading. */
function mainParts(html: string): string[] {
  let main: Element | undefined;
  const find = (node: Element) => {
    if (node.tagName === 'main') main = node;
    for (const child of node.childNodes ?? []) find(child);
  };
  find(parseHtml(html) as unknown as Element);
  return main!.childNodes!.filter((child) => child.tagName !== undefined).map((child) => (child.tagName === 'h2' ? `h2 ${child.childNodes![0]!.value}` : child.tagName!));
}

describe('html printed where a heading is not kept with what follows it by break-after alone', () => {
  it('keeps room below each heading and each lead-in sentence for the start of what follows, whole on its page', () => {
    const print = printRules(toHtml(buildReport(sampleStore(), library, { now: NOW })));
    expect(print).toContain('h2, p:has(+ ol, + ul, + div.table, + figure) { break-inside: avoid; }');
    // A list's first items, or a paragraph's first lines: a few lines of 10 points (20 pixels).
    for (const [tag, next] of [['h2', ['p', 'ul']], ['h2', ['ol']], ['p', ['ol']], ['p', ['ul']]] as const) expect(roomBelow(print, tag, [...next]), `${tag} + ${next}`).toBeGreaterThanOrEqual(4);
    // A sentence that leads nowhere keeps none.
    expect(roomBelow(print, 'p', ['p'])).toBeUndefined();
  });

  it("keeps room for a table's head and first row below a heading or a sentence that leads into it", () => {
    const print = printRules(toHtml(buildReport(sampleStore(), library, { now: NOW })));
    // The heading's margin and rule, the table's margin, a head of two lines, a first row of two
    // and the line of its drills, in pixels.
    const start = (20 + 8 + 2 * (2 * 20 + 6) + 20) / 16;
    for (const tag of ['h2', 'p']) expect(roomBelow(print, tag, ['div.table']), tag).toBeGreaterThanOrEqual(start);
  });

  it('keeps room for a whole chart below a heading or a sentence that leads into one, and for both below a heading', () => {
    const print = printRules(toHtml(buildReport(sampleStore(), library, { now: NOW })));
    // Printed 7.5 inches wide (a Letter page with half-inch margins), a chart drawn 640 by 260
    // is 292.5 pixels high, under a caption of three lines of 10 points, and the margins above
    // it; the sentence before it three lines more, and its margins.
    const chart = ((7.5 * 96 * 260) / 640 + 3 * 20 + 16 + 13) / 16;
    expect(roomBelow(print, 'h2', ['figure'])).toBeGreaterThanOrEqual(chart);
    expect(roomBelow(print, 'p', ['figure'])).toBeGreaterThanOrEqual(chart);
    expect(roomBelow(print, 'h2', ['p', 'figure'])).toBeGreaterThanOrEqual(chart + (20 + 3 * 20 + 13) / 16);
  });

  it('puts the trend heading just before its chart, or before the sentence that leads into the charts', () => {
    const two = mainParts(toHtml(buildReport(sampleStore(), library, { now: NOW })));
    const trend = two.indexOf('h2 Trend');
    expect(two.slice(trend, trend + 3)).toEqual(['h2 Trend', 'p', 'figure']);
    const data = sampleStore();
    data.sessions = data.sessions.slice(0, 2);
    const one = mainParts(toHtml(buildReport(data, library, { now: NOW })));
    expect(one.slice(one.indexOf('h2 Trend'), one.indexOf('h2 Trend') + 2)).toEqual(['h2 Trend', 'figure']);
  });
});
