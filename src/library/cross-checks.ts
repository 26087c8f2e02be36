// Checks of a library's data beyond the schema of each item, most of them spanning the file: ids
// used once, routines naming drills and cues the file has, a one-sided drill's dose not given per
// side, and no control characters in text that reaches the terminal.
import type { Document } from 'yaml';
import type { Missing } from './built-in-copies.js';
import { closest, namedAs } from '../core/closest.js';
import { controlCharacterPaths } from '../core/text.js';
import { position, type At, type Path } from './positions.js';
import type { Found } from './problems.js';
import { anyLengthId, exerciseSchema } from './schema.js';
import { isRecord } from './shape.js';

const idSchema = exerciseSchema.shape.id;

// What to do about an id used twice, and why it matters: each list's ids are how it is named.
const ownId: Record<string, string> = {
  exercises: 'give each drill its own id, as a routine names its drills by id',
  routines: "give each routine its own id, as a session's list takes a routine by its id",
  movements: 'give each movement its own id, as `itb session --movement` takes a movement by its id',
  cues: 'give each cue its own id, as a routine names its cues by id',
};

/**
 * Checks zod cannot make on one object: unique ids and references that resolve. They run on the
 * raw data, even when some items are malformed, so that every problem is reported in one go.
 */
export function crossChecks(data: unknown, doc: Document, at: At): (Found & { reference?: true; missing?: Missing })[] {
  const found: (Found & { reference?: true; missing?: Missing })[] = [];
  const report = (path: Path, message: Found['message'], missing?: Missing) =>
    found.push({ ...position(doc, path, at), path: path.join('.') || '(file)', message, ...(missing ? { reference: true, missing } : {}) });
  const items = (value: unknown, key: string): unknown[] => {
    const list = isRecord(value) ? value[key] : undefined;
    return Array.isArray(list) ? list : [];
  };
  const unique = (key: string) => {
    const firstIndex = new Map<string, number>();
    items(data, key).forEach((item, index) => {
      if (!isRecord(item) || typeof item.id !== 'string') return;
      const first = firstIndex.get(item.id);
      if (first === undefined) firstIndex.set(item.id, index);
      else report([key, index, 'id'], `duplicate id "${item.id}" (already used on line ${position(doc, [key, first, 'id'], at).line}); ${ownId[key]}`);
    });
    return new Set(firstIndex.keys());
  };
  const exerciseIds = unique('exercises');
  const drillsListed = items(data, 'exercises').length > 0;
  unique('routines');
  unique('movements');
  const cueIds = unique('cues');

  items(data, 'routines').forEach((routine, r) => {
    if (isRecord(routine) && (routine.id === 'rehab' || routine.id === 'retest')) {
      report(['routines', r, 'id'], `"${routine.id}" is a built-in routine name; choose another id`);
    }
    const references = [['exercises', 'exercise', exerciseIds], ['cues', 'cue', cueIds]] as const;
    for (const [field, kind, known] of references) {
      const seen = new Set<unknown>();
      items(routine, field).forEach((id, i) => {
        // Without a list of drills ("exercises:" misspelt or left out, which is reported), every
        // drill of every routine would be reported as unknown, burying the one line to fix.
        if (kind === 'exercise' && !drillsListed) return;
        if (typeof id === 'string' && !known.has(id)) report(['routines', r, field, i], () => unknownReference(kind, id, known, items(data, 'exercises')), { kind, id });
        // A drill is judged once a session: a second place in the same routine would be judged twice.
        else if (seen.has(id)) report(['routines', r, field, i], `"${String(id)}" is listed twice in this routine`);
        seen.add(id);
      });
    }
  });
  // A one-sided drill's dose is for that one side: "per side" beside "your left side" would
  // contradict it, and a session would time its holds for two sides.
  items(data, 'exercises').forEach((drill, e) => {
    if (!isRecord(drill) || !isRecord(drill.dose) || drill.dose.perSide !== true) return;
    const only = drill.side === 'painful' ? 'the painful side' : drill.side === 'opposite' ? 'the side opposite the pain' : undefined;
    if (only) report(['exercises', e, 'dose', 'perSide'], `this drill is done on ${only} only (side: ${drill.side}), so its dose is for that side: leave out "perSide: true", or make the side "both" for a drill done on each side`);
  });
  // Library text reaches the terminal in every session: it must not carry control codes.
  for (const { path, character } of controlCharacterPaths(data)) {
    report(path === '(file)' ? [] : path.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key)), `holds a control character (${character}); write plain text`);
  }
  return found;
}

/**
 * Drills, or routines, with the name of one above them (a drill copied to make a variant of it, its
 * name left as it was): a session, its summary and the buckets show drills by name, and a session
 * offers routines by name, so the person could not tell the two apart. Warnings: the file works.
 */
export function sameNameWarnings(data: unknown, doc: Document, at: At): Found[] {
  const found: Found[] = [];
  const lists = [['exercises', 'drill', 'a session, its summary and your buckets show drills by their names'], ['routines', 'routine', 'a session offers routines by their names']] as const;
  for (const [list, kind, shown] of lists) {
    const first = new Map<string, number>();
    const items = isRecord(data) && Array.isArray(data[list]) ? data[list] : [];
    items.forEach((item: unknown, index) => {
      if (!isRecord(item) || typeof item.name !== 'string') return;
      // As a screen shows it: spaces run together, and a capital is no difference to the eye.
      const name = item.name.trim().replace(/\s+/g, ' ').toLowerCase();
      const earlier = first.get(name);
      if (name === '') return;
      if (earlier === undefined) {
        first.set(name, index);
        return;
      }
      const line = position(doc, [list, earlier, 'name'], at).line;
      const message = `the ${kind} on line ${line} has this name too: ${shown}, so give each ${kind} a name of its own`;
      found.push({ ...position(doc, [list, index, 'name'], at), path: `${list}.${index}.name`, message });
    });
  }
  return found;
}

/** Why a routine's reference is not one: an id not in the file, a drill's name, or a cue's text. `drills`: the file's, as written. */
function unknownReference(kind: 'exercise' | 'cue', id: string, known: Set<string>, drills: unknown[]): string {
  const words = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
  // Written as an id, the name's words joined by hyphens ("clamshells", "wall-clamshells"): most
  // likely the drill's id before it was changed. A patient's results stay with that id, so
  // writing the new one here is not the only way, nor one that brings them along.
  const asId = idSchema.safeParse(id).success;
  // (Not a drill whose own id is no valid one: that id is the one to fix, said below.)
  const sameWords = (name: string, drillId: string) => (asId ? namedAs(id, name, drillId) && idSchema.safeParse(drillId).success : words(name) === words(id));
  const named = kind === 'exercise' ? drills.find((drill) => isRecord(drill) && typeof drill.name === 'string' && typeof drill.id === 'string' && sameWords(drill.name, drill.id)) : undefined;
  if (isRecord(named) && asId) {
    return `unknown exercise "${id}": the drill named "${String(named.name)}" has the id "${String(named.id)}"; write that id here, or, if "${id}" was its id before, give it back that id (results are kept by id: those of sessions with "${id}" stay with it)`;
  }
  if (isRecord(named)) return `"${id}" is the name of a drill; a routine names its drills by id: "${String(named.id)}"`;
  if (kind === 'cue' && !anyLengthId.safeParse(id).success) {
    return 'a routine\'s cues are the ids of cues listed under "cues:" at the top of the file, not text: list this one there (an id and its text) and write its id here';
  }
  if (kind === 'cue' && known.size === 0) return `unknown cue "${id}": the file has no "cues:" list at its top, where each cue has an id and its text`;
  // An id the file has but that is not one ("Wall Sit") is no id to copy here: it is the one to fix.
  const [valid, notValid] = [[], []] as [string[], string[]];
  for (const candidate of known) (idSchema.safeParse(candidate).success ? valid : notValid).push(candidate);
  const near = closest(id, valid);
  if (near.length > 0) return `unknown ${kind} "${id}" (did you mean ${near.map((n) => `"${n}"`).join(' or ')}?)`;
  const [invalid] = closest(id, notValid);
  const item = kind === 'exercise' ? 'drill' : kind;
  return `unknown ${kind} "${id}"${invalid === undefined ? '' : `: the ${item} with the id "${invalid}" may be the one meant, but that id is not valid; fix it where the ${item} is written`}`;
}
