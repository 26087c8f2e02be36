// The README's words on the buckets, moving a drill, starting over and the history list, as itb
// prints them: a person in pain copies a command and compares what they see.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSession, saveSessions } from '../helpers/sessions.js';
import { run, tempHome } from '../helpers/run.js';

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
/** The lines of the first ```text block after `after`, its command line first. */
function block(after: string): string[] {
  const from = readme.indexOf(after);
  expect(from, after).toBeGreaterThan(-1);
  return /```text\n([\s\S]*?)```/.exec(readme.slice(from))![1]!.trimEnd().split('\n');
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
});
