// How wide the text itb prints may be. Free of imports: `--help` reads it on every start.

/**
 * The columns of the terminal showing stdout, at most 80, as everything itb prints. Output to
 * a file or a pipe, or a terminal too narrow to lay anything out in, gets 80.
 */
export function screenColumns(): number {
  const { isTTY, columns } = process.stdout;
  return isTTY && columns >= 30 ? Math.min(80, columns) : 80;
}
