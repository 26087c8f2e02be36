// The name beside a file already there that `itb export` suggests writing instead: its
// extension kept, so that the report is of the same format, and one not taken.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unusedNameLike } from '../../src/commands/export-names.js';
import { tempHome } from '../helpers/run.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

describe('a free name beside a file already there', () => {
  it('keeps the extension, the whole of .fhir.json and its capitals, and skips names taken', () => {
    for (const [taken, free] of [
      ['report.html', 'report-2.html'],
      ['Report.HTML', 'Report-2.HTML'],
      ['for PT.fhir.json', 'for PT-2.fhir.json'],
      ['notes', 'notes-2'],
    ]) {
      writeFileSync(join(home, taken!), '');
      expect(unusedNameLike(join(home, taken!))).toBe(join(home, free!));
    }
    writeFileSync(join(home, 'report-2.html'), '');
    expect(unusedNameLike(join(home, 'report.html'))).toBe(join(home, 'report-3.html'));
  });
});
