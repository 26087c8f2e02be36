// What can stand where itb expects one of its small files beside the store: things it must pass
// over unread (a pipe would wait for ever, a device never end), each with how to make it at `path`.
import { execFileSync } from 'node:child_process';
import { symlinkSync, truncateSync, writeFileSync } from 'node:fs';

export function standInsAt(path: string): [what: string, make: () => void][] {
  return [
    ['a named pipe', () => execFileSync('mkfifo', [path])],
    ['a link to a device', () => symlinkSync('/dev/zero', path)],
    // Sparse: that large to the file system without writing it.
    ['a file of 16 MB and more', () => (writeFileSync(path, ''), truncateSync(path, 16 * 1024 * 1024 + 1))],
  ];
}
