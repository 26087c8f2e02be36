// The HTML report as a page: self-contained, its text escaped, its session table.
import { parse as parseHtml } from 'parse5';
import { describe, expect, it } from 'vitest';
import { toHtml } from '../../src/export/html.js';
import { toMarkdown } from '../../src/export/md.js';
import { buildReport } from '../../src/export/report.js';
import { sampleStore, sessionOne } from './fixtures.js';
import { data, library, NOW, report } from '../helpers/sample-report.js';

describe('html', () => {
  type Node = { nodeName: string; tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; value?: string; content?: Node };
  const walk = (node: Node, visit: (n: Node) => void) => {
    visit(node);
    for (const child of node.childNodes ?? []) walk(child, visit);
    if (node.content) walk(node.content, visit);
  };

  it('escapes every text from the records and the user, wherever it shows', () => {
    const hostile = sampleStore();
    hostile.sessions[0]!.movement = `<img src=x onerror="alert('m')">`;
    hostile.moves[0]!.note = '</td><script>n()</script> &amp; &lt;i&gt;';
    const html = toHtml(buildReport(hostile, library, { now: NOW, patientName: `O'Brien <b>` }));
    for (const raw of ['<img', '<script', '<b>', `'m'`, `O'Brien`]) expect(html).not.toContain(raw);
    // In the title, the header, the session table, the avoid list and the moved-by-hand table.
    expect(html).toMatch(/<title>IT band self-assessment report, [^<]*: O&#39;Brien &lt;b&gt;<\/title>/);
    expect(html.match(/O&#39;Brien &lt;b&gt;/g)).toHaveLength(2);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(&#39;m&#39;)&quot;&gt;');
    expect(html.match(/&lt;\/td&gt;&lt;script&gt;n\(\)&lt;\/script&gt;/g)!.length).toBeGreaterThanOrEqual(2);
    // An ampersand too: text that looks like an entity shows as typed, not as the character it names.
    expect(html).toContain('n()&lt;/script&gt; &amp;amp; &amp;lt;i&amp;gt;');
    expect(html).not.toContain(' &lt;i&gt;');
  });

  it('sets the routine names under the session table smaller than the page text, printed as on screen', () => {
    // Print sets the body in 10pt: a size relative to the page root (16px) came out larger than the table above it.
    const style = toHtml(report).split('<style>')[1]!.split('</style>')[0]!;
    expect(style).toMatch(/\n {2}\.legend \{[^}]*font-size: \.9em;/);
    expect(style).toMatch(/@media print \{[^@]*body \{[^}]*font-size: 10pt;/);
  });

  it('heads the session table’s drill counts as the buckets and `itb history` name them: set aside, not avoided next to skipped', () => {
    expect(toMarkdown(report)).toContain('| Baseline → final | Helped | Set aside | Skipped | Status | Drills: before → after, result |\n');
    expect(toHtml(report)).toContain('<th>Helped</th><th>Set aside</th><th>Skipped</th><th>Status</th>');
    for (const text of [toMarkdown(report), toHtml(report)]) expect(text).not.toContain('Avoided');
  });

  it('names the routines under the session table, and the built-in ones in words', () => {
    const data = sampleStore();
    data.sessions[1]!.routine = 'rehab';
    data.sessions[2]!.routine = 'a-routine-no-longer-in-the-library';
    const html = toHtml(buildReport(data, library, { now: NOW }));
    expect(html).toContain(`<p class="legend">Routines: <bdi>joint-chain</bdi> (<bdi>${library.routines[0]!.name}</bdi>); <bdi>rehab</bdi> (<bdi>the rehab bucket, the drills that had helped, warm-up drills first, then in routine order</bdi>).</p>`);
  });

  it('is one self-contained page with the sections, a chart, a CSP and no scripts or links out', () => {
    const html = toHtml(report);
    expect(html.startsWith('<!doctype html>\n<html lang="en">\n')).toBe(true);
    // The method set apart as a note, and the questions every red-flag screen asked under their table.
    expect(html).toContain('<p class="note">Self-reported data from the assess / re-assess method:');
    expect(html).toContain('</table>\n</div>\n<p>Each screen asks about: recent fall or injury; marked swelling;');
    // The session table is the one whose "symptom @ movement" column keeps room on screen.
    expect(html).toContain('<table class="sessions">');
    expect(html).toContain('table.sessions td.what { min-width: 11em; }');
    const elements: Node[] = [];
    walk(parseHtml(html) as unknown as Node, (n) => n.tagName && elements.push(n));
    const tags = new Set(elements.map((n) => n.tagName));
    expect(tags.has('svg')).toBe(true);
    expect(tags.has('polyline')).toBe(true);
    expect(tags.has('script')).toBe(false);
    expect(tags.has('link')).toBe(false);
    const csp = elements.find((n) => n.tagName === 'meta' && n.attrs?.some((a) => a.value === 'Content-Security-Policy'));
    expect(csp?.attrs?.find((a) => a.name === 'content')?.value).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html).not.toMatch(/https?:/);
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
    const headings = elements.filter((n) => n.tagName === 'h2').map((n) => n.childNodes?.[0]?.value);
    expect(headings).toEqual(['Red-flag screening', 'Rehab routine', 'Avoid for now', 'Moved by hand', 'Trend', 'Sessions', 'Thresholds used']);
    // Every table names its columns in a head that a printed page repeats.
    const tables = elements.filter((n) => n.tagName === 'table');
    expect(tables).toHaveLength(3);
    for (const table of tables) expect(table.childNodes?.find((n) => n.tagName)?.tagName).toBe('thead');
    expect(html).toMatch(/@media print \{[^}]*\{[^}]*\}[^@]*thead \{ display: table-header-group; \}/);
    // A routine id or test movement with a long word breaks inside it rather than push the
    // table past a printed page's edge (and cut off its last column); see print.test.ts.
    expect(html).toContain('bdi { overflow-wrap: anywhere; }');
    expect(html).toContain('<td class="routine"><bdi><span class="whole">joint-chain</span></bdi></td><td>left</td><td class="what">Pain @ <bdi><span class="whole">single-leg</span> squat</bdi></td>');
    // Each session with the time it started: two on one day are told apart. Printed, the time may go under the date.
    expect(html).toContain('<tr><td class="started"><span class="day">2026-10-08</span> 09:30</td><td class="routine"><bdi>strength</bdi></td>');
    // Each row's numbers in their columns, a flare beside the drills set aside, an interrupted session marked.
    expect(html).toContain('<td class="scores">6 → 4</td><td class="num">2</td><td class="num">1</td><td class="num">1</td><td>completed</td></tr>');
    expect(html).toContain('<td class="scores">5 → 7</td><td class="num">1</td><td class="num">1 <span class="flare">(1 flare)</span></td><td class="num">0</td><td>stopped early</td></tr>');
    expect(html).toContain('<td class="scores">4 → 2</td><td class="num">1</td><td class="num">0</td><td class="num">0</td><td><strong>interrupted</strong></td></tr>');
    expect(html).toMatch(/@media print \{[^@]*td\.started \{ white-space: normal; \}/);
  });

  it('keeps a short hyphenated routine or movement whole in the session table, and lets a long one break', () => {
    const typed = { ...sessionOne, routine: 'hip-rotation-for-runners', movement: 'step-down <b>&</b> x-y' };
    const html = toHtml(buildReport({ ...data, sessions: [typed] }, library, { now: NOW }));
    // Seventeen characters and more may break: a long word kept whole would push the columns off a printed page.
    expect(html).toContain('<td class="routine"><bdi>hip-rotation-for-runners</bdi></td>');
    // Each short word with a hyphen on its own, escaped as ever; the words without one as they are.
    expect(html).toContain('<td class="what">Pain @ <bdi><span class="whole">step-down</span> &lt;b&gt;&amp;&lt;/b&gt; <span class="whole">x-y</span></bdi></td>');
    expect(html).toMatch(/\.whole \{ white-space: nowrap; \}/);
  });
});
