import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDate } from '../../src/core/history.js';
import { settingKeys } from '../../src/core/settings.js';
import { Store } from '../../src/store/store.js';
import { documentedKeys } from '../helpers/json-shape.js';
import { run, tempHome } from '../helpers/run.js';
import { buildSession } from '../helpers/sessions.js';
import { libraryFile } from '../helpers/libraries.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const settings = () => Store.open({ ITB_HOME: home }).read().settings;

describe('itb settings', () => {
  it('shows every setting with its value and meaning, without creating the store', async () => {
    const result = await run(['settings'], { home });
    expect(result.code).toBe(0);
    for (const key of ['minImprovement', 'flareRise', 'retestAfterDays', 'side', 'symptom', 'movement']) expect(result.stdout).toContain(key);
    expect(result.stdout).toMatch(/minImprovement\s+1/);
    expect(result.stdout).toMatch(/side\s+not set/);
    // Each value on its key's line on an 80-column terminal, the list apart from what follows.
    expect(result.stdout).toMatch(/^minImprovement {2}1\n/m);
    expect(result.stdout).toMatch(/^movement {8}not set\n/m);
    expect(result.stdout).toMatch(/Enter alone takes it\n\nKept in /);
    // The default of each threshold, to go back to it.
    expect(result.stdout).toMatch(/from\s+1 to 3; 1 by default\)/);
    expect(result.stdout).toMatch(/from\s+2 to 5; 3 by default\)/);
    expect(result.stdout).toMatch(/from\s+1 to 365; 14 by default\)/);
    // And where the store is, for a backup or a move.
    expect(result.stdout).toContain(`Kept in ${join(home, 'store.json')}`);
    // Then how to change one.
    expect(result.stdout).toMatch(/\nChange one with `itb settings KEY VALUE`, such as `itb settings side right`\.\n$/);
    expect(existsSync(join(home, 'store.json'))).toBe(false);
  });

  it("says of each remembered answer the values it takes, then that a session's list starts at it, not that it moves to the top", async () => {
    const { stdout } = await run(['settings'], { home });
    const notes = stdout.replace(/\n {2}/g, ' ');
    expect(notes).toContain("your painful side (left, right or both): a session's list starts at it, and Enter alone takes it");
    expect(notes).toContain("what you rate (pain, tightness or discomfort): a session's list starts at it, and Enter alone takes it");
    expect(notes).toContain("your test movement (a short description in plain text on one line, up to 200 characters): a session's list starts");
    expect(notes).not.toContain('offered first');
  });

  it('gives as its example a change that changes something, not the side already set', async () => {
    await run(['settings', 'side', 'right'], { home });
    expect((await run(['settings'], { home })).stdout).toMatch(/, such as `itb settings side left`\.\n$/);
    await run(['settings', 'side', 'left'], { home });
    expect((await run(['settings'], { home })).stdout).toMatch(/, such as `itb settings side right`\.\n$/);
  });

  it('in a colour terminal: keys in bold, what is not set and the explanations dimmed, values plain', async () => {
    const { stdout } = await run(['settings'], { home, tty: true, env: { NO_COLOR: undefined } });
    const [bold, dim, off] = ['\u001b[1m', '\u001b[2m', '\u001b[22m'];
    expect(stdout.startsWith(`${bold}minImprovement  ${off}1\n${dim}  points a score must fall`)).toBe(true);
    expect(stdout).toContain(`${bold}side            ${off}${dim}not set${off}\n${dim}  your painful side`);
    expect(stdout).toContain(`\n\n${dim}Kept in ${join(home, 'store.json')}${off}\n${dim}Change one with`);
  });

  it('changes a threshold and says what changed', async () => {
    const result = await run(['settings', 'minImprovement', '2'], { home });
    expect(result.code).toBe(0);
    // Not of the drills already decided, unlike a new retestAfterDays.
    expect(result.stderr).toBe('minImprovement: 1 → 2\nYour next session judges drills by it; earlier sessions keep their verdicts.\n');
    expect(settings().minImprovement).toBe(2);
    expect((await run(['settings', 'minimprovement'], { home })).stdout).toBe('2\n');
    expect(JSON.parse((await run(['settings', '--json'], { home })).stdout)).toEqual({ minImprovement: 2, flareRise: 3, retestAfterDays: 14, side: null, symptom: null, movement: null });
    // One setting alone: null for an answer not remembered, so a script finds its key.
    expect(JSON.parse((await run(['settings', 'side', '--json'], { home })).stdout)).toEqual({ side: null });
    expect(JSON.parse((await run(['settings', 'minImprovement', '--json'], { home })).stdout)).toEqual({ minImprovement: 2 });
    expect(documentedKeys((await run(['settings', '--help'], { home })).stdout, 'prints')).toEqual(settingKeys);
  });

  it('says of a new flareRise, as of a new minImprovement, that sessions already saved keep their verdicts', async () => {
    const result = await run(['settings', 'flareRise', '4'], { home });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('flareRise: 3 → 4\nYour next session judges drills by it; earlier sessions keep their verdicts.\n');
    // Remembered answers judge nothing.
    expect((await run(['settings', 'side', 'left'], { home })).stderr).toBe('side: not set → left\n');
  });

  it('--unset without a setting: exit 2, naming how to forget one, and no list printed', async () => {
    const result = await run(['settings', '--unset'], { home });
    expect(result).toMatchObject({ code: 2, stdout: '', stderr: 'error: --unset needs the name of a setting, such as `itb settings movement --unset`\n' });
  });

  it('after npx itb, the commands it suggests start with npx itb', async () => {
    const npx = { npm_lifecycle_event: 'npx' };
    const listed = await run(['settings'], { home, env: npx });
    expect(listed.stdout).toMatch(/\nChange one with `npx itb settings KEY VALUE`, such as\s+`npx itb settings side right`\.\n$/);
    const threshold = await run(['settings', 'minImprovement', '--unset'], { home, env: npx });
    expect(threshold.stderr).toContain('To go back to the default: `npx itb settings minImprovement 1`.');
  });

  it('says that a new retestAfterDays moves the re-test dates of drills already set aside, as buckets then shows', async () => {
    const now = new Date('2026-03-11T12:00:00Z');
    const setAside = buildSession({ startedAt: '2026-03-01T12:00:00Z', baseline: 5, drills: [{ id: 'hip-hikes', scores: [5, 5] }] });
    await Store.open({ ITB_HOME: home }).update((data) => void data.sessions.push(setAside));
    const day = (offset: number) => localDate(new Date(Date.parse('2026-03-01T12:00:00Z') + offset * 86_400_000));
    const hipHikes = async () => {
      const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout) as { avoid: { exerciseId: string; retestDueAt: string; retestDue: boolean }[] };
      return json.avoid.find((status) => status.exerciseId === 'hip-hikes')!;
    };
    expect(localDate(new Date((await hipHikes()).retestDueAt))).toBe(day(14));
    expect((await run(['buckets'], { home, now })).stdout).toContain(`re-test from ${day(14)}`);

    const result = await run(['settings', 'retestAfterDays', '7'], { home, now });
    expect(result.code).toBe(0);
    expect(result.stderr.replace(/\s+/g, ' ')).toBe(
      'retestAfterDays: 14 → 7 Every drill set aside, including those set aside before this change, is now offered for a re-test 7 days after the day it was set aside; `itb buckets` shows the dates. ',
    );
    // True of the drill set aside ten days ago: due since its seventh day.
    expect(await hipHikes()).toMatchObject({ retestDue: true });
    expect(localDate(new Date((await hipHikes()).retestDueAt))).toBe(day(7));
    expect((await run(['buckets'], { home, now })).stdout).toContain(`re-test due (since ${day(7)})`);
    expect((await run(['settings', 'retestAfterDays', '1'], { home, now })).stderr).toContain('a re-test 1 day after');
  });

  it('leaves the store untouched when the value is already set, and says so', async () => {
    expect((await run(['settings', 'retestAfterDays', '21'], { home })).code).toBe(0);
    const file = join(home, 'store.json');
    const before = { bytes: readFileSync(file), modified: statSync(file).mtimeMs };
    const same = await run(['settings', 'retestAfterDays', '21'], { home });
    expect(same.code).toBe(0);
    expect(same.stderr).toBe('retestAfterDays is already 21; nothing changed.\n');
    const unset = await run(['settings', 'movement', '--unset'], { home });
    expect(unset.stderr).toBe('movement is not set; nothing changed.\n');
    expect(readFileSync(file)).toEqual(before.bytes);
    expect(statSync(file).mtimeMs).toBe(before.modified);
  });

  it('refuses --json with a change, changing nothing, as a script waiting for JSON would get none', async () => {
    expect((await run(['settings', 'retestAfterDays', '21'], { home })).code).toBe(0);
    const bytes = readFileSync(join(home, 'store.json'));
    for (const argv of [['settings', 'retestAfterDays', '10', '--json'], ['settings', 'movement', '--unset', '--json']]) {
      const refused = await run(argv, { home });
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain('error: --json is for showing a setting: a change prints no JSON\n');
      // And how to see the value once changed.
      expect(refused.stderr).toContain(`Leave --json out; \`itb settings ${argv[1]} --json\` shows it after.`);
    }
    expect(readFileSync(join(home, 'store.json'))).toEqual(bytes);
    expect((await run(['settings', 'retestAfterDays', '--json'], { home })).stdout).toBe('{\n  "retestAfterDays": 21\n}\n');
  });

  it('does not create the store to save a default value', async () => {
    const result = await run(['settings', 'flareRise', '3'], { home });
    expect(result.stderr).toBe('flareRise is already 3; nothing changed.\n');
    expect(existsSync(join(home, 'store.json'))).toBe(false);
  });

  it.each([
    ['minImprovement', '4', /use a whole number from 1 to 3/],
    ['minImprovement', 'two', /use a whole number from 1 to 3/],
    ['flareRise', '1', /from 2 to 5/],
    ['retestAfterDays', '0', /from 1 to 365/],
    ['retestAfterDays', '2.5', /whole number/],
    ['side', 'middle', /use left, right or both$/m],
    ['symptom', 'ache', /use pain, tightness or discomfort$/m],
  ])('refuses %s %s with the allowed values, changing nothing', async (key, value, reason) => {
    await run(['settings', 'flareRise', '4'], { home });
    const before = readFileSync(join(home, 'store.json'));
    const result = await run(['settings', key, value], { home });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(reason);
    expect(readFileSync(join(home, 'store.json'))).toEqual(before);
  });

  it('quotes only the start of a long value it refuses', async () => {
    const result = await run(['settings', 'movement', 'a'.repeat(5000)], { home });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`"${'a'.repeat(39)}…" (5000 characters) is not a valid movement`);
    expect(result.stderr.length).toBeLessThan(300);
    // Emoji take two of the 200 the store allows; the quote never cuts one in half.
    const emoji = await run(['settings', 'movement', '😀'.repeat(101)], { home });
    expect(emoji.code).toBe(2);
    expect(emoji.stderr).toContain(`"${'😀'.repeat(19)}…" (202 characters) is not a valid movement`);
    expect(emoji.stderr).not.toContain('\uFFFD');
  });

  it('names the settings when the key is unknown, with the closest match, as advice under a short error', async () => {
    const result = await run(['settings', 'flareRize', '3'], { home });
    expect(result.code).toBe(2);
    // The error itself on one line of its own; the advice wraps under it, as for every other error.
    expect(result.stderr).toBe(
      'error: there is no setting "flareRize"\nDid you mean flareRise? The settings are: minImprovement, flareRise,\nretestAfterDays, side, symptom, movement.\n',
    );
    expect(existsSync(join(home, 'store.json'))).toBe(false);
    const far = await run(['settings', 'colour'], { home });
    expect(far.code).toBe(2);
    expect(far.stderr.split('\n')[0]).toBe('error: there is no setting "colour"');
    expect(far.stderr).not.toContain('Did you mean');
  });

  it('remembers and forgets answers, but never unsets a threshold', async () => {
    expect((await run(['settings', 'movement', 'step-down from a 20 cm step'], { home })).code).toBe(0);
    expect(settings().movement).toBe('step-down from a 20 cm step');
    expect((await run(['settings', 'movement', '--unset'], { home })).code).toBe(0);
    expect(settings().movement).toBeUndefined();
    // Asked for, a value that is not there is said on stderr; stdout stays empty for scripts.
    const asked = await run(['settings', 'movement'], { home });
    expect(asked).toMatchObject({ code: 0, stdout: '', stderr: 'movement is not set.\n' });
    // --help says which settings --unset forgets.
    expect((await run(['settings', '--help'], { home })).stdout).toMatch(/--unset\s+forget a remembered answer \(side, symptom or movement\)\n/);
    const threshold = await run(['settings', 'flareRise', '--unset'], { home });
    expect(threshold.code).toBe(2);
    expect(threshold.stderr).toBe('error: flareRise always has a value; set it to a whole number from 2 to 5\nTo go back to the default: `itb settings flareRise 3`.\n');
    const both = await run(['settings', 'side', 'left', '--unset'], { home });
    expect(both.code).toBe(2);
  });

  it('takes a movement of several words typed without quotes as one movement, and refuses several words for another setting', async () => {
    const result = await run(['settings', 'movement', 'walking', 'downhill'], { home });
    expect(result).toMatchObject({ code: 0, stderr: 'movement: not set → walking downhill\n' });
    expect(settings().movement).toBe('walking downhill');
    const side = await run(['settings', 'side', 'left', 'right'], { home });
    expect(side).toMatchObject({ code: 2, stderr: 'error: "left right" is not a valid side: use left, right or both\n' });
    expect(settings().side).toBeUndefined();
  });

  it('takes a side as its first letter, as a session takes it', async () => {
    expect(await run(['settings', 'side', 'b'], { home })).toMatchObject({ code: 0, stderr: 'side: not set → both\n' });
    expect(settings().side).toBe('both');
    expect((await run(['settings', 'side', 'L'], { home })).code).toBe(0);
    expect(settings().side).toBe('left');
  });

  it('takes a symptom as its first letter, as a session takes it', async () => {
    expect(await run(['settings', 'symptom', 't'], { home })).toMatchObject({ code: 0, stderr: 'symptom: not set → tightness\n' });
    expect(settings().symptom).toBe('tightness');
    expect((await run(['settings', 'symptom', 'D'], { home })).code).toBe(0);
    expect(settings().symptom).toBe('discomfort');
  });

  it('says a value left empty is empty instead of quoting nothing', async () => {
    const side = await run(['settings', 'side', ''], { home });
    expect(side).toMatchObject({ code: 2, stderr: 'error: the side was left empty: use left, right or both\n' });
    const movement = await run(['settings', 'movement', '  '], { home });
    expect(movement.stderr).toBe('error: the movement was left empty: use a short description in plain text on one line, up to 200 characters\n');
    expect(existsSync(join(home, 'store.json'))).toBe(false);
  });

  it('names a line break or tab in a value instead of quoting it over two lines', async () => {
    const result = await run(['settings', 'movement', 'walking\ndownhill'], { home });
    expect(result).toMatchObject({ code: 2, stderr: 'error: the movement holds a line break: use a short description in plain text on one line, up to 200 characters\n' });
    expect((await run(['settings', 'symptom', 'pain\tache'], { home })).stderr).toBe('error: the symptom holds a tab: use pain, tightness or discomfort\n');
    expect(existsSync(join(home, 'store.json'))).toBe(false);
  });

  it('keeps a library movement given by its id by its name, as a session records it', async () => {
    const result = await run(['settings', 'movement', 'single-leg-squat'], { home });
    expect(result).toMatchObject({ code: 0, stderr: 'movement: not set → single-leg squat\n' });
    expect(settings().movement).toBe('single-leg squat');
    // The same movement, so nothing to save; words of one's own are kept as typed.
    expect((await run(['settings', 'movement', 'Single-Leg-Squat'], { home })).stderr).toBe('movement is already single-leg squat; nothing changed.\n');
    await run(['settings', 'movement', 'single-leg-squat-deep'], { home });
    expect(settings().movement).toBe('single-leg-squat-deep');
  });

  it('keeps a library movement done on one leg without the leg given with it, as a session keeps it, and says so', async () => {
    const leftOut = "The leg is not kept with it: while both sides hurt, each session asks which leg you test on, its list starting at last time's; with one side painful, it is that side's leg.";
    const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();
    const left = await run(['settings', 'movement', 'step-down', 'on', 'the', 'left', 'leg'], { home });
    expect(left.code).toBe(0);
    expect(oneLine(left.stderr)).toBe(`movement: not set → step-down ${leftOut}`);
    expect(settings().movement).toBe('step-down');
    // The other leg, in other words and capitals: the same movement, nothing saved.
    const right = await run(['settings', 'movement', 'Step-Down on my right leg'], { home });
    expect(oneLine(right.stderr)).toBe(`movement is already step-down; nothing changed. ${leftOut}`);
    // By its id too.
    expect((await run(['settings', 'movement', 'single-leg-squat on the left leg'], { home })).code).toBe(0);
    expect(settings().movement).toBe('single-leg squat');
    // By its name as the library writes it, and by its id in capitals.
    await run(['settings', 'movement', 'Forward lunge on the right leg'], { home });
    expect(settings().movement).toBe('forward lunge');
    await run(['settings', 'movement', 'SINGLE-LEG-SQUAT on the left leg'], { home });
    expect(settings().movement).toBe('single-leg squat');
    // Walking is not done on one leg, and hopping is no library movement: kept as typed, leg and all.
    for (const typed of ['walking on the left leg', 'hopping on the left leg']) {
      const kept = await run(['settings', 'movement', typed], { home });
      expect(kept.stderr).not.toContain('The leg is not kept');
      expect(settings().movement).toBe(typed);
    }
  });

  it('refuses a number alone as the movement, as a session does, and saves nothing', async () => {
    const hint = 'Your score is asked in each session, once the movement is chosen. Give the movement in words, such as `itb settings movement "stairs, two at a time"`, or by its id (`itb routines` lists them).';
    const number = await run(['settings', 'movement', '4'], { home });
    expect(number.code).toBe(2);
    expect(number.stderr.replace(/\s*\n\s*/g, ' ')).toBe(`error: "4" is a number, not a test movement ${hint} `);
    // A score in several words, as typed without quotes; full-width digits too.
    const score = await run(['settings', 'movement', '4', '/', '10'], { home });
    expect(score.code).toBe(2);
    expect(score.stderr.split('\n')[0]).toBe('error: "4 / 10" is a score, not a test movement');
    expect((await run(['settings', 'movement', '\uff16.5'], { home })).code).toBe(2);
    expect(existsSync(join(home, 'store.json'))).toBe(false);
    // A movement in words that holds a number is a movement.
    expect((await run(['settings', 'movement', '2', 'flights', 'of', 'stairs'], { home })).code).toBe(0);
    expect(settings().movement).toBe('2 flights of stairs');
  });

  it('with a library of no test movements, does not send you to look for their ids; one the library numbers is taken', async () => {
    const file = join(home, 'numbered.yaml');
    const source = readFileSync(libraryFile('good.yaml'), 'utf8');
    writeFileSync(file, source.replace('  - id: step-down\n    name: Step-down', '  - id: "3"\n    name: Step-down'));
    const none = join(home, 'none.yaml');
    writeFileSync(none, source.replace(/movements:\n(?: {2,}.*\n)*/, ''));
    const result = await run(['--data', none, 'settings', 'movement', '3'], { home });
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain('routines');
    expect(result.stderr.replace(/\s*\n\s*/g, ' ')).toContain('Give the movement in words, such as `itb --data');
    expect((await run(['--data', file, 'settings', 'movement', '3'], { home })).stderr).toBe('movement: not set → step-down\n');
  });

  it('keeps working with a movement kept as a number by an older version: shown, offered in a session, forgotten', async () => {
    await Store.open({ ITB_HOME: home }).update((data) => void (data.settings.movement = '4'));
    expect((await run(['settings', 'movement'], { home })).stdout).toBe('4\n');
    expect((await run(['settings'], { home })).stdout).toMatch(/^movement {8}4\n/m);
    const session = await run(['session', 'balance', '--side', 'left', '--symptom', 'pain', '--no-timer'], { home, tty: true, answers: [false, false, false, false, false, false, '4', 5, 'stop'] });
    expect(session.code).toBe(0);
    const movements = session.prompter.asked.find((asked) => asked.message.startsWith('Which test movement?'))!;
    expect(movements.choiceNames![0]).toBe('4 (last time)');
    expect(Store.open({ ITB_HOME: home }).read().sessions[0]!.movement).toBe('4');
    expect((await run(['settings', 'movement', '--unset'], { home })).stderr).toBe('movement: 4 → not set\n');
    expect(settings().movement).toBeUndefined();
  });

  it('a new retestAfterDays with another library names the buckets command of that library', async () => {
    const file = libraryFile('good.yaml');
    const result = await run(['--data', file, 'settings', 'retestAfterDays', '7'], { home });
    expect(result.code).toBe(0);
    expect(result.stderr.replace(/\s*\n\s*/g, ' ')).toContain(`the day it was set aside; \`itb --data ${file} buckets\` shows the dates.`);
  });

  it('never meets a library movement whose name is too long to remember: the library is refused first, with the line to fix', async () => {
    const file = join(home, 'long-movement.yaml');
    const source = readFileSync(libraryFile('good.yaml'), 'utf8');
    writeFileSync(file, source.replace('name: Step-down', `name: Step-down ${'slowly '.repeat(30)}`));
    const result = await run(['--data', file, 'settings', 'movement', 'step-down'], { home });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}:12:5  movements.0.name  must be at most 200 characters`);
    expect(result.stderr).not.toContain('unexpected error');
    expect(existsSync(join(home, 'store.json'))).toBe(false);
  });

  it('is used by the next session', async () => {
    await run(['settings', 'minImprovement', '3'], { home });
    await run(['settings', 'flareRise', '2'], { home });
    const answers = [false, false, false, false, false, false, 6, 'done', 4, 'done', 8, true, false];
    const result = await run(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'squat'], { home, tty: true, answers });
    expect(result.code).toBe(0);
    const [session] = Store.open({ ITB_HOME: home }).read().sessions;
    expect(session!.thresholds).toEqual({ minImprovement: 3, flareRise: 2 });
    // 6 → 4 is not enough with minImprovement 3; the retry 6 → 8 is a flare with flareRise 2.
    expect(session!.results).toEqual([expect.objectContaining({ outcome: 'avoid', flare: true })]);
    // The score is asked about first, by the same rule: a rise of 2 is a flare-up now.
    expect(result.prompter.asked.filter((asked) => asked.kind === 'confirm').map((asked) => asked.message).slice(-2)).toEqual([
      'Up 2 points, from 6 to 8: a flare-up. Is 8 right?',
      'Go on with the next drill? (Say no to stop here for today.)',
    ]);
  });
});
