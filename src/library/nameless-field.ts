// A field whose name was deleted, as ": 10" left of a dose's "reps: 10": YAML reads it as a field
// named "" (twice, as a repeat of that name), so it is told as what it is, at each of its lines.
import { isMap, isScalar, type Document } from 'yaml';
import { nodeAt, type Path } from './positions.js';

/** A field name that was left out, or given as "" in quotes. */
export function isNameless(key: unknown): boolean {
  return key === null || key === '';
}

/**
 * Where each field with no name in the item at `path` starts: at its ":" (a left-out name has its
 * place at the start of the line, before the indentation), or at the quotes of a "" name.
 */
export function namelessFieldOffsets(doc: Document, source: string, path: Path): number[] {
  const item = nodeAt(doc, path, false);
  if (!isMap(item)) return [];
  return item.items.flatMap((pair) => {
    if (!isScalar(pair.key) || !isNameless(pair.key.value) || !pair.key.range) return [];
    const start = pair.key.range[0];
    return [start + /^[ \t]*/.exec(source.slice(start))![0].length];
  });
}

export function namelessFieldMessage(allowed: { kind: string; fields: string[] } | undefined): string {
  return `this field has no name before its ":"${allowed ? `; ${allowed.kind} can have: ${allowed.fields.join(', ')}` : ''}`;
}
