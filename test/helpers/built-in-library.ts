// The built-in exercise library, which a report names its drills from when no library of one's
// own is given: read from data/library.yaml, as tests run from source without the build's JSON.
import { builtInLibraryFile } from '../../src/library/library.js';
import { loadLibraryFile } from '../../src/library/load.js';
import type { Library } from '../../src/library/schema.js';

export function builtInLibrary(): Library {
  return loadLibraryFile(builtInLibraryFile());
}
