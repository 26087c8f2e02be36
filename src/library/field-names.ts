// The fields each kind of item in a library may have, and the field an unknown name is most
// likely meant to be: a typo of it, or it with other capitals.
import { closest } from '../core/closest.js';
import type { Path } from './positions.js';
import { cueSchema, doseSchema, exerciseSchema, librarySchema, movementSchema, routineSchema } from './schema.js';

/** The fields each kind of object may have, for "unknown field" messages. */
export function allowedFields(path: Path): { kind: string; fields: string[] } | undefined {
  const [list, , field] = path;
  const shapes = {
    exercises: ['a drill', exerciseSchema],
    routines: ['a routine', routineSchema],
    movements: ['a test movement', movementSchema],
    cues: ['a cue', cueSchema],
  } as const;
  if (path.length === 0) return { kind: 'the library', fields: Object.keys(librarySchema.shape) };
  if (path.length === 3 && list === 'exercises' && field === 'dose') return { kind: 'a dose', fields: Object.keys(doseSchema.shape) };
  if (path.length !== 2 || typeof list !== 'string' || !Object.hasOwn(shapes, list)) return undefined;
  const [kind, schema] = shapes[list as keyof typeof shapes];
  return { kind, fields: Object.keys(schema.shape) };
}

/** The fields of `allowed` an unknown field's name is close to: a typo of theirs, or their name in capitals. */
export function nearFields(key: string, allowed: { fields: string[] } | undefined): string[] {
  // A short field name inside a longer typo ("id" in "vidoe") is no real likeness.
  return allowed ? closest(key, allowed.fields.filter((field) => field.length * 2 > key.length)) : [];
}

/** The field of `allowed` that `key` is with other capitals ("Side", "Holdseconds"), if any. */
export function inCapitals(key: string, allowed: { fields: string[] } | undefined): string | undefined {
  return allowed?.fields.find((field) => field !== key && field.toLowerCase() === key.toLowerCase());
}
