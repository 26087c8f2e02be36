// Run once before any test file (see vitest.config.ts): copies the fixtures' library files to a
// short folder, which test/helpers/libraries.ts gives the tests, and removes it after the run.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { shortTempFolder } from './temp-folder.js';

export default function copyLibraries(project: TestProject): () => void {
  const folder = mkdtempSync(join(shortTempFolder(), 'itb-libraries-'));
  cpSync(join(import.meta.dirname, '../fixtures/libraries'), folder, { recursive: true });
  project.provide('libraries', folder);
  return () => rmSync(folder, { recursive: true, force: true });
}
