// What went wrong writing a report, in words a person can act on: the file system's error codes
// named for the file asked for, with what to do next.
import { dirname } from 'node:path';
import { UserError } from '../errors.js';
import { FOLDER_GONE, namedFromGoneFolder } from '../regular-file.js';

/** The error to tell for a failure writing `file`: one in words for the file system's, else `error` itself. */
export function writeError(file: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  // Failures of the file system carry a code; anything else went wrong making the content.
  if (code === undefined && error instanceof Error) return error;
  return problem(file, code, error);
}

/** What the file system's error `code` means for writing `file`, in words. */
export function problem(file: string, code: string | undefined, error?: unknown): UserError {
  switch (code) {
    case 'EEXIST':
      return new UserError(`${file} already exists`, 'Nothing was written. Add --force to replace it, or choose another name with -o.');
    case 'ENOENT':
      if (namedFromGoneFolder(file)) return new UserError(`cannot write ${file}: ${FOLDER_GONE}`, 'Go to a folder that exists (cd), or give -o a full path.');
      return new UserError(`cannot write ${file}: the folder ${dirname(file)} does not exist`, 'Create the folder first, or choose another place with -o.');
    case 'ENOTDIR':
      return new UserError(`cannot write ${file}: part of the path is a file, not a folder`, 'Choose another place with -o.');
    case 'EISDIR':
      return new UserError(`cannot write ${file}: it is a folder`, 'Give a file name, such as -o report.html.');
    case 'EACCES':
    case 'EPERM':
      return new UserError(`cannot write ${file}: permission denied`, 'Choose a folder you may write to, such as your home folder.');
    case 'EROFS':
      return new UserError(`cannot write ${file}: the disk is read-only`, 'Choose another place with -o.');
    case 'ENOSPC':
      return new UserError(`cannot write ${file}: the disk is full`, 'Free some space or choose another disk.');
    case 'ELOOP':
      return new UserError(`cannot write ${file}: a link on its path leads back to itself`, 'Choose another place with -o.');
    case 'EBUSY':
      return new UserError(`cannot write ${file}: it is in use by another program`, 'Nothing was written. Close it there and try again, or choose another name with -o.');
    case 'ENAMETOOLONG':
      return new UserError(`cannot write ${file}: the path is too long`, 'Choose a shorter name or place with -o.');
    default:
      return new UserError(`cannot write ${file} (${code ?? (error instanceof Error ? error.message : String(error))})`);
  }
}
