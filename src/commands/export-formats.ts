// The report's formats as files and sentences name them: the extension a file of each is given,
// the format a file's name asks for, and each format's name in words.
import type { Format } from './export.js';

/** The extension a file of each format is given (see formatOfName). */
export const extensions: Record<Format, string> = { md: 'md', csv: 'csv', json: 'json', html: 'html', fhir: 'fhir.json' };

/** Each format as a sentence names it ("a md file" read wrong). */
export const formatNames: Record<Format, string> = { md: 'Markdown', csv: 'CSV', json: 'JSON', html: 'HTML', fhir: 'FHIR' };

/** The format a file name asks for, if any. `.fhir.json` is FHIR: the longer ending is checked first. */
export function formatOfName(file: string): Format | undefined {
  const lower = file.toLowerCase();
  const byExtension: [string, Format][] = [
    ['.fhir.json', 'fhir'],
    ['.fhir', 'fhir'],
    ['.md', 'md'],
    ['.markdown', 'md'],
    ['.csv', 'csv'],
    ['.json', 'json'],
    ['.html', 'html'],
    ['.htm', 'html'],
  ];
  return byExtension.find(([extension]) => lower.endsWith(extension))?.[1];
}
