// The HTML report read without seeing it: the report itself is the page's main part.
import { parse as parseHtml } from 'parse5';
import { describe, expect, it } from 'vitest';
import { emptyStore } from '../../src/store/migrations.js';
import { toHtml } from '../../src/export/html.js';
import { buildReport } from '../../src/export/report.js';
import { builtInLibrary } from '../helpers/built-in-library.js';
import { sampleStore } from './fixtures.js';

const NOW = new Date('2026-11-20T15:00:00.000Z');
const library = builtInLibrary();

type Element = { nodeName: string; tagName?: string; value?: string; childNodes?: Element[] };

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

describe('html for a screen reader', () => {
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
