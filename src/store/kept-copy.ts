// What a session had saved, with its latest answer, written beside a store file damaged under it
// (see Store#update): the damaged file is never written over, and nothing answered is lost.
import { basename, dirname, join } from 'node:path';
import { writePrivateFile } from './write-file.js';

/**
 * Writes `text` to a new private file beside the store `file`, named with the local time
 * (store-kept-20261125-203112.json); returns its path, or undefined when it cannot be written.
 */
export function writeKeptCopy(file: string, text: string, now = new Date()): string | undefined {
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
  const kept = join(dirname(file), `${basename(file, '.json')}-kept-${stamp}.json`);
  try {
    writePrivateFile(kept, text);
    return kept;
  } catch {
    return undefined;
  }
}
