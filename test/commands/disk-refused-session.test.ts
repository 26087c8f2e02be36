// A session whose save the disk refuses, being full or made read-only while it runs: the person
// is told in plain words what is wrong and may try the save again once it is put right, or stop,
// keeping every score saved before; nothing already in the store is changed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readStore } from '../../src/store/store-file.js';
import { Store } from '../../src/store/store.js';
import { screenClear, setUpFlags as flags } from '../helpers/sessions.js';
import { run, tempHome } from '../helpers/run.js';
import { CTRL_C, type Answer, type Asked } from '../helpers/scripted.js';

// While `code` is set, conf's writes of the store fail as the disk fails them.
const disk = vi.hoisted(() => ({ code: undefined as 'ENOSPC' | 'EROFS' | undefined }));
vi.mock('conf', async (importOriginal) => {
  const { fileError, refusingConf } = await import('../helpers/refusing-conf.js');
  return refusingConf(await importOriginal(), (path) => (disk.code === undefined ? undefined : fileError(disk.code, `refused, open '${path}.tmp'`)));
});

const TRY_AGAIN = 'Try saving it again? (Say no to stop here, without it.)';
const said = (text: string) => text.replace(/\s*\n\s*/g, ' ');

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => {
  disk.code = undefined;
  cleanup();
});

const file = () => join(home, 'store.json');
/** The disk refuses saves with `code` from the question starting with `message` on; put right at the question to try again, when `mend`. */
const refuseAt =
  (code: 'ENOSPC' | 'EROFS', message: string, mend = false) =>
  (asked: Asked) => {
    if (asked.message.startsWith(message)) disk.code = code;
    if (mend && asked.message === TRY_AGAIN) disk.code = undefined;
  };

describe('a session save the disk refuses', () => {
  it.each([
    ['ENOSPC', 'the disk your store is on is full.', 'Free some space on the disk'],
    ['EROFS', 'the disk your store is on may only be read now', 'Make the disk writable again'],
  ] as const)('%s: says so and what to do, and, asked to try again once it is put right, saves the score and goes on', async (code, why, todo) => {
    const answers: Answer[] = [...screenClear, 6, 'done', 4, true, 'stop'];
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers, onAsk: refuseAt(code, 'Rate your pain now', true) });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(said(result.stdout)).toContain(`Your last answer is not saved yet: ${why}`);
    expect(said(result.stdout)).toContain('Everything you answered before it is saved.');
    expect(said(result.stdout)).toContain(todo);
    expect(result.prompter.asked.find((asked) => asked.message === TRY_AGAIN)?.default).toBe(true);
    const [session] = Store.open({ ITB_HOME: home }).read().sessions;
    expect(session).toMatchObject({ status: 'stopped', baseline: 6, attempts: [expect.objectContaining({ before: 6, after: 4 })] });
  });

  it('asks again while the disk is still full, and on stopping names the score not saved and keeps the rest as it was', async () => {
    const answers: Answer[] = [...screenClear, 6, 'done', 4, true, false];
    let before = '';
    const onAsk = (asked: Asked) => {
      if (asked.message.startsWith('Rate your pain now')) before = readFileSync(file(), 'utf8');
      refuseAt('ENOSPC', 'Rate your pain now')(asked);
    };
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers, onAsk });
    expect(result.code).toBe(2);
    expect(result.prompter.asked.filter((asked) => asked.message === TRY_AGAIN)).toHaveLength(2);
    const error = said(result.stderr);
    expect(error).toContain(`the itb store ${file()} could not be saved (the disk is full)`);
    expect(error).toContain('Your last score was not saved: pain 4 after Lateral ankle tilts (before: 6).');
    expect(error).toContain('Everything you answered before it is saved, and the session shows as interrupted.');
    expect(error).toContain('Once there is room on the disk, run `itb session joint-chain` again.');
    expect(error).not.toContain('Nothing was changed');
    expect(readFileSync(file(), 'utf8')).toBe(before);
    disk.code = undefined;
    const [session] = (await readStore({ ITB_HOME: home })).sessions;
    expect(session).toMatchObject({ status: 'interrupted', baseline: 6, attempts: [] });
  });

  it('says what was kept when Ctrl-C at the question to try again finds the disk still read-only', async () => {
    const answers: Answer[] = [...screenClear, 6, 'done', 4, CTRL_C];
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers, onAsk: refuseAt('EROFS', 'Rate your pain now') });
    expect(result.code).toBe(2);
    const error = said(result.stderr);
    expect(error).toContain('(the disk is read-only)');
    expect(error).toContain('Your last score was not saved: pain 4 after Lateral ankle tilts (before: 6).');
    expect(error).toContain('Once the disk may be written to again, run `itb session joint-chain` again.');
  });
});
