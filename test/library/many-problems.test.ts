// A library with thousands of problems: only those shown get a "did you mean", the search for
// which compares an id with every drill (3000 unknown ids against 3000 drills took half a minute).
import { describe, expect, it, vi } from 'vitest';
import { LibraryError, parseLibrary } from '../../src/library/load.js';
import { SHOWN_PROBLEMS } from '../../src/library/problems.js';

const searched = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/core/closest.js', async (original) => {
  const actual = await original<typeof import('../../src/core/closest.js')>();
  return {
    ...actual,
    closest: (...args: Parameters<typeof actual.closest>) => {
      searched.count += 1;
      return actual.closest(...args);
    },
  };
});

/** `count` drills, and a routine of `count` ids that are not theirs ("drill-7x"), or like none of them. */
function manyUnknownIds(count: number, like = true): string {
  const lines = ['version: 1', 'exercises:'];
  for (let i = 0; i < count; i++) {
    lines.push(`  - id: drill-${i}`, `    name: Drill ${i}`, '    region: hip', '    category: strength', '    steps: [Do it]', '    dose: { reps: 10 }', '    side: both', '    loading: false');
  }
  lines.push('routines:', '  - id: everything', '    name: Everything', '    description: Every drill', '    exercises:');
  for (let i = 0; i < count; i++) lines.push(like ? `      - drill-${i}x` : `      - unrelated-${'q'.repeat(i % 7)}${i}`);
  return `${lines.join('\n')}\n`;
}

describe('a library with thousands of unknown drills in a routine', () => {
  it('lists the first 50 in the order of the file, says there are more, and looks for a near id for those alone', () => {
    searched.count = 0;
    const result = parseLibrary(manyUnknownIds(3000));
    if (result.ok) throw new Error('expected problems');
    expect(result.more).toBe(true);
    expect(result.problems).toHaveLength(SHOWN_PROBLEMS);
    expect(result.problems.map((problem) => problem.path)).toEqual(Array.from({ length: 50 }, (_, i) => `routines.0.exercises.${i}`));
    expect(result.problems[0]!.message).toMatch(/^unknown exercise "drill-0x" \(did you mean "drill-0"/);
    expect(result.problems[49]!.message).toMatch(/^unknown exercise "drill-49x" \(did you mean .*"drill-49"/);
    expect(searched.count).toBeLessThanOrEqual(SHOWN_PROBLEMS);
  });

  it('lists 50 problems and no more as they are, without saying there are more', () => {
    const result = parseLibrary(manyUnknownIds(50));
    if (result.ok) throw new Error('expected problems');
    expect(result.more).toBe(false);
    expect(result.problems).toHaveLength(50);
    expect(new LibraryError('f.yaml', result.problems, result.more).message).toBe('50 problems in the exercise library f.yaml');
  });

  it('with no near id among them, looks among the ids that are not valid only for those shown, too', () => {
    searched.count = 0;
    const result = parseLibrary(manyUnknownIds(3000, false));
    if (result.ok) throw new Error('expected problems');
    expect(result.problems[0]!.message).toBe('unknown exercise "unrelated-0"');
    expect(searched.count).toBeLessThanOrEqual(2 * SHOWN_PROBLEMS);
  });
});
