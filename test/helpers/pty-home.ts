// Each test of a session in a terminal starts on an empty ITB_HOME of its own. Every terminal it
// opened is ended, and waited for, before that home is removed, whether the test passed or not:
// a program still running could write into the folder as it goes, or keep running after the tests.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { Terminal } from './pty.js';
import { tempHome } from './run.js';

export interface Opening {
  /** Added to ITB_HOME (TERM, TZ, FORCE_COLOR...). */
  env?: Record<string, string>;
  cols?: number;
  rows?: number;
}

/** Registers the hooks of the test file; `opening` is how every terminal is opened unless told otherwise. */
export function terminalsOnFreshHome(opening: Opening = {}) {
  let current: ReturnType<typeof tempHome> | undefined;
  const open: Terminal[] = [];
  beforeEach(() => {
    current = tempHome();
  });
  afterEach(async () => {
    try {
      await Promise.all(open.splice(0).map((terminal) => terminal.end()));
    } finally {
      current?.cleanup();
      current = undefined;
    }
  });

  /** The test's ITB_HOME. */
  const home = (): string => {
    if (current === undefined) throw new Error('ITB_HOME exists only while a test runs');
    return current.home;
  };
  const storeFile = () => join(home(), 'store.json');

  return {
    home,
    /** Opens `itb args` in a new terminal on the test's home. */
    itb(args: string[], { env, cols, rows }: Opening = {}): Terminal {
      const terminal = new Terminal(args, { ...opening.env, ...env, ITB_HOME: home() }, cols ?? opening.cols, rows ?? opening.rows);
      open.push(terminal);
      return terminal;
    },
    /** The store as saved. */
    storeOf: () => JSON.parse(readFileSync(storeFile(), 'utf8')),
    storeExists: () => existsSync(storeFile()),
  };
}
