// Node on Windows, as far as `process.platform` tells: for the code that answers Windows' own
// ways (a file another program has open, no owners, no chmod). Put back after each test.
import { afterEach } from 'vitest';

const real = Object.getOwnPropertyDescriptor(process, 'platform')!;

/** Makes `process.platform` say 'win32' until the end of the test. */
export function asOnWindows(): void {
  Object.defineProperty(process, 'platform', { ...real, value: 'win32' });
}

afterEach(() => {
  Object.defineProperty(process, 'platform', real);
});
