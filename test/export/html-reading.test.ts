// The HTML report read without a mouse or without seeing it: a box that scrolls sideways on a
// narrow screen (a table, a chart) is reached with the Tab key, outlined then, and named for a
// screen reader; the report itself is the page's main part.
import { parse as parseHtml } from 'parse5';
import { describe, expect, it } from 'vitest';
import { emptyStore } from '../../src/store/migrations.js';
import { toHtml } from '../../src/export/html.js';
import { buildReport } from '../../src/export/report.js';
import { builtInLibrary } from '../helpers/built-in-library.js';
import { sampleStore } from './fixtures.js';

const NOW = new Date('2026-11-20T15:00:00.000Z');
const library = builtInLibrary();

type Element = { nodeName: string; tagName?: string; value?: string; attrs?: { name: string; value: string }[]; childNodes?: Element[] };

const attr = (node: Element, name: string) => node.attrs?.find((a) => a.name === name)?.value;

function elements(html: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Element) => {
    if (node.tagName) found.push(node);
    for (const child of node.childNodes ?? []) walk(child);
  };
  walk(parseHtml(html) as unknown as Element);
  return found;
}

function textOf(node: Element): string {
  return node.nodeName === '#text' ? node.value! : (node.childNodes ?? []).map(textOf).join('');
}

describe('html for the keyboard and a screen reader', () => {
  it('lets the Tab key reach each box that scrolls sideways, named by its heading or its chart caption', () => {
    const all = elements(toHtml(buildReport(sampleStore(), library, { now: NOW })));
    const boxes = all.filter((node) => node.tagName === 'div' && /^(table|chart)\b/.test(attr(node, 'class') ?? ''));
    // The screening, the moves and the sessions tables; the charts of two trends.
    expect(boxes.map((box) => attr(box, 'class'))).toEqual(['table', 'table', 'chart', 'chart', 'table wide']);
    const names = boxes.map((box) => {
      expect(attr(box, 'tabindex')).toBe('0');
      expect(attr(box, 'role')).toBe('region');
      const named = all.filter((node) => attr(node, 'id') === attr(box, 'aria-labelledby'));
      expect(named).toHaveLength(1);
      return `${named[0]!.tagName}: ${textOf(named[0]!).slice(0, 24)}`;
    });
    expect(names).toEqual([
      'h2: Red-flag screening',
      'h2: Moved by hand',
      'figcaption: Tightness during walking',
      'figcaption: Pain during single-leg s',
      'h2: Sessions',
    ]);
    // The names of landmarks differ, for a screen reader that lists them.
    expect(new Set(names).size).toBe(names.length);
  });

  it('outlines a box while it has the keyboard focus, on the screen: not on the page printed then', () => {
    const html = toHtml(buildReport(sampleStore(), library, { now: NOW }));
    expect(html).toContain('@media screen { div[tabindex]:focus-visible { outline: 2px solid #1f4e79; outline-offset: 2px; } }');
    expect(html.match(/:focus/g)).toHaveLength(1);
  });

  it("sizes the page's text in rem, following the text size a reader chose in the browser's settings, as the page's width does", () => {
    const style = toHtml(buildReport(sampleStore(), library, { now: NOW })).match(/<style>([\s\S]*)<\/style>/)![1]!;
    // On screen: printed, the text is in points, as a page is.
    const screen = style.split('@media print')[0]!;
    expect(screen).toContain('body { font: .9375rem/1.5 ');
    expect(screen.match(/font(-size)?: [^;]*\d(px|pt)\b/g)).toBeNull();
  });

  it('in Windows high contrast, draws each chart in the colours the person chose: no white box in a dark page', () => {
    const html = toHtml(buildReport(sampleStore(), library, { now: NOW }));
    const forced = html.match(/@media \(forced-colors: active\) \{([^@]*)\n {2}\}/)![1]!;
    const rules = new Map([...forced.matchAll(/(\S[^{]*) \{ ([^}]*); \}/g)].map(([, selector, declarations]) => [selector!.trim(), declarations]));
    expect(Object.fromEntries(rules)).toEqual({
      'svg rect': 'fill: Canvas',
      'svg text': 'fill: CanvasText',
      'svg line, svg polyline': 'stroke: CanvasText',
      'svg line[stroke="#ddd"]': 'stroke: GrayText',
      'svg circle': 'fill: CanvasText',
      // The final score's ring stays a ring, and its line dashed: the two lines still differ.
      'svg circle[fill="none"]': 'fill: none; stroke: CanvasText',
    });
    // Every shape of the charts with a colour of its own is one of those.
    const chart = html.split('<svg ').slice(1).map((svg) => svg.split('</svg>')[0]!).join('\n');
    const coloured = new Set([...chart.matchAll(/<(\w+) [^>]*(?:fill|stroke)="#/g)].map(([, tag]) => tag));
    expect([...coloured].sort()).toEqual(['circle', 'line', 'polyline', 'rect', 'text']);
    expect(chart).toContain('stroke="#ddd"');
    expect(chart).toMatch(/<polyline [^>]*stroke-dasharray/);
    expect(chart).toMatch(/<circle [^>]*fill="none"/);
  });

  it('puts the whole report in the page main part, the empty one too', () => {
    for (const data of [sampleStore(), emptyStore()]) {
      const all = elements(toHtml(buildReport(data, library, { now: NOW })));
      const body = all.find((node) => node.tagName === 'body')!;
      const inBody = (body.childNodes ?? []).filter((node) => node.tagName !== undefined || /\S/.test(node.value ?? ''));
      expect(inBody.map((node) => node.tagName)).toEqual(['main']);
      expect(textOf(inBody[0]!)).toContain('IT band self-assessment report');
    }
  });
});
