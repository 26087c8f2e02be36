// A session in a terminal that cannot move its cursor (TERM=dumb, as in Emacs's shell): the
// built binary in a real pseudo-terminal, typed at a line at a time, its questions as plain lines.
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { width } from '../../src/ui/width.js';
import { buildSession } from '../helpers/sessions.js';
import { keys, passRedFlagScreen } from '../helpers/pty.js';
import { terminalsOnFreshHome } from '../helpers/pty-home.js';

const { itb, storeOf, home } = terminalsOnFreshHome({ env: { TERM: 'dumb' }, cols: 80 });

const pick = 'Type its number and press Enter';

describe('itb session under TERM=dumb', () => {
  it('asks in numbered lines, refuses wrong answers, times a hold, and never sends a terminal code', async () => {
    const t = itb(['session']);
    await passRedFlagScreen(t);
    await t.waitFor('Which routine?');
    await t.waitFor('5. Single-leg balance');
    await t.answer(pick, '5');
    await t.waitFor('Chosen: Single-leg balance');
    await t.answer('Which side is painful?', 'sideways');
    await t.answer('"sideways" is not in the list. Type a number from 1 to 3 and press Enter', '2');
    await t.answer('What will you rate?', '');
    await t.answer('Which test movement', '3');
    await t.answer('Rate your pain (0 = none', '11');
    await t.answer('11 is outside the scale', 'five');
    await t.answer('"five" is not a number', '5');

    // The first drill is held: its timer is a numbered choice, and Enter ends the hold early.
    await t.waitFor('When you have done the drill:');
    await t.waitFor(/1\. Start hold 1 of \d+ · set 1, first side \(30 s\)/);
    await t.answer(pick, '1');
    await t.waitFor(/Press Enter to end it\s+early\./); // broken between words after its longer label
    await t.type(keys.enter);
    await t.waitFor('ended early');
    await t.waitFor('2. Done — rate my pain now');
    await t.answer(pick, '2');
    await t.answer('(before: 5)', '3');
    await t.waitFor('Better: pain 5 → 3');
    await t.waitFor('When you have done the drill:');
    // A score typed here that is no number of the list: when the score is asked, as well.
    await t.answer(pick, '7');
    await t.waitFor(/"7" is not in the list\. Rate after the drill: choose Done first \(\d\), then type\s+your score\./);
    // A score typed here by mistake picks Skip by its number: asked first, and no keeps the drill.
    await t.type(`3${keys.enter}`);
    await t.answer('Skip this drill? Type y for yes or n for no:', 'n');
    await t.waitFor(`When you have done the drill: ${pick}`);
    // A choice may be typed by its name, too: meant, so not asked about.
    await t.type(`stop the session here${keys.enter}`);
    await t.waitFor('Session summary');
    expect(await t.exited).toBe(0);

    expect(t.raw).not.toContain('\x1b');
    const [session] = storeOf().sessions;
    expect(session).toMatchObject({ routine: 'balance', side: 'right', symptom: 'pain', baseline: 5, status: 'stopped' });
    expect(session.results).toEqual([expect.objectContaining({ outcome: 'rehab' })]);
  });

  it('asks before a leg picked by a number typed at the leg list, which may be an early score, and not when named', async () => {
    const t = itb(['session', 'balance', '--side', 'both', '--symptom', 'pain']);
    await passRedFlagScreen(t);
    await t.waitFor('Which test movement');
    // A score typed at a list whose numbers do not go so far: said to come once the choice is made.
    await t.answer(pick, '9');
    await t.answer('"9" is not in the list. Your score is asked once the movement is chosen.', '2');
    await t.waitFor('Chosen: Step-down');
    await t.waitFor('Which leg will you test on?');
    await t.answer(pick, '5');
    await t.answer('"5" is not in the list. Your score is asked once the leg is chosen.', '1');
    await t.answer('Test on your left leg? Type y for yes or n for no:', 'n');
    // The question again, where the leg typed by its name is taken without asking.
    await t.answer(`Which leg will you test on? ${pick}`, 'right');
    await t.waitFor('Chosen: right leg');
    await t.answer('Rate your pain (0 = none', '4');
    await t.waitFor('When you have done the drill:');
    await t.type(`stop the session here${keys.enter}`);
    await t.waitFor('Session summary');
    expect(await t.exited).toBe(0);
    expect(t.text).not.toContain('Test on your right leg?');
    expect(storeOf().sessions).toEqual([expect.objectContaining({ side: 'both', movement: 'step-down on the right leg', baseline: 4 })]);
  });

  it('fits a first session to 40 columns without colour, marked lines going on under their text', async () => {
    const t = itb(['session'], { cols: 40, env: { NO_COLOR: '1' } });
    await passRedFlagScreen(t);
    await t.answer(pick, '11');
    await t.answer('"11" is not in the list', 'five');
    await t.answer('"five" is not in the list', '5');
    await t.answer('Which side is painful?', '');
    await t.answer('What will you rate?', '');
    await t.answer('Which test movement', '2');
    await t.answer('Rate your pain', '');
    await t.answer('Type a number from 0', '5');
    await t.answer(pick, '1');
    await t.waitFor('starting now');
    await t.type(keys.enter);
    await t.waitFor('ended early');
    await t.answer(pick, '2');
    await t.answer('(before: 5)', '3');
    await t.answer(pick, '3');
    await t.answer('Skip this drill?', 'y');
    await t.waitFor('Session summary');
    expect(await t.exited).toBe(0);

    expect(t.raw).not.toContain('\x1b');
    const lines = t.text.split(/\r?\n/);
    expect(lines.filter((line) => width(line) > 40)).toEqual([]);
    const text = lines.join('\n');
    // A hold's lines and the choice made go on under their text, as the list and the drill's card do.
    expect(text).toContain('⏱ Hold 1 of 6 · set 1, first side:\n  30 s, starting now. Press Enter to\n  end it early.');
    expect(text).toContain('⏱ Hold 1 of 6 · set 1, first side:\n  ended early');
    expect(text).toContain('Chosen: Start hold 1 of 6 · set 1, first\n        side (30 s)');
    expect(text).toContain('Chosen: Skip this drill\n        (I cannot do it now)');
    expect(storeOf().sessions[0].results).toEqual([expect.objectContaining({ outcome: 'rehab' }), expect.objectContaining({ outcome: 'skipped' })]);
  });

  it('takes the painful side and the symptom typed as their first letters', async () => {
    const t = itb(['session', 'balance', '--no-timer']);
    await passRedFlagScreen(t);
    await t.answer('Which side is painful?', 'b');
    await t.answer('What will you rate?', 'T');
    await t.waitFor('Which test movement');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
    expect(t.text).not.toContain('not in the list');
    expect(storeOf().settings).toMatchObject({ side: 'both', symptom: 'tightness' });
  });

  it('goes back to the numbered list of test movements on Enter alone after "Something else", asking nothing before it again', async () => {
    const t = itb(['session', 'balance', '--no-timer']);
    await passRedFlagScreen(t);
    await t.answer('Which side is painful?', '2');
    await t.answer('What will you rate?', '');
    await t.waitFor('Which test movement');
    await t.answer('7. Something else (type it)', '7');
    await t.answer('Describe the test movement (Enter alone: back to the list):', '');
    // The list again, numbered as before, under the way back taken.
    await t.waitFor(/^\s*Which test movement\? \(The same one all session\.\)\r?\n {2}1\. /);
    await t.answer('7. Something else (type it)', 'step-down');
    await t.answer('Rate your pain (0 = none', '5');
    await t.waitFor('When you have done the drill:');
    await t.waitFor(pick);
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
    expect(t.text.match(/Which side is painful\?/g)).toHaveLength(1);
    expect(t.text.match(/What will you rate\?/g)).toHaveLength(1);
    expect(storeOf().sessions).toEqual([expect.objectContaining({ routine: 'balance', side: 'right', symptom: 'pain', movement: 'step-down', baseline: 5 })]);
    expect(storeOf().settings).toMatchObject({ side: 'right', symptom: 'pain', movement: 'step-down' });
  });

  it('asks the waiting question again when brought back with fg after Ctrl-Z, during a hold too', async () => {
    const t = itb(['session', 'strength', '--side', 'left', '--symptom', 'pain', '--movement', 'stairs']);
    await passRedFlagScreen(t);
    await t.waitFor('Rate your pain (0 = none');
    // Brought back as fg does (with no shell here, Ctrl-Z itself stops nothing).
    t.signal('SIGCONT');
    await t.answer(/\r\nRate your pain \(0 = none, 10 = worst imaginable\):/, '6');
    await t.waitFor(pick);
    t.signal('SIGCONT');
    // After what it is about, the drill's place and name: its card may have gone off the screen.
    await t.waitFor(/Exercise 1 of \d+ · [^\r\n]+\r\n[^\r\n]+\r\nWhen you have done the drill:\r\nType its number and press Enter \(Enter alone: 1\):/);
    await t.type(`1${keys.enter}`);
    await t.waitFor(/Press Enter to end it\s+early\./);
    t.signal('SIGCONT');
    await t.waitFor(/Exercise 1 of \d+ · [^\r\n]+\r\n[^\r\n]+\r\n⏱ Hold 1 of 6 · set 1, first side: \d+ s left\. Press Enter to end it\s+early\./);
    await t.type(keys.enter);
    await t.waitFor('⏱ Hold 1 of 6 · set 1, first side: ended early');
    await t.answer(pick, '4');
    await t.answer('Stop the session here? Type y for yes or n for no:', 'y');
    await t.waitFor('Session summary');
    expect(await t.exited).toBe(0);
  });

  it.each([
    ['Ctrl-C', (t: ReturnType<typeof itb>) => t.type(keys.ctrlC)],
    ['a polite kill (SIGTERM)', (t: ReturnType<typeof itb>) => t.signal('SIGTERM')],
    ['a closed window (SIGHUP)', (t: ReturnType<typeof itb>) => t.signal('SIGHUP')],
  ] as const)('keeps what was answered on %s at a question, says so and exits 130', async (_how, stop) => {
    const t = itb(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'stairs']);
    await passRedFlagScreen(t);
    await t.answer('Rate your pain', '6');
    await t.answer(pick, '1');
    await t.answer('(before: 6)', '4');
    await t.waitFor('When you have done the drill:');
    await t.waitFor(pick);
    await stop(t);
    expect(await t.exited).toBe(130);
    await t.waitFor('Session interrupted. Kept: your baseline (6) and 1 finished drill');
    expect(storeOf().sessions).toEqual([expect.objectContaining({ status: 'interrupted', baseline: 6, results: [expect.objectContaining({ outcome: 'rehab' })] })]);
  });

  it('takes Enter pressed twice for one press: Done chosen, and a flare-up asked about, not confirmed', async () => {
    const t = itb(['session', 'joint-chain', '--side', 'right', '--symptom', 'pain', '--movement', 'walking']);
    await passRedFlagScreen(t);
    await t.answer('Rate your pain (0 = none', '3');
    await t.waitFor('When you have done the drill:');
    await t.waitFor(pick);
    // Done by its number, and Enter pressed twice: the second answers nothing.
    t.paste(`1${keys.enter}${keys.enter}`);
    await t.waitFor('(before: 3)');
    t.paste(`9${keys.enter}${keys.enter}`);
    await t.waitFor('Is 9 right?');
    // Had the second Enter said yes, this n would have answered whether to go on.
    await t.type(`n${keys.enter}`);
    await t.answer('(before: 3)', '2');
    await t.waitFor('Better: pain 3 → 2');
    await t.waitFor('When you have done the drill:');
    await t.waitFor(pick);
    await t.type(`stop the session here${keys.enter}`);
    expect(await t.exited).toBe(0);
    const [session] = storeOf().sessions;
    expect(session!.attempts).toEqual([expect.objectContaining({ exerciseId: 'lateral-ankle-tilts', before: 3, after: 2, verdict: 'improved' })]);
  });

  it('says a hold stopped with Ctrl-C was stopped, keeps what was answered and exits 130', async () => {
    const t = itb(['session', 'balance', '--side', 'left', '--symptom', 'pain', '--movement', 'walking']);
    await passRedFlagScreen(t);
    await t.answer('Rate your pain', '6');
    await t.answer(pick, '1');
    await t.waitFor(/Press Enter to end it\s+early\./);
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
    await t.waitFor(/\^C\r?\n⏱ Hold 1 of 6 · set 1, first side: stopped\r?\n/);
    await t.waitFor('Session interrupted. Kept: your baseline (6)');
    expect(storeOf().sessions).toEqual([expect.objectContaining({ status: 'interrupted', baseline: 6, results: [] })]);
  });
});

describe('itb history under TERM=dumb', () => {
  it("says the trend's scores in words, with no bar for a screen reader to read out, and draws the bars under them with --bars", async () => {
    const baselines = [6, 5, 7, 5, 4, 4, 3, 3, 2, 2];
    const day = (i: number) => new Date(Date.UTC(2026, 0, 1 + i, 12)).toISOString();
    await Store.open({ ITB_HOME: home() }).update(
      (data) => void data.sessions.push(...baselines.map((baseline, i) => buildSession({ startedAt: day(i), baseline, drills: [{ id: 'clamshells', scores: [baseline - 2] }] }))),
    );
    const t = itb(['history']);
    expect(await t.exited).toBe(0);
    const lines = t.text.split(/\r?\n/);
    expect(lines).toContain('  baseline  6 → 2, lowest 2, highest 7, mean of the last 7: 3.3');
    expect(lines).toContain('  final     4 → 0, lowest 0, highest 5, mean of the last 7: 1.3');
    expect(t.raw).not.toMatch(/[▁▂▃▄▅▆▇█\x1b]/);

    const withBars = itb(['history', '--bars']);
    expect(await withBars.exited).toBe(0);
    const both = withBars.text.split(/\r?\n/);
    const words = both.indexOf('  baseline  6 → 2, lowest 2, highest 7, mean of the last 7: 3.3');
    expect(words).toBeGreaterThan(-1);
    expect(both.slice(words + 1, words + 4)).toEqual([
      '  final     4 → 0, lowest 0, highest 5, mean of the last 7: 1.3',
      expect.stringMatching(/^ {2}baseline {2}[▁-█]{10} {2}6 → 2$/),
      expect.stringMatching(/^ {2}final {5}[▁-█]{10} {2}4 → 0$/),
    ]);
    expect(withBars.raw).not.toContain('\x1b');
  });
});
