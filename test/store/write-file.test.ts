// Reports and backups are written through one buffer; the bytes must be the text's UTF-8,
// whatever the pieces and wherever a character falls against the buffer's end.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writePrivateFile } from '../../src/store/write-file.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'itb-write-file-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** Pieces of every length from 1 to 40,000 characters, mixing ASCII, accents, dashes and emoji. */
function pieces(total: number): string[] {
  const alphabet = ['a', 'Z', '\n', 'é', '–', '°', '🦵', '漢'];
  const out: string[] = [];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  let length = 0;
  while (length < total) {
    let piece = '';
    const size = 1 + (next() % 40_000);
    while (piece.length < size) piece += alphabet[next() % alphabet.length];
    out.push(piece);
    length += piece.length;
  }
  return out;
}

describe('writePrivateFile', () => {
  it('writes the UTF-8 of text given in pieces, across several buffers', () => {
    const parts = pieces(3_500_000);
    const file = join(folder, 'report.md');
    writePrivateFile(file, parts);
    expect(readFileSync(file).equals(Buffer.from(parts.join(''), 'utf8'))).toBe(true);
  });

  it('writes one string longer than the buffer, an emoji falling on its end', () => {
    // 1 MiB less one byte of ASCII, then an emoji of four bytes: it cannot fit, nor be split.
    const text = `${'x'.repeat((1 << 20) - 1)}🦵${'y'.repeat(10)}`;
    const file = join(folder, 'backup.json');
    writePrivateFile(file, text);
    expect(readFileSync(file).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('replaces a file with the same bytes it would have created', () => {
    const parts = pieces(1_200_000);
    const file = join(folder, 'scores.csv');
    writePrivateFile(file, 'old');
    writePrivateFile(file, parts, { replace: true });
    expect(readFileSync(file).equals(Buffer.from(parts.join(''), 'utf8'))).toBe(true);
  });
});
