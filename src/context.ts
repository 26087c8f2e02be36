import type { Prompter } from './ui/prompter.js';

/** What a command may touch of the outside world; tests pass their own. */
export interface Context {
  env: Record<string, string | undefined>;
  stdout: Output;
  stderr: Output;
  /** Whether standard input is a terminal: the interactive session needs one. */
  stdinIsTTY: boolean;
  now: () => Date;
  /** Answers questions; tests script it, the real one is built from @inquirer/prompts on demand. */
  prompter?: Prompter;
  /** The built-in library as JSON, or the YAML file to compile; tests point it elsewhere. */
  libraryFile?: string;
}

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export function processContext(): Context {
  return {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    now: () => new Date(),
  };
}
