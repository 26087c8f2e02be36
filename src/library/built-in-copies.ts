// A routine of a library file that names a drill or a cue of the built-in library, which the file
// does not have: a library file is used in place of the built-in library, not beside it, so the
// file needs its own copy. The problem says which built-in item it is and where to copy it from.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { builtInLibraryFile } from './library.js';
import type { Found } from './problems.js';
import { isRecord } from './shape.js';

/** A routine's drill or cue the file does not have, by its id. */
export interface Missing {
  kind: 'exercise' | 'cue';
  id: string;
}

/** The built-in library's drills' names and cues' ids, with its file; undefined if it cannot be read. */
function builtInItems(): { file: string; drills: Map<string, string>; cues: Set<string> } | undefined {
  try {
    const file = builtInLibraryFile();
    const data: unknown = parse(readFileSync(file, 'utf8'));
    const list = (key: string) => (isRecord(data) && Array.isArray(data[key]) ? data[key].filter(isRecord) : []);
    const drills = new Map(list('exercises').map((drill) => [String(drill.id), String(drill.name)]));
    return { file, drills, cues: new Set(list('cues').map((cue) => String(cue.id))) };
  } catch {
    return undefined;
  }
}

/**
 * Each problem of a routine naming a drill or a cue only the built-in library has, told so: where
 * its copy comes from, or to take it out of the routine (a copy of the built-in file whose drill
 * was deleted on purpose). Only when such references are all the file's problems: a drill whose
 * "- id:" line is broken, say, leaves its id unknown too, and no copy is wanted then. Worked out,
 * as the message it replaces, only for the problems listed.
 */
export function builtInCopies(problems: (Found & { missing?: Missing })[]): void {
  if (problems.length === 0 || !problems.every((problem) => problem.missing)) return;
  let builtIn: ReturnType<typeof builtInItems> | null = null;
  for (const problem of problems) {
    const { kind, id } = problem.missing!;
    const { message } = problem;
    const said = () => (typeof message === 'function' ? message() : message);
    problem.message = () => {
      builtIn ??= builtInItems();
      const known = kind === 'exercise' ? builtIn?.drills.get(id) !== undefined : builtIn?.cues.has(id);
      // A near id of the file's own ("did you mean"), or a drill of the file by that name, is more
      // likely the one meant: that message stays.
      const noCues = `unknown cue "${id}": the file has no "cues:" list`;
      if (!builtIn || !known || (said() !== `unknown ${kind} "${id}"` && !said().startsWith(noCues))) return said();
      const replaced = 'a library file is used in place of the built-in one, not beside it';
      if (kind === 'exercise') {
        return `unknown exercise "${id}": the built-in library's drill "${builtIn.drills.get(id)}" has this id, but ${replaced}: copy that drill (its "- id: ${id}" line and the lines under it) from ${builtIn.file} into this file's "exercises:", or take it out of this routine`;
      }
      const list = said().startsWith(noCues) ? 'a "cues:" list at the top of this file, which has none yet' : 'the "cues:" list at the top of this file';
      return `unknown cue "${id}": the built-in library has a cue of this id, but ${replaced}: copy that cue (its "- id: ${id}" line and its "text:") from ${builtIn.file} into ${list}, or take it out of this routine`;
    };
  }
}
