// Escape, then a letter or a digit: someone pressing Escape and then q, hoping to leave. Typed
// within half a second, the two reach the questions as one key, Alt and the letter, which they
// take for nothing: the q did not show, and Enter after it answered as Enter alone does, taking
// the highlighted choice, or yes to a flare-up. Here they are the two keys they were typed as.
// Alt and b, f, d or y keep their meaning in a line being typed (a word back, a word on, a word
// deleted, text pasted back, as in a shell): an own-words test movement is edited with them.

/** Passes Escape and a key typed after it at once (read as Alt and the key) on as the two keys. */
export function escapeThenKeyApart(input: NodeJS.EventEmitter = process.stdin): void {
  const emit = input.emit;
  input.emit = function (this: NodeJS.EventEmitter, event: string | symbol, ...args: unknown[]): boolean {
    const key = args[1] as { sequence?: string; meta?: boolean } | undefined;
    const after = event === 'keypress' && key?.meta ? /^\x1b([^\x00-\x20\x7f[ObdfyBDFY])$/u.exec(key.sequence ?? '')?.[1] : undefined;
    if (after === undefined) return emit.apply(this, [event, ...args]);
    emit.call(this, 'keypress', undefined, { sequence: '\x1b', name: 'escape', ctrl: false, meta: false, shift: false });
    const letter = /^[a-z0-9]$/i.test(after);
    return emit.call(this, 'keypress', after, { sequence: after, name: letter ? after.toLowerCase() : undefined, ctrl: false, meta: false, shift: /^[A-Z]$/.test(after) });
  };
}
