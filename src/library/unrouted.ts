// A drill no routine of the file lists: no routine runs it to be tested (only the rehab routine,
// once moved there by hand), which a therapist who added it to the file most likely did not mean.
import type { Document } from 'yaml';
import { position, type At } from './positions.js';
import type { Found } from './problems.js';
import type { Library } from './schema.js';

/**
 * Warnings for the drills of a valid library that no routine lists, at their ids. None for a
 * file without routines: `itb validate` says once that a session has none to run.
 */
export function unroutedWarnings(library: Library, doc: Document, at: At): Found[] {
  if (library.routines.length === 0) return [];
  const listed = new Set(library.routines.flatMap((routine) => routine.exercises));
  return library.exercises.flatMap((drill, index): Found[] => {
    if (listed.has(drill.id)) return [];
    const message = `this drill is in no routine, so no routine runs it to test it: add "- ${drill.id}" to the exercises of a routine`;
    return [{ ...position(doc, ['exercises', index, 'id'], at), path: `exercises.${index}.id`, message }];
  });
}
