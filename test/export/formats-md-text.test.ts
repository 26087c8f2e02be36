// The Markdown report's text: the user's words escaped, and lines broken to fit a terminal without turning into markup.
import { describe, expect, it } from 'vitest';
import { toHtml } from '../../src/export/html.js';
import { mdText, toMarkdown } from '../../src/export/md.js';
import { mdOnScreen } from '../../src/export/md-screen.js';
import { screenColumns } from '../../src/ui/screen.js';
import MarkdownIt from 'markdown-it';
import { buildReport } from '../../src/export/report.js';
import { sampleStore } from './fixtures.js';
import { onTerminal } from '../helpers/terminal.js';
import { library, NOW, report } from '../helpers/sample-report.js';

describe('markdown', () => {
  it('names each test movement once, however it was typed, as it was last typed', () => {
    const typed = sampleStore();
    typed.sessions[1]!.movement = 'Single-Leg  squat ';
    const md = toMarkdown(buildReport(typed, library, { now: NOW }));
    expect(md).toContain('- **Test movements:** Single-Leg  squat; walking\n');
    // Emphasis stays emphasis: Markdown takes `**squat **` literally.
    expect(md).toContain('**Pain during Single-Leg  squat**: 2 sessions');
    // One movement, and one with a comma in it: a list of one, told apart from a list of two.
    const one = sampleStore();
    for (const session of one.sessions) session.movement = 'Stairs, going down';
    expect(toMarkdown(buildReport(one, library, { now: NOW }))).toContain('- **Test movement:** Stairs, going down\n');
    typed.sessions[2]!.movement = 'Stairs, going down';
    expect(toHtml(buildReport(typed, library, { now: NOW }))).toContain('<li><strong>Test movements:</strong> <bdi>Single-Leg  squat</bdi>; <bdi>Stairs, going down</bdi></li>');
  });

  it('escapes the user’s text so it cannot break a table or become markup', () => {
    const md = toMarkdown(report);
    expect(md).toContain('Hurts \\| \\*badly\\* \\<b\\>');
    expect(md).not.toContain('<b>');
    expect(mdText('a|b\nc_[d](e)')).toBe('a\\|b c\\_\\[d\\](e)');
  });

  it('escapes what Pandoc’s own Markdown would take for markup, which CommonMark does not: a drill’s name stays in bold there too', () => {
    // Pandoc reads an underscore starting a word as emphasis opening, and the ** after it as
    // plain text: `**Bridge _slow**` showed as **Bridge _slow**. Inside a word it is left bare.
    expect(mdText('Bridge _slow, hold_it 2^10^ $x$')).toBe('Bridge \\_slow, hold_it 2\\^10\\^ $x\\$');
    expect(mdText('__init__ a\u00a0_b')).toBe('\\_\\_init\\_\\_ a\u00a0\\_b');
    // A price is left as it is: a $ before a digit or after a space cannot close math.
    expect(mdText('band $5, ball $10')).toBe('band $5, ball $10');
  });

  it('writes a line or paragraph separator in the user’s text as a space, as it does a line break: the session table keeps its rows', () => {
    // Pasted from a word processor, a movement may hold one; a viewer breaks the line there.
    const pasted = sampleStore();
    for (const session of pasted.sessions) session.movement = 'Stairs,\u2028going\u2029down';
    const md = toMarkdown(buildReport(pasted, library, { now: NOW }));
    expect(md).toContain('- **Test movement:** Stairs, going down\n');
    expect(md).toContain(' | Pain @ Stairs, going down | ');
    expect(md).not.toMatch(/[\u2028\u2029]/);
  });

  it('keeps every hostile text plain text in a Markdown renderer, in a paragraph and in a table, escaping no more than it must', () => {
    const renderer = new MarkdownIt({ html: true });
    /** The inline tokens `markdown` renders to, cell by cell for a table row. */
    const inlines = (markdown: string) => renderer.parse(markdown, {}).filter((token) => token.type === 'inline');
    const hostile = [
      '*bold* and **strong** and _under_ and __double__',
      'a_b_c snake_case_name _leading trailing_ mid_ _mid',
      '[link](https://example.com) ![image](x.png) <https://example.com> <b>bold</b> <!-- c -->',
      '`code` ``two`` ~~struck~~ ~one~ a|b | c',
      '&amp; &#169; &copy; &nbsp; AT&T & co; R&D;',
      '# heading ## ### \\ back\\slash \\* \\_ trailing\\',
      // A backslash typed before markup: left bare, it would undo the escape that follows it.
      '\\*not bold\\* \\<b>not bold\\</b> \\[not](a link) \\`not code\\`',
      '> quote, 1. list, - item, + item, === --- ***',
      'Forward 45° lunge – “gentle” naïve 😀 日本語',
      '2^10^ $x$ $5 5$ ^ _lead',
    ];
    for (const text of hostile) {
      for (const [markdown, cells] of [[mdText(text), 1], [`| a | b |\n|---|---|\n| ${mdText(text)} | ${mdText(text)} |`, 4]] as const) {
        const found = inlines(markdown);
        expect(found, markdown).toHaveLength(cells);
        const last = found.at(-1)!;
        expect(last.children!.map((child) => child.type).filter((type) => type !== 'text'), markdown).toEqual([]);
        expect(last.children!.map((child) => child.content).join(''), markdown).toBe(text);
      }
    }
    // Plain text stays plain: no backslashes in a time zone, a drill name or an exclamation.
    expect(mdText('America/Port_of_Spain')).toBe('America/Port_of_Spain');
    expect(mdText('Hip & glute, strong!')).toBe('Hip & glute, strong!');
  });

  it('fits a terminal: paragraphs and list items broken between words, items under their text, headings and table rows whole', () => {
    const md = toMarkdown(report);
    const screen = mdOnScreen(md);
    const lines = screen.split('\n');
    const whole = (line: string) => line.startsWith('|') || line.startsWith('#');
    expect(lines.filter(whole)).toEqual(md.split('\n').filter(whole));
    expect(md.split('\n').some((line) => line.startsWith('|') && line.length > screenColumns())).toBe(true);
    for (const line of lines.filter((text) => !whole(text))) expect(line.length).toBeLessThanOrEqual(screenColumns());
    // Nothing lost or added, only line breaks.
    expect(screen.split(/\s+/)).toEqual(md.split(/\s+/));
    // The later lines of an item stand under its text: "- " and "1. " are followed by text, not by the next line's start.
    const afterItem = (marker: RegExp) => lines[lines.findIndex((line) => marker.test(line) && line.length > 40) + 1]!;
    expect(afterItem(/^- \*\*Hip hikes/)).toMatch(/^ {2}\S/);
    expect(afterItem(/^1\. /)).toMatch(/^ {3}\S/);
  });

  it('puts the later lines of the tenth drill and on under its text, past its wider number', async () => {
    const many = sampleStore();
    const ids = library.exercises.slice(0, 10).map((exercise) => exercise.id);
    many.sessions[0]!.results = ids.map((exerciseId, i) => ({ exerciseId, name: `Drill ${i + 1}`, outcome: 'rehab', flare: false, at: `2026-10-01T12:${String(10 + i)}:00.000Z` }));
    const screen = await onTerminal(40, async () => mdOnScreen(toMarkdown(buildReport(many, library, { now: NOW }))));
    const lines = screen.split('\n');
    const tenth = lines.findIndex((line) => line.startsWith('10. '));
    expect(tenth).toBeGreaterThan(0);
    expect(lines[tenth + 1]).toMatch(/^ {4}\S/);
  });

  it('never breaks a line before a dash, a number and a dot or a > that would then read as a list item or a quote', async () => {
    const md = [
      'Moved by hand: sore on the stairs - better after rest, 1. left side first, 1) then right, > 3 weeks of it.',
      '',
      '- **Hip hikes** (hip-hikes): note: “felt it in the knee - stopped + iced, then * rested”',
    ].join('\n');
    const blockStart = /^\s*(?:[-+*>]|#{1,6}|\d{1,9}[.)])(?:\s|$)/;
    for (let columns = 30; columns <= 80; columns++) {
      const screen = await onTerminal(columns, async () => mdOnScreen(md));
      const lines = screen.split('\n');
      // Only the item's own first line starts with its marker.
      expect(lines.filter((line) => blockStart.test(line))).toEqual([expect.stringMatching(/^- \*\*Hip hikes\*\*/)]);
      expect(screen.split(/\s+/)).toEqual(md.split(/\s+/));
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(columns);
    }
  });

  it('never breaks a line before a word of "=" or "-" alone, which would make the line above it a heading', async () => {
    const renderer = new MarkdownIt();
    const typed = sampleStore();
    typed.sessions[2]!.movement = 'stairs going down the steps ===';
    const md = toMarkdown(buildReport(typed, library, { now: NOW, patientName: 'Sam Lee --' }));
    const headings = (markdown: string) => renderer.parse(markdown, {}).filter((token) => token.type === 'heading_open').length;
    for (let columns = 30; columns <= 80; columns++) {
      const screen = await onTerminal(columns, async () => mdOnScreen(md));
      expect(screen.split('\n').filter((line) => /^\s*(?:=+|-+)\s*$/.test(line)), `${columns} columns`).toEqual([]);
      expect(headings(screen), `${columns} columns`).toBe(headings(md));
      expect(screen.split(/\s+/)).toEqual(md.split(/\s+/));
    }
  });

  it('keeps its headings whole on the narrowest terminal, where the title is wider than the screen', async () => {
    const screen = await onTerminal(30, async () => mdOnScreen(toMarkdown(report)));
    expect(screen.split('\n')[0]).toBe('# IT band self-assessment report');
    expect(screen).toContain('\n## Red-flag screening\n');
  });
});
