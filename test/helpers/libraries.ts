// The library files of test/fixtures/libraries, copied to a short folder for the whole run
// (test/helpers/global-setup.ts). Commands that itb suggests name the library file given to it,
// and are broken over lines by its length: a test that reads them should not pass or fail by
// where the project was checked out.
import { join } from 'node:path';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    libraries: string;
  }
}

/** The folder of the copies. */
export const librariesFolder = (): string => inject('libraries');

/** The path of the copy of test/fixtures/libraries/`name`. */
export const libraryFile = (name: string): string => join(librariesFolder(), name);
