/** Exit codes of PRODUCT §7. */
export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;

/**
 * An expected failure caused by the user's input, data or environment: a bad flag, a broken
 * library file, a corrupt store. Thrown anywhere, caught once in cli.ts, printed without a stack.
 */
export class UserError extends Error {
  override name = 'UserError';
  constructor(
    message: string,
    readonly hint?: string,
    readonly exitCode: number = EXIT.usage,
    /** Lines printed as they are before the message, such as one line per problem in a file. */
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

/** Ctrl-C in the middle of something: cli.ts prints the message and exits 130. */
export class Interrupted extends Error {
  override name = 'Interrupted';
}
