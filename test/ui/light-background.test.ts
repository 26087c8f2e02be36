// What stays readable on a white background. Many terminals show bold green or yellow text in
// their bright shade (#00ff00, #ffff00 in xterm), which all but vanishes on white; a paragraph
// to read is left in the terminal's own colour.
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { colours } from '../../src/ui/colour.js';
import { drillCard, feedbackLine, summary } from '../../src/ui/session-view.js';
import { drill } from '../helpers/drills.js';
import { run, tempHome } from '../helpers/run.js';
import { buildSession, setUpFlags } from '../helpers/sessions.js';

/**
 * The text shown in green or yellow (only while bold, with `boldOnly`), each run of it in order:
 * their usual shades (#cdcd00 and #00cd00 in xterm, #c4a000 in GNOME's palette) are too pale to
 * read on white, and many terminals show them bold in a brighter shade still.
 */
function greenOrYellow(text: string, boldOnly: boolean): string[] {
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
    } else if ((bold || !boldOnly) && [32, 33, 92, 93].includes(colour)) current += token;
    else if (current !== '') runs.push(current.trim(), (current = ''));
  }
  if (current !== '') runs.push(current.trim());
  return runs.filter(Boolean);
}

/** The text shown bold and green or yellow. */
const brightened = (text: string) => greenOrYellow(text, true);
/** The text shown green or yellow, bold or not. */
const paled = (text: string) => greenOrYellow(text, false);

describe('on a white background', () => {
  it('a verdict colours its mark alone: its words are in the terminal\'s own colour', () => {
    const clamshells = drill('clamshells', 'Clamshells');
    const thresholds = { minImprovement: 2, flareRise: 3 };
    const verdicts = [
      feedbackLine({ kind: 'improved', exercise: clamshells, attempt: 1, before: 6, after: 3 }, 'pain', thresholds, '2026-03-15', colours(true)),
      feedbackLine({ kind: 'retry', exercise: clamshells, attempt: 1, before: 6, after: 5 }, 'pain', thresholds, '2026-03-15', colours(true)),
      feedbackLine({ kind: 'avoid', exercise: clamshells, attempt: 2, before: 6, after: 6 }, 'pain', thresholds, '2026-03-15', colours(true)),
    ];
    expect(verdicts.map(paled)).toEqual([['✓'], ['•'], ['•']]);
    expect(verdicts[1]).toContain('Not enough: pain 6 → 5');
  });

  it('the session summary and itb exercises show no words in yellow or green', async () => {
    const drills = [
      { id: 'bridges', name: 'Bridges', scores: [4] },
      { id: 'hip-hikes', name: 'Hip hikes', scores: [4, 4] },
    ];
    const shown = summary(buildSession({ startedAt: '2026-03-01T09:00:00Z', baseline: 6, drills }), new Map(), [], colours(true));
    expect(shown).toMatch(/helped → rehab[\s\S]*no help → avoid for now/);
    expect(paled(shown)).toEqual([]);
    const { stdout } = await run(['exercises'], { tty: true, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(stdout).toContain('(loading)');
    expect(paled(stdout)).toEqual([]);
  });

  it('itb history says what each session came to in the terminal\'s own colour', async () => {
    const { home, cleanup } = tempHome();
    try {
      await Store.open({ ITB_HOME: home }).update((data) => {
        data.sessions.push(
          buildSession({ startedAt: '2026-02-01T09:00:00Z', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }, { id: 'hip-hikes', scores: [6, 6] }] }),
          buildSession({ startedAt: '2026-02-03T09:00:00Z', baseline: 6, drills: [{ id: 'bridges', scores: [6], unfinished: true }] }),
        );
      });
      const { stdout } = await run(['history'], { home, now: new Date('2026-03-01T12:00:00Z'), tty: true, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
      expect(stdout).toMatch(/\x1b\[/);
      expect(stdout).toMatch(/1 helped[\s\S]*1 set aside/);
      expect(stdout).toContain('\x1b[1minterrupted');
      expect(paled(stdout)).toEqual([]);
    } finally {
      cleanup();
    }
  });

  it('the helper sees bold yellow', () => {
    expect(brightened(colours(true).yellow.bold('gone') + ' seen')).toEqual(['gone']);
  });

  it("a second try's card says so, and what to change, in the terminal's own colour", () => {
    const card = drillCard({ exercise: drill('clamshells', 'Clamshells'), index: 0, total: 3, attempt: 2, side: 'left' }, colours(true));
    expect(card).toContain('Second try: Clamshells');
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
