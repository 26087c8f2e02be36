// Escape clears what is typed, at every question: a list's, as its prompt does, and one answered
// by typing too (a score, a y or n, a test movement in your own words), where the line took no
// notice of it and kept "maybe" after Escape, so that the n typed next read "mayben", refused.

/** Passes Escape on, then the line's own keys for going to its end and deleting all before it. */
export function escapeClears(input: NodeJS.EventEmitter = process.stdin): void {
  const emit = input.emit;
  input.emit = function (this: NodeJS.EventEmitter, event: string | symbol, ...args: unknown[]): boolean {
    const key = args[1] as { name?: string } | undefined;
    const heard = emit.apply(this, [event, ...args]);
    if (event !== 'keypress' || key?.name !== 'escape') return heard;
    emit.call(this, 'keypress', undefined, { sequence: '\x05', name: 'e', ctrl: true, meta: false, shift: false });
    emit.call(this, 'keypress', undefined, { sequence: '\x15', name: 'u', ctrl: true, meta: false, shift: false });
    return heard;
  };
}
