// How a session in the terminal meets its end or a pause: a closed window, a kill, Ctrl-D, and
// Ctrl-Z with fg. The prompts (./prompts.ts) ask through these.
import { closeSync } from 'node:fs';
import { isatty } from 'node:tty';

/**
 * Aborts when the terminal goes away: its window closed (the input ends, then SIGHUP), a
 * polite kill (SIGTERM, or SIGINT from `kill -INT`, or a Ctrl-C pressed while no question is
 * open), or Ctrl-D. The question being asked, and any later one, then ends the way Ctrl-C ends
 * it, so a session saves what was answered as interrupted instead of being cut off.
 */
export function whenTerminalGoes(): AbortSignal {
  const gone = new AbortController();
  // Listening for good: a closed window can bring more than one SIGHUP, and without a listener
  // of ours the prompts' own exit handler would end the program before the save.
  for (const signal of ['SIGHUP', 'SIGTERM', 'SIGINT'] as const) process.on(signal, () => gone.abort(signal));
  const stdin = process.stdin;
  // Ctrl-D, the end of input: the prompts would close without an answer and the program end
  // without a word, so it stops the session as Ctrl-C does.
  stdin.on('keypress', (_text: string, key: { ctrl?: boolean; name?: string } | undefined) => {
    if (key?.ctrl && key.name === 'd') gone.abort('Ctrl-D');
  });
  let inputEnded = false;
  stdin.once('end', () => {
    inputEnded = true;
    gone.abort('end of input');
  });
  // On its way out readline switches the terminal back from raw mode; with the window closed
  // that fails (EIO), and the error would end the program before the session is saved. So does
  // switching it back to raw mode after Ctrl-Z, when the window was closed while itb was stopped:
  // the first sign, before the end of input, that the terminal has gone.
  const setRawMode = stdin.setRawMode.bind(stdin);
  stdin.setRawMode = (mode) => {
    if (inputEnded) return stdin;
    try {
      return setRawMode(mode);
    } catch {
      inputEnded = true;
      gone.abort('terminal closed');
      return stdin;
    }
  };
  // On its way out Node puts the terminal back as it found it, and with the window closed that
  // fails and ends in a crash report (a core dump, on some computers) after the session was
  // saved: a standard stream whose terminal has gone is closed first, so Node leaves it be.
  process.once('exit', () => {
    for (const [fd, stream] of [stdin, process.stdout, process.stderr].entries()) {
      if (stream.isTTY && !isatty(fd)) tryToClose(fd);
    }
  });
  return gone.signal;
}

/** Closes `fd`, unless it was closed already. */
function tryToClose(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Nothing left to close.
  }
}

/**
 * Told as itb comes back from a Ctrl-Z of its own (see suspendable), before anything else it
 * does: the SIGCONT of that `fg` is read only after the timers due, by then a countdown's next
 * second, drawn where the hold had been, over the lines the shell wrote meanwhile.
 */
const backFromCtrlZ = new Set<() => void>();
/** When itb last came back from a Ctrl-Z of its own, as performance.now() had it. */
let cameBackAt = -Infinity;
/** How soon after that a SIGCONT is the same `fg`'s, already seen to. */
const sameReturnMs = 1000;
/** The terminal's code for showing its cursor. */
const cursorShow = '\x1b[?25h';

/**
 * Ctrl-Z suspends itb, as it does any program, and `fg` brings its question back. Left to the
 * prompts' readline, the input was paused on the way back: with nothing more to wait for, the
 * program then ended at once, without a word, its session left unsaved as interrupted. The
 * suspension is done here instead, with the input left as it was.
 */
export function suspendable(): void {
  if (process.platform === 'win32') return;
  const stdin = process.stdin;
  const emit = stdin.emit;
  stdin.emit = function (this: typeof stdin, event: string | symbol, ...args: unknown[]): boolean {
    const key = args[1] as { ctrl?: boolean; name?: string } | undefined;
    if (event !== 'keypress' || !key?.ctrl || key.name !== 'z') return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
    // The shell needs the terminal as it was; the question needs it back in raw mode. A signal a
    // process sends itself takes effect before kill returns: here itb is back (or was never
    // suspended, with no shell's job control to do it).
    // A list hides the cursor while it waits, and the shell left the prompt it wrote without one:
    // "fg" was typed blind. It is shown again for the shell; the question asked again on the way
    // back hides it again if it hid it before.
    const raw = stdin.isRaw;
    if (raw) stdin.setRawMode(false);
    if (process.stdout.isTTY) process.stdout.write(cursorShow);
    process.kill(process.pid, 'SIGTSTP');
    if (raw) stdin.setRawMode(true);
    cameBackAt = performance.now();
    // Once this key's handling is over, before any timer's turn.
    queueMicrotask(() => backFromCtrlZ.forEach((back) => back()));
    return false;
  } as typeof stdin.emit;
}

/**
 * Asks a question again, afresh under the shell's lines, when itb is brought back with fg after
 * Ctrl-Z: the prompts draw it again only once a key is pressed, so the person came back to
 * "[1]+ Stopped" and "fg" with nothing asked under them, as if itb had hung. Whatever was typed
 * of an answer before the pause is typed again. `again` is done each time before it is asked
 * again (to say what it is about).
 */
export function askedAgainAfterPause(
  stopped: AbortSignal,
): <T>(question: (context: { signal: AbortSignal }) => Promise<T>, again?: () => void) => Promise<T> {
  let asking: AbortController | undefined;
  const back = () => asking?.abort('back after a pause');
  backFromCtrlZ.add(back);
  // Brought back after a stop not its own (kill -STOP, kill -TSTP), or after its own, seen to.
  process.on('SIGCONT', () => performance.now() - cameBackAt > sameReturnMs && back());
  return async (question, again) => {
    for (let paused = false; ; paused = true) {
      if (paused) again?.();
      const back = new AbortController();
      asking = back;
      try {
        return await question({ signal: AbortSignal.any([stopped, back.signal]) });
      } catch (error) {
        if (!back.signal.aborted || stopped.aborted) throw error;
      } finally {
        if (asking === back) asking = undefined;
      }
    }
  };
}
