// `itb session --help` tells the method as its source does: a drill that does not help is tried
// once more, with care, and set aside only when that try does not help either.
import { describe, expect, it } from 'vitest';
import { run, tempHome } from '../helpers/run.js';

describe('itb session --help', () => {
  it('sets a drill aside only when its careful second try does not help either, and says to check form on that try', async () => {
    const { home, cleanup } = tempHome();
    try {
      const { code, stdout } = await run(['session', '--help'], { home });
      expect(code).toBe(0);
      const text = stdout.replace(/\s+/g, ' ');
      expect(text).toMatch(/one more careful try \(check your form, slower, smaller range\): if that lowers it, it goes into rehab too; if not, it is set aside for now\./);
      expect(text).not.toMatch(/then is set aside for now/);
    } finally {
      cleanup();
    }
  });
});
