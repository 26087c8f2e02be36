// The CSV, JSON and FHIR exports as whole strings, from the pieces `itb export` writes as it makes them.
import { csvBytes } from '../../src/export/csv.js';
import { fhirBytes } from '../../src/export/fhir.js';
import { jsonBytes } from '../../src/export/json.js';
import type { ByteSource } from '../../src/export/pieces.js';
import type { Report } from '../../src/export/report.js';

/** The whole text of `source`, as one string. */
export function textOf(source: ByteSource): string {
  const pieces: Buffer[] = [];
  source((piece) => pieces.push(Buffer.from(piece)));
  return Buffer.concat(pieces).toString();
}

export const toCsv = (report: Report): string => textOf(csvBytes(report));
export const toJson = (report: Report): string => textOf(jsonBytes(report));
export const toFhir = (report: Report): string => textOf(fhirBytes(report));
