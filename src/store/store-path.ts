// Where the store lives. Kept apart so that finding the file loads nothing else.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const projectName = 'itb';
const fileName = 'store.json';

/** Where the store lives: `ITB_HOME/store.json`, else the folder conf uses for projectName 'itb'. */
export function storeFile(env: Record<string, string | undefined>): string {
  if (env.ITB_HOME) return resolve(env.ITB_HOME, fileName);
  return join(defaultFolder(env), fileName);
}

/**
 * The folder conf picks by default (env-paths for 'itb' with conf's 'nodejs' suffix), worked out
 * here from the environment we are given, because building a Conf to ask it creates the folder.
 */
function defaultFolder(env: Record<string, string | undefined>): string {
  const name = `${projectName}-nodejs`;
  const home = homedir();
  if (process.platform === 'darwin') return join(home, 'Library', 'Preferences', name);
  if (process.platform === 'win32') {
    return join(env.APPDATA || join(home, 'AppData', 'Roaming'), name, 'Config');
  }
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), name);
}

