// What `itb export` says on a terminal, the built binary in a real pseudo-terminal: the notes on
// stderr fit the screen, and a report printed onto it comes with how to save it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, Terminal } from '../helpers/pty.js';
import { terminalsOnFreshHome } from '../helpers/pty-home.js';
import { Store } from '../../src/store/store.js';
import { width } from '../../src/ui/width.js';
import { sampleStore } from '../export/fixtures.js';

const { home, itb } = terminalsOnFreshHome({ env: { NO_COLOR: '1' } });

const seed = () => Store.open({ ITB_HOME: home() }).update(() => sampleStore());
const lines = (text: string) => text.trimEnd().split(/\r?\n/);
const hint = 'To save this report as a page to open in a web browser or print:';

describe('itb export in a terminal', () => {
  it('says which file it wrote in lines that fit a narrow screen, never broken inside a date', async () => {
    await seed();
    const t = itb(['export', '-o', join(home(), 'report.md')], { cols: 40 });
    expect(await t.exited).toBe(0);
    expect(lines(t.text).filter((line) => width(line) > 40)).toEqual([]);
    expect(t.text).toMatch(/ 2026-10-01 to \d{4}-\d\d-\d\d\)\./);
    expect(t.text).not.toContain(hint);
  });

  it('after a Markdown report on the screen, says how to save it as a page, with the period asked for', async () => {
    await seed();
    const t = itb(['export', '--since', '2026-10-02'], { cols: 80 });
    expect(await t.exited).toBe(0);
    expect(t.text).toContain('# IT band self-assessment report');
    expect(lines(t.text).slice(-3)).toEqual(['', hint, '  itb export --since 2026-10-02 -o report.html']);
  });

  it("after an HTML report's text on the screen, says what it was and how to save it, in lines that fit", async () => {
    await seed();
    const t = itb(['export', '--format', 'html'], { cols: 40 });
    expect(await t.exited).toBe(0);
    expect(t.text).toContain('</html>');
    expect(lines(t.text).slice(-4)).toEqual(['', "That was the HTML report's text. To save", 'it as a page to open or print:', '  itb export -o report.html']);
  });

  it('gives the command that saves a report whole on one line, even where it is wider than the screen', async () => {
    await seed();
    const t = itb(['export', '--format', 'csv', '--since', '2026-10-02', '--until', '2026-11-01'], { cols: 40 });
    expect(await t.exited).toBe(0);
    // The terminal folds it; no line break of itb's own splits it into two commands to paste.
    expect(lines(t.text).at(-1)).toBe('  itb export --since 2026-10-02 --until 2026-11-01 -o report.csv');
    expect(lines(t.text).slice(-3, -1).every((line) => width(line) <= 40)).toBe(true);
  });

  it('sends the Markdown alone to a file, with nothing more on the screen', async () => {
    await seed();
    const report = join(home(), 'report.md');
    const shell = new Terminal([], { ITB_HOME: home(), NO_COLOR: '1' }, 80, 40, {}, ['bash', '-c', `'${process.execPath}' '${BIN}' export > '${report}'`]);
    try {
      expect(await shell.exited).toBe(0);
      expect(shell.text.trim()).toBe('');
      expect(readFileSync(report, 'utf8')).toContain('# IT band self-assessment report');
      expect(readFileSync(report, 'utf8')).not.toContain(hint);
    } finally {
      await shell.end();
    }
  });
});
