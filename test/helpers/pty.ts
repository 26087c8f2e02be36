// Drives the built bin/itb.js in a real pseudo-terminal, the way a person at a keyboard would:
// wait until the screen shows something, then type.
import { spawn, type IPty } from 'node-pty';
import { stripVTControlCharacters } from 'node:util';
import { fileURLToPath } from 'node:url';
import { redFlagQuestions } from '../../src/commands/session-screen.js';

export const BIN = fileURLToPath(new URL('../../bin/itb.js', import.meta.url));

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
  /** The exit code, once the program has ended and all it wrote has been read. */
  private exitCode: number | undefined;
  private readonly pty: IPty;
  /** Resolves with the exit code when the program ends. */
  readonly exited: Promise<number>;
  /** Where in the shown text the last `waitFor` match ended; later waits look only past it. */
  private cursor = 0;

  /**
   * `user`, when given, is the account to run as (needs root). `program`: what runs, before
   * `args` (a shell, where itb is then started by typing its command).
   */
  constructor(args: string[], env: Record<string, string>, cols = 100, rows = 40, user: { uid?: number; gid?: number } = {}, program = [process.execPath, BIN]) {
    this.pty = spawn(program[0]!, [...program.slice(1), ...args], {
      ...user,
      // node-pty sets TERM from the name, so a TERM given in `env` names the terminal.
      name: env.TERM ?? 'xterm-256color',
      cols,
      rows,
      cwd: process.cwd(),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TERM: 'xterm-256color', ...env },
    });
    this.pty.onData((data) => {
      this.output += data;
      const arrived = this.unfinished + data;
      const cut = unfinishedCodeAt(arrived);
      this.shown += stripVTControlCharacters(arrived.slice(0, cut));
      this.unfinished = arrived.slice(cut);
    });
    // node-pty reports the end once the terminal's last output has been read, or 200 ms after
    // the program ended if that output is still unread then (it drops it: node-pty issue 72). A
    // machine so busy that the test process reads nothing for that long can lose the last lines.
    this.exited = new Promise((resolve) =>
      this.pty.onExit(({ exitCode }) => {
        this.exitCode = exitCode;
        resolve(exitCode);
      }),
    );
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

  /** Types text the way a person does, a key at a time. */
  async type(text: string): Promise<void> {
    for (const key of text.match(/\x1b\[[A-D]|[\s\S]/g) ?? []) {
      this.pty.write(key);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Waits for a prompt, then answers it and presses Enter. */
  async answer(prompt: RegExp | string, text: string): Promise<void> {
    await this.waitFor(prompt);
    await this.type(text + keys.enter);
  }

  /** Sends `signal` to the program, as `kill` does from another shell (SIGCONT: as `fg` does). */
  signal(signal: 'SIGTERM' | 'SIGHUP' | 'SIGINT' | 'SIGKILL' | 'SIGCONT' | 'SIGSTOP'): void {
    this.pty.kill(signal);
  }

  /** Closes the terminal window: the program's input ends, then it gets SIGHUP. */
  closeWindow(): void {
    (this.pty as IPty & { destroy(): void }).destroy();
  }

  /** Hangs up on the program; one stopped (SIGSTOP) is woken to take it. */
  kill(): void {
    if (this.exitCode !== undefined) return; // its process id may be another's by now
    try {
      this.pty.kill('SIGHUP');
      this.pty.kill('SIGCONT');
    } catch {
      // already gone
    }
  }

  /** Ends the program and waits until it has: after a hang-up, then, if it stays, a SIGKILL. */
  async end(): Promise<void> {
    this.kill();
    let waiting: NodeJS.Timeout | undefined;
    const stayed = new Promise<boolean>((resolve) => (waiting = setTimeout(() => resolve(true), 20_000)));
    if (await Promise.race([this.exited.then(() => false), stayed])) this.pty.kill('SIGKILL');
    clearTimeout(waiting);
    await this.exited;
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
