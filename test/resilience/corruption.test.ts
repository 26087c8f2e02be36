// A damaged store file, met by every command that reads the store, through the built binary:
// each one stops with exit 2, names the file, shows no stack trace, and leaves the file exactly
// as it was (nothing repaired, nothing cleared, nothing written beside it).
// Needs `npm run build` first (`npm test` does it).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type StoreData } from '../../src/core/records.js';
import { Store } from '../../src/store/store.js';
import { Terminal } from '../helpers/pty.js';
import { inPool, itb, Random, requireBuild, SEED, sessionsFor, STACK_LINE, tempFolder, writeExport } from '../fixtures/resilience.js';

let scratch: ReturnType<typeof tempFolder>;
let validText: string;
/** The fingerprint itb wrote beside the good store: a damaged file keeps the one of its good days. */
let goodFingerprint: Buffer;
let backup: string;
/** Each damage, its bytes, and what the error must say it is (after `the itb store FILE `). */
const corruptions: [name: string, content: () => Buffer, said: RegExp][] = [];

beforeAll(async () => {
  requireBuild();
  scratch = tempFolder('itb-corrupt-');
  const random = new Random(SEED);
  const sessions = sessionsFor('kept', 3, random);
  const good = join(scratch.path, 'good');
  await Store.open({ ITB_HOME: good }).update((data) => void data.sessions.push(...sessions));
  validText = readFileSync(join(good, 'store.json'), 'utf8');
  goodFingerprint = readFileSync(join(good, 'store.json.checked'));
  backup = join(scratch.path, 'backup.json');
  await writeExport(backup, sessionsFor('backup', 2, random));

  const withBadScore = JSON.parse(validText) as StoreData;
  withBadScore.sessions[1]!.baseline = 11;
  const withEscapeCode = JSON.parse(validText) as StoreData;
  withEscapeCode.sessions[2]!.movement = 'walking\u001b[2J\u001b[H';
  const withLatin1 = JSON.parse(validText) as StoreData;
  withLatin1.sessions[0]!.movement = 'descente d’escalier, genou fléchi';
  const garbage = random.bytes(2048);
  corruptions.push(
    ['a truncated file', () => Buffer.from(validText.slice(0, Math.floor(validText.length * 0.6))), /^is cut short \(not complete JSON\)$/],
    ['a file cut off after its first brace', () => Buffer.from('{'), /^is cut short \(not complete JSON\)$/],
    ['text that is not JSON', () => Buffer.from('{ schemaVersion: 1, sessions: [] }  # edited by hand\n'), /^is not valid JSON at line 1, column 3: expected a property name in double quotes$/],
    ['text that is not JSON from its first character', () => Buffer.from('not json\n'), /^is not valid JSON$/],
    ['JSON of the wrong shape', () => Buffer.from(JSON.stringify(withBadScore, null, '\t')), /^does not have the expected shape: sessions\.1\.baseline: /],
    ['JSON of another program', () => Buffer.from('{"windowSize":[800,600],"theme":"dark"}'), /^has no schemaVersion, so itb cannot tell what it holds$/],
    ['a JSON list', () => Buffer.from('[]'), /^does not hold itb data \(expected a JSON object, found a list\)$/],
    ['JSON null', () => Buffer.from('null\n'), /^does not hold itb data \(expected a JSON object, found null\)$/],
    ['a schemaVersion that is text', () => Buffer.from(JSON.stringify({ ...JSON.parse(validText), schemaVersion: '1' })), /^has an invalid schemaVersion \("1"\)$/],
    ['a store without its sessions', () => Buffer.from(JSON.stringify({ ...JSON.parse(validText), sessions: undefined })), /^does not have the expected shape: sessions: missing required field$/],
    ['an empty file', () => Buffer.alloc(0), /^is empty$/],
    ['a file of blank lines', () => Buffer.from('\n  \n\n'), /^is empty$/],
    ['a terminal escape code typed into it by hand', () => Buffer.from(JSON.stringify(withEscapeCode)), /^holds a control character \(U\+001B\) in sessions\.2\.movement$/],
    ['binary garbage', () => garbage, /^is not UTF-8 text \(an editor may have saved it in another encoding\)$/],
    // Valid JSON of the right shape, but with an accent saved as Latin-1 (a lone 0xE9 byte), not UTF-8.
    ['bytes that are not UTF-8 text', () => Buffer.from(JSON.stringify(withLatin1).replace('’', "'"), 'latin1'), /^is not UTF-8 text \(an editor may have saved it in another encoding\)$/],
    ['a store of a newer itb', () => Buffer.from(JSON.stringify({ ...JSON.parse(validText), schemaVersion: SCHEMA_VERSION + 1 })), /^was written by a newer itb \(schemaVersion \d+; this itb knows up to \d+\)$/],
  );
});
afterAll(() => scratch?.remove());

let homeCount = 0;
/**
 * A fresh ITB_HOME holding `content` as its store, beside the fingerprint of the good store it
 * was before it was damaged: the fingerprint must not let the damage through.
 */
function homeWith(content: Buffer): { home: string; file: string } {
  const home = join(scratch.path, `home-${homeCount++}`);
  mkdirSync(home);
  const file = join(home, 'store.json');
  writeFileSync(file, content, { mode: 0o600 });
  writeFileSync(`${file}.checked`, goodFingerprint, { mode: 0o600 });
  return { home, file };
}

const exportFormats = ['md', 'csv', 'json', 'html', 'fhir'];
/** Every command that reads the store, with the arguments that get it that far. */
const commands = (outFile: string): string[][] => [
  ['buckets'],
  ['buckets', 'move', 'clamshells', 'rehab', '--note', 'feels good'],
  ['buckets', 'reset', '--force'],
  ['history'],
  ['history', '--json'],
  ['export'],
  ...exportFormats.map((format) => ['export', '--format', format]),
  ['export', '-o', outFile],
  ['import', backup],
  ['import', backup, '--dry-run'],
  ['settings'],
  ['settings', 'flareRise'],
  ['settings', 'flareRise', '4'],
  ['settings', 'movement', '--unset'],
];

/**
 * Exit 2 and one error line, `the itb store FILE ` and what is wrong with it (`said`), then the
 * hint that nothing was changed; no stack trace, nothing unreadable.
 */
function expectReported(output: { code: number | null; stderr: string }, file: string, said: RegExp, what: string): void {
  expect(output.code, `${what}: exit code; stderr: ${output.stderr}`).toBe(2);
  const [first, ...hint] = output.stderr.trim().split(/\r?\n/);
  const named = `error: the itb store ${file} `;
  expect(first, what).toContain(named);
  expect(first!.slice(first!.indexOf(named) + named.length), what).toMatch(said);
  expect(hint.join(' '), what).toMatch(/^Nothing was changed\. \S/);
  expect(output.stderr, what).not.toMatch(STACK_LINE);
  expect(output.stderr, what).not.toMatch(/unexpected error|undefined|\[object Object\]/);
}

describe(`a damaged store file (seed ${SEED}; ITB_SEED=${SEED} replays it)`, () => {
  it('stops every command that reads the store with exit 2, names the file, and changes nothing', async () => {
    const cases = corruptions.flatMap(([name, content, said]) => commands('report.md').map((args) => ({ name, content, said, args })));
    await inPool(cases, 3, async ({ name, content, said, args }) => {
      const { home, file } = homeWith(content());
      const outFile = join(home, 'report.md');
      const argv = args.map((arg) => (arg === 'report.md' ? outFile : arg));
      const what = `itb ${argv.join(' ')} with ${name} (seed ${SEED})`;
      const ran = await itb(argv, home);
      expectReported(ran, file, said, what);
      expect(ran.stdout, what).toBe('');
      expect(readFileSync(file).equals(content()), `${what}: the file is unchanged`).toBe(true);
      // No lock, no temporary file, no report: nothing beside the store and its old fingerprint.
      expect(readdirSync(home).sort(), what).toEqual(['store.json', 'store.json.checked']);
      expect(readFileSync(`${file}.checked`).equals(goodFingerprint), `${what}: the fingerprint is unchanged`).toBe(true);
      expect(existsSync(outFile)).toBe(false);
    });
    expect(cases.length).toBeGreaterThanOrEqual(corruptions.length * 16);
    // Some 300 runs of the binary: about 30 seconds on a busy machine of two cores, given room.
  }, 240_000);
});

describe(`a damaged store file and itb session in a terminal (seed ${SEED}; ITB_SEED=${SEED} replays it)`, () => {
  const open: Terminal[] = [];
  // Every session is ended and waited for, passed or failed, before its home is removed.
  afterEach(async () => {
    await Promise.all(open.splice(0).map((terminal) => terminal.end()));
  });

  it('stops before the first question, names the file, and changes nothing', async () => {
    for (const [name, content, said] of corruptions) {
      const { home, file } = homeWith(content());
      for (const args of [['session'], ['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'walking']]) {
        const what = `itb ${args.join(' ')} with ${name} (seed ${SEED})`;
        // Wide enough for the error on one line: a narrower terminal gets it broken between words.
        const terminal = new Terminal(args, { ITB_HOME: home, NO_COLOR: '1' }, 200);
        open.push(terminal);
        const code = await terminal.exited;
        expectReported({ code, stderr: terminal.text }, file, said, what);
        expect(terminal.text, what).not.toMatch(/Before you start|Which routine|Rate your/);
        expect(readFileSync(file).equals(content()), `${what}: the file is unchanged`).toBe(true);
        expect(readdirSync(home).sort(), what).toEqual(['store.json', 'store.json.checked']);
      }
    }
  });
});
