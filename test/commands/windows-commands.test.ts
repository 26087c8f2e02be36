// On Windows the shell is PowerShell (as the README says): a command itb gives to copy is written
// the way PowerShell reads it, so that it works pasted there as it does in sh on Linux and macOS.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asOnWindows } from '../helpers/as-on-windows.js';
import { run, tempHome } from '../helpers/run.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const said = (text: string) => text.replace(/\s+/g, ' ').trim();

let home: string;
let cleanup: () => void;
beforeEach(() => {
  ({ home, cleanup } = tempHome());
  asOnWindows();
});
afterEach(() => cleanup());

describe('a command to copy on Windows', () => {
  it("quotes a word in PowerShell's single quotes, a quote doubled and a $ left as it is", async () => {
    const moved = await run(['buckets', 'move', 'clamshells', 'avoid for now', '--note', "it's $5"], { home, now: NOW });
    expect(moved.code).toBe(2);
    expect(said(moved.stderr)).toContain("`itb buckets move clamshells avoid --note 'it''s $5'` moves it there.");
    const misplaced = await run(['-o', "Sam's $report.md", 'export'], { home, now: NOW });
    expect(misplaced.stderr.split('\n')[0]).toBe("error: -o goes after the command: itb export -o 'Sam''s $report.md'");
  });
});
