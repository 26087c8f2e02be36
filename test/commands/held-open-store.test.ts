// On Windows a save cannot replace the store while another program has the file open (a backup,
// sync or virus-scanning program): Windows answers EPERM, its word for "permission denied" too.
// A session tries again for a while; past that it says what is happening and asks whether to try
// once more, as it does for a store another itb keeps busy, so no answer is lost unsaid.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Store } from '../../src/store/store.js';
import { asOnWindows } from '../helpers/as-on-windows.js';
import { setUpFlags as flags } from '../helpers/sessions.js';
import { run, tempHome } from '../helpers/run.js';
import type { Answer, Asked } from '../helpers/scripted.js';

// While `on`, conf's write of the store fails as Windows fails it for a file held open; `tries` counts them.
const holding = vi.hoisted(() => ({ on: false, times: Infinity, tries: 0 }));
vi.mock('conf', async (importOriginal) => {
  const { fileError, refusingConf } = await import('../helpers/refusing-conf.js');
  return refusingConf(await importOriginal(), (path) => {
    if (!holding.on || holding.times <= 0) return undefined;
    holding.tries++;
    holding.times--;
    return fileError('EPERM', `operation not permitted, rename '${path}.tmp' -> '${path}'`);
  });
});

const screenClear: Answer[] = [false, false, false, false, false, false];
const TRY_AGAIN = 'Try saving it again? (Say no to stop here, without it.)';
const said = (text: string) => text.replace(/\s*\n\s*/g, ' ');

let home: string;
let cleanup: () => void;
beforeEach(() => {
  ({ home, cleanup } = tempHome());
  asOnWindows();
});
afterEach(() => {
  cleanup();
  Object.assign(holding, { on: false, times: Infinity, tries: 0 });
});
const stored = () => Store.open({ ITB_HOME: home }).read();
const holdAt = (message: string) => (asked: Asked) => {
  if (asked.message.startsWith(message)) holding.on = true;
  if (asked.message === TRY_AGAIN) holding.on = false;
};

describe('a session save on Windows while another program has the store open', () => {
  it('tries again while the program holds it for a moment, and the session goes on unaware', async () => {
    holding.times = 2;
    const answers: Answer[] = [...screenClear, 6, 'done', 4, 'stop'];
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers, onAsk: holdAt('Rate your pain now') });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(holding.tries).toBe(2);
    expect(stored().sessions[0]).toMatchObject({ status: 'stopped', attempts: [expect.objectContaining({ before: 6, after: 4 })] });
  });

  it('says so, not "permission denied", and asked to try again once it is closed, saves the answer and goes on', async () => {
    const answers: Answer[] = [...screenClear, 6, 'done', 4, true, 'stop'];
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers, onAsk: holdAt('Rate your pain now') });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(said(result.stdout)).toContain('Your last answer is not saved yet: Windows would not let your store be replaced, most likely because another program has it open');
    expect(result.stdout).not.toContain('another itb');
    expect(stored().sessions[0]).toMatchObject({ status: 'stopped', attempts: [expect.objectContaining({ before: 6, after: 4 })] });
  });

  it('says which score was not saved when the person stops rather than try again', async () => {
    const answers: Answer[] = [...screenClear, 6, 'done', 4, false];
    const onAsk = (asked: Asked) => {
      if (asked.message.startsWith('Rate your pain now')) holding.on = true;
    };
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers, onAsk });
    expect(result.code).toBe(2);
    const error = said(result.stderr);
    expect(error).toContain(`the itb store ${join(home, 'store.json')} could not be saved: Windows would not let it be replaced, most likely because another program has it open`);
    expect(error).toContain('Your last score was not saved: pain 4 after Lateral ankle tilts (before: 6).');
    expect(error).toContain('In a moment, or once that program is closed, run `itb session joint-chain` again.');
    expect(error).not.toContain('permission denied');
  });
});
