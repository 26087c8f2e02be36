// When colour is used, how wide printed lines may be, and how the trend line draws scores.
import { describe, expect, it } from 'vitest';
import { colourEnabled, colours } from '../../src/ui/colour.js';
import { columnsOf, tooWide, wrapColumnsOf } from '../../src/ui/screen.js';
import { width } from '../../src/ui/width.js';
import { wrap } from '../../src/ui/wrap.js';
import { pointsShown, sparkTop, sparkline } from '../../src/ui/sparkline.js';

const terminal = { write: () => true, isTTY: true };
const file = { write: () => true, isTTY: false };

describe('colour', () => {
  it('is on in a terminal, off in a file or a pipe', () => {
    expect(colourEnabled({}, terminal, undefined)).toBe(true);
    expect(colourEnabled({}, file, undefined)).toBe(false);
  });

  it('is off with --no-color, NO_COLOR set to anything but empty, TERM=dumb, or FORCE_COLOR=0 or false', () => {
    expect(colourEnabled({}, terminal, false)).toBe(false);
    expect(colourEnabled({ NO_COLOR: '1' }, terminal, undefined)).toBe(false);
    // An empty NO_COLOR does not count, as https://no-color.org says.
    expect(colourEnabled({ NO_COLOR: '' }, terminal, undefined)).toBe(true);
    expect(colourEnabled({ TERM: 'dumb' }, terminal, undefined)).toBe(false);
    expect(colourEnabled({ FORCE_COLOR: '0' }, terminal, undefined)).toBe(false);
    expect(colourEnabled({ FORCE_COLOR: 'false' }, terminal, undefined)).toBe(false);
  });

  it('is on with FORCE_COLOR even in a pipe, unless colour is turned off', () => {
    expect(colourEnabled({ FORCE_COLOR: '1' }, file, undefined)).toBe(true);
    expect(colourEnabled({ FORCE_COLOR: '1', NO_COLOR: '1' }, file, undefined)).toBe(false);
  });

  it('writes colour codes only when on', () => {
    expect(colours(true).red('x')).toBe('\x1b[31mx\x1b[39m');
    expect(colours(false).red('x')).toBe('x');
  });
});

describe('the width of printed lines', () => {
  it('is the terminal\'s from 30 columns up to 80, and 80 in a file, a pipe or a narrower terminal', () => {
    expect(columnsOf({ isTTY: true, columns: 30 })).toBe(30);
    expect(columnsOf({ isTTY: true, columns: 29 })).toBe(80);
    expect(columnsOf({ isTTY: true, columns: 120 })).toBe(80);
    expect(columnsOf({ isTTY: false, columns: 40 })).toBe(80);
  });

  it('counts a line as too wide only when it runs past a terminal\'s edge', () => {
    expect(tooWide({ isTTY: true, columns: 40 }, 40)).toBe(false);
    expect(tooWide({ isTTY: true, columns: 40 }, 41)).toBe(true);
    expect(tooWide({ isTTY: false, columns: 40 }, 200)).toBe(false);
  });

  it('fits a message to the terminal showing it: stderr\'s own, when stdout goes elsewhere', () => {
    const stdout = process.stdout as { isTTY?: boolean; columns?: number };
    const was = { isTTY: stdout.isTTY, columns: stdout.columns };
    Object.assign(stdout, { isTTY: true, columns: 60 });
    try {
      const lines = wrap('A message to read on a terminal of fifty columns, broken between its words to fit there.', wrapColumnsOf({ isTTY: true, columns: 50 }));
      expect(Math.max(...lines.map(width))).toBeLessThanOrEqual(50);
      expect(Math.max(...lines.map(width))).toBeGreaterThan(40);
    } finally {
      Object.assign(stdout, was);
    }
  });
});

describe('a one-letter option that ends a clause', () => {
  it('stays with the word before it, never alone at the start of a line, at 80 columns and narrower', () => {
    const hints = [
      'Nothing was written. Close it there and try again, or choose another name with -o.',
      'Nothing was written. Add --force to replace it, or choose another name with -o.',
      'Nothing was written. Close the file where it is open (a spreadsheet or a viewer showing it), then try again; or choose another name with -o.',
      'Create the folder first, or choose another place with -o.',
      'To see the report on the screen, leave out -o; to save it, give a file name.',
    ];
    // And -o with the file name after it: "-o" ending a line reads as a stray dash.
    // A file name may have a hyphen in it: "-o knee-report.html" stays whole too.
    const named = ['Nothing was written: -o needs a file name after it. Give a file name, such as -o report.html.', 'Nothing was written: that name is a folder. Give a file name, such as -o knee-report.html.'];
    for (let columns = 30; columns <= 80; columns++) {
      for (const hint of hints) {
        const lines = wrap(hint, columns);
        expect(lines.join(' '), `${columns}: ${hint}`).toBe(hint);
        expect(lines.filter((line) => /^-o\b/.test(line)), `${columns}: ${hint}`).toEqual([]);
        expect(Math.max(...lines.map(width)), `${columns}: ${hint}`).toBeLessThanOrEqual(columns);
      }
    }
    for (let columns = 30; columns <= 80; columns++) {
      for (const hint of named) {
        const lines = wrap(hint, columns);
        expect(lines.join(' '), `${columns}: ${hint}`).toBe(hint);
        expect(lines.filter((line) => / -o$/.test(line)), `${columns}: ${hint}`).toEqual([]);
      }
    }
    expect(wrap(hints[0]!, 80)).toEqual(['Nothing was written. Close it there and try again, or choose another name', 'with -o.']);
  });
});

describe('the trend line', () => {
  it('gives each score up to 7 a bar of its own, so a fall of one point shows', () => {
    expect(sparkTop([2, 3])).toBe(7);
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
  });

  it('tops out at the highest score above 7, and at 10', () => {
    expect(sparkTop([9, 2])).toBe(9);
    expect(sparkTop([12])).toBe(10);
    expect(sparkline([10, 0, 5])).toBe('█▁▅');
    // A score beyond the top is drawn at the top.
    expect(sparkline([9, 3], 7)).toBe('█▄');
  });

  it('keeps the latest points after "…" when there are more than fit', () => {
    const scores = [7, 0, 0, 1, 2, 3];
    expect(sparkline(scores, 7, 6)).toBe('█▁▁▂▃▄');
    expect(sparkline([...scores, 4], 7, 6)).toBe('…▁▂▃▄▅');
    expect(pointsShown(7, 6)).toBe(5);
    expect(pointsShown(6, 6)).toBe(6);
  });
});
