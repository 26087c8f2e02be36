// The interactive session end to end: the built binary in a real pseudo-terminal, typed at.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, keys, passRedFlagScreen, Terminal } from '../helpers/pty.js';
import { terminalsOnFreshHome } from '../helpers/pty-home.js';
import { screenLines } from '../helpers/screen.js';
import { buildSession } from '../helpers/sessions.js';
import { redFlagQuestions } from '../../src/commands/session-screen.js';
import { projectBuckets } from '../../src/core/projection.js';
import { Store } from '../../src/store/store.js';

const { home, itb, storeOf, storeExists } = terminalsOnFreshHome();

/**
 * The environment of a command run without a terminal: only what it needs, so that an ITB_DATA,
 * FORCE_COLOR or XDG_CONFIG_HOME of the machine running the tests cannot change what it does.
 */
const plainEnv = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ITB_HOME: home(), NO_COLOR: '1' });

/**
 * Stops a session as Ctrl-Z stops it in a shell (here, with no shell's job control, Ctrl-Z would
 * not), just after a refresh of its lock (one stopped in the middle of it would finish it on the
 * lock of whoever took it over, once brought back), and dates the lock as ten seconds of that
 * pause leave it: stale. Returns the lock.
 */
async function pausedPastItsLock(session: Terminal): Promise<string> {
  const lock = join(home(), 'session.lock');
  const dated = statSync(lock).mtimeMs;
  // The lock is refreshed every few seconds; one not refreshed in 30 is a failure to report.
  const giveUpAt = Date.now() + 30_000;
  while (statSync(lock).mtimeMs === dated) {
    if (Date.now() > giveUpAt) throw new Error(`the session lock ${lock} was not refreshed within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  session.signal('SIGSTOP');
  utimesSync(lock, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
  return lock;
}

describe('itb session in a terminal', () => {
  it('runs a whole session typed by a person, wrong scores included', async () => {
    const t = itb(['session']);
    await t.waitFor('Before you start');
    // A safety question needs a y or an n: Enter alone answers nothing, so no answer kept is a default.
    await t.answer(redFlagQuestions['recent-injury'].slice(0, 20), '');
    await t.waitFor('Type y for yes or n for no, then press Enter.');
    await t.type(`maybe${keys.enter}`);
    // The hint after "maybe", not a drawing of it from before: the prompts draw it twice after
    // Enter alone, and an n typed while "maybe" is still being judged is not read.
    await t.waitFor('maybe');
    await t.waitFor('Type y for yes or n for no, then press Enter.');
    await t.type(`n${keys.enter}`);
    // Answered, the question keeps no hint, as the other yes/no questions do.
    await t.waitFor(/✔ Any recent fall.*leg\? No\r?\n/);
    for (const question of Object.values(redFlagQuestions).slice(1)) await t.answer(question.slice(0, 20), 'n');
    // Setup through the menus: the first routine (joint chain), left, pain, the first movement.
    await t.answer('Which routine?', '');
    // Answered, a question keeps no hint, even one whose hint had to go on a line of its own.
    expect(t.text).toMatch(/✔ Do you have numbness, tingling or pins and needles in the leg or foot\? No\r?\n/);
    await t.answer('Which side is painful?', '');
    await t.answer('What will you rate?', '');
    await t.answer('Which test movement', '');

    await t.waitFor('Rate your pain (0 = none');
    await t.type(`11${keys.enter}`);
    await t.waitFor('11 is outside the scale');
    await t.type(`five${keys.enter}`);
    await t.waitFor('"five" is not a number');
    await t.type(`6/10${keys.enter}`);
    await t.waitFor('Type just the number, like 6');
    // Spaces around the number: read as 6, and shown as 6 once answered.
    await t.type(` 6 ${keys.enter}`);
    await t.waitFor(/✔ Rate your pain \(0 = none, 10 = worst imaginable\): 6\r?\n/);

    await t.waitFor('Exercise 1 of 5 · ankle');
    await t.answer('When you have done the drill', ''); // Done
    await t.answer('(before: 6)', '4');
    await t.waitFor('Better: pain 6 → 4');

    await t.waitFor('Exercise 2 of 5 · knee');
    await t.answer('When you have done the drill', '');
    await t.answer('(before: 4)', '4');
    await t.waitFor('one more careful try');
    await t.waitFor('Second try: Forward 45° lunge knee circles');
    await t.answer('When you have done the drill', '');
    await t.answer('(before the first try: 4)', '5');
    await t.waitFor('Still not better than 4 (now 5)');

    await t.waitFor('Exercise 3 of 5 · hip');
    await t.answer('When you have done the drill', '');
    // A slip (9 for 8) is a flare-up of its own: asked about first (the 8 typed at once there is
    // told to answer n first), then typed again. The score meant is one too, and Enter alone says so.
    await t.answer('(before: 5)', '9');
    await t.answer('Up 4 points, from 5 to 9: a flare-up. Is 9 right?', '8');
    await t.answer('Answer n to give another score, or y to keep 9.', 'n');
    await t.waitFor(/✔ Up 4 points, from 5 to 9: a flare-up\. Is 9 right\? No\r?\n/);
    await t.answer('(before: 5)', '8');
    await t.answer('Up 3 points, from 5 to 8: a flare-up. Is 8 right?', '');
    await t.waitFor('That is a flare-up');
    await t.answer('Go on with the next drill?', 'y');

    await t.waitFor('Exercise 4 of 5 · pelvis');
    await t.waitFor('When you have done the drill');
    await t.type(`${keys.down}${keys.enter}`); // Skip
    await t.waitFor('Skipped Pelvis tucks');

    await t.waitFor('Exercise 5 of 5 · shoulder');
    await t.waitFor('your right side (opposite the pain)');
    await t.answer('When you have done the drill', '');
    await t.answer('(before: 8)', '6');

    await t.waitFor('Session summary');
    await t.waitFor('6 → 6');
    expect(await t.exited).toBe(0);

    const store = storeOf();
    expect(store.sessions).toHaveLength(1);
    expect(store.sessions[0]).toMatchObject({ status: 'completed', baseline: 6, side: 'left', symptom: 'pain' });
    // The slip taken back was never kept: the hip drill's one attempt is the 8 meant.
    expect(store.sessions[0].attempts.filter((a: { exerciseId: string }) => a.exerciseId === 'rehab-hip-circles')).toEqual([
      expect.objectContaining({ attempt: 1, before: 5, after: 8, verdict: 'flare' }),
    ]);
    // Every safety answer as typed: the Enter and the "maybe" answered nothing.
    expect(store.screenings).toEqual([
      { at: expect.any(String), answers: Object.fromEntries(Object.keys(redFlagQuestions).map((flag) => [flag, false])), proceeded: true },
    ]);
    const buckets = Object.fromEntries(store.buckets.map((b: { exerciseId: string; bucket: string; flare: boolean }) => [b.exerciseId, `${b.bucket}${b.flare ? '+flare' : ''}`]));
    expect(buckets).toEqual({
      'lateral-ankle-tilts': 'rehab',
      'lunge-knee-circles': 'avoid',
      'rehab-hip-circles': 'avoid+flare',
      'opposite-scapular-camshafts': 'rehab',
    });
    expect(statSync(join(home(), 'store.json')).mode & 0o777).toBe(0o600);

    // What the user runs next shows the same result.
    const shown = spawnSync(process.execPath, [BIN, 'buckets', '--json'], { env: plainEnv(), encoding: 'utf8' });
    expect(shown.status).toBe(0);
    const view = JSON.parse(shown.stdout);
    expect(view.rehab.map((s: { exerciseId: string }) => s.exerciseId)).toEqual(['lateral-ankle-tilts', 'opposite-scapular-camshafts']);
    expect(view.avoid.map((s: { exerciseId: string }) => s.exerciseId).sort()).toEqual(['lunge-knee-circles', 'rehab-hip-circles']);
  });

  it('takes a score typed early at a drill as no choice, saying to rate after the drill: Enter alone then means Done', async () => {
    const t = itb(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'lunge']);
    await passRedFlagScreen(t);
    await t.answer('Rate your pain (0 = none', '6');
    // The person types the score they expect to be asked for: 3 is the third choice, Stop, and 2
    // the second, Skip. Neither may end the session or skip the drill, and 4 is no choice at all.
    await t.waitFor('When you have done the drill');
    for (const score of ['4', '3']) {
      await t.type(`${score}${keys.enter}`);
      await t.waitFor('> Rate after the drill: choose Done first (arrow keys, then Enter), then type');
    }
    expect(t.text).not.toContain('(before: 6)');
    await t.type(keys.enter);
    await t.answer('(before: 6)', '4');
    await t.waitFor('Better: pain 6 → 4');
    await t.answer('When you have done the drill', '2');
    await t.waitFor('> Rate after the drill: choose Done first');
    await t.type(keys.enter);
    await t.waitFor('(before: 4)');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
    const [session] = storeOf().sessions;
    expect(session.results).toEqual([expect.objectContaining({ exerciseId: 'lateral-ankle-tilts', outcome: 'rehab' })]);
    expect(t.text).not.toContain('Skipped');
  });

  it('takes a first letter typed at a drill\'s list, and picks none for a start two choices (or the timer of other drills) start with, saying which', async () => {
    const t = itb(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'lunge']);
    await passRedFlagScreen(t);
    await t.answer('Rate your pain (0 = none', '6');
    await t.waitFor('When you have done the drill');
    await t.type(`s${keys.enter}`);
    await t.waitFor('> "s" could be Skip this drill or Stop the session here. Type more of its name,');
    // "st", which starts the timer's "Start…" at a drill with one, stops no session at a drill without.
    await t.type(`st${keys.enter}`);
    await t.waitFor('> "st" could be Stop the session here or Start a timer (this drill has none).');
    await t.type(`d${keys.enter}`);
    await t.answer('(before: 6)', '4');
    await t.waitFor('Better: pain 6 → 4');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
    expect(storeOf().sessions[0].results).toEqual([expect.objectContaining({ exerciseId: 'lateral-ankle-tilts', outcome: 'rehab' })]);
  });

  it('picks nothing to rate for a score typed at "What will you rate?", saying when the score is asked', async () => {
    const t = itb(['session', 'joint-chain', '--side', 'left', '--movement', 'lunge']);
    await passRedFlagScreen(t);
    await t.waitFor('? What will you rate?');
    await t.type(`2${keys.enter}`);
    await t.waitFor('> Your score is asked once the test movement is chosen. Choose what you will');
    expect(t.text).not.toContain('✔ What will you rate?');
    await t.type(keys.enter);
    await t.answer('Rate your pain (0 = none', '2');
    await t.waitFor('When you have done the drill');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
    expect(storeOf().sessions[0]).toMatchObject({ symptom: 'pain', baseline: 2 });
  });

  it('picks the routine a word typed at "Which routine?" names, and keeps the list, saying so, at a word that names none', async () => {
    const t = itb(['session', '--side', 'left', '--symptom', 'pain', '--movement', 'lunge']);
    await passRedFlagScreen(t);
    await t.waitFor('↑↓ navigate');
    // What is typed shows after the question, and names no routine: the highlighted one is not taken for it.
    await t.type('nonsense');
    await t.waitFor('? Which routine? nonsense');
    await t.type(keys.enter);
    await t.waitFor('> "nonsense" is not one of the choices. Choose with the arrow keys and Enter, or');
    expect(t.text).not.toContain('✔ Which routine?');
    // A routine's id, as `itb session strength` takes it, picks it, not the one highlighted.
    await t.type(`strength${keys.enter}`);
    await t.waitFor('✔ Which routine? Hip and glute strength (9 drills)');
    await t.waitFor('Rate your pain');
    expect(t.text).not.toContain('Joint chain, feet upward ·');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
  });

  it('takes "rehab" typed at "Which routine?" as the rehab routine\'s id, not the re-test routine by its "re"', async () => {
    // Three weeks ago one drill of the joint chain helped and one did not: the rehab routine
    // and a re-test are both on offer, the joint chain (run last) first in line.
    const startedAt = new Date(Date.now() - 21 * 24 * 60 * 60 * 1000).toISOString();
    const past = buildSession({ startedAt, routine: 'joint-chain', baseline: 6, drills: [{ id: 'lateral-ankle-tilts', scores: [4] }, { id: 'lunge-knee-circles', scores: [4, 4] }] });
    await Store.open({ ITB_HOME: home() }).update((data) => {
      data.screenings.push({ at: startedAt, answers: {}, proceeded: true });
      data.sessions.push(past);
      data.buckets = projectBuckets(data.sessions, data.moves);
    });
    const t = itb(['session', '--side', 'left', '--symptom', 'pain', '--movement', 'lunge']);
    await t.waitFor('Re-test drills set aside earlier (1 due)');
    await t.waitFor('↑↓ navigate');
    await t.type(`rehab${keys.enter}`);
    await t.waitFor('✔ Which routine? Your rehab routine (1 drill)');
    await t.waitFor('Rate your pain');
    expect(t.text).not.toContain('Re-test ·');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
  });

  it('moves the pointer with j and k under INQUIRER_KEYBINDINGS=vim while nothing is typed, and takes them as letters in a word', async () => {
    const t = itb(['session', '--symptom', 'pain'], { env: { INQUIRER_KEYBINDINGS: 'vim' } });
    await passRedFlagScreen(t);
    // The help under the list names the keys.
    await t.waitFor('↑↓ k/j navigate');
    // A capital J begins a word (here the routine's id): it moves nothing.
    await t.type(`Joint-chain${keys.enter}`);
    await t.waitFor('✔ Which routine? Joint chain, feet upward (5 drills)');
    await t.waitFor('Which side is painful?');
    // Down, down, up: from left to right.
    await t.type(`jjk${keys.enter}`);
    await t.waitFor('✔ Which side is painful? right');
    await t.waitFor('Which test movement');
    // After the first letter, a k is a letter of the word.
    await t.type(`walking${keys.enter}`);
    await t.waitFor('✔ Which test movement? (The same one all session.) Walking');
    await t.waitFor('Rate your pain');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
  });

  // A session at its second drill, the first one helped, ended by `end`; checks what was kept.
  async function endMidSession(end: (t: Terminal) => Promise<void>) {
    const t = itb(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'lunge']);
    await passRedFlagScreen(t);
    await t.answer('Rate your pain (0 = none', '6');
    await t.answer('When you have done the drill', '');
    await t.answer('(before: 6)', '4');
    await t.waitFor('Exercise 2 of 5');
    await end(t);
    const code = await t.exited;
    const [session] = storeOf().sessions;
    expect(session).toMatchObject({ status: 'interrupted', baseline: 6 });
    expect(session.results).toEqual([expect.objectContaining({ exerciseId: 'lateral-ankle-tilts', outcome: 'rehab' })]);
    expect(storeOf().buckets.map((b: { exerciseId: string }) => b.exerciseId)).toEqual(['lateral-ankle-tilts']);
    // Marked interrupted, the session counts as over: the history says so at once.
    const history = spawnSync(process.execPath, [BIN, 'history'], { env: plainEnv(), encoding: 'utf8' });
    expect(history.stdout).toMatch(/6 → 4 +1 helped · interrupted/);
    return { t, code };
  }

  it('keeps what was answered when Ctrl-C is pressed, and exits 130', async () => {
    const { t, code } = await endMidSession(async (t) => {
      // The second drill done but not yet rated: it stays untested.
      await t.answer('When you have done the drill', '');
      await t.waitFor('(before: 4)');
      await t.type(keys.ctrlC);
    });
    expect(code).toBe(130);
    expect(t.text).toContain('Session interrupted. Kept: your baseline (6) and 1 finished drill');
  });

  it('says after Ctrl-C how to go on with the routine later that day, and that command offers to', async () => {
    const flags = ['--side', 'left', '--symptom', 'pain', '--movement', 'lunge'];
    const t = itb(['session', 'joint-chain', ...flags], { cols: 80 });
    await passRedFlagScreen(t);
    await t.answer('Rate your pain (0 = none', '6');
    await t.answer('When you have done the drill', '');
    await t.answer('(before: 6)', '4');
    await t.waitFor('Exercise 2 of 5');
    await t.waitFor('When you have done the drill');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
    // On a line of its own at 80 columns, the command whole, to be typed as it stands.
    expect(t.text).toMatch(/\r?\nTo go on with the 4 drills left later today, run `itb session joint-chain`\.\r?\n/);

    const again = itb(['session', 'joint-chain', ...flags], { cols: 80 });
    await again.waitFor('Go on with the 4 drills');
    await again.type(keys.ctrlC);
    expect(await again.exited).toBe(130);
  });

  it('after Ctrl-C during the first timed hold, clears the timer line, says it stopped, and how to start again', async () => {
    const t = itb(['--data', 'data/library.yaml', 'session', 'mobility', '--side', 'left', '--symptom', 'pain', '--movement', 'lunge'], { cols: 80 });
    await passRedFlagScreen(t);
    await t.answer('Rate your pain (0 = none', '6');
    await t.answer('When you have done the drill', '');
    await t.waitFor('30 s left');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
    // The line that counted down is erased (not left at "30 s left"), and one that says it stopped takes its place.
    const afterTimer = t.raw.slice(t.raw.lastIndexOf('s left'));
    expect(afterTimer.indexOf('\x1b[2K')).toBeGreaterThan(-1);
    expect(afterTimer.indexOf('\x1b[2K')).toBeLessThan(afterTimer.indexOf('⏱ Hold 1 of 4 · set 1, first side: stopped'));
    expect(t.text).toMatch(/⏱ Hold 1 of 4 · set 1, first side: stopped\r?\n/);
    expect(t.text.replace(/\s+/g, ' ')).toContain('To start this routine again, run `itb --data data/library.yaml session mobility`.');
  });

  it('treats Ctrl-D, the end of input, as Ctrl-C', async () => {
    const { t, code } = await endMidSession(async (t) => {
      await t.waitFor('When you have done the drill');
      await t.type(keys.ctrlD);
    });
    expect(code).toBe(130);
    expect(t.text).toContain('Session interrupted. Kept: your baseline (6) and 1 finished drill');
  });

  it('goes on with its question after Ctrl-Z and fg, asking it again under the lines the shell wrote', async () => {
    const t = itb(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'lunge']);
    // Stopped and brought back at each kind of question: yes or no, a score, a list. The prompts
    // drew a question again only once a key was pressed: back from fg, nothing was asked.
    const [first, ...others] = Object.values(redFlagQuestions).map((question) => question.slice(0, 20));
    await t.waitFor(first!);
    t.signal('SIGSTOP'); // as Ctrl-Z stops it in a shell
    t.signal('SIGCONT'); // fg
    await t.answer(first!, 'n');
    for (const question of others) await t.answer(question, 'n');
    await t.waitFor('Rate your pain (0 = none');
    t.signal('SIGSTOP');
    t.signal('SIGCONT');
    await t.answer('Rate your pain (0 = none', '6');
    await t.waitFor('When you have done the drill');
    // Suspended (here, with no shell to stop it, not at all), then brought back as `fg` does.
    await t.type(keys.ctrlZ);
    t.signal('SIGCONT');
    await t.answer('When you have done the drill', ''); // Done
    await t.answer('(before: 6)', '4');
    await t.waitFor('Better: pain 6 → 4');
    await t.waitFor('When you have done the drill');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
    const [session] = storeOf().sessions;
    expect(session).toMatchObject({ status: 'interrupted', baseline: 6 });
    expect(session.results).toEqual([expect.objectContaining({ exerciseId: 'lateral-ankle-tilts', outcome: 'rehab' })]);
    expect(storeOf().screenings[0].answers).toEqual(Object.fromEntries(Object.keys(redFlagQuestions).map((flag) => [flag, false])));
  });

  it('says which drill a question is about when it is asked again after Ctrl-Z and fg, and only then', async () => {
    const t = itb(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'lunge']);
    await passRedFlagScreen(t);
    await t.answer('Rate your pain (0 = none', '6');
    await t.waitFor('When you have done the drill');
    // Stopped as Ctrl-Z stops it in a shell, then brought back as fg does: the drill's card above
    // may have scrolled off the screen meanwhile, so its place and name come with the question.
    t.signal('SIGSTOP');
    t.signal('SIGCONT');
    await t.answer(/Exercise 1 of 5 · ankle\r?\nLateral ankle tilts\r?\n\? When you have done the drill/, ''); // Done
    await t.waitFor('(before: 6)');
    t.signal('SIGSTOP');
    t.signal('SIGCONT');
    await t.answer(/Exercise 1 of 5 · ankle\r?\nLateral ankle tilts\r?\n\? Rate your pain now \(before: 6\)/, '6');
    // Not better: the second try, named as such when its score is asked again.
    await t.answer('When you have done the drill', '');
    await t.waitFor('(before the first try: 6)');
    t.signal('SIGSTOP');
    t.signal('SIGCONT');
    await t.answer(/Exercise 1 of 5 · ankle\r?\nSecond try: Lateral ankle tilts\r?\n\? Rate your pain now \(before the first try: 6\)/, '4');
    await t.waitFor('Better: pain 6 → 4');
    await t.waitFor('When you have done the drill');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
    // Said on the two cards and after each of the three pauses, and nowhere else.
    expect(t.text.split('Exercise 1 of 5 · ankle')).toHaveLength(6);
    expect(t.text.split('Exercise 2 of 5 · knee')).toHaveLength(2);
    expect(storeOf().sessions[0]?.results).toEqual([expect.objectContaining({ exerciseId: 'lateral-ankle-tilts', outcome: 'rehab' })]);
  });

  it('takes a number typed at the test movement\'s list, most likely the score typed early, as no movement, saying so', async () => {
    const t = itb(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain']);
    await passRedFlagScreen(t);
    await t.waitFor('Which test movement');
    await t.type(`4${keys.enter}`);
    await t.waitFor('your score is asked next.');
    expect(t.text).not.toContain('forward lunge');
    // Enter alone then takes the highlighted movement, the first.
    await t.type(keys.enter);
    await t.answer('Rate your pain (0 = none', '4');
    await t.waitFor('When you have done the drill');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
    expect(storeOf().sessions).toEqual([expect.objectContaining({ movement: 'single-leg squat', baseline: 4 })]);
  });

  it('types again, after Ctrl-Z and fg, what was begun of an answer: a movement, a score, a yes or no', async () => {
    const t = itb(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain']);
    const [first, ...others] = Object.values(redFlagQuestions).map((question) => question.slice(0, 20));
    await t.waitFor(first!);
    // Asked again with the n typed again: Enter alone answers it.
    await pausedMidAnswer(t, first!, 'n', '');
    for (const question of others) await t.answer(question, 'n');
    await t.waitFor('Which test movement');
    await t.type(`${keys.up}${keys.down.repeat(10)}${keys.enter}`); // Something else (type it)
    await t.waitFor('Describe the test movement');
    await pausedMidAnswer(t, 'Describe the test movement', 'deep squa', 't');
    await t.waitFor('Rate your pain (0 = none');
    await pausedMidAnswer(t, 'Rate your pain (0 = none', '6', '');
    await t.waitFor('When you have done the drill');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
    expect(storeOf().sessions).toEqual([expect.objectContaining({ movement: 'deep squat', baseline: 6 })]);
    expect(storeOf().screenings[0].answers).toEqual(Object.fromEntries(Object.keys(redFlagQuestions).map((flag) => [flag, false])));
  });

  it('stops and says so when another session took its place while it was suspended, keeping what was answered', async () => {
    const args = ['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'lunge'];
    const first = itb(args);
    await passRedFlagScreen(first);
    await first.answer('Rate your pain (0 = none', '6');
    await first.waitFor('When you have done the drill');
    // Stopped, as Ctrl-Z stops it in a shell, its lock left as ten seconds of that leave it: not
    // refreshed, so a second session may start, and takes the lock over.
    const lock = await pausedPastItsLock(first);
    const second = itb(args);
    await second.waitFor('Rate your pain (0 = none');
    first.signal('SIGCONT'); // fg
    await first.waitFor("Another itb command took this session's place");
    expect(await first.exited).toBe(130);
    // Said in words true of a pause and of a shared store seen from a computer whose clock is ahead.
    expect(first.text.replace(/\s+/g, ' ')).toContain(
      "took this session's place: a second session, or a change to your buckets, history or settings (a reset, say). This one looked closed to it (after a pause, or to a computer whose clock is set differently), and stops here rather than mix its answers with what the other did.",
    );
    expect(first.text).not.toContain('while this one was paused');
    expect(first.text).toContain('Session interrupted. Kept: your baseline (6).');
    // The second goes on as the only one.
    await second.type(`5${keys.enter}`);
    await second.waitFor('When you have done the drill');
    expect(existsSync(lock)).toBe(true);
    await second.type(keys.ctrlC);
    expect(await second.exited).toBe(130);
    expect(storeOf().sessions).toEqual([
      expect.objectContaining({ status: 'interrupted', baseline: 6, results: [] }),
      expect.objectContaining({ status: 'interrupted', baseline: 5, results: [] }),
    ]);
  });

  it('stops and says so when `itb buckets reset` went through while it was suspended, keeping what was answered', async () => {
    const moved = spawnSync(process.execPath, [BIN, 'buckets', 'move', 'lateral-ankle-tilts', 'rehab'], { env: plainEnv(), encoding: 'utf8' });
    expect(moved.status).toBe(0);
    const session = itb(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'lunge', '--no-timer']);
    await passRedFlagScreen(session);
    await session.answer('Rate your pain (0 = none', '6');
    await session.answer('When you have done the drill', ''); // Done
    await session.answer('(before: 6)', '4');
    await session.waitFor('Exercise 2 of 5');
    await session.waitFor('When you have done the drill');
    // Stopped as Ctrl-Z stops it, its lock left as ten seconds of that leave it.
    const lock = await pausedPastItsLock(session);

    // Typed in another terminal meanwhile: it goes through, and takes the session's lock away.
    const reset = spawnSync(process.execPath, [BIN, 'buckets', 'reset', '--force'], { env: plainEnv(), encoding: 'utf8' });
    expect(reset.status, reset.stderr).toBe(0);
    expect(`${reset.stdout}${reset.stderr}`).toContain('Emptied rehab (1 drill): every drill is untested again.');
    expect(existsSync(lock)).toBe(false);

    session.signal('SIGCONT'); // fg
    await session.waitFor("Another itb command took this session's place");
    expect(await session.exited).toBe(130);
    const said = session.text.replace(/\s+/g, ' ');
    // No second session is claimed: none was started.
    expect(said).toContain('a second session, or a change to your buckets, history or settings (a reset, say)');
    expect(said).not.toContain('session was started');
    // The store was changed by itb, not replaced: the reset's own save, not one to warn about.
    expect(said).not.toContain('Your store file was');
    // The drill it put in rehab is in the history, but the reset has cleared it from the buckets since.
    expect(said).toContain('Session interrupted. Kept: your baseline (6) and 1 finished drill: Lateral ankle tilts (helped; untested now, as your buckets were reset since).');
    expect(said).not.toContain('→ rehab');
    // Its closing does not go on from the buckets as they were before the reset.
    expect(said).not.toMatch(/→ untested/);
    expect(storeOf().sessions).toEqual([
      expect.objectContaining({ status: 'interrupted', baseline: 6, results: [expect.objectContaining({ exerciseId: 'lateral-ankle-tilts', outcome: 'rehab' })] }),
    ]);
    expect(existsSync(lock)).toBe(false);
  });

  it('records no session when it ends before the first score, by Ctrl-D or by a kill', async () => {
    const gentle = itb(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'lunge']);
    await passRedFlagScreen(gentle);
    await gentle.waitFor('Rate your pain (0 = none');
    await gentle.type(keys.ctrlD);
    expect(await gentle.exited).toBe(130);
    expect(gentle.text).toContain('Stopped before the first score; no new session was recorded.');
    expect(storeOf().sessions).toEqual([]);

    const killed = itb(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'lunge']);
    await killed.waitFor('Rate your pain (0 = none');
    killed.signal('SIGKILL');
    await killed.exited;
    expect(storeOf().sessions).toEqual([]);
  });

  it('keeps what was answered when the terminal window is closed, and ends as interrupted (130) rather than with a crash', async () => {
    const { code } = await endMidSession(async (t) => {
      await t.waitFor('When you have done the drill');
      t.closeWindow();
    });
    expect(code).toBe(130);
  });

  it('keeps what was answered when the window is closed while the session is paused with Ctrl-Z', async () => {
    // In a shell, whose job control stops itb on Ctrl-Z and, as the window closes, wakes it to hang up.
    const shell = new Terminal(['--norc', '--noprofile', '-i'], { ITB_HOME: home(), PS1: '$ ' }, 100, 40, {}, ['bash']);
    try {
      await shell.type(`'${process.execPath}' '${BIN}' session joint-chain --side left --symptom pain --movement lunge${keys.enter}`);
      await passRedFlagScreen(shell);
      await shell.answer('Rate your pain (0 = none', '6');
      await shell.waitFor('When you have done the drill');
      await shell.type(keys.ctrlZ);
      await shell.waitFor('Stopped');
      shell.closeWindow();
      // The lock goes once itb has ended: a crash took it too, the session left in progress.
      const lock = join(home(), 'session.lock');
      const giveUpAt = Date.now() + 30_000;
      while (existsSync(lock)) {
        if (Date.now() > giveUpAt) throw new Error(`itb did not end within 30 s of its window closing (${lock} is still there)`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(storeOf().sessions).toEqual([expect.objectContaining({ status: 'interrupted', baseline: 6 })]);
    } finally {
      await shell.end();
    }
  });

  it.each([
    ['a polite kill (SIGTERM)', 'SIGTERM'],
    ['kill -INT, as on Ctrl-C', 'SIGINT'],
  ] as const)('keeps what was answered on %s, says so, exits 130 and leaves no lock behind', async (_how, signal) => {
    const { t, code } = await endMidSession(async (t) => {
      await t.waitFor('When you have done the drill');
      t.signal(signal);
    });
    expect(code).toBe(130);
    expect(t.text).toContain('Session interrupted. Kept: your baseline (6) and 1 finished drill');
    expect(readdirSync(home()).filter((name) => name.includes('lock'))).toEqual([]);
  });

  it('wraps its text to a narrow terminal, such as a phone screen', async () => {
    const t = itb(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'lunge'], { cols: 44 });
    // A safety question answered with Enter alone: why it was not taken, broken between words.
    await t.answer(redFlagQuestions['recent-injury'].slice(0, 20), '');
    await t.waitFor(/> Type y for yes or n for no, then press\r?\n {2}Enter\./);
    await t.type(`n${keys.enter}`);
    for (const question of Object.values(redFlagQuestions).slice(1)) await t.answer(question.slice(0, 20), 'n');
    // The question itself is wrapped too: its note in brackets on a line of its own.
    await t.answer(/Rate your pain\r?\n {2}\(0 = none, 10 = worst imaginable\):/, '6');
    await t.waitFor('When you have done the drill');
    const card = t.text.slice(t.text.indexOf('Exercise 1 of 5'), t.text.lastIndexOf('When you have done the drill'));
    const lines = card.replace(/\r/g, '').split('\n').filter((line) => line.trim() !== '' && !line.includes('When you have done'));
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.filter((line) => line.length > 44)).toEqual([]);
    expect(card).toContain('   1. Stand tall with your feet hip-width');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
  });

  it('lines up the later lines of a question broken on a terminal of 40 columns under its first, its answer after its last', async () => {
    const t = itb(['session', 'balance', '--side', 'left', '--symptom', 'pain', '--movement', 'Step-down'], { cols: 40 });
    for (const question of Object.values(redFlagQuestions)) await t.answer(question.slice(0, 20), 'n');
    await t.waitFor('Rate your pain');
    // Asked: its hint and the room for a score on its last line.
    await t.waitFor('imaginable):');
    const asked = await screenLines(t.raw, 40);
    expect(asked.slice(-2)).toEqual(['? Rate your pain', '  (0 = none, 10 = worst imaginable):']);
    await t.type(`5${keys.enter}`);
    await t.waitFor('When you have done the drill');
    const lines = await screenLines(t.raw, 40);
    // Each question answered: "✔" and its first line, then its later lines two columns in, the
    // answer whole after the last of them, as on the other wrapped lines of a session.
    const at = (start: string) => lines.findIndex((line) => line.startsWith(start));
    expect(lines.slice(at('✔ Is the knee or thigh'), at('✔ Is the knee or thigh') + 2)).toEqual(['✔ Is the knee or thigh clearly', '  swollen? No']);
    expect(lines.slice(at('✔ Do you have numbness'), at('✔ Do you have numbness') + 3)).toEqual(['✔ Do you have numbness, tingling or', '  pins and needles in the leg or', '  foot? No']);
    expect(lines.slice(at('✔ Rate your pain'), at('✔ Rate your pain') + 2)).toEqual(['✔ Rate your pain', '  (0 = none, 10 = worst imaginable): 5']);
    const safety = lines.slice(at('✔ Any recent fall'), at('✔ Does the pain wake') + 2);
    expect(safety.filter((line) => !/^(?:✔ |  )\S/.test(line))).toEqual([]);
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
  });

  it('breaks its questions, answers and countdown between words on a terminal of 50 columns', async () => {
    const t = itb(['session', 'balance', '--side', 'left', '--symptom', 'pain', '--movement', 'Step-down'], { cols: 50 });
    await passRedFlagScreen(t);
    // The question broken before the edge, with room for the answer on its last line.
    await t.waitFor(/\? Rate your pain\r?\n {2}\(0 = none, 10 = worst imaginable\):/);
    await t.type(`5/10${keys.enter}`);
    await t.waitFor(/> Type just the number, like 5: the scale is\r?\n {2}always out of 10\./);
    await t.type(`5${keys.enter}`);
    await t.waitFor(/✔ Rate your pain\r?\n {2}\(0 = none, 10 = worst imaginable\): 5/);
    await t.answer('When you have done the drill', ''); // the first hold
    // Its label, which says the set and side, on a line of its own: a bar would not fit beside it.
    await t.waitFor(/⏱ Hold 1 of 6 · set 1, first side:\r?\n■+·* \d+ s left {2}\(Enter to end early\)/);
    await t.type(keys.enter);
    await t.waitFor('ended early');
    await t.answer('When you have done the drill', keys.down); // Done, second while holds remain
    // Too long to follow the question on its line, the answer goes under it.
    await t.waitFor(/✔ When you have done the drill: ?\r?\n {2}Done — rate my pain now/);
    await t.waitFor('(before: 5)');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
  });

  it('lines up the later lines of a timed hold\'s label two columns in, under its text, on a terminal of 32 columns', async () => {
    const t = itb(['session', 'balance', '--side', 'left', '--symptom', 'pain', '--movement', 'Step-down'], { cols: 32 });
    await passRedFlagScreen(t);
    await t.answer('Rate your pain', '5');
    await t.answer('When you have done the drill', ''); // the first hold
    await t.waitFor(/\d+ s left/);
    // The label on lines of its own above the bar, its second line not under the stopwatch.
    const timing = await screenLines(t.raw, 32);
    const label = timing.findLastIndex((line) => line.startsWith('⏱ Hold 1 of 6'));
    expect(timing.slice(label, label + 3)).toEqual(['⏱ Hold 1 of 6 · set 1, first', '  side:', expect.stringMatching(/^■+·* \d+ s left$/)]);
    await t.type(keys.enter);
    await t.waitFor('ended early');
    await t.waitFor('When you have done the drill');
    // How it ended, in its place: broken the same way.
    const ended = await screenLines(t.raw, 32);
    const at = ended.findLastIndex((line) => line.startsWith('⏱ Hold 1 of 6'));
    expect(ended.slice(at, at + 2)).toEqual(['⏱ Hold 1 of 6 · set 1, first', '  side: ended early']);
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
  });

  it('puts a typed answer too long to follow its question on the line under it, broken between words, on a terminal of 50 columns', async () => {
    const t = itb(['session', 'balance', '--side', 'left', '--symptom', 'pain'], { cols: 50 });
    await passRedFlagScreen(t);
    await t.waitFor('Which test movement');
    await t.waitFor('Something else (type it)');
    await t.type(`${keys.down.repeat(12)}${keys.enter}`);
    await t.answer('back to the list):', 'hoppingonthebadlegupthestairsquicklyxx twice');
    await t.waitFor(/✔ Describe the test movement\r?\n {2}\(Enter alone: back to the list\): ?\r?\n {2}hoppingonthebadlegupthestairsquicklyxx twice\r?\n/);
    await t.waitFor('Rate your pain');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
  });

  it('on a terminal of 40 columns, goes on with a long test movement under its line, and keeps the score question\'s note whole', async () => {
    const t = itb(['session', 'joint-chain', '--side', 'left', '--symptom', 'tightness', '--movement', 'walking downhill slowly'], { cols: 40 });
    await passRedFlagScreen(t);
    // Not "downhill slowly" at the left edge, where it reads as a line of its own.
    await t.waitFor(/\nRating tightness during: walking\r?\n {2}downhill slowly\r?\npainful side: left\r?\n/);
    await t.answer(/Rate your tightness\r?\n {2}\(0 = none, 10 = worst imaginable\):/, '6');
    await t.answer('When you have done the drill', '');
    // Not "(before:" at a line's end and "6):" on the next.
    await t.waitFor(/\(before: 6\)/);
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
  });

  it('breaks the line of what is rated, and of the scores in the summary, between their parts on a terminal of 50 columns', async () => {
    const t = itb(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'single-leg-squat'], { cols: 50 });
    await passRedFlagScreen(t);
    // Not "… single-leg squat · painful" and "side: left" on the next line.
    await t.waitFor(/\nRating pain during: single-leg squat\r?\npainful side: left\r?\n/);
    await t.answer(/Rate your pain\r?\n {2}\(0 = none, 10 = worst imaginable\):/, '6');
    await t.answer('When you have done the drill', '');
    await t.answer('(before: 6)', '4');
    await t.waitFor('Exercise 2 of 5');
    await t.waitFor('When you have done the drill');
    await t.type(`${keys.down.repeat(2)}${keys.enter}`); // Stop
    // Not "(baseline" at the end of the line and "→ final)" on the next.
    await t.waitFor(/\n {2}pain during single-leg squat: 6 → 4\r?\n {2}\(baseline → final\)\r?\n/);
    expect(await t.exited).toBe(0);
  });

  it('leaves no blank line after an answer that would end at the edge of the terminal', async () => {
    // "✔ Which routine? Hip and glute strength (9 drills)" is 50 columns, and "  (Enter alone:
    // back to the list): " (the last line of "Describe the test movement") and 15 letters too: a
    // line that fills the terminal exactly would be followed by an empty one.
    const t = itb(['session', '--side', 'left', '--symptom', 'pain'], { cols: 50 });
    await passRedFlagScreen(t);
    await t.waitFor('Which routine?');
    await t.waitFor('↑↓ navigate');
    await t.type(`${keys.down.repeat(2)}${keys.enter}`);
    await t.waitFor('Which test movement');
    await t.waitFor('Something else (type it)');
    await t.type(`${keys.down.repeat(12)}${keys.enter}`);
    await t.answer('back to the list):', 'hop up one step');
    await t.waitFor('Rate your pain');
    // The screen as drawn, with the prompts' redrawing done: only the lines the person sees.
    const screen = t.text.replace(/\r/g, '');
    expect(screen).toMatch(/✔ Which routine\? ?\n {2}Hip and glute strength \(9 drills\)\n\? Which test movement/);
    expect(screen).toMatch(/✔ Describe the test movement\n {2}\(Enter alone: back to the list\): ?\n {2}hop up one step\n\nHip and glute strength · 9 drills/);
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
  });

  /** Two days ago both balance drills flared, so the balance routine waits for their re-test. */
  async function balanceSetAside(): Promise<void> {
    const startedAt = new Date(Date.now() - 48 * 60 * 60 * 1000).toISOString();
    const flared = buildSession({ startedAt, routine: 'balance', baseline: 2, drills: [{ id: 'single-leg-stand', scores: [5] }, { id: 'single-leg-stand-foam-pad', scores: [8] }] });
    await Store.open({ ITB_HOME: home() }).update((data) => {
      data.screenings.push({ at: startedAt, answers: {}, proceeded: true });
      data.sessions.push(flared);
      data.buckets = projectBuckets(data.sessions, data.moves);
    });
  }

  it('breaks a routine that cannot run today between words, with why, on a terminal of 50 columns', async () => {
    await balanceSetAside();
    const t = itb(['session'], { cols: 50 });
    await t.waitFor('Which routine?');
    await t.waitFor('Warm-up');
    expect(t.text).toMatch(/- Single-leg balance \(both drills are set aside;\r?\n {2}re-test from \d{4}-\d\d-\d\d\)\r?\n {2}Warm-up/);
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
  });

  it('answers Enter on a routine that cannot run today in plain words, and lets another be chosen', async () => {
    await balanceSetAside();
    const t = itb(['session', '--side', 'left', '--symptom', 'pain', '--movement', 'lunge']);
    await t.waitFor('Which routine?');
    await t.waitFor('↑↓ navigate');
    // Down to the greyed-out balance routine, the fifth, and Enter.
    await t.type(`${keys.down.repeat(4)}${keys.enter}`);
    await t.waitFor(/> That one cannot be chosen now\. Choose another with the arrow keys, then press\r?\n {2}Enter\./);
    expect(t.text).not.toContain('disabled');
    await t.type(`${keys.down}${keys.enter}`);
    await t.waitFor('✔ Which routine? Warm-up (3 drills)');
    await t.waitFor('Rate your pain');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
  });

  it('reminds of a flare-up earlier today before anything else; Enter alone rests, a yes typed after a wrong answer goes on gently', async () => {
    // The sessions run in a time zone where it is now early afternoon, so that "today" is the same
    // day for the flare-up, for the first session and for the second, whenever this test runs: in
    // the program's own zone it could be a few seconds to midnight, and the second session would
    // start on the next day.
    const { zone, offsetMs } = zoneAtMidday(new Date());
    // A flare-up a few minutes ago, in a session cut off after it.
    const flaredAt = Date.now() - 5 * 60 * 1000;
    // Started a minute before: the baseline, then a minute later the rise from 4 to 7, and its result with it.
    const startedAt = new Date(flaredAt - 60 * 1000).toISOString();
    const flared = buildSession({ startedAt, routine: 'strength', baseline: 4, status: 'interrupted', drills: [{ id: 'clamshells', scores: [7] }] });
    await Store.open({ ITB_HOME: home() }).update((data) => {
      data.screenings.push({ at: startedAt, answers: {}, proceeded: true });
      data.sessions.push(flared);
      data.buckets = projectBuckets(data.sessions, data.moves);
    });
    const before = readFileSync(join(home(), 'store.json'), 'utf8');
    // The time of day of the flare-up in that zone.
    const clock = new Date(flaredAt + offsetMs).toISOString().slice(11, 16);
    const session = () => itb(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'lunge'], { env: { TZ: zone } });

    const resting = session();
    await resting.waitFor(`Earlier today, at ${clock}, Clamshells flared up.`);
    await resting.waitFor('take it easy for the rest of the day');
    await resting.answer('Start a session today anyway? (y/N)', '');
    await resting.waitFor('Resting today is a sound choice. Nothing new was recorded; what you did');
    expect(await resting.exited).toBe(0);
    expect(readFileSync(join(home(), 'store.json'), 'utf8')).toBe(before);

    const goingOn = session();
    // A wrong answer is cleared: the y typed after it is read on its own, not as "maybey".
    await goingOn.answer('Start a session today anyway?', 'maybe');
    await goingOn.waitFor('Type y for yes or n for no, then press Enter. Enter alone means no.');
    await goingOn.type(`y${keys.enter}`);
    await goingOn.waitFor("After today's flare-up, start gently");
    expect(await screenLines(goingOn.raw, 100)).toContain('✔ Start a session today anyway? Yes');
    await goingOn.answer('Rate your pain (0 = none', '5');
    await goingOn.answer('When you have done the drill', `${keys.down}${keys.down}`); // done, skip, stop
    await goingOn.waitFor('You stopped the session before scoring a drill');
    expect(await goingOn.exited).toBe(0);
    expect(storeOf().sessions).toEqual([expect.objectContaining({ id: flared.id }), expect.objectContaining({ routine: 'joint-chain', status: 'stopped', baseline: 5 })]);
  });

  it('goes back to the list of test movements on Enter alone after "Something else", asking nothing before it again', async () => {
    const t = itb(['session', 'balance', '--no-timer']);
    await passRedFlagScreen(t);
    await t.answer('Which side is painful?', 'right');
    await t.answer('What will you rate?', '');
    await t.waitFor('Which test movement');
    await t.waitFor('Something else (type it)');
    await t.type(`${keys.down.repeat(12)}${keys.enter}`);
    // The way back is said in the question itself.
    await t.answer('Describe the test movement (Enter alone: back to the list):', '');
    await t.waitFor(/✔ Describe the test movement \(Enter alone: back to the list\): ?\r?\n? *back to the list/);
    await t.waitFor('Which test movement');
    await t.type(`step-down${keys.enter}`);
    await t.answer('Rate your pain', '5');
    await t.waitFor('When you have done the drill');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
    // The screen as drawn: each earlier question answered once, the way back said where it was taken.
    const screen = (await screenLines(t.raw, 100)).join('\n');
    expect(screen.match(/Which side is painful\?/g)).toHaveLength(1);
    expect(screen.match(/What will you rate\?/g)).toHaveLength(1);
    expect(screen).toMatch(/✔ Which test movement\? \(The same one all session\.\) Something else \(type it\)\n✔ Describe the test movement \(Enter alone: back to the list\): back to the list\n✔ Which test movement\? \(The same one all session\.\) Step-down\n/);
    const store = storeOf();
    expect(store.sessions).toEqual([expect.objectContaining({ routine: 'balance', side: 'right', symptom: 'pain', movement: 'step-down', baseline: 5 })]);
    expect(store.settings).toMatchObject({ side: 'right', symptom: 'pain', movement: 'step-down' });
  });

  it('asks the leg of a one-leg test movement with both sides painful, and offers the same leg first next time', async () => {
    const t = itb(['session', 'balance', '--no-timer']);
    await passRedFlagScreen(t);
    await t.answer('Which side is painful?', 'both');
    await t.answer('What will you rate?', '');
    await t.answer('Which test movement', 'step-down');
    await t.waitFor('do the test movement on the leg that hurts more');
    await t.waitFor('Which leg will you test on?');
    // A number here is most likely the score, typed early: it picks no leg.
    await t.type(`5${keys.enter}`);
    await t.waitFor('Rate once the leg is chosen');
    await t.type(`${keys.down}${keys.enter}`);
    await t.waitFor(/✔ Which leg will you test on\? right leg/);
    await t.waitFor('Do your test movement (step-down on the right leg) now.');
    await t.waitFor('Your right leg: the one you test on while both sides hurt.');
    await t.answer('Rate your pain', '5');
    await t.waitFor('When you have done the drill');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
    expect(storeOf().sessions).toEqual([expect.objectContaining({ side: 'both', movement: 'step-down on the right leg', baseline: 5 })]);
    expect(storeOf().settings).toMatchObject({ side: 'both', movement: 'step-down' });

    // Next time, from the flags: the leg of last time is first in line, and Enter alone takes it.
    const next = itb(['session', 'balance', '--side', 'both', '--symptom', 'pain', '--movement', 'step-down', '--no-timer']);
    await next.waitFor('Which leg will you test on?');
    await next.waitFor(/❯ right leg \(last time\)/);
    await next.type(keys.enter);
    await next.answer('Rate your pain', '4');
    await next.waitFor('When you have done the drill');
    await next.type(keys.ctrlC);
    expect(await next.exited).toBe(130);
    expect(storeOf().sessions).toEqual([expect.objectContaining({ movement: 'step-down on the right leg' }), expect.objectContaining({ movement: 'step-down on the right leg', baseline: 4 })]);
  });

  it('shows every choice of a list at once on a terminal of 24 lines', async () => {
    // A movement typed last time, then the library's six, then "Something else": eight choices.
    const set = spawnSync(process.execPath, [BIN, 'settings', 'movement', 'going downstairs'], { env: plainEnv(), encoding: 'utf8' });
    expect(set.status).toBe(0);
    const t = itb(['session', 'warm-up', '--side', 'left', '--symptom', 'pain'], { cols: 80, rows: 24 });
    await passRedFlagScreen(t);
    await t.waitFor('Which test movement');
    await t.waitFor('going downstairs (last time)');
    // Drawn with the rest of the list, before any key is pressed (none is, until it shows).
    await t.waitFor('Something else (type it)');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
  });

  it('refuses `itb buckets reset --force` typed in another terminal while a session is open, changing nothing, and the session ends agreeing with itself', async () => {
    const moved = spawnSync(process.execPath, [BIN, 'buckets', 'move', 'lateral-ankle-tilts', 'rehab'], { env: plainEnv(), encoding: 'utf8' });
    expect(moved.status).toBe(0);
    const session = itb(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'lunge', '--no-timer']);
    await passRedFlagScreen(session);
    await session.answer('Rate your pain (0 = none', '6');
    await session.waitFor('When you have done the drill');
    const before = readFileSync(join(home(), 'store.json'));

    const reset = itb(['buckets', 'reset', '--force']);
    expect(await reset.exited).toBe(2);
    const said = reset.text.replace(/\s+/g, ' ');
    expect(said).toMatch(/error: an itb session is open \(since \d{4}-\d\d-\d\d \d\d:\d\d\), in another window or paused with Ctrl-Z: your buckets, history and settings cannot be changed while it runs/);
    expect(said).toContain('Nothing was changed. Finish that session, or stop it with Ctrl-C in its window');
    expect(readFileSync(join(home(), 'store.json')).equals(before)).toBe(true);

    // The session goes on: the drill still in rehab helps again, and stays there.
    await session.type(keys.enter); // Done
    await session.answer('(before: 6)', '4');
    await session.waitFor('Better: pain 6 → 4');
    await session.answer('When you have done the drill', `${keys.down}${keys.down}`); // done, skip, stop
    await session.waitFor('You stopped the session early');
    expect(await session.exited).toBe(0);
    expect(session.text).not.toMatch(/→\s+untested/);
    expect(projectBuckets(storeOf().sessions, storeOf().moves, storeOf().bucketsResetAt)).toEqual([expect.objectContaining({ exerciseId: 'lateral-ankle-tilts', bucket: 'rehab', source: 'session' })]);

    // Once the session has ended, the same reset goes through.
    const again = itb(['buckets', 'reset', '--force']);
    await again.waitFor('Emptied rehab (1 drill): every drill is untested again.');
    expect(await again.exited).toBe(0);
  });

  it('lets only one session run at a time, and the first goes on unharmed', async () => {
    const first = itb(['session', 'balance', '--side', 'left', '--symptom', 'pain', '--movement', 'walking', '--no-timer']);
    await passRedFlagScreen(first);
    await first.waitFor('Rate your pain');
    const second = itb(['session', 'balance', '--side', 'left', '--symptom', 'pain', '--movement', 'walking']);
    await second.waitFor('another itb session is open');
    expect(await second.exited).toBe(2);
    await first.type(`4${keys.enter}`);
    await first.answer('When you have done the drill', `${keys.down}${keys.down}`); // done, skip, stop
    expect(await first.exited).toBe(0);
    expect(storeOf().sessions).toEqual([expect.objectContaining({ status: 'stopped', baseline: 4 })]);
  });

  it('goes on with a timed hold after Ctrl-Z and fg, typed keys unshown, and Enter still ends it early', async () => {
    const t = itb(['session', 'balance', '--side', 'both', '--symptom', 'discomfort', '--movement', 'stairs']);
    await passRedFlagScreen(t);
    await t.answer('Rate your discomfort', '3');
    await t.answer('When you have done the drill', '');
    await t.waitFor(/⏱ Hold 1 of 6 · set 1, first side: ■+·* \d+ s left/);
    // Suspended (here, with no shell to stop it, not at all), then brought back as `fg` does.
    await t.type(keys.ctrlZ);
    t.signal('SIGCONT');
    await t.waitFor(/⏱ Hold 1 of 6 · set 1, first side: ■+·* \d+ s left/);
    // Keys read one at a time again, as before the pause: a letter typed by mistake is not shown.
    const back = t.text.length;
    await t.type(`qq${keys.enter}`);
    await t.waitFor('Hold 1 of 6 · set 1, first side: ended early');
    expect(t.text.slice(back)).not.toContain('qq');
    await t.waitFor('When you have done the drill');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
  });

  it('draws a timed hold afresh under the lines the shell wrote after Ctrl-Z and fg, with the drill named', async () => {
    // In a shell, whose job control stops itb on Ctrl-Z; narrow, so that the countdown takes two
    // lines, as it does on a phone.
    const shell = new Terminal(['--norc', '--noprofile', '-i'], { ITB_HOME: home(), PS1: '$ ' }, 60, 24, {}, ['bash']);
    try {
      const command = `'${process.execPath}' '${BIN}' session balance --side both --symptom discomfort --movement stairs`;
      await shell.type(`${command}${keys.enter}`);
      await passRedFlagScreen(shell);
      await shell.answer('Rate your discomfort', '3');
      await shell.answer('When you have done the drill', '');
      await shell.waitFor(/⏱ Hold 1 of 6 · set 1, first side: ■+·* \d+ s left/);
      await shell.type(keys.ctrlZ);
      await shell.waitFor('Stopped');
      // Back after a second or more, as a person comes back: the countdown's next second is
      // overdue by then, and was drawn where the hold had been, over the shell's lines.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await shell.type(`fg${keys.enter}`);
      await shell.waitFor(/⏱ Hold 1 of 6 · set 1, first side: ■+·* \d+ s left/);
      // Time for a countdown drawn in the wrong place to show.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const lines = await shell.screen();
      const after = lines.slice(lines.lastIndexOf('$ fg') + 1);
      // The command fg brought back, as the shell wrote it over as many lines as it takes, is
      // left whole; the countdown goes on under it, after the drill's place and name.
      const rows = after.findIndex((line) => line === '');
      expect(after.slice(0, rows).join('').replace(/\s/g, '')).toBe(command.replace(/\s/g, ''));
      expect(after.slice(rows + 1, rows + 3)).toEqual(['Exercise 1 of 2 · whole-leg', 'Single-leg stand']);
      expect(after[rows + 3]).toMatch(/^⏱ Hold 1 of 6 · set 1, first side: ■+·* \d+ s left$/);
      expect(after[rows + 4]).toBe('(Enter to end early)');
      await shell.type(keys.enter);
      await shell.waitFor('Hold 1 of 6 · set 1, first side: ended early');
      await shell.waitFor('When you have done the drill');
      await shell.type(keys.ctrlC);
      await shell.waitFor('Session interrupted');
    } finally {
      await shell.end();
    }
  });

  it('counts down a timed hold, and Enter ends it early', async () => {
    const t = itb(['session', 'balance', '--side', 'both', '--symptom', 'discomfort', '--movement', 'stairs']);
    await passRedFlagScreen(t);
    await t.answer('Rate your discomfort', '3');
    await t.waitFor('Single-leg stand');
    await t.waitFor('Side: each side in turn, a set at a time');
    // The first hold is first in the list: Enter starts it.
    await t.answer('When you have done the drill', '');
    // Three sets on each side: six holds, counted.
    await t.waitFor(/⏱ Hold 1 of 6 · set 1, first side: ■+·* \d+ s left {2}\(Enter to end early\)/);
    await t.waitFor(/⏱ Hold 1 of 6 · set 1, first side: ■+·* \d+ s left/); // drawn again: it keeps ticking
    await t.type(keys.enter);
    await t.waitFor('ended early');
    // Back at the same question, the next hold first in line: Enter out of habit starts it.
    for (let hold = 2; hold <= 6; hold += 1) {
      await t.answer('When you have done the drill', '');
      // Its set and side: a set is a hold on one side, then on the other.
      const place = `set ${Math.ceil(hold / 2)}, ${hold % 2 === 1 ? 'first' : 'second'} side`;
      await t.waitFor(`When you have done the drill: Start hold ${hold} of 6 · ${place} (30 s)`);
      await t.waitFor(new RegExp(`⏱ Hold ${hold} of 6 · ${place}: ■+·* \\d+ s left`));
      await t.type(keys.enter);
      await t.waitFor('ended early');
    }
    // All six done: now Enter means Done.
    await t.answer('When you have done the drill', '');
    await t.waitFor('When you have done the drill: Done — rate my discomfort now');
    await t.answer('(before: 3)', '1');
    await t.waitFor('Better: discomfort 3 → 1');
    await t.waitFor('When you have done the drill');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
    expect(storeOf().sessions[0].results).toEqual([expect.objectContaining({ exerciseId: 'single-leg-stand', outcome: 'rehab' })]);
  });

  it('asks its questions without colour under --no-color or TERM=dumb, as under NO_COLOR, even with FORCE_COLOR set', async () => {
    const colourCode = /\x1b\[[0-9;]*m/;
    const cases = [[['--no-color'], {}], [['--no-color'], { FORCE_COLOR: '1' }], [[], { TERM: 'dumb' }], [[], {}]] as const;
    for (const [args, env] of cases) {
      const t = itb([...args, 'session', 'balance', '--side', 'left', '--symptom', 'pain', '--movement', 'stairs'], { env });
      if (!storeExists()) await passRedFlagScreen(t); // the first run only
      await t.answer('Rate your pain', '4');
      await t.waitFor('When you have done the drill');
      await t.type(keys.ctrlC);
      expect(await t.exited).toBe(130);
      // The last run, with colour, shows that the check would see colour if there were any.
      expect(colourCode.test(t.raw)).toBe(args.length === 0 && !('TERM' in env));
    }
  });

  it('refuses to start without a terminal and names what works without one', () => {
    const result = spawnSync(process.execPath, [BIN, 'session'], { env: plainEnv(), input: '', encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/needs a terminal/);
    expect(result.stderr).toMatch(/itb buckets/);
  });

  it('after Ctrl-C part way through a routine, offers to go on from the drill where it stopped, Enter saying yes', async () => {
    const partWay = ['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'single-leg squat'];
    const first = itb(partWay);
    await passRedFlagScreen(first);
    await first.answer('Rate your pain (0 = none', '6');
    await first.waitFor('Exercise 1 of 5 · ankle');
    await first.answer('When you have done the drill', '');
    await first.answer('(before: 6)', '4');
    await first.waitFor('Exercise 2 of 5 · knee');
    await first.waitFor('When you have done the drill');
    await first.type(keys.ctrlC);
    expect(await first.exited).toBe(130);

    const again = itb(partWay);
    await again.waitFor(/This routine was left part way today \(at \d\d:\d\d\), after\s+Lateral\s+ankle\s+tilts\.\s+Go\s+on\s+with\s+the\s+4\s+drills\s+left\?/);
    await again.type(keys.enter);
    await again.answer('Rate your pain (0 = none', '5');
    // The knee circles come first now: the ankle tilts were got through before.
    await again.waitFor('Exercise 1 of 4 · knee');
    await again.waitFor('When you have done the drill');
    await again.type(keys.ctrlC);
    expect(await again.exited).toBe(130);

    const { sessions } = storeOf();
    expect(sessions.map((session: { status: string }) => session.status)).toEqual(['interrupted', 'interrupted']);
    expect(sessions[0].results.map((result: { exerciseId: string }) => result.exerciseId)).toEqual(['lateral-ankle-tilts']);
  });

  it('stops at once on Ctrl-C while a score waits to be saved behind another itb, naming that score, and can be taken up again', async () => {
    const partWay = ['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'lunge'];
    const t = itb(partWay);
    await passRedFlagScreen(t);
    await t.answer('Rate your pain (0 = none', '6');
    await t.answer('When you have done the drill', '');
    await t.answer('(before: 6)', '4');
    await t.waitFor('Exercise 2 of 5 · knee');
    await t.answer('When you have done the drill', '');
    await t.waitFor('(before: 4)');
    // Another itb saving (a large import in another window, say): a process of its own holds the lock.
    await stoppedBehindAnotherSave(t, '5', () => t.type(keys.ctrlC));
    const said = t.text.replace(/\s+/g, ' ');
    expect(said).toContain('Stopped while waiting to save: another itb was saving to your store');
    expect(said).toContain('Your last score was not saved: pain 5 after Forward 45° lunge knee circles (before: 4).');
    expect(said).toContain('Once the other itb is done, run `itb session joint-chain` again.');
    expect(said.match(/Waiting to save/g)).toHaveLength(1);
    expect(existsSync(join(home(), 'store.json.lock'))).toBe(false);

    // Once the other is done, the routine goes on from where the saved answers left it.
    const again = itb(partWay);
    await again.waitFor(/This routine was left part way today \(at \d\d:\d\d\), after\s+Lateral\s+ankle\s+tilts\./);
    await again.type(keys.enter);
    await again.answer('Rate your pain (0 = none', '5');
    await again.waitFor('Exercise 1 of 4 · knee');
    await again.waitFor('When you have done the drill');
    await again.type(keys.ctrlC);
    expect(await again.exited).toBe(130);
    const [first, second] = storeOf().sessions;
    expect(first).toMatchObject({ status: 'interrupted', baseline: 6, attempts: [expect.objectContaining({ after: 4 })] });
    expect(second).toMatchObject({ status: 'interrupted', baseline: 5 });
  });

  it.each([
    ['the window closed', (t: Terminal) => t.closeWindow()],
    ['a polite kill (SIGTERM)', (t: Terminal) => t.signal('SIGTERM')],
  ])('ends as interrupted (130) on %s while a score waits to be saved behind another itb, writing nothing', async (_how, stop) => {
    const t = itb(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'lunge']);
    await passRedFlagScreen(t);
    await t.answer('Rate your pain (0 = none', '6');
    await t.answer('When you have done the drill', '');
    await t.waitFor('(before: 6)');
    await stoppedBehindAnotherSave(t, '4', () => stop(t));
    expect(storeOf().sessions).toEqual([expect.objectContaining({ status: 'in-progress', baseline: 6, attempts: [] })]);
  });
});

/**
 * Types `begun` of an answer at `question`, stops itb as Ctrl-Z does and brings it back as fg
 * does, then finishes the answer, asked again, with `rest` and Enter.
 */
async function pausedMidAnswer(t: Terminal, question: string, begun: string, rest: string): Promise<void> {
  await t.type(begun);
  await t.waitFor(begun);
  t.signal('SIGSTOP');
  t.signal('SIGCONT');
  await t.answer(question, rest);
}

/**
 * Types `score` while another process holds the store's save lock, stops itb with `stop` once it
 * says it is waiting, and checks that it ended with 130, wrote nothing and left the other's lock.
 */
async function stoppedBehindAnotherSave(t: Terminal, score: string, stop: () => unknown): Promise<void> {
  const other = holdStoreLock(join(home(), 'store.json'));
  try {
    await other.held;
    const before = readFileSync(join(home(), 'store.json'));
    await t.type(`${score}${keys.enter}`);
    await t.waitFor('Waiting to save: another itb is saving');
    await stop();
    expect(await t.exited).toBe(130);
    expect(readFileSync(join(home(), 'store.json')).equals(before)).toBe(true);
    expect(existsSync(join(home(), 'store.json.lock'))).toBe(true);
  } finally {
    await other.end();
  }
}

/**
 * Another process holding the save lock of the store `file` as itb does, kept fresh, until
 * `end()`, which lets it go as that process ends.
 */
function holdStoreLock(file: string): { held: Promise<void>; end: () => Promise<void> } {
  const script =
    "const lockfile = require('proper-lockfile'); lockfile.lock(process.argv[1], { realpath: false, stale: 5000 })" +
    ".then(() => process.stdout.write('held\\n'), (error) => { console.error(error); process.exit(1); });" +
    // Running until told to end: the lock's refresh alone would not keep it running.
    "process.on('SIGTERM', () => process.exit(0)); setInterval(() => {}, 1000);";
  const child = spawn(process.execPath, ['-e', script, realpathSync(file)], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const held = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('held') && resolve());
    void ended.then(() => reject(new Error('the process holding the lock ended before it held it')));
  });
  return {
    held,
    end: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await ended;
    },
  };
}

/** A time zone with a whole-hour offset from UTC in which `now` is between noon and one o'clock, and that offset. */
function zoneAtMidday(now: Date): { zone: string; offsetMs: number } {
  const hours = 12 - now.getUTCHours(); // from -11 to +12, each a zone of its own
  // The Etc zones count the other way round: Etc/GMT-3 is three hours ahead of UTC.
  const zone = hours === 0 ? 'Etc/GMT' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
  return { zone, offsetMs: hours * 60 * 60 * 1000 };
}
