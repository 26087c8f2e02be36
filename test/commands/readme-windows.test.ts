// The README's words for Windows, where the terminal is PowerShell: Windows PowerShell 5.1, the one
// that comes with Windows, stops at `&&` before running anything, and by default runs no script,
// npm's own npm.ps1 and npx.ps1 among them. A command given there must run when pasted as it is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
const paragraphs = readme.split(/\n\s*\n/);
const codeIn = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
/** The subsection "On Windows", from under its heading up to the next one. */
const windowsSection = () => {
  const from = readme.indexOf('\n### On Windows\n');
  expect(from).toBeGreaterThan(-1);
  const body = readme.slice(from + '\n### On Windows\n'.length);
  return body.slice(0, body.search(/\n#+ /));
};

describe("the README's words for Windows", () => {
  it('gives the quick start as two commands, typed one after the other, where PowerShell is named', () => {
    const windows = windowsSection();
    // PowerShell named first, before any command.
    expect(windows.trimStart()).toMatch(/^Use PowerShell\b/);
    const commands = codeIn(windows);
    expect(commands).toContain('npm install');
    expect(commands).toContain('npx itb session');
    // The Quick start sends there, to this subsection.
    expect(readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## Installing and running')).replace(/\s+/g, ' ')).toContain(
      'On Windows, type it as two commands: see [On Windows](#on-windows).',
    );
  });

  it('says what to do when PowerShell runs no scripts, npm.ps1 among them', () => {
    const windows = windowsSection();
    expect(windows.replace(/\s+/g, ' ')).toContain('"cannot be loaded because running scripts is disabled on this system"');
    expect(codeIn(windows)).toEqual(expect.arrayContaining(['Set-ExecutionPolicy -Scope CurrentUser RemoteSigned', 'npm.cmd', 'npx.cmd']));
  });

  it('never gives a command joined by && where it speaks of PowerShell', () => {
    const spoken = [windowsSection(), ...paragraphs.filter((paragraph) => paragraph.includes('PowerShell'))];
    const joined = spoken.flatMap(codeIn).filter((code) => code.includes('&&') && code !== '&&');
    expect(joined).toEqual([]);
  });
});
