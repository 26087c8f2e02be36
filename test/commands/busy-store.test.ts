// A session whose save finds the store kept locked by another itb (a large import in another
// window, say) for longer than a save waits: the person is told what is saved and what is not,
// and may try again and go on, so that no answer is lost unsaid.
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { redFlagQuestions } from '../../src/commands/session-screen.js';
import { privateLockFs } from '../../src/store/lock-folder.js';
import { lockedFile } from '../../src/store/lock-place.js';
import { readStore } from '../../src/store/store-file.js';
import { Store } from '../../src/store/store.js';
import { setUpFlags as flags } from '../helpers/sessions.js';
import { run, tempHome } from '../helpers/run.js';
import { CTRL_C, type Answer, type Asked } from '../helpers/scripted.js';

// The red-flag screen of a first run, all answered no.
const screenClear: Answer[] = [false, false, false, false, false, false];
// A save gives up at once rather than after 20 seconds.
const lockWaitMs = 0;
const TRY_AGAIN = 'Try saving it again? (Say no to stop here, without it.)';

let home: string;
let cleanup: () => void;
let held: (() => void) | undefined;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => {
  free();
  cleanup();
});

const file = () => join(home, 'store.json');
const stored = () => Store.open({ ITB_HOME: home }).read();
/** One line of stderr, as the terminal would show it unwrapped. */
const said = (stderr: string) => stderr.replace(/\s*\n\s*/g, ' ');

/** Another itb holds the store's save lock, as it does while it saves, until free(). */
function hold(): void {
  held ??= lockfile.lockSync(lockedFile(file()), { realpath: false, stale: 5000, fs: privateLockFs });
}
function free(): void {
  held?.();
  held = undefined;
}

/** Holds the lock when the first question starting with `message` comes. */
const holdAt = (message: string) => (asked: Asked) => {
  if (asked.message.startsWith(message)) hold();
};

describe('a session save that another itb keeps waiting too long', () => {
  it('says the answer is not saved yet and, asked to try again once the other is done, saves it and goes on', async () => {
    const onAsk = (asked: Asked) => {
      if (asked.message.startsWith('Rate your pain now')) hold();
      if (asked.message === TRY_AGAIN) free();
    };
    const answers: Answer[] = [...screenClear, 6, 'done', 4, true, 'stop'];
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers, onAsk, lockWaitMs });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(said(result.stdout)).toContain('Your last answer is not saved yet: another itb has kept your store busy');
    expect(said(result.stdout)).toContain('Everything you answered before it is saved.');
    expect(result.prompter.asked.find((asked) => asked.message === TRY_AGAIN)?.default).toBe(true);
    const [session] = stored().sessions;
    expect(session).toMatchObject({ status: 'stopped', baseline: 6, attempts: [expect.objectContaining({ before: 6, after: 4 })] });
  });

  it('says the last answer was not saved when it was a skip rather than a score', async () => {
    const answers: Answer[] = [...screenClear, 6, 'skip', false];
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers, onAsk: holdAt('When you have done the drill'), lockWaitMs });
    expect(result.code).toBe(2);
    const error = said(result.stderr);
    expect(error).toContain('Your last answer was not saved. Everything you answered before it is saved, and the session shows as interrupted.');
    expect(error).not.toContain('Your last score');
    free();
    const [session] = (await readStore({ ITB_HOME: home })).sessions;
    expect(session).toMatchObject({ status: 'interrupted', baseline: 6, results: [] });
  });

  it('says which score was not saved when the person stops rather than try again, and the session shows as interrupted', async () => {
    const answers: Answer[] = [...screenClear, 6, 'done', 4, false];
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers, onAsk: holdAt('Rate your pain now'), lockWaitMs });
    expect(result.code).toBe(2);
    const error = said(result.stderr);
    expect(error).toContain(`the itb store ${file()} is busy: another itb kept it locked for too long`);
    expect(error).toContain('Your last score was not saved: pain 4 after Lateral ankle tilts (before: 6).');
    expect(error).toContain('Everything you answered before it is saved, and the session shows as interrupted.');
    expect(error).toContain('Once the other itb is done, run `itb session joint-chain` again.');
    expect(error).not.toContain('Nothing was changed');
    free();
    const [session] = (await readStore({ ITB_HOME: home })).sessions;
    expect(session).toMatchObject({ status: 'interrupted', baseline: 6, attempts: [] });
  });

  it('names the routine picked from the list in the command to run again', async () => {
    const answers: Answer[] = [...screenClear, 'joint-chain', 6, 'done', 4, false];
    const result = await run(['session', ...flags], { home, tty: true, answers, onAsk: holdAt('Rate your pain now'), lockWaitMs });
    expect(result.code).toBe(2);
    expect(said(result.stderr)).toContain('Once the other itb is done, run `itb session joint-chain` again.');
  });

  it('says the baseline was not saved, and no session recorded, when its save is the one given up', async () => {
    const answers: Answer[] = [...screenClear, 6, false];
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers, onAsk: holdAt('Rate your pain'), lockWaitMs });
    expect(result.code).toBe(2);
    expect(said(result.stderr)).toContain('Your baseline score (6) was not saved, so no new session was recorded.');
    expect(result.stderr).not.toContain('Nothing was changed');
    free();
    expect(stored().sessions).toEqual([]);
  });

  it('names only the score not saved, at a later drill, not those saved before it', async () => {
    // The ankle tilts' score is saved; the store is kept busy when the knee circles are rated.
    let rated = 0;
    const onAsk = (asked: Asked) => {
      if (asked.message.startsWith('Rate your pain now') && ++rated === 2) hold();
    };
    const answers: Answer[] = [...screenClear, 6, 'done', 4, 'done', 3, false];
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers, onAsk, lockWaitMs });
    expect(result.code).toBe(2);
    const error = said(result.stderr);
    expect(error).toContain('Your last score was not saved: pain 3 after Forward 45° lunge knee circles (before: 4). Everything you answered before it is saved');
    expect(error).not.toContain('after Lateral ankle tilts');
    free();
    const [session] = (await readStore({ ITB_HOME: home })).sessions;
    expect(session).toMatchObject({ status: 'interrupted', baseline: 6, attempts: [expect.objectContaining({ before: 6, after: 4 })] });
  });

  it('keeps the unsaved score when Ctrl-C at the question finds the other itb done, and says it is lost when not', async () => {
    const answers: Answer[] = [...screenClear, 6, 'done', 4, CTRL_C];
    const onAsk = (asked: Asked) => {
      if (asked.message.startsWith('Rate your pain now')) hold();
      if (asked.message === TRY_AGAIN) free();
    };
    const done = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers, onAsk, lockWaitMs });
    expect(done.code).toBe(130);
    expect(done.stderr).toMatch(/Session interrupted/);
    expect(stored().sessions[0]).toMatchObject({ status: 'interrupted', attempts: [expect.objectContaining({ after: 4 })] });

    // Still busy: the interrupted session cannot be saved either.
    const other = tempHome();
    try {
      home = other.home;
      const busy = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers, onAsk: holdAt('Rate your pain now'), lockWaitMs });
      expect(busy.code).toBe(2);
      expect(said(busy.stderr)).toContain('Your last score was not saved: pain 4 after Lateral ankle tilts (before: 6). Everything you answered before it is saved');
      free();
      expect((await readStore({ ITB_HOME: home })).sessions[0]).toMatchObject({ status: 'interrupted', attempts: [] });
    } finally {
      other.cleanup();
    }
  });

  it('says everything answered is saved when only the mark "interrupted" of a session stopped at a question could not be saved', async () => {
    const answers: Answer[] = [...screenClear, 6, 'done', CTRL_C];
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers, onAsk: holdAt('Rate your pain now'), lockWaitMs });
    expect(result.code).toBe(2);
    expect(said(result.stderr)).toContain('Everything you answered is saved, and the session shows as interrupted.');
    expect(result.stderr).not.toContain('not saved');
    free();
    expect((await readStore({ ITB_HOME: home })).sessions).toEqual([expect.objectContaining({ status: 'interrupted', baseline: 6 })]);
  });

  it('says, before the session began, that no new session was recorded and the last answer not saved', async () => {
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [false], lockWaitMs, onAsk: hold });
    expect(result.code).toBe(2);
    expect(said(result.stderr)).toContain('The session had not begun, so no new session was recorded; your answer to the last question was not saved.');
    expect(said(result.stderr)).toContain('run `itb session joint-chain` again');
  });

  it('does not begin while another itb keeps saving, asking nothing, and can begin once it is done', async () => {
    hold();
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [false], lockWaitMs });
    expect(result.code).toBe(2);
    expect(result.prompter.asked).toEqual([]);
    expect(said(result.stderr)).toContain('is busy: another itb kept it locked for too long Nothing was changed.');
    free();
    const again = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [...screenClear, 6, 'stop'], lockWaitMs });
    expect(again.code).toBe(0);
  });
});

describe('a command of one change while another itb keeps the store busy', () => {
  it.each([
    ['settings', ['settings', 'minImprovement', '2']],
    ['buckets move', ['buckets', 'move', 'clamshells', 'avoid']],
    ['buckets reset', ['buckets', 'reset', '--force']],
  ])('%s says nothing was changed and to try again once the other itb is done; the store stays as it was', async (_name, argv) => {
    // A drill moved by hand, so that a reset has something to clear.
    expect((await run(['buckets', 'move', 'bridges', 'rehab'], { home })).code).toBe(0);
    const before = stored();
    hold();
    const result = await run(argv, { home, lockWaitMs });
    expect(result.code).toBe(2);
    expect(said(result.stderr)).toContain(`the itb store ${file()} is busy: another itb kept it locked for too long`);
    expect(said(result.stderr)).toContain('Nothing was changed. Another itb is still saving to it');
    free();
    expect(stored()).toEqual(before);
  });
});

// Long enough never to run out while a test waits; a wait that did would end the test as busy.
const longWaitMs = 600_000;

/**
 * Ctrl-C while a save waits for the lock: the listener its wait set up (and only that one: the
 * lock library's would end the test run) hears it, once the wait has begun.
 */
async function ctrlCWhileWaiting(): Promise<void> {
  for (;;) {
    const waits = process.listeners('SIGINT').filter((listener) => listener.name === 'stopAll');
    if (waits.length > 0) return waits.forEach((listener) => listener('SIGINT'));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** `itb argv`, stopped with Ctrl-C once its save waits for the lock the test holds. */
async function stoppedWhileWaiting(argv: string[], answers: Answer[] = [], onAsk?: (asked: Asked) => void) {
  const running = run(argv, { home, tty: answers.length > 0, answers, onAsk, lockWaitMs: longWaitMs });
  await ctrlCWhileWaiting();
  return running;
}

/** Whether the lock the test holds is still there: another itb must not free it. */
const lockHeld = () => existsSync(`${lockedFile(file())}.lock`);

describe('Ctrl-C while a save waits for another itb', () => {
  const notSaved = 'Stopped while waiting to save; this change was not saved.\n';
  it.each([
    ['settings', ['settings', 'minImprovement', '2'], notSaved],
    ['buckets move', ['buckets', 'move', 'clamshells', 'avoid'], notSaved],
    ['buckets reset --force', ['buckets', 'reset', '--force'], notSaved],
    [
      'import',
      ['import', 'BACKUP'],
      'Stopped before the import was saved: nothing was imported, and your store is as it was.\nTo import the file, run `itb import BACKUP` again.\n',
    ],
  ])('%s stops at once with 130, saying its change was not saved; the store and the other itb\'s lock stay as they were', async (_name, argv, said) => {
    const backup = join(home, 'backup.json');
    expect((await run(['buckets', 'move', 'hip-hikes', 'avoid'], { home })).code).toBe(0);
    expect((await run(['export', '--format', 'json', '-o', backup], { home })).code).toBe(0);
    expect((await run(['buckets', 'move', 'bridges', 'rehab'], { home })).code).toBe(0);
    const before = readFileSync(file());
    hold();
    const result = await stoppedWhileWaiting(argv.map((word) => (word === 'BACKUP' ? backup : word)));
    expect(result.code).toBe(130);
    expect(result.stderr).toBe(said.replace('BACKUP', backup));
    expect(lockHeld()).toBe(true);
    expect(readFileSync(file()).equals(before)).toBe(true);
    free();
    expect(readFileSync(file()).equals(before)).toBe(true);
  });

  it('import, started with a library of your own, names it in the command to import again', async () => {
    // Run again without it, the import would say that the file's drills are not in the library in use.
    const backup = join(home, 'backup.json');
    const library = join(home, 'my library.yaml');
    copyFileSync(join(import.meta.dirname, '../../data/library.yaml'), library);
    expect((await run(['export', '--format', 'json', '-o', backup], { home })).code).toBe(0);
    hold();
    const result = await stoppedWhileWaiting(['--data', library, 'import', backup]);
    expect(result.code).toBe(130);
    expect(said(result.stderr)).toContain(`To import the file, run \`itb --data '${library}' import ${backup}\` again.`);
    free();
  });

  it('in a session, ends at once with 130, naming the score not saved, without waiting again to mark the session interrupted', async () => {
    const answers: Answer[] = [...screenClear, 6, 'done', 4];
    const result = await stoppedWhileWaiting(['session', 'joint-chain', ...flags], answers, holdAt('Rate your pain now'));
    expect(result.code).toBe(130);
    const error = said(result.stderr);
    expect(error).toContain('Stopped while waiting to save: another itb was saving to your store (in another window, perhaps).');
    expect(error).toContain('Your last score was not saved: pain 4 after Lateral ankle tilts (before: 6).');
    expect(error).toContain('Everything you answered before it is saved, and the session shows as interrupted.');
    expect(error).toContain('Once the other itb is done, run `itb session joint-chain` again.');
    // Nothing written after the stop, and the other itb's lock left to it.
    expect(lockHeld()).toBe(true);
    expect(stored().sessions).toEqual([expect.objectContaining({ status: 'in-progress', baseline: 6, attempts: [] })]);
    free();
    expect((await readStore({ ITB_HOME: home })).sessions).toEqual([expect.objectContaining({ status: 'interrupted', baseline: 6, attempts: [] })]);
  });

  it('in a session, says the baseline was not saved and no session recorded when its save is the one stopped', async () => {
    const result = await stoppedWhileWaiting(['session', 'joint-chain', ...flags], [...screenClear, 6], holdAt('Rate your pain'));
    expect(result.code).toBe(130);
    expect(said(result.stderr)).toContain('Your baseline score (6) was not saved, so no new session was recorded.');
    free();
    expect(stored().sessions).toEqual([]);
  });

  it('in a session waiting to begin, says it had not begun and nothing was asked, rather than that a change was not saved', async () => {
    hold();
    const result = await stoppedWhileWaiting(['session', 'joint-chain', ...flags], screenClear);
    expect(result.code).toBe(130);
    expect(result.prompter.asked).toEqual([]);
    expect(said(result.stderr)).toBe(
      'Stopped before the session began, while it waited for another itb to finish saving to your store. Nothing was asked yet, so no new session was recorded. ',
    );
    expect(lockHeld()).toBe(true);
    free();
    expect(stored().sessions).toEqual([]);
  });

  it('in a session stopped at a question, says everything answered is saved when the wait to mark it interrupted is stopped too', async () => {
    const answers: Answer[] = [...screenClear, 6, 'done', CTRL_C];
    const result = await stoppedWhileWaiting(['session', 'joint-chain', ...flags], answers, holdAt('Rate your pain now'));
    expect(result.code).toBe(130);
    const error = said(result.stderr);
    expect(error).toContain('Stopped while waiting to save');
    expect(error).toContain('Everything you answered is saved, and the session shows as interrupted.');
    expect(error).not.toContain('not saved');
    free();
    expect((await readStore({ ITB_HOME: home })).sessions).toEqual([expect.objectContaining({ status: 'interrupted', baseline: 6 })]);
  });

  it('during the safety questions, says the last answer was not saved rather than that every answer is', async () => {
    // A yes, which a therapist must see: its save is the one stopped.
    const result = await stoppedWhileWaiting(['session', 'joint-chain', ...flags], [false, true], holdAt(redFlagQuestions.swelling));
    expect(result.code).toBe(130);
    const error = said(result.stderr);
    expect(error).toContain(
      'Stopped while waiting to save: another itb was saving to your store (in another window, perhaps). Your answer to the last question was not saved; the ones before it are.',
    );
    expect(error).not.toContain('The answers you gave are saved');
    free();
    expect(stored().screenings).toEqual([expect.objectContaining({ answers: { 'recent-injury': false } })]);
  });

  it('at the first safety question, says its answer was not saved without speaking of answers before it', async () => {
    const result = await stoppedWhileWaiting(['session', 'joint-chain', ...flags], [true], holdAt(redFlagQuestions['recent-injury']));
    expect(result.code).toBe(130);
    const error = said(result.stderr);
    expect(error).toContain('Your answer to the last question was not saved. itb will ask them all again next time.');
    expect(error).not.toContain('the ones before it');
    free();
    expect(stored().screenings).toEqual([]);
  });
});
