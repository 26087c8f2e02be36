import { EXIT } from './errors.js';
import { systemTimeZone } from './time-zone.js';
import type { Prompter } from './ui/prompter.js';

/** What a command may touch of the outside world; tests pass their own. */
export interface Context {
  env: Record<string, string | undefined>;
  stdout: Output;
  stderr: Output;
  /** Whether standard input is a terminal: the interactive session needs one. */
  stdinIsTTY: boolean;
  now: () => Date;
  /** The name of the time zone the computer's clock is in (Europe/Paris); Intl's, when not given. */
  timeZone?: () => string;
  /** Answers questions; tests script it, the real one is built from @inquirer/prompts on demand. */
  prompter?: Prompter;
  /**
   * How long a save waits while another itb keeps the store locked before giving up, in
   * milliseconds; the store's own wait (20 seconds) when not given. Tests shorten it.
   */
  lockWaitMs?: number;
}

export interface Output {
  /** Text, or bytes of UTF-8 text: a long export is made as such (see export/pieces.ts). */
  write(text: string | Uint8Array): unknown;
  isTTY?: boolean;
}

export function processContext(): Context {
  // Getters: Node builds each standard stream on first use, and building one costs start-up time
  // (stdin's most of all) that `itb --version` and the read commands have no need to pay.
  let stdoutWatched = false;
  let stderrWatched = false;
  return {
    env: process.env,
    get stdout() {
      if (!stdoutWatched) {
        stdoutWatched = true;
        process.stdout.on('error', endQuietlyOnClosedPipe);
      }
      return process.stdout;
    },
    get stderr() {
      if (!stderrWatched) {
        stderrWatched = true;
        process.stderr.on('error', messagesLost);
      }
      return process.stderr;
    },
    get stdinIsTTY() {
      return Boolean(process.stdin.isTTY);
    },
    now: () => new Date(),
    timeZone: () => systemTimeZone(process.env),
  };
}

/**
 * `itb exercises | head`: once the reader has what it wants, stop writing, without a fuss. A
 * terminal window closed during a session (EIO): the output has nowhere to go, but the session
 * still has to save what was answered, so it goes on. Anything else (`itb export > report.md`
 * on a full disk) ends the command with one line saying why: the error comes from the stream,
 * outside any command, so cli.ts never sees it.
 */
function endQuietlyOnClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
  if (error.code === 'EIO') return;
  const why = error.code === 'ENOSPC' ? 'the disk is full' : error.message;
  process.stderr.write(`error: cannot write the output: ${why}\n`);
  process.exit(EXIT.failure);
}

/**
 * `itb validate my-library.yaml 2>&1 | head -3`: the messages nobody reads any more (the reader
 * has gone, the terminal is closed, the disk of a `2>log` is full) are lost, but the command
 * still ends as it would have, with its own exit code, not as a crash with exit 1.
 */
function messagesLost(): void {}

/**
 * `itb` as the person started it, for a command they are told to run: `npx itb` when they ran it
 * through npx, as the README's Quick start does (plain `itb` needs `npm install -g .`).
 */
export function itbAsStarted(ctx: Context): string {
  return ctx.env.npm_lifecycle_event === 'npx' ? 'npx itb' : 'itb';
}

/**
 * `text` with its commands in backquotes written as itb was started (`npx itb …`): those of the
 * store's errors and of a library file's problems are made without knowing how (plain `itb …`).
 * With `colourOff` (--no-color typed), each with --no-color after itb, as a command's own
 * suggestions have it (itbAsTyped): whoever turned colours off should not get them back from
 * the command they copy. One that has it already is left as it is, its --data kept.
 */
export function commandsAsStarted(ctx: Context, text: string, colourOff = false): string {
  const itb = itbAsStarted(ctx);
  const started = itb === 'itb' ? text : text.replaceAll('`itb ', `\`${itb} `);
  if (!colourOff) return started;
  // Not help (`itb help buckets`, `itb --help`), which is the same without it.
  const kept = (words: string) => /^--no-color( |$)/.test(words) || /(^| )(help|--help|-h)( |$)/.test(words);
  return started.replaceAll(`\`${itb} `, (start, at: number) => {
    const end = started.indexOf('`', at + 1);
    const words = started.slice(at + start.length, end === -1 ? undefined : end);
    return kept(words) ? start : `${start}--no-color `;
  });
}
