// The README's layout for a reader who is not a programmer: the one command to start with comes
// first, and a long part opens with its plain answer before the details.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadingSpacingCue } from '../../src/core/advice.js';

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
// Code blocks blanked, so that a line of one starting with `#` is not taken for a heading.
const prose = readme.replace(/```[\s\S]*?```/g, (code) => code.replace(/[^\n]/g, ' '));

/** The README from the heading `heading` up to its next heading of that level or higher. */
function sectionOf(heading: string): string {
  const from = prose.indexOf(`\n${heading}\n`) + 1;
  expect(from, heading).toBeGreaterThan(0);
  const level = heading.indexOf(' ');
  const next = new RegExp(`\\n#{1,${level}} `).exec(prose.slice(from + heading.length));
  return readme.slice(from, next ? from + heading.length + next.index : undefined);
}

describe("the README's layout", () => {
  it('gives in Quick start, first after the introduction, its two commands and no other', () => {
    const headings = [...readme.matchAll(/^## .+$/gm)].map((m) => m[0]);
    expect(headings.slice(0, 2)).toEqual(['## Quick start', '## Installing and running']);
    const quickStart = sectionOf('## Quick start');
    const commands = [...quickStart.matchAll(/```sh\n([\s\S]*?)\n```/g)].map((m) => m[1]);
    expect(commands).toEqual(['npm install && npx itb session', 'npm install && npm test']);
    // Every other way to install or run it is under Installing and running, not in the way of the first session.
    expect(quickStart.replace(/```[\s\S]*?```/g, '')).not.toMatch(/`np[mx] /);
  });

  it('gives under Installing and running the commands and the file name this package has', () => {
    const installing = sectionOf('## Installing and running');
    const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'));
    expect(Object.keys(manifest.bin)).toEqual(['itb']);
    expect(installing).toContain('`npm install -g .`');
    const scripts = [...installing.matchAll(/`npm run (\w+)`/g)].map((m) => m[1]!);
    expect(scripts).toEqual(['pack']);
    for (const script of scripts) expect(Object.keys(manifest.scripts), script).toContain(script);
    expect(installing).toContain(`\`npm install -g ./${manifest.name}-${manifest.version}.tgz\``);
  });

  it('says in the first step of a session the 48 hours between strength sessions once, as itb says them, and points to The routines for the rest', () => {
    const steps = sectionOf('## How a session goes');
    const first = steps.slice(steps.indexOf('1. **Choose a routine**'), steps.indexOf('2. **Baseline**')).replace(/\s+/g, ' ');
    expect(first.match(/48/g)).toHaveLength(1);
    const advice = /^Leave (about 48 hours between strength sessions)/.exec(loadingSpacingCue)![1]!;
    expect(first).toContain(`to leave ${advice} (see [The routines](#the-routines))`);
    expect(sectionOf('## The routines').replace(/\s+/g, ' ')).toContain('Within 48 hours of your last strength session');
  });

  it('gives line wrapping and narrow terminals a section of their own before Exit codes, with a pointer to it among the commands', () => {
    const headings = [...prose.matchAll(/^## .+$/gm)].map((m) => m[0]);
    expect(headings[headings.indexOf('## Exit codes') - 1]).toBe('## Terminal width and wrapping');
    const wrapping = sectionOf('## Terminal width and wrapping').replace(/\s+/g, ' ');
    for (const said of ['fits an 80-column terminal', 'A narrower terminal of 30 columns or more', 'A window made narrower while a question waits', 'A window made shorter while a list waits']) {
      expect(wrapping).toContain(said);
    }
    const commands = readme.slice(readme.indexOf('## Commands\n'), readme.indexOf('### JSON for scripts')).replace(/\s+/g, ' ');
    expect(commands).not.toContain('A narrower terminal');
    expect(commands).toContain('is under [Terminal width and wrapping](#terminal-width-and-wrapping).');
  });

  it('opens a long part with its plain answer, in a sentence or two naming what to do', () => {
    const answers: [string, string][] = [
      ['### Stopping, pausing and going on', 'Ctrl-C, or *Stop the session here* at a drill, stops the session and keeps everything you answered.'],
      ['### A score typed wrong', '`itb buckets move`'],
      ['### The trend', '`itb history`'],
      ['### Reports for your therapist', 'run `itb export -o report.html`, then open the file it writes in a web browser'],
      ['### Backups and moving to a new computer', '**To back up**, run `itb export -o backup.json`'],
      ['#### Restoring and merging', 'Running it again does no harm.'],
      ['### What keeps it safe', 'A damaged store is never overwritten'],
      ['## The routines', '**Not sure where to start?** Take `joint-chain`'],
      ['### Your buckets', '**Rehab** drills are the ones to do: run them with `itb session rehab`.'],
      ['#### Moving a drill by hand', 'Move it, with their reason as a note: `itb buckets move'],
      ['#### Starting over', 'To empty both buckets, run `itb buckets reset`: every drill is untested again.'],
      ['### Your history', '`itb history` lists your sessions, newest first'],
      ['### Evidence', 'A change below zero is good news'],
      ['### Settings', 'Most people never need to change a setting.'],
    ];
    for (const [heading, said] of answers) {
      const first = sectionOf(heading).split(/\n\s*\n/)[1]!.replace(/\s+/g, ' ');
      expect(first, heading).toContain(said);
      expect(first.length, heading).toBeLessThan(320);
      expect(first.split(/[.:] (?=[A-Z`*])/).length, heading).toBeLessThanOrEqual(3);
    }
  });
});
