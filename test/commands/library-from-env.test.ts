// `itb routines` and `itb exercises` with ITB_DATA naming the library file: which file it is, as
// no command they show names it (with --data, the commands they show do).
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { librariesFolder } from '../helpers/libraries.js';
import { run, tempHome } from '../helpers/run.js';

let home: string;
let cleanup: () => void;
let file: string;

beforeEach(() => {
  ({ home, cleanup } = tempHome());
  file = join(home, 'clinic.yaml');
  copyFileSync(join(librariesFolder(), 'good.yaml'), file);
});
afterEach(() => cleanup());

describe('the library file ITB_DATA names', () => {
  it('is named under the lists of itb routines and itb exercises', async () => {
    for (const list of ['routines', 'exercises']) {
      const { code, stdout } = await run([list], { home, env: { ITB_DATA: file } });
      expect(code, list).toBe(0);
      expect(stdout.trimEnd().split('\n').at(-1), list).toBe(`This library is ${file} (ITB_DATA).`);
    }
  });

  it('is not named again with --data, whose commands name it, nor for the built-in library', async () => {
    for (const argv of [['--data', file, 'routines'], ['--data', file, 'exercises'], ['routines'], ['exercises']]) {
      const { stdout } = await run(argv, { home });
      expect(stdout, argv.join(' ')).not.toContain('This library is');
    }
  });
});
