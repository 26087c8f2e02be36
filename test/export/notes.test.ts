// A note of several lines keeps them: the HTML shows its line breaks, the Markdown marks each
// with ¶ (a table cell holds one line, and the mark cannot turn into markup).
import MarkdownIt from 'markdown-it';
import { parse as parseHtml } from 'parse5';
import { describe, expect, it } from 'vitest';
import type { StoreData } from '../../src/core/records.js';
import { toHtml } from '../../src/export/html.js';
import { mdNote, toMarkdown } from '../../src/export/md.js';
import { buildReport } from '../../src/export/report.js';
import { builtInLibrary } from '../helpers/built-in-library.js';
import { sampleStore } from './fixtures.js';

const NOW = new Date('2026-11-20T15:00:00.000Z');
const NOTE = 'Hurts on stairs\nbetter after a walk\n- worse in the *morning*';
const library = builtInLibrary();

function noted(note: string): StoreData {
  const data = sampleStore();
  data.moves[0]!.note = note;
  return data;
}

describe('markdown', () => {
  it('marks each line break of a note with ¶, in the moved-by-hand table and the drill list', () => {
    const md = toMarkdown(buildReport(noted(NOTE), library, { now: NOW }));
    const one = 'Hurts on stairs ¶ better after a walk ¶ - worse in the \\*morning\\*';
    expect(md).toContain(`| 2026-10-10 | Gentle IT band stretch | avoid for now | ${one} |\n`);
    expect(md).toContain(`; note: “${one}”\n`);
  });

  it('renders the note as one plain text, the row as one row of four cells', () => {
    const md = toMarkdown(buildReport(noted(NOTE), library, { now: NOW }));
    const table = md.split('\n## Moved by hand\n\n')[1]!.split('\n\n')[0]!;
    const tokens = new MarkdownIt({ html: true }).parse(table, {});
    expect(tokens.filter((token) => token.type === 'tr_open')).toHaveLength(2);
    const cells = tokens.filter((token) => token.type === 'inline');
    expect(cells).toHaveLength(8);
    expect(cells[7]!.children!.map((child) => child.type)).toEqual(['text']);
    expect(cells[7]!.content).toBe('Hurts on stairs ¶ better after a walk ¶ - worse in the \\*morning\\*');
  });

  it('takes blank lines, CRLF and the spaces around a break as a single break', () => {
    expect(mdNote('  one \r\n\r\n  two\rthree\u2028four \n')).toBe('one ¶ two ¶ three ¶ four');
    expect(mdNote('a single line')).toBe('a single line');
    // Right to left, the whole note is set apart as one text.
    expect(mdNote('שורה\nשנייה')).toBe('\u2068שורה ¶ שנייה\u2069');
  });

  it('escapes the straight double quotes of a note it puts in curly ones, which Pandoc would pair with them', () => {
    // Pandoc read “knee sore, "sharp" after” as “knee sore,” then sharp” after”, its space lost.
    expect(mdNote('knee sore, "sharp" after')).toBe('knee sore, \\"sharp\\" after');
    // What a CommonMark renderer shows is the note as typed.
    const note = new MarkdownIt().renderInline(`note: “${mdNote('a \\ "b"')}”`);
    expect(note).toBe('note: “a \\ &quot;b&quot;”');
  });
});

describe('html', () => {
  type Node = { nodeName: string; attrs?: { name: string; value: string }[]; value?: string; childNodes?: Node[] };

  it('keeps the note’s line breaks and shows them, in the table and the drill list', () => {
    const html = toHtml(buildReport(noted(`\n${NOTE}\n`), library, { now: NOW }));
    const texts: string[] = [];
    const walk = (node: Node) => {
      if (node.attrs?.some((attr) => attr.name === 'class' && attr.value === 'lines')) texts.push(node.childNodes!.map((child) => child.value).join(''));
      for (const child of node.childNodes ?? []) walk(child);
    };
    walk(parseHtml(html) as unknown as Node);
    // Once in the moved-by-hand table, once in the avoid list; the breaks at either end are dropped.
    expect(texts).toEqual([NOTE, NOTE]);
    expect(html).toContain('.lines { white-space: pre-line; }');
  });
});
