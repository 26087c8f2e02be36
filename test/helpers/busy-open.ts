// node:fs as Windows has it while another program has a file open and shares it with no one:
// opening that file fails with EBUSY. For vi.mock('node:fs'), with the file held in `opening`.
type Fs = typeof import('node:fs');

export function busyOpenFs(fs: Fs, opening: { heldOpen: string | undefined }): Fs {
  const openSync = ((path: string, ...rest: unknown[]) => {
    if (String(path) === opening.heldOpen) throw Object.assign(new Error(`EBUSY: resource busy or locked, open '${path}'`), { code: 'EBUSY' });
    return (fs.openSync as (...args: unknown[]) => number)(path, ...rest);
  }) as Fs['openSync'];
  return { ...fs, default: { ...fs, openSync }, openSync } as Fs;
}
