// Where the store lives. Kept apart so that finding the file loads nothing else.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { shellPath } from '../shell-word.js';

export const projectName = 'itb';
const fileName = 'store.json';

/** Where the store lives: `ITB_HOME/store.json`, else the folder conf uses for projectName 'itb'. */
export function storeFile(env: Record<string, string | undefined>): string {
  if (env.ITB_HOME) {
    // "~sam/itb" in quotes: without a folder of that name here, a store would be made in a new
    // "~sam" under whichever folder itb is started from, and the one meant never found.
    const folder = tildeAsHome(env.ITB_HOME, env);
    const unreplaced = unreplacedTilde(folder, env);
    if (unreplaced !== undefined) throw new UserError(`ITB_HOME is ${folder}, but there is no folder ${unreplaced.tilde} in ${process.cwd()}, where itb runs`, unreplaced.hint);
    return resolve(folder, fileName);
  }
  return join(defaultFolder(env), fileName);
}

/**
 * A `~` leading ITB_HOME (or a library's path) means the home folder, as it does to the shell:
 * written in quotes (`export ITB_HOME="~/itb"`), it reaches itb unexpanded, and would otherwise put
 * the store in a folder named "~" under whichever folder itb is started from.
 */
export function tildeAsHome(folder: string, env: Record<string, string | undefined>): string {
  return folder.replace(/^~(?=$|[/\\])/, () => (env.HOME && isAbsolute(env.HOME) ? env.HOME : homeFolder()));
}

/**
 * A `~` or `~name` leading `path` that the shell left as it was, with no folder of that name where
 * itb runs: the shell puts the home folder in its place only when it is not in quotes (`-o
 * "~/r.html"`), and Windows PowerShell 5.1 never does for a program it starts. `tilde`, the part
 * taken for a folder; `hint`, that it was not replaced, with the path meant written out where itb
 * knows the home folder (its own account's). Never replaced here: a folder may really be named
 * "~", and then it is taken as named (undefined). A `~` alone, or followed by a slash, in ITB_HOME
 * or a library's path is the home folder already (tildeAsHome): those never reach this.
 */
export function unreplacedTilde(path: string, env: Record<string, string | undefined>): { tilde: string; hint: string } | undefined {
  const match = /^~([^/\\]*)(?=$|[/\\])/.exec(path);
  if (match === null || existsSync(match[0])) return undefined;
  const [tilde, name] = match as unknown as [string, string];
  const own = name === '' || name === tried(() => userInfo().username);
  const home = own ? tried(() => tildeAsHome('~', env)) : undefined;
  const why = process.platform === 'win32' ? 'Windows PowerShell 5.1 never does, and no shell does in quotes' : 'it does not when the ~ is in quotes';
  const whose = own ? 'your home folder' : `the home folder of ${name}`;
  const instead = home === undefined ? `Write out the full path of ${whose} in its place.` : `Write it out in full: \`${shellPath(home + path.slice(tilde.length))}\`.`;
  return { tilde, hint: `The shell did not replace ${tilde} with ${whose} (${why}). ${instead}` };
}

/**
 * The home folder: HOME, else the system's entry for the account. An empty or relative HOME names
 * no one place (as a relative XDG_CONFIG_HOME does not): taken as given, it would put a store in
 * each folder itb is started from. With neither (a container run with a user id of its own), there
 * is none: said in words, rather than as Node's "uv_os_homedir returned ENOENT".
 */
function homeFolder(): string {
  const home = tried(homedir);
  if (home && isAbsolute(home)) return home;
  const account = tried(() => userInfo().homedir);
  if (account && isAbsolute(account)) return account;
  throw new UserError(
    'cannot find your home folder, where itb keeps your data: HOME is not set, and the system knows of no home folder for this account',
    'Set HOME, or point ITB_HOME at the folder to keep your data in.',
  );
}

/**
 * What is wrong with the home folder the store is kept under, when that is why the store can be
 * neither read nor made: HOME set to a folder that does not exist (a slip in a shell profile, an
 * account moved) or to a file. Said as a sentence of advice; undefined when ITB_HOME is set, when
 * the store's folder is not made from the home folder (XDG_CONFIG_HOME, Windows' APPDATA), or
 * when the home folder is a folder, so that the trouble lies below it and the store's own words
 * say it.
 */
export function homeProblem(env: Record<string, string | undefined>): string | undefined {
  const fault = homeFault(env);
  if (fault === undefined) return undefined;
  // A person who never set HOME is given the folder the system keeps for the account.
  const whose = env.HOME && isAbsolute(env.HOME) ? `Your HOME, ${fault.home},` : `Your home folder, ${fault.home},`;
  return `${whose} ${fault.what}: set HOME to your home folder, or point ITB_HOME at a folder you may write to.`;
}

/**
 * The home folder the store is kept under and how it fails to be one (see homeProblem); `isFile`
 * when a file is in its place, rather than nothing.
 */
export function homeFault(env: Record<string, string | undefined>): { home: string; what: string; isFile: boolean } | undefined {
  if (env.ITB_HOME || process.platform === 'win32') return undefined;
  if (process.platform === 'linux' && env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME)) return undefined;
  const home = homeFolder();
  const what = notAFolder(home);
  return what === undefined ? undefined : { home, what, isFile: what === IS_A_FILE };
}

const IS_A_FILE = 'is a file, not a folder';

/** How `folder` fails to be one ("does not exist", "is a file, not a folder"); undefined when it is one, or cannot be told. */
function notAFolder(folder: string): string | undefined {
  try {
    return statSync(folder).isDirectory() ? undefined : IS_A_FILE;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'does not exist';
    if (code !== 'ENOTDIR') return undefined;
  }
  // A file on its way: the nearest part of the path that is there.
  for (let at = dirname(folder); dirname(at) !== at; at = dirname(at)) {
    try {
      return statSync(at).isDirectory() ? 'does not exist' : `does not exist (${at} is a file, not a folder)`;
    } catch {
      // Not there either: further up.
    }
  }
  return 'does not exist';
}

function tried(find: () => string): string | undefined {
  try {
    return find();
  } catch {
    return undefined;
  }
}

/**
 * Whether `file` is the store or one of the files itb keeps beside it (`store.json.checked`,
 * `store.json.summary`, the locks, the temporary files of a save): a report written there would
 * wreck the very history it reports.
 */
export function isStoreFile(file: string, env: Record<string, string | undefined>): boolean {
  const store = storeFile(env);
  // A store.json that is a link is saved to the file it leads to, with its locks and temporary
  // files beside that file: both places count.
  return [store, realOrSame(store)].some((place) => besideAs(file, place));
}

/** Whether `file` is `store`, or a file named after it in its folder (or the session lock there). */
function besideAs(file: string, store: string): boolean {
  const name = basename(file);
  if (!name.startsWith(basename(store)) && name !== 'session.lock') return false;
  // The same folder however it is named: relative, through a link.
  return realOrSame(dirname(resolve(file))) === realOrSame(dirname(resolve(store)));
}

/** The path with every link in it followed, or the path as it is when it does not exist. */
function realOrSame(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * The folder conf picks by default (env-paths for 'itb' with conf's 'nodejs' suffix), worked out
 * here from the environment we are given, because building a Conf to ask it creates the folder.
 */
function defaultFolder(env: Record<string, string | undefined>): string {
  const name = `${projectName}-nodejs`;
  if (process.platform === 'darwin') return join(homeFolder(), 'Library', 'Preferences', name);
  if (process.platform === 'win32') {
    return join(env.APPDATA || join(homeFolder(), 'AppData', 'Roaming'), name, 'Config');
  }
  // A relative XDG_CONFIG_HOME is not a place (the XDG rules say to ignore one): taken as given,
  // it would put a store in each folder itb is started from.
  const config = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(homeFolder(), '.config');
  return join(config, name);
}

