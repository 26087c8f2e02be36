// What to write instead of a value that is close to a right one, as a therapist writes it from
// habit: a side named "left" or "right", an id with capitals or spaces, a web address without its
// https://. Each is told with the value to write, rather than only the rule it breaks.
import { isScalar, type Document } from 'yaml';
import { nodeAt, type Path } from './positions.js';
import { closest } from '../core/closest.js';
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
  if (path[0] === 'exercises' && path.length === 3 && field === 'side') return sideAdvice(value, message) ?? choiceAdvice(field, value, message);
  if (path[0] === 'exercises' && path.length === 3 && (field === 'region' || field === 'category')) return choiceAdvice(field, value, message);
  if (path.length === 3 && field === 'id') return idAdvice(value, message);
  if (path[0] === 'exercises' && path.length === 3 && field === 'video') return videoAdvice(value, message);
  return undefined;
}

/** The words a clinic may use for a drill's side, and the side each is in a library. */
const CLINICAL_SIDES: Record<string, string> = {
  bilateral: 'both',
  ipsilateral: 'painful',
  affected: 'painful',
  involved: 'painful',
  injured: 'painful',
  contralateral: 'opposite',
  unaffected: 'opposite',
  uninvolved: 'opposite',
  uninjured: 'opposite',
  other: 'opposite',
};

/**
 * A side written as the leg it is done on ("left", "R", "right leg"): a library serves whichever
 * side hurts, so a drill's side is told relative to the pain.
 */
function sideAdvice(value: string, message: string): string | undefined {
  // A clinic's words for the sides: the involved side is the painful one.
  const clinical = Object.hasOwn(CLINICAL_SIDES, value.toLowerCase()) ? CLINICAL_SIDES[value.toLowerCase()] : undefined;
  if (clinical !== undefined) return `${message}; write "${clinical}"`;
  if (!/^(?:(?:left|right|l|r)(?:\s+(?:side|leg|hip|knee))?|both\s+(?:sides|legs)|each\s+(?:side|leg))$/i.test(value)) return undefined;
  const twoSides = /^(?:both|each)\b/i.test(value);
  const advice = twoSides
    ? 'write "both" for a drill done on both sides'
    : 'the side is told relative to the pain, not as left or right: write "painful" for the side that hurts, or "opposite" for the other one';
  return `${message}; ${advice}`;
}

/** A choice with capitals ("Knee") or a typo or another form of it ("strengthening"): the value it is most likely. */
function choiceAdvice(field: 'side' | 'region' | 'category', value: string, message: string): string | undefined {
  const choices: readonly string[] = exerciseSchema.shape[field].options;
  const same = choices.find((choice) => choice === value.toLowerCase().replace(/\s+/g, '-'));
  if (same !== undefined) return `${message}; write "${same}"${same === value.toLowerCase() ? ', in lower case' : ''}`;
  const near = closest(value, choices, 1)[0];
  return near === undefined ? undefined : `${message}; did you mean "${near}"?`;
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

/** Numbers a dose may be written with in words, as said aloud. */
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, ninety: 90,
};

/**
 * For a dose's number written as a word ("ten", "Thirty seconds", "ten each side"): the field with
 * its number in digits, and `eachSide` (what to do of "each side", said by the caller). Undefined
 * for any other text.
 */
export function numberWordAdvice(field: string, text: string, eachSide: string): string | undefined {
  // The word alone, or with its unit and "each side" ("ten reps", "thirty seconds each side"):
  // not "three x ten" nor "one minute", which are no number of the field to copy.
  const word = /^([a-z]+)(?:\s+(?:reps?|repetitions?|seconds?|secs?|times))?(?:\s+(?:each|per|a)\s+(?:side|leg))?$/i.exec(text)?.[1]?.toLowerCase();
  const number = word === undefined || !Object.hasOwn(NUMBER_WORDS, word) ? undefined : NUMBER_WORDS[word];
  return number === undefined ? undefined : `write the number in digits, as ${field}: ${number}${eachSide}`;
}

/**
 * For a dose's number followed by ": " and words ("reps: 10: slowly"), which YAML reads as a field
 * inside a field: in quotes it would be no number either. The number goes alone, and the words in
 * the drill's steps or cues, where a session shows them. Undefined for any other field or text.
 */
export function doseWithWordsAdvice(path: string, text: string): string | undefined {
  const field = /^exercises\.\d+\.dose\.(sets|reps|holdSeconds)$/.exec(path)?.[1];
  const written = /^(\d+)\s*:\s+(\S.*)$/.exec(text);
  if (field === undefined || !written) return undefined;
  const words = written[2]!.length <= 40 ? `"${written[2]}"` : 'the words after it';
  return `a dose's ${field} is a number alone, and the ": " after it makes it read as a field name: write "${field}: ${written[1]}", and put ${words} in the drill's steps or cues`;
}
