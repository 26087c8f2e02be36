// Text that just fills a line, and words too long for one: where a line breaks at the edges.
import { describe, expect, it } from 'vitest';
import { table } from '../../src/ui/table.js';
import { width } from '../../src/ui/width.js';
import { wrap } from '../../src/ui/wrap.js';

describe('wrap at the edge of a line', () => {
  it('keeps a short note in brackets whole when it is exactly as wide as a short note may be', () => {
    // "(Enter alone: 10):" is 18 columns: broken, "(Enter" would end the line above its number.
    expect(wrap('Type 1 to 10 (Enter alone: 10):', 22)).toEqual(['Type 1 to 10', '(Enter alone: 10):']);
  });

  it('keeps a command in backquotes whole on a line it fills exactly', () => {
    expect(wrap('Run `itb session joint-chain` now', 25)).toEqual(['Run', '`itb session joint-chain`', 'now']);
  });

  it('still cuts a word too long for a line inside a note in brackets too long to keep whole', () => {
    const lines = wrap('See the note (thisisaverylongwordwithnohyphen okay) here', 20);
    expect(lines).toEqual(['See the note', '(thisisaverylongword', 'withnohyphen okay)', 'here']);
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(20);
  });

  it('keeps a drill id in a command broken over lines whole, even longer than a line, so that it copies as one word', () => {
    expect(wrap('Then `itb exercises hip-external-rotation-extension-with-band` shows it.', 30)).toEqual([
      'Then `itb exercises',
      'hip-external-rotation-extension-with-band`',
      'shows it.',
    ]);
  });

  it('still cuts a long word that follows a command broken over lines: only the command\'s own words stay whole', () => {
    expect(wrap('Run `itb exercises side-lying-hip-abduction` or hip-external-rotation-extension-with-band.', 30)).toEqual([
      'Run `itb exercises',
      'side-lying-hip-abduction` or',
      'hip-external-rotation-',
      'extension-with-band.',
    ]);
  });
});

describe('a table cell wrapped onto further lines', () => {
  it('fills its first line to the whole column: only the further lines, indented by two, are narrower', () => {
    expect(table([['name', 'id'], ['Hip hikes on a step', 'hip-hikes']], { most: [12] })).toEqual([
      'name          id',
      'Hip hikes on  hip-hikes',
      '  a step',
    ]);
  });
});
