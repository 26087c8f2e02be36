// Drives the built bin/itb.js in a real pseudo-terminal, the way a person at a keyboard would:
// wait until the screen shows something, then type.
import { spawn, type IPty } from 'node-pty';
import { stripVTControlCharacters } from 'node:util';
import { fileURLToPath } from 'node:url';
import xterm from '@xterm/headless';
import { redFlagQuestions } from '../../src/commands/session-screen.js';
import { sameEnterMs } from '../../src/ui/enter-twice.js';

export const BIN = fileURLToPath(new URL('../../bin/itb.js', import.meta.url));
/** Runs each program, and keeps its terminal open once it has ended until all it wrote is read. */
const HOLD_OPEN = fileURLToPath(new URL('./hold-open.cjs', import.meta.url));
/** How each note of hold-open.cjs starts: a code no terminal acts on, so none shows it. */
const NOTE = '\x1b]itb-terminal;';
const NOTES = /\x1b\]itb-terminal;(started|ended);([^\x07]*)\x07/g;

export const keys = { enter: '\r', down: '\x1b[B', up: '\x1b[A', ctrlC: '\x03', ctrlD: '\x04', ctrlZ: '\x1a' };

/**
 * Where the unfinished colour or cursor code at the end of `output` starts, if one does (its
 * length if none does). Output arrives in pieces, and a code cut in two is not removed as one:
 * "\x1b[" would show, and "\x1b[1" be taken for a whole code, until the rest came.
 */
function unfinishedCodeAt(output: string): number {
  const start = output.lastIndexOf('\x1b');
  if (start < 0) return output.length;
  const complete = /^(?:\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[ -/]*[0-Z\\^-~])/;
  return complete.test(output.slice(start)) ? output.length : start;
}

/** Where a note of hold-open.cjs at the end of `output`, its rest yet to come, starts (`output`'s length if none does). */
function unfinishedNoteAt(output: string): number {
  const start = output.lastIndexOf('\x1b');
  if (start < 0) return output.length;
  const end = output.slice(start);
  const unfinished = end.startsWith(NOTE) ? !end.includes('\x07') : NOTE.startsWith(end);
  return unfinished ? start : output.length;
}

/** Where `pattern` first matches in `text`, and how long the match is. */
function firstMatch(text: string, pattern: RegExp | string): { index: number; length: number } | undefined {
  if (typeof pattern === 'string') {
    const index = text.indexOf(pattern);
    return index < 0 ? undefined : { index, length: pattern.length };
  }
  const match = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')).exec(text);
  return match === null ? undefined : { index: match.index, length: match[0].length };
}

export class Terminal {
  private output = '';
  /** What the output shows, without its codes, up to `unfinished`: it only ever grows. */
  private shown = '';
  /** The start of a code at the end of the output whose rest has yet to come. */
  private unfinished = '';
  /** The start of a note of hold-open.cjs whose rest has yet to come. */
  private unfinishedNote = '';
  /** The program's process id, once hold-open.cjs has said it. */
  private programId: number | undefined;
  /** The exit code, once the program has ended and all it wrote has been read. */
  private exitCode: number | undefined;
  private endOfProgram!: (exitCode: number) => void;
  private readonly pty: IPty;
  /**
   * Resolves with the program's exit code once it has ended and all it wrote has been read (0
   * if a signal ended it, as node-pty says it).
   */
  readonly exited: Promise<number>;
  /** Resolves once the terminal itself has closed. */
  private readonly closed: Promise<void>;
  private isClosed = false;
  /** Where in the shown text the last `waitFor` match ended; later waits look only past it. */
  private cursor = 0;
  /**
   * The screen as a person sees it: every piece of output drawn, and every resize done, in the
   * order they came (xterm draws a piece later, and would otherwise take a resize before it).
   */
  private readonly mirror: xterm.Terminal;
  private drawn: Promise<void> = Promise.resolve();
  /** Whether the last key sent was Enter: an Enter right after it waits, as a person's would (see `type`). */
  private lastKeyEnter = false;

  /**
   * `user`, when given, is the account to run as (needs root). `program`: what runs, before
   * `args` (a shell, where itb is then started by typing its command).
   */
  constructor(args: string[], env: Record<string, string>, cols = 100, rows = 40, user: { uid?: number; gid?: number } = {}, program = [process.execPath, BIN]) {
    // node-pty reports the end of the process it started once the terminal's last output has
    // been read, or 200 ms after that process ended if that output is still unread then, which it
    // drops (node-pty issue 72): a machine so busy that this process reads nothing for that long
    // would lose the program's last lines. So the program runs under hold-open.cjs, which keeps
    // the terminal open after it and says, after all the program wrote, how it ended.
    this.pty = spawn(process.execPath, [HOLD_OPEN, NOTE, ...program, ...args], {
      ...user,
      // node-pty sets TERM from the name, so a TERM given in `env` names the terminal.
      name: env.TERM ?? 'xterm-256color',
      cols,
      rows,
      cwd: process.cwd(),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TERM: 'xterm-256color', ...env },
    });
    this.mirror = new xterm.Terminal({ cols, rows, scrollback: 5000, allowProposedApi: true });
    this.exited = new Promise((resolve) => (this.endOfProgram = resolve));
    this.pty.onData((data) => {
      const arrived = this.unfinishedNote + data;
      const cut = unfinishedNoteAt(arrived);
      this.unfinishedNote = arrived.slice(cut);
      let ended: string | undefined;
      this.show(
        arrived.slice(0, cut).replace(NOTES, (_note, what: string, value: string) => {
          if (what === 'started') this.programId = Number(value);
          else ended = value;
          return '';
        }),
      );
      if (ended !== undefined) this.programEnded(/^\d+$/.test(ended) ? Number(ended) : 0);
    });
    this.closed = new Promise((resolve) =>
      this.pty.onExit(({ exitCode }) => {
        this.isClosed = true;
        // Closed without saying how the program ended (the window was closed, say): hold-open.cjs
        // ended as the program did.
        this.show(this.unfinishedNote);
        this.programEnded(exitCode);
        resolve();
      }),
    );
  }

  /** Adds what arrived to the output and to what it shows. */
  private show(data: string): void {
    this.output += data;
    if (data !== '') this.drawn = this.drawn.then(() => new Promise<void>((resolve) => this.mirror.write(data, resolve)));
    const arrived = this.unfinished + data;
    const cut = unfinishedCodeAt(arrived);
    this.shown += stripVTControlCharacters(arrived.slice(0, cut));
    this.unfinished = arrived.slice(cut);
  }

  /** All the program wrote has been read: hold-open.cjs may let its terminal go. */
  private programEnded(exitCode: number): void {
    if (this.exitCode !== undefined) return;
    this.exitCode = exitCode;
    this.endOfProgram(exitCode);
    this.tell('SIGUSR2');
  }

  /** Sends `signal` to hold-open.cjs, unless it has ended (its process id may be another's by now). */
  private tell(signal: 'SIGUSR2' | 'SIGHUP' | 'SIGKILL'): void {
    if (this.isClosed) return;
    try {
      this.pty.kill(signal);
    } catch {
      // ended a moment ago
    }
  }

  /**
   * From now on, shows a window made narrower as xterm itself, PuTTY and the Linux console do:
   * a line now too long is cut at the new edge, on its one row. By default the screen does as
   * most terminals do (xterm.js, as in VS Code; GNOME Terminal, iTerm2, kitty, Windows Terminal,
   * tmux): such a line, unless the cursor is on it, goes on over as many rows as it now needs,
   * so that what was drawn takes more rows than the program drew. xterm.js cuts lines only in
   * its Windows mode.
   */
  cutsLinesWhenNarrowed(): void {
    this.drawn = this.drawn.then(() => {
      this.mirror.options.windowsMode = true;
    });
  }

  /** Makes the window `cols` wide and `rows` tall, as a person dragging its corner does. */
  resize(cols: number, rows: number): void {
    this.pty.resize(cols, rows);
    this.drawn = this.drawn.then(() => this.mirror.resize(cols, rows));
  }

  /**
   * The lines of the screen and of what scrolled off its top, each without its trailing blanks,
   * as drawn so far: prompts drawn again and cursor moves done, lines wrapped at the window's edge
   * (each row of the window a line of its own), and cut at its edge as the window shows them.
   */
  async screen(): Promise<string[]> {
    await this.drawn;
    const buffer = this.mirror.buffer.active;
    return Array.from({ length: buffer.length }, (_, i) => buffer.getLine(i)?.translateToString(true, 0, this.mirror.cols).trimEnd() ?? '');
  }

  /**
   * The rows of `screen()` that go on from the row above because the terminal broke a line at its
   * edge: a line written wider than the window, most likely broken in the middle of a word.
   */
  async brokenAtEdge(): Promise<string[]> {
    await this.drawn;
    const buffer = this.mirror.buffer.active;
    return Array.from({ length: buffer.length }, (_, i) => buffer.getLine(i))
      .filter((line) => line?.isWrapped)
      .map((line) => line!.translateToString(true));
  }

  /** Everything sent to the terminal so far, codes and all. */
  get raw(): string {
    return this.output;
  }

  /** Everything shown so far, without colour and cursor codes. */
  get text(): string {
    return this.exitCode === undefined ? this.shown : this.shown + stripVTControlCharacters(this.unfinished);
  }

  /**
   * Waits until text matching `pattern` appears after the end of the previous match. Fails once
   * the program has ended without showing it, or after `timeoutMs` (room for a busy machine).
   */
  async waitFor(pattern: RegExp | string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ended = this.exitCode !== undefined;
      const found = firstMatch(this.text.slice(this.cursor), pattern);
      if (found) {
        // Past the whole match: text inside it, a word of a longer line say, is not seen again.
        this.cursor += found.index + Math.max(found.length, 1);
        return;
      }
      if (ended || Date.now() > deadline) {
        const why = ended ? `the program ended (exit code ${this.exitCode}) without showing` : 'timed out waiting for';
        throw new Error(`${why} ${String(pattern)}; the screen ended with:\n${this.text.slice(-1500)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /**
   * Types text the way a person does, a key at a time. An Enter right after an Enter comes once
   * the question drawn in between could be read: sooner, itb takes it for the same press again.
   */
  async type(text: string): Promise<void> {
    for (const key of text.match(/\x1b\[[A-D]|[\s\S]/g) ?? []) {
      const enter = key === keys.enter;
      if (enter && this.lastKeyEnter) await new Promise((resolve) => setTimeout(resolve, sameEnterMs + 100));
      this.pty.write(key);
      this.lastKeyEnter = enter;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Sends `text` in one piece, as a paste arrives, or keys typed faster than they are read. */
  paste(text: string): void {
    this.pty.write(text);
    this.lastKeyEnter = text.endsWith(keys.enter);
  }

  /** Waits for a prompt, then answers it and presses Enter. */
  async answer(prompt: RegExp | string, text: string): Promise<void> {
    await this.waitFor(prompt);
    await this.type(text + keys.enter);
  }

  /** Sends `signal` to the program, as `kill` does from another shell (SIGCONT: as `fg` does). */
  signal(signal: 'SIGTERM' | 'SIGHUP' | 'SIGINT' | 'SIGKILL' | 'SIGCONT' | 'SIGSTOP'): void {
    if (this.programId === undefined) throw new Error(`${signal} not sent: the program has not started yet`);
    process.kill(this.programId, signal);
  }

  /** As `signal`, unless the program has ended (its process id may be another's by now). */
  private signalIfRunning(signal: 'SIGHUP' | 'SIGCONT' | 'SIGKILL'): void {
    if (this.exitCode !== undefined) return;
    try {
      this.signal(signal);
    } catch {
      // ended a moment ago
    }
  }

  /** Closes the terminal window: the program's input ends, then it gets SIGHUP. */
  closeWindow(): void {
    (this.pty as IPty & { destroy(): void }).destroy();
    // Nothing more will be read: hold-open.cjs need not wait once the program has ended. (The
    // terminal may stay open for it, its other side kept by a process started from this one.)
    this.tell('SIGUSR2');
  }

  /** Hangs up on the program; one stopped (SIGSTOP) is woken to take it. */
  kill(): void {
    if (this.programId === undefined) {
      // Not started yet: hold-open.cjs passes the hang-up on, as a shell does.
      if (this.exitCode === undefined) this.tell('SIGHUP');
      return;
    }
    this.signalIfRunning('SIGHUP');
    this.signalIfRunning('SIGCONT');
  }

  /**
   * Ends the program and waits until it has, and its terminal has closed: after a hang-up, then,
   * if it stays, a SIGKILL.
   */
  async end(): Promise<void> {
    this.kill();
    if (!(await settlesWithin(this.exited, 20_000))) this.signalIfRunning('SIGKILL');
    if (!(await settlesWithin(this.closed, 20_000))) this.tell('SIGKILL');
    await this.closed;
  }
}

/** Whether `promise` settles within `ms` milliseconds. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let waiting: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (waiting = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), late]);
  } finally {
    clearTimeout(waiting);
  }
}

/**
 * Answers the six red-flag questions of a first session with "no". Each is waited for by its own
 * words: the "(y/N)" of a question is drawn again as it is answered, and typing on seeing it
 * could come before the next question is on screen, losing the keys.
 */
export async function passRedFlagScreen(terminal: Terminal): Promise<void> {
  // The start of each question only: a narrow terminal wraps the rest.
  for (const question of Object.values(redFlagQuestions)) await terminal.answer(question.slice(0, 20), 'n');
}
