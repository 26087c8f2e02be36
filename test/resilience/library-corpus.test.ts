// Hundreds of broken copies of the shipped library (data/library.yaml), through the loader and
// through `itb validate`: every one ends with a valid library or a list of problems a therapist
// can read, one `FILE:LINE:COL  path  message` line each; never a crash, a stack or a hang.
// The binary part needs `npm run build` first (`npm test` does it).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLibrary, parseLibraryBytes, problemLines as linesOf } from '../../src/library/load.js';
import { mutateLibrary, mutationKinds, type Mutation } from '../fixtures/library-mutations.js';
import { inPool, itb, Random, requireBuild, ROOT, SEED, STACK_LINE, tempFolder } from '../fixtures/resilience.js';

const CORPUS_SIZE = 300;
const BINARY_SAMPLE_EVERY = 10;
/** Far more than any file needs (a few milliseconds); only a runaway parse gets near it. */
const LIMIT_MS = 5_000;

const shipped = readFileSync(join(ROOT, 'data/library.yaml'), 'utf8');
const corpus: Mutation[] = mutateLibrary(shipped, CORPUS_SIZE, new Random(SEED));

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What a readable problem line looks like for `file`. */
const problemLine = (file: string) => new RegExp(`^${escapeRegExp(file)}:\\d+:\\d+  \\S+  .+$`);
const unreadable = /undefined|\[object Object\]|NaN/;

const results = new Map<Mutation, ReturnType<typeof parseLibrary>>();

/** The loader's verdict on a mutation, worked out once; a parse must end well within the limit. */
function loaded(mutation: Mutation): ReturnType<typeof parseLibrary> {
  let result = results.get(mutation);
  if (!result) {
    const started = performance.now();
    result = parseLibraryBytes(mutation.bytes);
    expect(performance.now() - started, `${mutation.label} (seed ${SEED}): parse time`).toBeLessThan(LIMIT_MS);
    results.set(mutation, result);
  }
  return result;
}

/** The `FILE:LINE:COL  path  message` lines (warnings among them) the loader gives for a mutation, or null for a valid library. */
function problemLines(file: string, mutation: Mutation, what: string): string[] | null {
  const result = loaded(mutation);
  if (result.ok) {
    const { library } = result;
    expect(library.exercises.length, what).toBeGreaterThan(0);
    return null;
  }
  expect(result.problems.length, `${what}: a failure lists its problems`).toBeGreaterThan(0);
  const lineCount = mutation.bytes.toString('utf8').split(/\r\n|\r|\n/).length;
  for (const problem of [...result.problems, ...result.warnings]) {
    expect(Number.isInteger(problem.line) && problem.line >= 1 && problem.line <= lineCount + 1, `${what}: line ${problem.line}`).toBe(true);
    expect(Number.isInteger(problem.col) && problem.col >= 1, `${what}: column ${problem.col}`).toBe(true);
  }
  return linesOf(file, result.problems, result.warnings);
}

describe(`${CORPUS_SIZE} broken copies of data/library.yaml`, () => {
  it('covers every kind of damage', () => {
    for (const kind of mutationKinds) expect(corpus.filter((m) => m.label.includes(kind)).length, kind).toBeGreaterThanOrEqual(30);
    // Most copies really are broken: the loader is not let off with harmless edits.
    const broken = corpus.filter((mutation) => !loaded(mutation).ok);
    expect(broken.length).toBeGreaterThan(CORPUS_SIZE / 2);
  });

  it('each loads, or lists readable problems (in-process)', () => {
    const file = 'my-library.yaml';
    for (const mutation of corpus) {
      const what = `${mutation.label} (seed ${SEED})`;
      const lines = problemLines(file, mutation, what);
      for (const line of lines ?? []) {
        expect(line, what).toMatch(problemLine(file));
        expect(line, what).not.toMatch(unreadable);
      }
    }
  });
});

describe('mistakes the corpus turned up, reported plainly', () => {
  const problemsIn = (source: string) => {
    const result = parseLibrary(source);
    return result.ok ? [] : result.problems.map((p) => `${p.line}:${p.col}  ${p.path}  ${p.message}`);
  };

  it('a field name with a space in it keeps the path one word and quotes the name', () => {
    const problems = problemsIn('version: 1\nexercises:\n  - id: a\n    video link: x\n');
    expect(problems).toContain(
      '4:5  exercises.0  unknown field "video link"; a drill can have: id, name, region, category, steps, dose, side, loading, equipment, cues, video, source',
    );
  });

  it('a field repeated after one with no value is named, at the repeat', () => {
    const problems = problemsIn('version: 1\nexercises:\n  - id: a\n    equipment:\n    equipment:\n      - band\n');
    expect(problems).toContain(
      '5:5  exercises.0.equipment  duplicate field "equipment": each field may appear only once in the same item; this one counts, the one on line 4 is ignored',
    );
    // The repeat is a problem of its own; the item's other problems are reported with it.
    expect(problems).toContain('3:5  exercises.0.name  missing required field');
  });

  it('a tab indenting a list item is the problem reported, on its own line', () => {
    const lines = shipped.split('\n');
    const at = lines.findIndex((line) => line === '  - id: balance');
    lines[at] = '\t- id: balance';
    expect(problemsIn(lines.join('\n'))).toEqual([`${at + 1}:1  routines.3  a tab is used to indent this line; indent with spaces only`]);
  });
});

describe(`itb validate on every ${BINARY_SAMPLE_EVERY}th broken copy`, () => {
  let scratch: ReturnType<typeof tempFolder>;
  beforeAll(() => {
    requireBuild();
    scratch = tempFolder('itb-library-');
  });
  afterAll(() => scratch?.remove());

  it('exits 0 or 2 with the loader’s own problem lines, and no stack', async () => {
    const sample = corpus.filter((_, index) => index % BINARY_SAMPLE_EVERY === 0);
    expect(sample.length).toBeGreaterThanOrEqual(30);
    await inPool(sample, 2, async (mutation, index) => {
      const what = `${mutation.label} (seed ${SEED})`;
      const file = join(scratch.path, `broken-${index}.yaml`);
      writeFileSync(file, mutation.bytes);
      const ran = await itb(['validate', file], scratch.path, LIMIT_MS * 3);
      const expected = problemLines(file, mutation, what);
      expect(ran.stderr, what).not.toMatch(STACK_LINE);
      expect(`${ran.stdout}${ran.stderr}`, what).not.toMatch(unreadable);
      if (expected === null) {
        expect(ran.code, `${what}: ${ran.stderr}`).toBe(0);
        expect(ran.stdout, what).toContain('no problems');
        return;
      }
      expect(ran.code, what).toBe(2);
      // The problems on stdout, nothing else; on stderr the one-line summary and what to do next
      // (wrapped to 80 columns), nothing else.
      const problems = ran.stdout.trimEnd().split('\n');
      expect(problems, what).toEqual(expected);
      problems.forEach((line) => expect(line, what).toMatch(problemLine(file)));
      const [summary, ...hint] = ran.stderr.trimEnd().split('\n');
      // Warnings are listed with the problems, but only the problems are counted.
      const count = problems.filter((line) => !line.includes('  warning: ')).length;
      expect(summary, what).toBe(`error: ${count} problem${count === 1 ? '' : 's'} in the exercise library ${file}`);
      expect(hint.join(' '), what).toBe(`Fix ${count === 1 ? 'it' : 'them'} and run \`itb validate ${file}\` to check again.`);
    });
  }, 120_000);
});
