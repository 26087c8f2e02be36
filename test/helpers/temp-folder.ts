import { accessSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';

/**
 * Where temporary homes and the copies of the fixtures' libraries go: /tmp where it may be
 * written to, else the system's own. Tests of lines that must fit 80 columns build paths of a
 * chosen length from the home's, which they can only do from a short one; a TMPDIR set to a long
 * folder (as on macOS, /var/folders/…/T) is not.
 */
export function shortTempFolder(): string {
  const system = tmpdir();
  if (process.platform === 'win32' || system.length <= '/tmp'.length) return system;
  try {
    accessSync('/tmp', constants.W_OK | constants.X_OK);
    return '/tmp';
  } catch {
    return system;
  }
}
