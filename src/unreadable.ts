// What to do about a file a user named (a library, a backup) that they may not read. "Check the
// path" would send them looking for a file that is right where they said.
import { accessSync, constants, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { userInfo } from 'node:os';
import { shellPath, shellWord } from './shell-word.js';

/** The hint for "cannot read FILE: permission denied": the folder in the way, the owner, or chmod. */
export function unreadableAdvice(file: string): string {
  // Windows has no chmod: the file's Security tab says who may read it.
  if (process.platform === 'win32') return 'Check who may read it in its Properties, on the Security tab, or copy it to a folder of yours.';
  let owner: number;
  try {
    owner = statSync(file).uid;
  } catch {
    // The file cannot even be looked at: a folder on its path is closed to this account.
    return closedFolderAdvice(file);
  }
  const me = process.getuid?.();
  if (me !== undefined && owner !== me) {
    const who = owner === 0 ? 'root (the administrator), as happens to a file written with sudo' : `another account (user id ${owner})`;
    return `It belongs to ${who}: make it yours with \`sudo chown ${shellWord(myName())} ${shellPath(file)}\`, or ask for a copy you may read.`;
  }
  return `Make it readable by you (\`chmod u+r ${shellPath(file)}\`), then try again.`;
}

/** This account's name, or its number where the system keeps no name for it (chown takes either). */
export function myName(): string {
  try {
    return userInfo().username;
  } catch {
    return String(process.getuid?.());
  }
}

/**
 * For a file behind a folder this account may not open: that folder, named. One of theirs (made
 * 600 by a `chmod -R 600` meant for the files in it, say) is opened again with chmod; nothing in
 * it can be copied out before that. Another account's folder is theirs to share.
 */
function closedFolderAdvice(file: string): string {
  const closed = firstClosedFolder(file);
  let owner: number | undefined;
  try {
    if (closed !== undefined) owner = statSync(closed).uid;
  } catch {
    // Out of sight behind its own folder: said in general words below.
  }
  if (closed === undefined || owner === undefined) return 'A folder on its path may not be opened by you: copy the file to a folder of yours, then give that path.';
  if (owner === process.getuid?.()) return `${closed} may not be opened: make it open to you again (\`chmod u+rwx ${shellPath(closed)}\`), then try again.`;
  return `${closed} belongs to ${ownerWords(owner)} and may not be opened by you: ask for a copy of the file you may read.`;
}

/** The first folder on the way to `path`, from the top down, that this account may not open; undefined when there is none. */
export function firstClosedFolder(path: string): string | undefined {
  const folders: string[] = [];
  for (let at = dirname(path); !folders.includes(at); at = dirname(at)) folders.unshift(at);
  // From the top down: below the first folder that may not be opened, none can be, whatever its mode.
  return folders.find((folder) => {
    try {
      accessSync(folder, constants.X_OK);
      return false;
    } catch {
      return true;
    }
  });
}

/** Who `uid` is, in words, after "belongs to". */
export function ownerWords(uid: number): string {
  return uid === 0 ? 'root (the administrator)' : `another account (user id ${uid})`;
}
