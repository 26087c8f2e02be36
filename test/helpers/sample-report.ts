// The sample store of test/export/fixtures.ts as a report sees it: the moment it is made, the
// built-in library, the store and the report of it, for a patient whose name needs escaping.
import { buildReport } from '../../src/export/report.js';
import { sampleStore } from '../export/fixtures.js';
import { builtInLibrary } from './built-in-library.js';

export const NOW = new Date('2026-11-20T15:00:00.000Z');
export const library = builtInLibrary();
export const data = sampleStore();
export const report = buildReport(data, library, { now: NOW, patientName: 'Sam <Lee>' });
