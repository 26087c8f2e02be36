// Layout follows the width of the terminal showing stdout (src/ui/wrap.ts, onScreen).

/** Runs `work` as if stdout were a terminal `columns` wide. */
export async function onTerminal<T>(columns: number, work: () => Promise<T>): Promise<T> {
  const saved = { isTTY: process.stdout.isTTY, columns: process.stdout.columns };
  Object.defineProperty(process.stdout, 'isTTY', { value: true, configurable: true, writable: true });
  Object.defineProperty(process.stdout, 'columns', { value: columns, configurable: true, writable: true });
  try {
    return await work();
  } finally {
    Object.defineProperty(process.stdout, 'isTTY', { value: saved.isTTY, configurable: true, writable: true });
    Object.defineProperty(process.stdout, 'columns', { value: saved.columns, configurable: true, writable: true });
  }
}
