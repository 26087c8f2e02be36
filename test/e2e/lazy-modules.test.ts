// Node modules the built program loads only when a command needs them, each of which costs
// milliseconds on every start: node:crypto, for one, hashes a store (when no summary vouches for
// it), names a session and the FHIR bundle's entries, and nothing else.
// Needs `npm run build` first (`npm test` does it).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { sampleSession } from '../fixtures/sample-session.js';
import { newStoreHome, type StoreHome } from '../helpers/store-home.js';

const root = join(import.meta.dirname, '../..');

let at: StoreHome;
beforeEach(async () => {
  at = newStoreHome('itb-lazy-');
  await Store.open({ ITB_HOME: at.home }).update((data) => void data.sessions.push(sampleSession('s1', new Date('2026-11-01T09:00:00.000Z'))));
  // Prints, as the process ends, the built-in modules it loaded.
  writeFileSync(join(at.root, 'loaded.cjs'), "process.on('exit', () => process.stderr.write(`\\nloaded: ${process.moduleLoadList.join(',')}\\n`));");
});
afterEach(() => rmSync(at.root, { recursive: true, force: true }));

/** Runs the built itb; `crypto` says whether node:crypto was loaded. */
function itb(args: string[]) {
  const result = spawnSync(process.execPath, ['--require', join(at.root, 'loaded.cjs'), join(root, 'bin/itb.js'), ...args], {
    env: { PATH: process.env.PATH ?? '', ITB_HOME: at.home, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  const modules = /^loaded: (.*)$/m.exec(result.stderr)?.[1]?.split(',') ?? [];
  return { code: result.status, crypto: modules.includes('NativeModule crypto'), stderr: result.stderr };
}

describe('node:crypto, loaded only when needed', () => {
  it('not by an md export or history of a store its summary vouches for', () => {
    const report = join(at.root, 'report.md');
    expect(itb(['export', '-o', report])).toMatchObject({ code: 0, crypto: false });
    expect(readFileSync(report, 'utf8')).toContain('# IT band self-assessment report');
    expect(itb(['history'])).toMatchObject({ code: 0, crypto: false });
  });

  it('by a read of a store without its summary, whose bytes are hashed to be vouched for', () => {
    rmSync(`${at.file}.summary`);
    expect(itb(['history'])).toMatchObject({ code: 0, crypto: true });
  });

  it('by the FHIR export, whose entries are named by hashes', () => {
    expect(itb(['export', '--format', 'fhir', '-o', join(at.root, 'report.fhir.json')])).toMatchObject({ code: 0, crypto: true });
  });
});
