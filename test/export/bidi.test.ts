// Right-to-left text (Hebrew, Arabic) in a movement, a note, a drill or routine name must not
// carry the numbers and signs next to it into its own direction: the md report isolates it with
// U+2068 … U+2069, the html report puts it in <bdi>.
import MarkdownIt from 'markdown-it';
import { parse as parseHtml } from 'parse5';
import { describe, expect, it } from 'vitest';
import type { StoreData } from '../../src/core/records.js';
import { toHtml } from '../../src/export/html.js';
import { mdUser, toMarkdown } from '../../src/export/md.js';
import { buildReport } from '../../src/export/report.js';
import { builtInLibrary } from '../helpers/built-in-library.js';
import { sampleStore } from './fixtures.js';

const NOW = new Date('2026-11-20T15:00:00.000Z');
const HEBREW = 'סקוואט על רגל אחת';
const ARABIC = 'ألم عند النزول 3 درجات';
const NAME = 'תרגיל ישן';
const isolated = (text: string) => `\u2068${text}\u2069`;
const library = builtInLibrary();

/** The sample store with right-to-left text wherever a person or a library can put text. */
function rtlStore(): StoreData {
  const data = sampleStore();
  for (const session of data.sessions.slice(0, 2)) session.movement = HEBREW;
  data.sessions[2]!.routine = 'שגרה';
  data.sessions[1]!.results.push({ exerciseId: 'old-drill', name: NAME, outcome: 'rehab', flare: false, at: '2026-10-08T12:06:00.000Z' });
  data.moves[0]!.note = ARABIC;
  data.moves.push({ exerciseId: 'old-drill', bucket: 'avoid', note: 'הערה', at: '2026-10-11T12:00:00.000Z' });
  return data;
}

describe('markdown', () => {
  it('isolates each right-to-left text from the words and numbers around it', () => {
    const md = toMarkdown(buildReport(rtlStore(), library, { now: NOW, patientName: 'שרה לוי' }));
    expect(md).toContain(`**Pain during ${isolated(HEBREW)}**: 2 sessions, first baseline 6 on 2026-10-01`);
    expect(md).toContain(`| 2026-10-08 09:30 | strength | left | Pain @ ${isolated(HEBREW)} | 5 → 7 |`);
    expect(md).toContain(`- **Test movements:** ${isolated(HEBREW)}; walking\n`);
    expect(md).toContain(`| 2026-10-10 | Gentle IT band stretch | avoid for now | ${isolated(ARABIC)} |`);
    expect(md).toContain(`| 2026-10-11 | ${isolated(NAME)} | avoid for now | ${isolated('הערה')} |`);
    expect(md).toContain(`\n- **${isolated(NAME)}** (old-drill): `);
    expect(md).toContain(`; note: “${isolated('הערה')}”\n`);
    expect(md).toContain(`| 2026-10-20 09:30 | ${isolated('שגרה')} | left |`);
    expect(md).toContain(`patient: ${isolated('שרה לוי')}\n`);
    // Nowhere is a right-to-left word left bare.
    const bare = md.replace(/\u2068[^\u2069]*\u2069/g, '');
    expect(bare).not.toMatch(/[\u0590-\u08FF]/);
  });

  it('leaves text without a right-to-left letter as it was', () => {
    expect(toMarkdown(buildReport(sampleStore(), library, { now: NOW }))).not.toMatch(/[\u2068\u2069]/);
    for (const text of ['single-leg squat', 'naïve 日本語 Ωμέγα 😀', '١٢٣ 123', '']) expect(mdUser(text)).toBe(text.trim());
    for (const text of ['ﭏ presentation form', 'ܫܠܡܐ', 'ދިވެހި', 'x ב y']) expect(mdUser(text)).toBe(isolated(text));
    // An invisible right-to-left mark turns the numbers beside it as a letter would.
    for (const text of ['squat\u200F', '\u061Cstairs']) expect(mdUser(text)).toBe(isolated(text));
  });

  it('still renders as plain text, bold where it was bold and in its own table cell', () => {
    const renderer = new MarkdownIt({ html: true });
    const md = toMarkdown(buildReport(rtlStore(), library, { now: NOW }));
    const line = md.split('\n').find((text) => text.startsWith('**Pain during'))!;
    const [inline] = renderer.parse(line, {}).filter((token) => token.type === 'inline');
    const children = inline!.children!.filter((child) => child.content !== '' || child.type !== 'text');
    expect(children.map((child) => child.type)).toEqual(['strong_open', 'text', 'strong_close', 'text']);
    expect(children[1]!.content).toBe(`Pain during ${isolated(HEBREW)}`);
    const table = md.split('\n## Moved by hand\n\n')[1]!.split('\n\n')[0]!;
    const cells = renderer.parse(table, {}).filter((token) => token.type === 'inline').map((token) => token.content);
    expect(cells.slice(4, 8)).toEqual(['2026-10-10', 'Gentle IT band stretch', 'avoid for now', isolated(ARABIC)]);
  });
});

describe('html', () => {
  type Node = { nodeName: string; tagName?: string; value?: string; childNodes?: Node[] };

  /** The text nodes of the body, each with the tags it sits in. */
  function bodyTexts(html: string): { text: string; tags: string[] }[] {
    const found: { text: string; tags: string[] }[] = [];
    const walk = (node: Node, tags: string[]) => {
      if (node.nodeName === '#text') found.push({ text: node.value!, tags });
      for (const child of node.childNodes ?? []) walk(child, node.tagName ? [...tags, node.tagName] : tags);
    };
    walk(parseHtml(html) as unknown as Node, []);
    return found.filter(({ tags }) => tags.includes('body'));
  }

  it('puts every text from a person or a library in <bdi>, and nothing right-to-left outside one', () => {
    const html = toHtml(buildReport(rtlStore(), library, { now: NOW, patientName: 'שרה לוי' }));
    const rtl = bodyTexts(html).filter(({ text }) => /[\u0590-\u08FF]/.test(text));
    expect(rtl.length).toBeGreaterThanOrEqual(10);
    for (const { text, tags } of rtl) expect(tags.at(-1), text).toBe('bdi');
    expect(html).toContain(`<strong>Pain during <bdi>${HEBREW}</bdi></strong>: 2 sessions`);
    expect(html).toContain(`<td class="what">Pain @ <bdi>${HEBREW}</bdi></td>`);
    expect(html).toContain(`<td class="drill"><bdi>${NAME}</bdi></td><td class="to">avoid for now</td>`);
    expect(html).toContain('patient: <bdi>שרה לוי</bdi></p>');
  });
});
