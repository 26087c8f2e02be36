// node:fs as an ordinary account sees it, for tests of the hints about folders that may not be
// opened and files another account owns: root opens every folder and owns what it makes, so who
// owns what, and which folders are closed, is simulated. Used in a vi.mock('node:fs') factory,
// given the real module, so this file imports nothing from node:fs itself.
import type * as Fs from 'node:fs';

export interface Simulated {
  /** The user id of the account running the test; every path not in `owners` is its. */
  me: number;
  /** Folders that may not be opened: nothing below them can be seen either. */
  closed: Set<string>;
  /** The owner of each path that is not the running account's. */
  owners: Map<string, number>;
}

/** `fs`, with statSync and accessSync answering as `simulated` says. */
export function simulatedFs(fs: typeof Fs, simulated: Simulated): typeof Fs {
  const denied = (path: string) => Object.assign(new Error(`EACCES: permission denied, '${path}'`), { code: 'EACCES' });
  /** Whether a folder above `path` may not be opened: then nothing about `path` can be seen. */
  const hidden = (path: string) => [...simulated.closed].some((folder) => path.startsWith(`${folder}/`));
  const statSync = ((path: string, options?: object) => {
    if (hidden(String(path))) throw denied(String(path));
    const stats = fs.statSync(path, options);
    return Object.assign(stats, { uid: simulated.owners.get(String(path)) ?? simulated.me });
  }) as typeof fs.statSync;
  const accessSync = ((path: string, mode?: number) => {
    if (hidden(String(path)) || (simulated.closed.has(String(path)) && mode !== fs.constants.F_OK)) throw denied(String(path));
    return fs.accessSync(path, fs.constants.F_OK);
  }) as typeof fs.accessSync;
  return { ...fs, default: { ...fs, statSync, accessSync }, statSync, accessSync } as typeof Fs;
}
