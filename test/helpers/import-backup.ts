// What the `itb import` tests run and read back: the import at the tests' clock, the store's
// bytes, the line a text holds something on, and a JSON summary without its moment.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.js';

/** The clock of the import tests, the moment their backups are made. */
export const NOW = new Date('2026-11-20T15:00:00.000Z');
export const importInto = (home: string, args: string[]) => run(['import', ...args], { home, now: NOW });
export const storeBytes = (home: string) => readFileSync(join(home, 'store.json'));
/** The line (from 1) of the first line of `text` that holds `needle`. */
export const lineHolding = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;
export const withoutGeneratedAt = (stdout: string) => {
  const { generatedAt: _, ...rest } = JSON.parse(stdout) as Record<string, unknown>;
  return rest;
};
