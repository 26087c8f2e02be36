// In-process commands measure the terminal through process.stdout: a test stands in a narrow one.

/** Runs `work` as if stdout were a terminal `columns` wide. */
export async function onTerminal<T>(columns: number, work: () => Promise<T>): Promise<T> {
  const saved = { isTTY: process.stdout.isTTY, columns: process.stdout.columns };
  const set = (isTTY: boolean, width: number) => {
    Object.defineProperty(process.stdout, 'isTTY', { value: isTTY, configurable: true, writable: true });
    Object.defineProperty(process.stdout, 'columns', { value: width, configurable: true, writable: true });
  };
  set(true, columns);
  try {
    return await work();
  } finally {
    set(saved.isTTY, saved.columns);
  }
}
