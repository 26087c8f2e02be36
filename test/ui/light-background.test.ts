// What stays readable on a white background. Many terminals show bold green or yellow text in
// their bright shade (#00ff00, #ffff00 in xterm), which all but vanishes on white; a paragraph
// to read is left in the terminal's own colour.
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { colours } from '../../src/ui/colour.js';
import { drillCard } from '../../src/ui/session-view.js';
import { drill } from '../helpers/drills.js';
import { run, tempHome } from '../helpers/run.js';
import { buildSession, setUpFlags } from '../helpers/sessions.js';

/** The text shown bold and green or yellow: each run of it, in order. */
function brightened(text: string): string[] {
  let bold = false;
  let colour = 39;
  const runs: string[] = [];
  let current = '';
  for (const token of text.match(/\x1b\[[\d;]*m|[\s\S]/g) ?? []) {
    const codes = /^\x1b\[([\d;]*)m$/.exec(token)?.[1];
    if (codes !== undefined) {
      for (const code of codes.split(';').map(Number)) {
        if (code === 1) bold = true;
        else if (code === 22 || code === 0) bold = false;
        if ((code >= 30 && code <= 39) || (code >= 90 && code <= 97)) colour = code;
        if (code === 0) colour = 39;
      }
    } else if (bold && [32, 33, 92, 93].includes(colour)) current += token;
    else if (current !== '') runs.push(current.replace(/^\s+|\s+$/g, ''), (current = ''));
  }
  if (current !== '') runs.push(current);
  return runs.filter(Boolean);
}

describe('on a white background', () => {
  it('the helper sees bold yellow', () => {
    expect(brightened(colours(true).yellow.bold('gone') + ' seen')).toEqual(['gone']);
  });

  it("a second try's card says so, and what to change, in the terminal's own colour", () => {
    const card = drillCard({ exercise: drill('clamshells', 'Clamshells'), index: 0, total: 3, attempt: 2, side: 'left' }, colours(true));
    expect(card).toContain('(second try)');
    expect(brightened(card)).toEqual([]);
    const advice = card.split('\n').find((line) => line.includes('Read the steps again'))!;
    expect(advice).not.toMatch(/\x1b\[3\dm/);
  });

  it("itb buckets shows its headings and a re-test that is due in the terminal's own colour", async () => {
    const { home, cleanup } = tempHome();
    try {
      await Store.open({ ITB_HOME: home }).update((data) => {
        data.sessions.push(
          buildSession({ startedAt: '2026-02-01T09:00:00Z', baseline: 6, drills: [{ id: 'hip-hikes', scores: [6, 7] }] }),
          buildSession({ startedAt: '2026-02-27T09:00:00Z', baseline: 6, drills: [{ id: 'clamshells', name: 'Clamshells', scores: [4] }] }),
        );
      });
      const { stdout } = await run(['buckets'], { home, now: new Date('2026-03-01T12:00:00Z'), tty: true, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
      expect(stdout).toMatch(/\x1b\[/);
      expect(stdout).toContain('re-test \x1b[1mdue');
      expect(brightened(stdout)).toEqual([]);
    } finally {
      cleanup();
    }
  });

  it("a session says its safety advice bold in the terminal's own colour, not in yellow", async () => {
    const { home, cleanup } = tempHome();
    try {
      const { code, stdout } = await run(['session', 'joint-chain', ...setUpFlags], {
        home,
        tty: true,
        env: { NO_COLOR: undefined, FORCE_COLOR: '1' },
        answers: [true, false, false, false, false, false, false],
      });
      expect(code).toBe(0);
      const advice = stdout.split('\n').find((line) => line.includes('You answered yes'))!;
      expect(advice).toContain('\x1b[1m');
      expect(advice).not.toMatch(/\x1b\[(3[0-7]|9[0-7])m/);
    } finally {
      cleanup();
    }
  });
});
