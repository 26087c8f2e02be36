// Enter pressed twice: a tired finger's double tap, or a second press to be sure. The first
// answers the question; the second comes before anyone could read the question put after it,
// where Enter alone takes the highlighted choice or the default unread: the painful side, "yes"
// to a score that is a flare-up, a drill marked done before it was read, a timed hold ended as it
// starts.

/** Within this long, an Enter with nothing typed since the last one is the same press again. */
export const sameEnterMs = 300;

/**
 * Drops an Enter that follows another Enter, nothing typed between, within `sameEnterMs` of it or
 * of the question put since (saving an answer can take a while on a slow disk, and the second
 * press then reaches the next question as it shows). Enter held down is dropped for as long as it
 * is held. Returns what to call as each question is put. `now`: the clock.
 */
export function enterTwiceTakenOnce(input: NodeJS.EventEmitter = process.stdin, now: () => number = () => performance.now()): () => void {
  const emit = input.emit;
  // Since the last Enter, with nothing typed after it: when it came, or the question put since.
  let lastEnter: number | undefined;
  input.emit = function (this: NodeJS.EventEmitter, event: string | symbol, ...args: unknown[]): boolean {
    if (event !== 'keypress') return emit.apply(this, [event, ...args]);
    const key = args[1] as { name?: string } | undefined;
    if (key?.name !== 'return' && key?.name !== 'enter') {
      lastEnter = undefined;
      return emit.apply(this, [event, ...args]);
    }
    const at = now();
    const again = lastEnter !== undefined && at - lastEnter < sameEnterMs;
    lastEnter = at;
    return again ? false : emit.apply(this, [event, ...args]);
  };
  return () => {
    if (lastEnter !== undefined) lastEnter = now();
  };
}
