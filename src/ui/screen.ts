// How wide the text itb prints may be. Free of imports: `--help` reads it on every start.

/** A standard stream as far as its width goes. */
interface Shown {
  isTTY?: boolean;
  columns?: number;
}

/**
 * The columns of the terminal showing stdout, at most 80, as everything itb prints. Output to
 * a file or a pipe, or a terminal too narrow to lay anything out in, gets 80.
 */
export function screenColumns(): number {
  return columnsOf(process.stdout);
}

/** The columns of `stream` as screenColumns counts those of stdout. */
export function columnsOf(stream: Shown): number {
  const { isTTY, columns } = stream;
  return isTTY && columns !== undefined && columns >= 30 ? Math.min(80, columns) : 80;
}

/**
 * What to give wrap() (which counts for stdout: see onScreen) for lines that fit `stream`: stderr,
 * a terminal of its own when stdout goes to a file or a pipe (`itb export > report.md`).
 */
export function wrapColumnsOf(stream: Shown): number {
  return 80 - screenColumns() + columnsOf(stream);
}

/**
 * Whether a line `wide` columns wide is too wide for the terminal showing `stream`, which would
 * split it anywhere, mid-word too. Never in a file or a pipe.
 */
export function tooWide(stream: Shown, wide: number): boolean {
  return stream.isTTY === true && stream.columns !== undefined && wide > stream.columns;
}
