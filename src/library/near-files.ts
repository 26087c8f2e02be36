// The library file meant, when the one named is not there: the same name ending in .yml rather
// than .yaml (or the other way round), with the .txt Notepad adds, or written without its ending;
// and for a folder named in place of a file, the library files in it.
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

const ENDINGS = ['.yaml', '.yml'];

/** At most this many of a folder's library files are named. */
const SHOWN = 3;

/** A file's path as the person wrote it, with `name` in place of its last part. */
function beside(file: string, name: string): string {
  const folder = dirname(file);
  return folder === '.' && !file.startsWith('./') ? name : join(folder, name);
}

/** Regular files of `folder` whose names end in .yaml or .yml (any capitals), sorted. */
function libraryFilesIn(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((entry) => ENDINGS.includes(extname(entry.name).toLowerCase()) && (entry.isFile() || (entry.isSymbolicLink() && isFile(join(folder, entry.name)))))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * For a library file not found: a file beside it that is most likely the one meant ("clinic.yml"
 * for "clinic.yaml", "clinic.yaml" for "clinic", "Clinic.yaml" for "clinic.yaml"), as the path to
 * give, or undefined.
 */
function nearLibraryFile(file: string): string | undefined {
  const name = basename(file);
  const ending = extname(name).toLowerCase();
  const stem = ENDINGS.includes(ending) ? name.slice(0, -ending.length) : name;
  const stemOf = (candidate: string) => candidate.slice(0, -extname(candidate).length);
  const files = libraryFilesIn(dirname(file)).filter((candidate) => candidate !== name);
  // The same name but for its ending first, then with other capitals ("Clinic.yaml").
  const found = files.find((candidate) => stemOf(candidate) === stem) ?? files.find((candidate) => stemOf(candidate).toLowerCase() === stem.toLowerCase());
  return found === undefined ? undefined : beside(file, found);
}

/**
 * What to say of a library file that could not be read, given why (cannotReadWords): the file of
 * that folder most likely meant, or for a folder the library files in it; undefined for nothing.
 */
export function nearFileHint(file: string, words: string): string | undefined {
  if (words === 'it is a folder') {
    const all = libraryFilesIn(file).map((name) => join(file, name));
    if (all.length === 0) return undefined;
    const names = all.slice(0, SHOWN).join(', ') + (all.length > SHOWN ? ` and ${all.length - SHOWN} more` : '');
    return `Name the library file itself, not its folder; this folder holds ${names}.`;
  }
  if (words !== 'file not found') return undefined;
  // Notepad adds .txt to a name typed without quotes in its "Save as" ("clinic.yaml.txt"), and
  // Windows hides that ending.
  const txt = `${basename(file)}.txt`;
  const near = isFile(join(dirname(file), txt)) ? beside(file, txt) : nearLibraryFile(file);
  return near === undefined ? undefined : `Did you mean ${near}? That file is in the same folder.`;
}
