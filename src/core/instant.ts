// Ordering the log's timestamps without parsing each one again and again. itb writes every
// timestamp with Date#toISOString (`2026-01-05T10:00:00.000Z`: always 24 characters, always UTC),
// and strings of that one shape sort like the instants they name. The records also allow other
// offsets and precisions (a file from elsewhere, a hand-written test), so anything else is parsed.

/** Whether `iso` has toISOString's shape (a valid timestamp of 24 characters ending in Z has it). */
function isUtcMillis(iso: string): boolean {
  return iso.length === 24 && iso.charCodeAt(23) === 90; // 'Z'
}

/** Negative when `a` is earlier than `b`, 0 at the same instant, positive when later. */
export function compareInstants(a: string, b: string): number {
  if (a === b) return 0;
  if (isUtcMillis(a) && isUtcMillis(b)) return a < b ? -1 : 1;
  return Date.parse(a) - Date.parse(b);
}
