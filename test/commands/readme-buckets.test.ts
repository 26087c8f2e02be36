// The README's words on the buckets, moving a drill, starting over and the history list, as itb
// prints them: a person in pain copies a command and compares what they see.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSession, saveSessions } from '../helpers/sessions.js';
import { run, tempHome } from '../helpers/run.js';

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
const flat = (text: string) => text.replace(/\s+/g, ' ');
/** The README from `from` up to `to`, its spaces and line breaks as single spaces. */
const part = (from: string, to: string) => flat(readme.slice(readme.indexOf(from), readme.indexOf(to)));

/** The lines of the first ```text block after `after`, its command line first. */
function block(after: string): string[] {
  const from = readme.indexOf(after);
  expect(from, after).toBeGreaterThan(-1);
  return /```text\n([\s\S]*?)```/.exec(readme.slice(from))![1]!.trimEnd().split('\n');
}

/** Every line quoted is printed, in order; only a line "..." stands for lines left out. */
function expectQuoted(quoted: string[], printed: string): void {
  const lines = printed.split('\n');
  let at = 0;
  let gap = false;
  for (const line of quoted) {
    if (line === '...') {
      gap = true;
      continue;
    }
    const found = lines.indexOf(line, at);
    expect(found, `README line not printed (in this order): ${line}`).toBeGreaterThan(-1);
    if (!gap) expect(lines.slice(at, found), `README leaves out, unmarked by "...", what is printed before: ${line}`).toEqual([]);
    at = found + 1;
    gap = false;
  }
}

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const now = new Date('2026-11-23T12:00:00Z');
/** The sessions behind the README's examples: the joint chain on the 18th, one strength drill on the 20th. */
async function twoSessions(): Promise<void> {
  await saveSessions(
    home,
    buildSession({
      startedAt: '2026-11-18T12:00:00Z',
      routine: 'joint-chain',
      baseline: 6,
      drills: [{ id: 'lateral-ankle-tilts', scores: [5] }, { id: 'lunge-knee-circles', scores: [5, 5] }, { id: 'rehab-hip-circles', scores: [8] }],
    }),
    buildSession({ startedAt: '2026-11-20T12:00:00Z', routine: 'strength', loading: true, baseline: 5, drills: [{ id: 'clamshells', scores: [3] }] }),
  );
}

describe("the README's history and buckets", () => {
  it('shows itb history as it prints it', async () => {
    await twoSessions();
    const [command, ...lines] = block('### Your history');
    expect(command).toBe('$ itb history');
    const shown = await run(['history'], { home, now });
    expect(shown.stdout.split('\n').slice(0, lines.length)).toEqual(lines);
  });

  it('shows itb buckets as it prints it, the routine to test untried drills with named', async () => {
    await twoSessions();
    const [command, ...lines] = block('Run `itb buckets` to see where each drill stands today.');
    expect(command).toBe('$ itb buckets');
    const shown = await run(['buckets'], { home, now });
    expect(shown.code).toBe(0);
    expectQuoted(lines, shown.stdout);
    // The words under it quote the same "Next:" line.
    const next = /^ +itb session (\S+) +(test .*)$/m.exec(shown.stdout)!;
    expect(part('### Your buckets', '#### Moving a drill by hand')).toContain(`(\`itb session ${next[1]}\`, \`${next[2]}\`;`);
  });

  it('shows a move by hand with its note as itb says it back, and the note under the drill as itb buckets shows it', async () => {
    await twoSessions();
    const [command, ...lines] = block('#### Moving a drill by hand');
    const argv = [...command!.replace(/^\$ itb /, '').matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
    const moved = await run(argv, { home, now });
    expect(moved.code).toBe(0);
    expect(moved.stderr.trimEnd().split('\n')).toEqual(lines);
    const note = argv[argv.indexOf('--note') + 1]!;
    const section = part('#### Moving a drill by hand', '#### Starting over');
    // The lead gives the same command as the example.
    expect(section).toContain(`\`${command!.slice(2)}\``);
    const underDrill = `moved by hand on 2026-11-23: ${note}`;
    expect((await run(['buckets'], { home, now })).stdout).toContain(`\n    ${underDrill}\n`);
    expect(section).toContain(`(\`${underDrill}\`)`);
  });

  it('quotes what itb buckets reset asks and says as it words them', async () => {
    // Two drills that helped and one set aside: the counts the README quotes.
    await saveSessions(
      home,
      buildSession({ startedAt: '2026-11-18T12:00:00Z', routine: 'joint-chain', baseline: 6, drills: [{ id: 'lateral-ankle-tilts', scores: [5] }, { id: 'lunge-knee-circles', scores: [4] }, { id: 'rehab-hip-circles', scores: [4, 4] }] }),
    );
    const section = part('#### Starting over', '### Evidence');
    const asks = /naming what it would empty \("([^"]+)"\)/.exec(section)![1]!;
    const done = /in the same words \("([^"]+)"\)/.exec(section)![1]!;
    const kept = await run(['buckets', 'reset'], { home, now, tty: true, answers: [false] });
    expect(flat(kept.stdout + kept.stderr)).toContain(asks);
    const reset = await run(['buckets', 'reset', '--force'], { home, now });
    expect(reset.code).toBe(0);
    expect(flat(reset.stdout + reset.stderr)).toContain(done);
    expect((await run(['buckets'], { home, now })).stdout).toContain('Tested only before the buckets were cleared');
    expect(section).toContain('"Tested only before the buckets were cleared"');
  });
});
