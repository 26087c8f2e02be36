// The printed HTML page: a long word from a person or a library (a URL in a note, a drill name,
// a test movement) breaks where it must rather than run off the page, which would make the
// browser shrink the whole page to fit; dates never break after a hyphen.
import { parse as parseHtml } from 'parse5';
import { describe, expect, it } from 'vitest';
import type { StoreData } from '../../src/core/records.js';
import { toHtml } from '../../src/export/html.js';
import { buildReport } from '../../src/export/report.js';
import { builtInLibrary } from '../helpers/built-in-library.js';
import { sampleStore } from './fixtures.js';

const NOW = new Date('2026-11-20T15:00:00.000Z');
const LONG = 'x'.repeat(150);
const library = builtInLibrary();

/** The sample store with a word of 150 letters in every text a person or a library gives. */
function longWords(): StoreData {
  const data = sampleStore();
  data.sessions[0]!.movement = `https://example.com/${LONG}`;
  data.sessions[1]!.routine = `routine-${LONG}`;
  data.sessions[1]!.results.push({ exerciseId: `drill-${LONG}`, name: `Name${LONG}`, outcome: 'rehab', flare: false, at: '2026-10-08T12:06:00.000Z' });
  data.moves[0]!.note = `see https://example.com/${LONG}\nthen rest`;
  data.moves.push({ exerciseId: `drill-${LONG}`, bucket: 'avoid', note: LONG, at: '2026-10-11T12:00:00.000Z' });
  return data;
}

type Node = { nodeName: string; tagName?: string; value?: string; childNodes?: Node[] };
type Element = Node & { attrs?: { name: string; value: string }[]; parentNode?: Element; childNodes?: Element[] };

/** Each text node of the body holding `word`, with the tags it sits in. */
function holding(html: string, word: string): { tags: string[] }[] {
  const found: { tags: string[] }[] = [];
  const walk = (node: Node, tags: string[]) => {
    if (node.nodeName === '#text' && node.value!.includes(word)) found.push({ tags });
    for (const child of node.childNodes ?? []) walk(child, node.tagName ? [...tags, node.tagName] : tags);
  };
  walk(parseHtml(html) as unknown as Node, []);
  return found.filter(({ tags }) => tags.includes('body'));
}

describe('html for print', () => {
  it('lets every long word a person or a library gave break anywhere: in table cells, list items, captions and the header', () => {
    const html = toHtml(buildReport(longWords(), library, { now: NOW, patientName: `Sam ${LONG}` }));
    const places = holding(html, LONG);
    // The header, the movements list, the drill lists, the moved-by-hand table (name and notes),
    // the trend captions and the session table (routine and movement).
    for (const parent of ['p', 'li', 'td', 'figcaption']) expect(places.some(({ tags }) => tags.includes(parent)), parent).toBe(true);
    expect(places.length).toBeGreaterThanOrEqual(10);
    for (const { tags } of places) expect(tags.at(-1)).toBe('bdi');
    expect(html).toContain('bdi { overflow-wrap: anywhere; }');
  });

  it('never breaks a date after its hyphen: a start time breaks only between date and time', () => {
    const html = toHtml(buildReport(sampleStore(), library, { now: NOW }));
    expect(html).toContain('<td class="started"><span class="day">2026-10-01</span> 09:30</td>');
    expect(html).toMatch(/\.day \{ white-space: nowrap; \}/);
    expect(html).toMatch(/@media print \{[^@]*td\.started \{ white-space: normal; \}/);
    // The number columns too, so that the nine columns of the session table fit a printed page.
    expect(html).toMatch(/@media print \{[^@]*td\.num \{ white-space: normal; \}/);
  });

  it('marks a start time\'s date as it marks a date in running text, only where it reads YYYY-MM-DD', () => {
    const data = sampleStore();
    data.sessions[0]!.startedAt = '0999-06-01T12:00:00.000Z';
    const html = toHtml(buildReport(data, library, { now: NOW }));
    expect(html).toMatch(/<td class="started">999-06-01 \d\d:\d\d<\/td>/);
    expect(html).toMatch(/<td class="started"><span class="day">2026-10-\d\d<\/span> \d\d:\d\d<\/td>/);
  });

  it('keeps every date on one line, in running text as in tables: a line never ends in "2026-11-"', () => {
    const data: StoreData = { ...sampleStore(), bucketsResetAt: '2026-10-05T12:00:00.000Z' };
    const html = toHtml(buildReport(data, library, { now: NOW, since: '2026-10-02', patientName: 'Sam Lee' }));
    const split: string[] = [];
    const walk = (node: Element, unbroken: boolean) => {
      // The style sheet is not shown, and the chart's dates are drawn where they stand.
      if (node.tagName === 'head' || node.tagName === 'svg') return;
      if (node.nodeName === '#text') {
        if (!unbroken) split.push(...(node.value!.match(/\d{4}-\d\d-\d\d/g) ?? []).map((date) => `${date} in "${node.value}"`));
        return;
      }
      const className = node.attrs?.find((attr) => attr.name === 'class')?.value;
      // The first cell of a row (a date, a start time) does not wrap at all.
      const firstCell = node.tagName === 'td' && node.parentNode?.childNodes?.find((child) => child.tagName === 'td') === node;
      for (const child of node.childNodes ?? []) walk(child, unbroken || className === 'day' || firstCell);
    };
    walk(parseHtml(html) as unknown as Element, false);
    expect(split).toEqual([]);
    // The header, the scope and reset notes, the drill lists, the trend caption: each has dates.
    expect(html.match(/<span class="day">/g)!.length).toBeGreaterThan(12);
  });

  it("wraps a session's line of drills to the table's width, though the first cell of its row never wraps", () => {
    const html = toHtml(buildReport(sampleStore(), library, { now: NOW }));
    // The drills sit in a row's first and only cell: unwrapped, their line alone would set the
    // table's width, pushing the scores and the status off the screen and off a printed page.
    expect(html).toMatch(/<tr class="drills"><td colspan="9">[^<]*<bdi>/);
    expect(html).toContain('td:first-child, td.num, td.scores, .day { white-space: nowrap; }');
    const drillsRule = html.match(/table\.sessions tr\.drills td \{([^}]*)\}/)![1]!;
    expect(drillsRule).toContain('white-space: normal;');
  });

  it('names the period in the page\'s title, which heads each printed page and names a PDF saved from it', () => {
    const title = (html: string) => html.match(/<title>([^<]*)<\/title>/)![1];
    const whole = toHtml(buildReport(sampleStore(), library, { now: NOW, patientName: 'Sam Lee' }));
    const october = toHtml(buildReport(sampleStore(), library, { now: NOW, since: '2026-10-05', until: '2026-10-25' }));
    expect(title(whole)).toMatch(/^IT band self-assessment report, \d{4}-\d\d-\d\d to 2026-11-20: Sam Lee$/);
    expect(title(october)).toBe('IT band self-assessment report, 2026-10-05 to 2026-10-25');
  });

  it('printed, keeps each heading on the page of what follows it, and a row, a chart or a list item whole', () => {
    const html = toHtml(buildReport(sampleStore(), library, { now: NOW }));
    const print = html.match(/@media print \{([^@]*)\n {2}\}/)![1]!;
    expect(print).toContain('h2 { break-after: avoid; }');
    expect(print).toContain('tr, figure, li { break-inside: avoid; }');
  });

  it('printed, keeps a sentence that leads into a list, a table or a chart on the page where these start', () => {
    const html = toHtml(buildReport(sampleStore(), library, { now: NOW }));
    const print = html.match(/@media print \{([^@]*)\n {2}\}/)![1]!;
    expect(print).toContain('p:has(+ ol, + ul, + div.table, + figure) { break-after: avoid; }');
    // The rule holds where the lead-in is the element just before what it leads into.
    const leads: string[] = [];
    const walk = (node: Element) => {
      const elements = (node.childNodes ?? []).filter((child) => child.tagName !== undefined) as Element[];
      elements.forEach((child, i) => {
        const next = elements[i + 1];
        const text = (child.childNodes ?? []).map((grandchild) => grandchild.value ?? grandchild.childNodes?.[0]?.value ?? '').join('');
        const box = next?.attrs?.find((attr) => attr.name === 'class')?.value;
        if (child.tagName === 'p' && next !== undefined) leads.push(`${text.slice(0, 24)} > ${next.tagName}${box === undefined ? '' : `.${box}`}`);
        walk(child);
      });
    };
    walk(parseHtml(html) as unknown as Element);
    expect(leads).toEqual(
      expect.arrayContaining(['At least one yes. > div.table', 'Scores compare only when > figure', 'The drills that helped t > ol', 'The drills that did not  > ul']),
    );
  });

  it('on any screen narrower than a table (a phone, a tablet held upright, a narrow window), lets the table scroll sideways in its own box, leaving the page the width of the screen', () => {
    const html = toHtml(buildReport(longWords(), library, { now: NOW }));
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    // Each table, the screening, the moves and the sessions, sits alone in its box.
    const boxes: string[] = [];
    const walk = (node: Element) => {
      if (node.tagName === 'table') {
        const parent = node.parentNode!;
        expect(parent.childNodes!.filter((child) => child.tagName !== undefined)).toEqual([node]);
        boxes.push(`${parent.tagName}.${parent.attrs!.find((attr) => attr.name === 'class')?.value} > table.${node.attrs!.find((attr) => attr.name === 'class')?.value ?? ''}`);
      }
      for (const child of node.childNodes ?? []) walk(child);
    };
    walk(parseHtml(html) as unknown as Element);
    expect(boxes).toEqual(['div.table > table.', 'div.table > table.', 'div.table wide > table.sessions']);
    // At every width of screen, not only a phone's; printed, nothing is cut off, and a table
    // keeps its table layout.
    expect(html).toContain('@media screen { div.table { overflow-x: auto; } }');
    const print = html.match(/@media print \{([^@]*)\n {2}\}/)![1]!;
    expect(print).not.toContain('overflow');
    // Only the empty blocks below headings are blocks (see print-keep-with-next.test.ts).
    for (const [, selectors] of print.matchAll(/\n\s*([^{}\n]+)\{[^}]*display: block/g)) for (const one of selectors!.split(/,(?![^(]*\))/)) expect(one.trim()).toMatch(/::after$/);
    expect(html).not.toMatch(/table \{ display: block/);
  });

  it('on a phone, keeps a chart wide enough to read its dates and scores, scrolling sideways in its own box; printed, it fits the page', () => {
    const html = toHtml(buildReport(sampleStore(), library, { now: NOW }));
    // Each chart sits alone in its box, under its caption.
    const boxes: string[] = [];
    const walk = (node: Element) => {
      if (node.tagName === 'svg') {
        const parent = node.parentNode!;
        expect(parent.childNodes!.filter((child) => child.tagName !== undefined)).toEqual([node]);
        boxes.push(`${parent.parentNode!.tagName} > ${parent.tagName}.${parent.attrs!.find((attr) => attr.name === 'class')?.value}`);
      }
      for (const child of node.childNodes ?? []) walk(child);
    };
    walk(parseHtml(html) as unknown as Element);
    expect(boxes).toEqual(['figure > div.chart', 'figure > div.chart']);
    // Drawn 640 wide with 11-unit dates and scores, a chart shrunk to a phone's 343 pixels has
    // them 6 pixels high. On a screen it keeps at least 9/10 of its width (36rem, 576 pixels),
    // and no more than it is drawn, so that on a wide screen it is as before.
    const screen = html.match(/@media screen \{\n([^@]*)\n {2}\}/)![1]!;
    expect(screen).toContain('div.chart { overflow-x: auto; }');
    const least = Number(screen.match(/div\.chart svg \{ min-width: ([\d.]+)rem; \}/)![1]);
    expect(least * 16).toBeGreaterThanOrEqual(0.9 * 640);
    expect(least * 16).toBeLessThanOrEqual(640);
    // Printed, a chart shrinks to the page's width: nothing cut off, no scrolling.
    expect(html).toContain('svg { max-width: 100%; height: auto; }');
    expect(html.match(/svg \{[^}]*min-width/g)).toHaveLength(1);
    const print = html.match(/@media print \{([^@]*)\n {2}\}/)![1]!;
    expect(print).not.toMatch(/overflow|svg|div\.chart/);
  });

  it("on a laptop's screen, gives the session table's nine columns some of the room beside the text, where they fit without scrolling", () => {
    const html = toHtml(buildReport(sampleStore(), library, { now: NOW }));
    // From 64rem, the body (56rem and its 1rem of padding each side) leaves 3rem each side and
    // room for a scroll bar.
    expect(html).toContain('body { font: .9375rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 56rem; margin: 2rem auto; padding: 0 1rem; }');
    expect(html).toContain('@media screen and (min-width: 64rem) { div.wide { margin: 0 -3rem; } }');
  });

  it('gives the "To" of a move made before the buckets were cleared room to read in a few lines', () => {
    const html = toHtml(buildReport({ ...longWords(), bucketsResetAt: '2026-10-12T12:00:00.000Z' }, library, { now: NOW }));
    expect(html).toContain('<td class="to">avoid for now (until the buckets were cleared on <span class="day">2026-10-12</span>)</td>');
    expect(html).toContain('td.to { min-width: 11em; }');
  });

  it('on a phone, keeps the words of a moved drill\'s name whole, giving it the room "To" keeps for a reset note', () => {
    const html = toHtml(buildReport(sampleStore(), library, { now: NOW }));
    expect(html).toContain('<td class="drill"><bdi>Gentle IT band stretch</bdi></td>');
    const phone = html.match(/@media screen and \(max-width: 40rem\) \{([^@]*)\n {2}\}/)![1]!;
    expect(phone).toContain('td.to { min-width: 0; }');
    // Its words set the least width of the column: "Monster walks" never reads "Monst / er walks".
    expect(phone).toContain('td.drill bdi { overflow-wrap: break-word; }');
  });
});
