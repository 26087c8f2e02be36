// Drives the built bin/itb.js in a real pseudo-terminal, the way a person at a keyboard would:
// wait until the screen shows something, then type.
import { spawn, type IPty } from 'node-pty';
import { stripVTControlCharacters } from 'node:util';
import { fileURLToPath } from 'node:url';
import { redFlagQuestions } from '../../src/commands/session-screen.js';

export const BIN = fileURLToPath(new URL('../../bin/itb.js', import.meta.url));

export const keys = { enter: '\r', down: '\x1b[B', up: '\x1b[A', ctrlC: '\x03', ctrlD: '\x04', ctrlZ: '\x1a' };

export class Terminal {
  private output = '';
  private readonly pty: IPty;
  /** Resolves with the exit code when the program ends. */
  readonly exited: Promise<number>;
  /** Where in the output the last `waitFor` matched; later waits look only past it. */
  private cursor = 0;

  /** `user`, when given, is the account to run as (needs root). */
  constructor(args: string[], env: Record<string, string>, cols = 100, rows = 40, user: { uid?: number; gid?: number } = {}) {
    this.pty = spawn(process.execPath, [BIN, ...args], {
      ...user,
      // node-pty sets TERM from the name, so a TERM given in `env` names the terminal.
      name: env.TERM ?? 'xterm-256color',
      cols,
      rows,
      cwd: process.cwd(),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TERM: 'xterm-256color', ...env },
    });
    this.pty.onData((data) => (this.output += data));
    this.exited = new Promise((resolve) => this.pty.onExit(({ exitCode }) => resolve(exitCode)));
  }

  /** Everything sent to the terminal so far, codes and all. */
  get raw(): string {
    return this.output;
  }

  /** Everything shown so far, without colour and cursor codes. */
  get text(): string {
    return stripVTControlCharacters(this.output);
  }

  /** Waits until text matching `pattern` appears after the previous match. */
  async waitFor(pattern: RegExp | string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rest = this.text.slice(this.cursor);
      const index = typeof pattern === 'string' ? rest.indexOf(pattern) : rest.search(pattern);
      if (index >= 0) {
        this.cursor += index + 1;
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${String(pattern)}; the screen ended with:\n${this.text.slice(-1500)}`);
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
  signal(signal: 'SIGTERM' | 'SIGHUP' | 'SIGINT' | 'SIGKILL' | 'SIGCONT'): void {
    this.pty.kill(signal);
  }

  /** Closes the terminal window: the program's input ends, then it gets SIGHUP. */
  closeWindow(): void {
    (this.pty as IPty & { destroy(): void }).destroy();
  }

  kill(): void {
    try {
      this.pty.kill();
    } catch {
      // already gone
    }
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
