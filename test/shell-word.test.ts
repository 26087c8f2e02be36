import { describe, expect, it } from 'vitest';
import { commandLines } from '../src/shell-word.js';
import { width } from '../src/ui/width.js';

describe('commandLines', () => {
  it('keeps a command that fits on its one line', () => {
    expect(commandLines('itb session rehab', 40, '  ', '      ')).toEqual(['  itb session rehab']);
    // Exactly as wide as the line: no " \" is needed.
    expect(commandLines('itb session rehab', 19, '  ', '      ')).toEqual(['  itb session rehab']);
  });

  it('breaks a longer one between words, each line but the last ending in " \\", an option with its value', () => {
    const lines = commandLines('itb --data /home/sam/pt-library.yaml session joint-chain', 40, '  ', '      ');
    expect(lines).toEqual(['  itb --data /home/sam/pt-library.yaml \\', '      session joint-chain']);
    expect(commandLines('itb export --since 2026-10-01 -o report.html', 26, '  ', '      ')).toEqual(['  itb export \\', '      --since 2026-10-01 \\', '      -o report.html']);
  });

  it('keeps a name in quotes whole, spaces and doubled quotes in it too', () => {
    expect(commandLines("itb --data '/home/sam/My PT/plan.yaml' session", 44, '  ', '    ')).toEqual(["  itb --data '/home/sam/My PT/plan.yaml' \\", '    session']);
    expect(commandLines("itb --data 'C:\\Users\\Pat''s plan.yaml' session", 40, '', '  ')).toEqual(["itb --data 'C:\\Users\\Pat''s plan.yaml' \\", '  session']);
    expect(commandLines("itb --data '/home/Pat'\\''s plan.yaml' session rehab", 40, '', '  ')).toEqual(["itb --data '/home/Pat'\\''s plan.yaml' \\", '  session rehab']);
  });

  it('puts an option on a line of its own when its value is too long to go with it, and leaves a word longer than a line whole', () => {
    const path = '/home/sam/Documents/physio/library.yaml';
    expect(commandLines(`itb --data ${path} buckets`, 44, '  ', '    ')).toEqual(['  itb --data \\', `    ${path} \\`, '    buckets']);
    const longer = `/home/sam/Documents/physio/2026/autumn/library.yaml`;
    expect(commandLines(`itb --data ${longer} buckets`, 44, '  ', '    ')).toEqual(['  itb --data \\', `    ${longer} \\`, '    buckets']);
  });

  it('counts the columns a name takes on screen, two for each Japanese character', () => {
    const lines = commandLines('itb --data /home/さくら/リハビリ.yaml session', 36, '', '  ');
    expect(lines).toEqual(['itb --data \\', '  /home/さくら/リハビリ.yaml \\', '  session']);
    expect(lines.filter((line) => width(line) > 36)).toEqual([]);
  });
});
