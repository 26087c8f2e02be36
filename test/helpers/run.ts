// Runs an itb command in-process with a temporary ITB_HOME and scripted answers.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli.js';
import type { Context } from '../../src/context.js';
import { ScriptedPrompter, type Answer, type Asked } from './scripted.js';
import { shortTempFolder } from './temp-folder.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  prompter: ScriptedPrompter;
}

export interface RunOptions {
  home?: string;
  answers?: Answer[];
  env?: Record<string, string | undefined>;
  now?: Date | (() => Date);
  /** Both stdin and stdout are terminals (default: neither). */
  tty?: boolean;
  /** Only stdout is a terminal, or only stdin: overrides `tty` for that stream. */
  stdoutTTY?: boolean;
  stdinTTY?: boolean;
  /** Sees each question before it is answered (see ScriptedPrompter). */
  onAsk?: (asked: Asked) => void;
  /** stderr is a terminal this many columns wide (as when stdout is one too: see onTerminal). */
  stderrColumns?: number;
  /** The computer's time zone as the command is told it (default: none, so Intl's). */
  timeZone?: string;
  /** How long a save waits for a store another itb keeps locked (default: the store's own wait). */
  lockWaitMs?: number;
}

export async function run(argv: string[], options: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  // A long export writes bytes of UTF-8 (see src/context.ts): read as the text they are, a
  // byte-order mark and all.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const tty = options.tty ?? false;
  const prompter = new ScriptedPrompter([...(options.answers ?? [])], options.onAsk);
  const now = options.now;
  const ctx: Context = {
    env: { ITB_HOME: options.home, NO_COLOR: '1', ...options.env },
    stdout: { write: (text: string | Uint8Array) => (stdout += typeof text === 'string' ? text : decoder.decode(text, { stream: true })), isTTY: options.stdoutTTY ?? tty },
    stderr: { write: (text: string) => (stderr += text), isTTY: tty, ...(options.stderrColumns === undefined ? {} : { isTTY: true, columns: options.stderrColumns }) },
    stdinIsTTY: options.stdinTTY ?? tty,
    now: typeof now === 'function' ? now : () => now ?? new Date(),
    prompter,
  };
  if (options.timeZone !== undefined) ctx.timeZone = () => options.timeZone!;
  if (options.lockWaitMs !== undefined) ctx.lockWaitMs = options.lockWaitMs;
  const code = await main(argv, ctx);
  return { code, stdout, stderr, prompter };
}

/** A fresh, empty ITB_HOME, removed by the returned cleanup. */
export function tempHome(): { home: string; cleanup: () => void } {
  const home = mkdtempSync(join(shortTempFolder(), 'itb-test-'));
  return { home, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}
