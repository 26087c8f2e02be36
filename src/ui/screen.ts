// How wide the text itb prints may be. Free of imports: `--help` reads it on every start.

/** A standard stream as far as its width goes. */
export interface Shown {
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

/** Whether `stream` is a terminal of a known width: lines longer than it would be split anywhere. */
export function onTerminal(stream: Shown): boolean {
  return stream.isTTY === true && stream.columns !== undefined;
}
