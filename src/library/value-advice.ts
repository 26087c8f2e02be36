// What to write instead of a value that is close to a right one, as a therapist writes it from
// habit: a side named "left" or "right", an id with capitals or spaces, a web address without its
// https://. Each is told with the value to write, rather than only the rule it breaks.
import { isScalar, type Document } from 'yaml';
import { nodeAt, type Path } from './positions.js';
import { exerciseSchema } from './schema.js';

/**
 * The message for the value at `path` with what to write, given zod's own `message` for it;
 * undefined when there is nothing more to say than the message.
 */
export function valueAdvice(doc: Document, path: Path, message: string): string | undefined {
  const node = nodeAt(doc, path, false);
  const value = isScalar(node) && typeof node.value === 'string' ? node.value.trim() : undefined;
  if (value === undefined || value === '') return undefined;
  const field = path.at(-1);
  if (path[0] === 'exercises' && path.length === 3 && field === 'side') return sideAdvice(value, message);
  if (path.length === 3 && field === 'id') return idAdvice(value, message);
  if (path[0] === 'exercises' && path.length === 3 && field === 'video') return videoAdvice(value, message);
  return undefined;
}

/**
 * A side written as the leg it is done on ("left", "R", "right leg"): a library serves whichever
 * side hurts, so a drill's side is told relative to the pain.
 */
function sideAdvice(value: string, message: string): string | undefined {
  if (!/^(?:(?:left|right|l|r)(?:\s+(?:side|leg|hip|knee))?|both\s+(?:sides|legs)|each\s+(?:side|leg))$/i.test(value)) return undefined;
  const twoSides = /^(?:both|each)\b/i.test(value);
  const advice = twoSides
    ? 'write "both" for a drill done on both sides'
    : 'the side is told relative to the pain, not as left or right: write "painful" for the side that hurts, or "opposite" for the other one';
  return `${message}; ${advice}`;
}

/** An id with capitals, spaces, underscores or accents ("Wall Sit", "wall_sit"): the id it makes, written right. */
function idAdvice(value: string, message: string): string | undefined {
  const written = value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_.]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if (written === value || !exerciseSchema.shape.id.safeParse(written).success) return undefined;
  return `${message}; write "${written}"`;
}

/** A web address without its https:// ("www.youtube.com/watch?v=...", "youtu.be/..."): the same with it. */
function videoAdvice(value: string, message: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || /\s/.test(value)) return undefined;
  if (!/^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[/?#:]|$)/i.test(value)) return undefined;
  const address = `https://${value.replace(/^\/+/, '')}`;
  return URL.canParse(address) ? `${message}; write it with https:// at its start: "${address}"` : undefined;
}
