// Where the library comes from: the user's own file (--data / ITB_DATA), parsed and checked on
// every run, or the built-in one, compiled to JSON and checked once at build time so that a plain
// `itb buckets` loads neither the YAML parser nor zod.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Exercise, Library } from './schema.js';

interface LibrarySource {
  /** --data, else ITB_DATA, else undefined for the built-in library. */
  file?: string;
  /** How the user checks that file, for the error of a broken one (`itb validate FILE` when not given). */
  validateCommand?: string;
  /** Whether ITB_DATA named the file (rather than --data), for the error of one that is not there. */
  fromEnv?: boolean;
  /** The environment, for the home folder of a path starting with ~ (see unreplacedTilde). */
  env?: Record<string, string | undefined>;
}

export async function loadLibrary(source: LibrarySource): Promise<Library> {
  if (source.file) {
    const { loadLibraryFile } = await import('./load.js');
    return loadLibraryFile(source.file, source.validateCommand, source.fromEnv, source.env);
  }
  const compiled = new URL('./library.json', import.meta.url);
  if (existsSync(compiled)) return JSON.parse(readFileSync(compiled, 'utf8')) as Library;
  // Running from source (tests, development): compile the YAML now.
  const { loadLibraryFile } = await import('./load.js');
  return loadLibraryFile(builtInLibraryFile());
}

/** data/library.yaml, found from wherever this module runs (a chunk of the build in dist/, or src/library/). */
export function builtInLibraryFile(): string {
  for (const relative of ['../data/library.yaml', '../../data/library.yaml']) {
    const file = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(file)) return file;
  }
  throw new Error('the built-in exercise library (data/library.yaml) is missing from the installation');
}

export function findExercise(library: Library, id: string): Exercise | undefined {
  return library.exercises.find((exercise) => exercise.id === id);
}

