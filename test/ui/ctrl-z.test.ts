// Ctrl-Z hands the terminal to the shell as it was before itb took it, the cursor showing, so
// that "fg" is not typed blind after a list, which hides the cursor while it waits.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { suspendable } from '../../src/ui/stopping.js';

afterEach(() => vi.restoreAllMocks());

describe('Ctrl-Z', () => {
  it('shows the cursor again before itb stops for the shell', () => {
    const stdout = process.stdout as { isTTY?: boolean };
    const wasTTY = stdout.isTTY;
    stdout.isTTY = true;
    try {
      const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
      const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
      suspendable();
      process.stdin.emit('keypress', '\x1a', { sequence: '\x1a', name: 'z', ctrl: true, meta: false, shift: false });
      expect(kill).toHaveBeenCalledWith(process.pid, 'SIGTSTP');
      const shown = write.mock.calls.findIndex(([text]) => text === '\x1b[?25h');
      expect(shown).not.toBe(-1);
      expect(write.mock.invocationCallOrder[shown]).toBeLessThan(kill.mock.invocationCallOrder[0]!);
    } finally {
      stdout.isTTY = wasTTY;
    }
  });
});
