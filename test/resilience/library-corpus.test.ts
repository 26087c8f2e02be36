// Hundreds of broken copies of the shipped library (data/library.yaml), through the loader, through
// `itb validate` and `itb --data FILE` run in-process, and a sample through the built binary:
// every one ends with a valid library or a list of problems a therapist can read, one
// `FILE:LINE:COL  path  message` line each, and exit 0 or 2; never a crash, a stack, the YAML
// parser's own jargon or a hang.
// The binary part needs `npm run build` first (`npm test` does it).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shownSafely } from '../../src/core/text.js';
import { parseLibrary, parseLibraryBytes, problemLines as linesOf } from '../../src/library/load.js';
import { mutateLibrary, mutationKinds, type Mutation } from '../fixtures/library-mutations.js';
import { inPool, itb, Random, requireBuild, ROOT, SEED, STACK_LINE, tempFolder } from '../fixtures/resilience.js';
import { run } from '../helpers/run.js';

const CORPUS_SIZE = 300;
const BINARY_SAMPLE_EVERY = 10;
/** Far more than any file needs: a run of `itb validate` that goes on longer is stuck, and is stopped. */
const LIMIT_MS = 15_000;

const shipped = readFileSync(join(ROOT, 'data/library.yaml'), 'utf8');
const corpus: Mutation[] = mutateLibrary(shipped, CORPUS_SIZE, new Random(SEED));

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What a readable problem line looks like for `file`. */
const problemLine = (file: string) => new RegExp(`^${escapeRegExp(file)}:\\d+:\\d+  \\S+  .+$`);
/**
 * What a message for a person editing a file must not hold: a value turned into text by mistake,
 * or the YAML parser's own terms ("Unexpected block-seq-ind on same line with key"), which say
 * nothing to someone who writes drills, not parsers.
 */
const unreadable = /undefined|\[object Object\]|NaN|\b(scalar|block[- ]seq\w*|seq-item\w*|flow[- ](seq|map)\w*|map-value\w*|token|node end|implicit|indicator|YAML stream|block collection)\b/i;

const results = new Map<Mutation, ReturnType<typeof parseLibrary>>();

/** The loader's verdict on a mutation, worked out once. */
function loaded(mutation: Mutation): ReturnType<typeof parseLibrary> {
  let result = results.get(mutation);
  if (!result) {
    result = parseLibraryBytes(mutation.bytes);
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

describe(`${CORPUS_SIZE} broken copies of data/library.yaml (seed ${SEED}; ITB_SEED=${SEED} replays it)`, () => {
  it('covers every kind of damage', () => {
    for (const kind of mutationKinds) expect(corpus.filter((m) => m.label.includes(kind)).length, `${kind} (seed ${SEED})`).toBeGreaterThanOrEqual(30);
    // Most copies really are broken: the loader is not let off with harmless edits.
    const broken = corpus.filter((mutation) => !loaded(mutation).ok);
    expect(broken.length, `broken copies (seed ${SEED})`).toBeGreaterThan(CORPUS_SIZE / 2);
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

  it('each ends itb validate and itb --data FILE with exit 0, or exit 2 and the problems (in-process)', async () => {
    const scratch = tempFolder('itb-library-cli-');
    try {
      for (const [index, mutation] of corpus.entries()) {
        const what = `${mutation.label} (seed ${SEED})`;
        const file = join(scratch.path, `broken-${index}.yaml`);
        writeFileSync(file, mutation.bytes);
        // As a terminal is shown them: a control character in a quoted value is written as \u0011.
        const expected = problemLines(file, mutation, what)?.map(shownSafely) ?? null;
        const checked = await run(['validate', file], { home: scratch.path });
        const used = await run(['--data', file, 'routines', '--json'], { home: scratch.path });
        for (const ran of [checked, used]) {
          expect(ran.stderr, what).not.toMatch(STACK_LINE);
          expect(`${ran.stdout}${ran.stderr}`, what).not.toMatch(unreadable);
        }
        if (expected === null) {
          expect([checked.code, used.code], `${what}: ${checked.stderr}${used.stderr}`).toEqual([0, 0]);
          expect(used.stderr, what).toBe('');
          expect(Array.isArray(JSON.parse(used.stdout)), what).toBe(true);
          continue;
        }
        const count = expected.filter((line) => !line.includes('  warning: ')).length;
        const summary = `error: ${count} problem${count === 1 ? '' : 's'} in the exercise library ${file}`;
        expect(checked.code, what).toBe(2);
        expect(checked.stdout.trimEnd().split('\n'), what).toEqual(expected);
        expect(checked.stderr.split('\n')[0], what).toBe(summary);
        // A command given the file stops before it starts: the same problems, on stderr, and nothing else.
        expect(used.code, what).toBe(2);
        expect(used.stdout, what).toBe('');
        const said = used.stderr.trimEnd().split('\n');
        expect(said.slice(0, expected.length), what).toEqual(expected);
        expect(said[expected.length], what).toBe(summary);
      }
    } finally {
      scratch.remove();
    }
  }, 120_000);
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

  it('slips the YAML parser names in its own terms are said in plain words, at the slip', () => {
    const drill = 'version: 1\nexercises:\n  - id: a\n';
    // A list item on the line of its field name.
    expect(problemsIn(`${drill}    region: - knee\n`)).toEqual([
      '4:13  exercises.0.region  a list item ("- ") cannot start on the line of its field name; put each item on a line of its own under the field, or put the text in quotes',
    ]);
    // Items under a field that already has its value.
    expect(problemsIn(`${drill}    equipment: []\n      - band\n`)).toEqual([
      '5:7  exercises.0  this list item ("- ") comes under "equipment" on line 4, which has its value on its line already; write "equipment:" alone with the items under it, or, if that line is out of place, move it',
    ]);
    // With a comment between the field and its items: told at the first item, not at the comment.
    expect(problemsIn(`${drill}    equipment: []\n    # the band\n      - band\n`)).toEqual([
      '6:7  exercises.0  this list item ("- ") comes under "equipment" on line 4, which has its value on its line already; write "equipment:" alone with the items under it, or, if that line is out of place, move it',
    ]);
    expect(problemsIn(`${drill}    name: Wall sit\n    steps: "Slide down."\n      - Hold.\n`)).toEqual([
      '6:7  exercises.0  this list item ("- ") comes under "steps" on line 5, which has its value on its line already; write "steps:" alone with the items under it, or, if that line is out of place, move it',
    ]);
    // A plain text there: YAML reads the items as more of it, and the field as text.
    expect(problemsIn(`${drill}    equipment: chair\n      - band\n`).filter((line) => line.includes('equipment'))).toEqual([
      '4:5  exercises.0.equipment  must be a list, not "chair - band": the lines under "equipment: chair" that start with "- " are read as more of its text; write "equipment:" alone with the items under it ("- chair" too, if it is one)',
    ]);
    // A { } left open, as a [ ] left open is.
    expect(problemsIn(`${drill}    name: { unclosed: 1\n    side: both\n`)).toEqual([
      '4:11  exercises.0.name  the mapping that opens with "{" here is not closed with "}" (if it runs over several lines, indent them further than its field name)',
    ]);
    // A tab among the spaces that indent the text after ">".
    expect(problemsIn(`${drill}    name: A\n    steps:\n      - >-\n\t\t\tStand on it\n        and hold\n`)).toEqual([
      '7:1  exercises.0  a tab is used to indent this line; indent with spaces only',
    ]);
    // Text on the line of ">", and a file whose first field is indented.
    expect(problemsIn(`${drill}    name: >- Wall sit\n      held\n`)).toEqual(['4:14  exercises.0.name  only a comment may follow ">-" on its line; the text starts on the next line, indented']);
    expect(problemsIn('# my library\n  name: x\n# for Sam\nversion: 1\n')).toEqual([
      '4:1  (file)  this line cannot be read here: check that it lines up with the lines above it, and put text that holds : # [ ] { } or starts with & * ! in quotes',
    ]);
  });

  it('a tab indenting a list item is the problem reported, on its own line', () => {
    const lines = shipped.split('\n');
    const at = lines.findIndex((line) => line === '  - id: balance');
    lines[at] = '\t- id: balance';
    expect(problemsIn(lines.join('\n'))).toEqual([`${at + 1}:1  routines.3  a tab is used to indent this line; indent with spaces only`]);
  });
});

describe(`itb validate on every ${BINARY_SAMPLE_EVERY}th broken copy (seed ${SEED}; ITB_SEED=${SEED} replays it)`, () => {
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
      const ran = await itb(['validate', file], scratch.path, LIMIT_MS);
      const expected = problemLines(file, mutation, what)?.map(shownSafely) ?? null;
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
