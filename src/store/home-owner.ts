// A folder inside a person's own home folder that belongs to another account: root's, made so by
// running itb with sudo where sudo keeps HOME (macOS does, and `sudo -E`), which makes
// ~/.config and the store folder in it as root. It is theirs to take back, not a place to leave:
// "point ITB_HOME elsewhere" would part them from their results.
import { statSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { dirname, isAbsolute, relative, sep } from 'node:path';
import { shellPath, shellWord } from '../shell-word.js';
import { myName, ownerWords } from '../unreadable.js';

/** This account's home folder as the system knows it (HOME may name another), else HOME's. */
function myHome(): string | undefined {
  for (const home of [() => userInfo().homedir, homedir]) {
    try {
      const found = home();
      if (found && isAbsolute(found)) return found;
    } catch {
      // No entry for this account, or no HOME: try the next.
    }
  }
  return undefined;
}

/** Whether `path` lies inside this account's home folder (the home itself is not inside it). */
export function insideMyHome(path: string): boolean {
  const home = myHome();
  if (home === undefined) return false;
  const below = relative(home, path);
  return below !== '' && below !== '..' && !below.startsWith(`..${sep}`) && !isAbsolute(below);
}

/** How to take back `folder`, another account's (`uid`) folder inside this account's home. */
export function takeBackAdvice(folder: string, uid: number): string {
  return `${folder} belongs to ${ownerWords(uid)}, not to you, though it is in your home folder, as happens when a program is run with sudo: make it yours again with \`sudo chown ${shellWord(myName())} ${shellPath(folder)}\`, then try again.`;
}

/**
 * For a store folder that cannot be made (permission denied): the nearest folder above it that is
 * there, when it is inside this account's home and belongs to another account (~/.config made by
 * `sudo itb`, say), with how to take it back; undefined otherwise.
 */
export function takenParentAdvice(folder: string): string | undefined {
  const me = process.getuid?.();
  if (me === undefined || me === 0) return undefined;
  for (let at = dirname(folder); dirname(at) !== at; at = dirname(at)) {
    let uid: number;
    try {
      uid = statSync(at).uid;
    } catch {
      continue; // Not there: the one above it is where the new folder would be made.
    }
    return uid !== me && insideMyHome(at) ? takeBackAdvice(at, uid) : undefined;
  }
  return undefined;
}

/**
 * For a store `folder` of another account that may not be written to and is not to be made yours
 * (a system folder, or / itself: a chown or chmod of it would open it to harm): whose it is, and
 * to keep the store in a folder of one's own instead; undefined when it is this account's.
 */
export function othersFolderAdvice(folder: string): string | undefined {
  const me = process.getuid?.();
  if (me === undefined || me === 0) return undefined;
  try {
    const { uid } = statSync(folder);
    return uid === me ? undefined : `${folder} belongs to ${ownerWords(uid)} and may not be written to by you: point ITB_HOME at a folder of yours.`;
  } catch {
    return undefined;
  }
}
