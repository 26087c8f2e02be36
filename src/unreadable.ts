// What to do about a file a user named (a library, a backup) that they may not read. "Check the
// path" would send them looking for a file that is right where they said.
import { statSync } from 'node:fs';
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
    return 'A folder on its path may not be opened by you: copy the file to a folder of yours, then give that path.';
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
