// The FHIR export is written piece by piece so that years of scores never sit in memory as one
// string; the pieces must still add up to exactly the bundle JSON.stringify would write.
import { beforeAll, describe, expect, it } from 'vitest';
import { fhirPieces, toFhir, toFhirBundle } from '../../src/export/fhir.js';
import { buildReport } from '../../src/export/report.js';
import { builtInLibraryFile } from '../../src/library/library.js';
import { loadLibraryFile } from '../../src/library/load.js';
import type { Library } from '../../src/library/schema.js';
import { emptyStore } from '../../src/store/migrations.js';
import { sampleStore } from './fixtures.js';

const NOW = new Date('2026-11-20T12:00:00Z');
const whole = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

describe('fhir pieces', () => {
  let library: Library;
  beforeAll(async () => {
    library = await loadLibraryFile(builtInLibraryFile());
  });

  it('add up to the whole bundle', () => {
    const report = buildReport(sampleStore(), library, { now: NOW, patientName: 'Sam "S" <Lee>' });
    const bundle = toFhirBundle(report);
    expect(bundle.entry!.length).toBeGreaterThan(5);
    expect([...fhirPieces(report)].join('')).toBe(whole(bundle));
    expect(toFhir(report)).toBe(whole(bundle));
  });

  it('come in pieces of about 32,000 characters for a long history', () => {
    const store = sampleStore();
    const many = Array.from({ length: 100 }, (_, copy) => store.sessions.map((session) => ({ ...session, id: `${session.id}-${copy}` }))).flat();
    const report = buildReport({ ...store, sessions: many }, library, { now: NOW });
    const pieces = [...fhirPieces(report)];
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces.slice(0, -1)) expect(piece.length).toBeLessThan(2 ** 15 + 4000);
    expect(pieces.join('')).toBe(whole(toFhirBundle(report)));
  });

  it('add up to a bundle without entries for an empty store', () => {
    const report = buildReport(emptyStore(), library, { now: NOW });
    expect([...fhirPieces(report)].join('')).toBe(whole(toFhirBundle(report)));
    expect(toFhirBundle(report).entry).toBeUndefined();
  });
});
