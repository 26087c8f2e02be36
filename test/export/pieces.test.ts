// The long exports (CSV, JSON, FHIR) are made as UTF-8 in pieces so that years of scores never
// sit in memory whole; the pieces must still add up to exactly the whole file.
import { describe, expect, it } from 'vitest';
import type { StoreData } from '../../src/core/records.js';
import { csvBytes } from '../../src/export/csv.js';
import { fhirBytes } from '../../src/export/fhir.js';
import { jsonBytes, toExportFile } from '../../src/export/json.js';
import { jsonWithItemLines, utf8Of, utf8Writer, type ByteSource } from '../../src/export/pieces.js';
import { buildReport } from '../../src/export/report.js';
import { emptyStore } from '../../src/store/migrations.js';
import { builtInLibrary } from '../helpers/built-in-library.js';
import { mixedParts } from '../helpers/mixed-text.js';
import { textOf, toCsv, toFhir } from '../helpers/export-text.js';
import { sampleStore } from './fixtures.js';

const NOW = new Date('2026-11-20T12:00:00Z');

/** The layout of the long JSON files, written out independently: an indented outline, one item per line. */
function itemLines(value: Record<string, unknown>, key: string): string {
  const items = value[key] as unknown[] | undefined;
  if (items === undefined || items.length === 0) return `${JSON.stringify(value, null, 2)}\n`;
  const outline = JSON.stringify({ ...value, [key]: ['\u0000'] }, null, 2);
  const lines = items.map((item) => `    ${JSON.stringify(item)}`).join(',\n');
  return `${outline.replace('    "\\u0000"', lines)}\n`;
}

/** A store of `copies` times the sample sessions, each copy with ids of its own. */
function longStore(copies: number): StoreData {
  const store = sampleStore();
  const sessions = Array.from({ length: copies }, (_, copy) => store.sessions.map((session) => ({ ...session, id: `${session.id}-${copy}` }))).flat();
  return { ...store, sessions };
}

/** The pieces a source gives, each copied as it comes (the source may use its buffer again). */
function piecesOf(source: ByteSource): Buffer[] {
  const pieces: Buffer[] = [];
  source((piece) => pieces.push(Buffer.from(piece)));
  return pieces;
}

const library = builtInLibrary();

describe('json with item lines', () => {
  it('keep the key in its place, indent the outline, and put each item on one line', () => {
    const value = { a: 1, list: [{ x: '"list": []' }, [1, 2]], z: { deep: { list: [] } } };
    const text = [...jsonWithItemLines(value, 'list', value.list.map((item) => JSON.stringify(item)))].join('');
    expect(text).toBe(itemLines(value, 'list'));
    expect(text.split('\n').slice(3, 5)).toEqual(['    {"x":"\\"list\\": []"},', '    [1,2]']);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('write an empty list as []', () => {
    expect([...jsonWithItemLines({ a: 1, list: [], b: 2 }, 'list', [])].join('')).toBe('{\n  "a": 1,\n  "list": [],\n  "b": 2\n}\n');
  });
});

describe('utf-8 in pieces', () => {
  it('gives the UTF-8 of a long text in parts, in pieces of at most a megabyte', () => {
    const parts = mixedParts(3_500_000);
    const pieces = piecesOf(utf8Of(parts));
    expect(Buffer.concat(pieces).equals(Buffer.from(parts.join(''), 'utf8'))).toBe(true);
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(2 ** 20);
    // Nothing at all for no text; a text is given whole when it has to be.
    expect(piecesOf(utf8Of([]))).toEqual([]);
    const long = `${'x'.repeat((1 << 20) - 1)}🦵`;
    expect(textOf(utf8Of(['ab', long, 'cd']))).toBe(`ab${long}cd`);
  });

  it('gives the bytes of all it is given, in pieces no longer than its buffer, never splitting a character', () => {
    const parts = ['abc', 'é–🦵', Buffer.from('漢字 '), 'x'.repeat(7), '°', Buffer.from('bytes°'), '', '🦵🦵'];
    const pieces: Buffer[] = [];
    const out = utf8Writer((piece) => pieces.push(Buffer.from(piece)), 16);
    for (const part of parts) (typeof part === 'string' ? out.text(part) : out.bytes(part));
    out.end();
    expect(Buffer.concat(pieces).toString()).toBe(parts.map(String).join(''));
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces) {
      expect(piece.length).toBeGreaterThan(0);
      expect(piece.length).toBeLessThanOrEqual(16);
      // Each piece is whole UTF-8 on its own: decoded and encoded again, it is the same bytes.
      expect(Buffer.from(piece.toString()).equals(piece)).toBe(true);
    }
  });

  it('fills its buffer to the last byte, and gives it on before a text of three-byte characters would overrun it', () => {
    const given = (parts: (string | Uint8Array)[], size: number) => {
      const pieces: string[] = [];
      const out = utf8Writer((piece) => pieces.push(Buffer.from(piece).toString()), size);
      for (const part of parts) (typeof part === 'string' ? out.text(part) : out.bytes(part));
      out.end();
      return pieces;
    };
    // Bytes, or a text, that fill exactly what is left go in with what came before.
    expect(given(['ab', Buffer.from('cdefgh'), 'i'], 8)).toEqual(['abcdefgh', 'i']);
    expect(given(['漢字', '', Buffer.alloc(0), 'x'], 6)).toEqual(['漢字', 'x']);
    // Each character of 漢字 takes three bytes: with four of eight used, they go whole into the next piece.
    expect(given([Buffer.from('abcd'), '漢字', 'e'], 8)).toEqual(['abcd', '漢字', 'e']);
    expect(given([Buffer.from('abcde'), 'é', '🦵', '–'], 8)).toEqual(['abcdeé', '🦵–']);
    // A text is given on its own when its characters could take more bytes than the buffer holds.
    expect(given(['abc', 'de'], 8)).toEqual(['abc', 'de']);
  });

  it('gives a part longer than its buffer on its own, after what came before it', () => {
    const pieces: string[] = [];
    const out = utf8Writer((piece) => pieces.push(Buffer.from(piece).toString()), 8);
    out.text('ab');
    out.text('long text, more than eight bytes');
    out.bytes(Buffer.from('more bytes than 8'));
    out.text('z');
    out.end();
    expect(pieces).toEqual(['ab', 'long text, more than eight bytes', 'more bytes than 8', 'z']);
    // Nothing is left to give at the end: nothing more is given.
    out.end();
    expect(pieces).toHaveLength(4);
  });
});

describe('fhir pieces', () => {
  // The bundle's text is laid out exactly as JSON.stringify would lay out what it parses to.
  const laidOut = (text: string) => itemLines(JSON.parse(text) as Record<string, unknown>, 'entry');

  it('add up to the whole bundle, one entry per line', () => {
    const report = buildReport(sampleStore(), library, { now: NOW, patientName: 'Sam "S" <Lee> 🦵' });
    const text = Buffer.concat(piecesOf(fhirBytes(report))).toString();
    expect(JSON.parse(text).entry.length).toBeGreaterThan(5);
    expect(text).toBe(laidOut(text));
    expect(toFhir(report)).toBe(text);
  });

  it('come in pieces of at most a megabyte for a long history', () => {
    const report = buildReport(longStore(1500), library, { now: NOW });
    const pieces = piecesOf(fhirBytes(report));
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(2 ** 20);
    const text = Buffer.concat(pieces).toString();
    expect(text).toBe(laidOut(text));
  });

  it('add up to a bundle without entries for an empty store', () => {
    const text = toFhir(buildReport(emptyStore(), library, { now: NOW }));
    expect(JSON.parse(text)).toEqual({ resourceType: 'Bundle', type: 'collection', timestamp: NOW.toISOString() });
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });
});

describe('csv and json pieces', () => {
  it('add up to the whole file for a long history', () => {
    const report = buildReport(longStore(100), library, { now: NOW });
    const csv = Buffer.concat(piecesOf(csvBytes(report))).toString();
    expect(csv).toBe(toCsv(report));
    expect(csv.split('\r\n')).toHaveLength(1 + report.sessions.reduce((sum, s) => sum + s.attempts.length, 0) + 1);
    const json = Buffer.concat(piecesOf(jsonBytes(report))).toString();
    expect(json).toBe(itemLines({ ...toExportFile(report) }, 'sessions'));
  });
});
