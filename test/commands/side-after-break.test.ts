// The painful side asked for by someone back after weeks away, whose pain may have moved to the
// other leg since: what Enter would give says when it was that side.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { run, tempHome } from '../helpers/run.js';
import { buildSession, saveSessions } from '../helpers/sessions.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

async function lastSessionOn(startedAt: string): Promise<void> {
  await saveSessions(home, buildSession({ startedAt, side: 'right', baseline: 5, drills: [{ id: 'clamshells', scores: [4] }] }));
  await Store.open({ ITB_HOME: home }).update((data) => void (data.settings.side = 'right'));
}

/** What the side question shows under each choice, for a session started at `now`. */
async function sideQuestion(now: string) {
  const { prompter } = await run(['session', 'mobility'], { home, tty: true, now: new Date(now), answers: ['left', 'pain', 'walking', 5, 'stop'] });
  return prompter.asked.find((asked) => asked.message === 'Which side is painful?')!;
}

describe('the painful side, after a break', () => {
  it('says under the remembered side that it is that of a session months ago', async () => {
    await lastSessionOn('2026-06-13T15:00:00.000Z');
    const asked = await sideQuestion('2026-10-19T15:00:00.000Z');
    expect(asked.default).toBe('right');
    expect(asked.descriptions).toEqual([undefined, 'The painful side of your last session, on 2026-06-13. Choose the side that hurts today.', undefined]);
  });

  it('says nothing more to someone who had a session within the last 4 weeks', async () => {
    await lastSessionOn('2026-10-01T15:00:00.000Z');
    const asked = await sideQuestion('2026-10-19T15:00:00.000Z');
    expect(asked.default).toBe('right');
    expect(asked.descriptions).toEqual([undefined, undefined, undefined]);
  });
});
