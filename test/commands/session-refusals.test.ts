// What `itb session` refuses before its first question: no terminal, a routine name typed wrong, a bad flag, a store it cannot use.
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Store } from '../../src/store/store.js';
import { noRedFlags, screenClear, setUpFlags as flags } from '../helpers/sessions.js';
import { run, tempHome } from '../helpers/run.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const stored = () => Store.open({ ITB_HOME: home }).read();

describe('itb session', () => {
  it('needs a terminal, and names what works without one', async () => {
    const result = await run(['session'], { home, tty: false });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/needs a terminal/);
    expect(result.stderr).toMatch(/itb buckets.*itb history.*itb export/);
    expect(result.prompter.asked).toEqual([]);
    // A terminal at one end only will not do either: `itb session | tee log`, or input from a file.
    for (const half of [{ stdinTTY: true, stdoutTTY: false }, { stdinTTY: false, stdoutTTY: true }]) {
      const refused = await run(['session'], { home, ...half });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/needs a terminal/);
      expect(refused.prompter.asked).toEqual([]);
    }
    // A mistyped routine is named first: the terminal would not help it.
    const mistyped = await run(['session', 'joint-chian'], { home, tty: false });
    expect(mistyped.code).toBe(2);
    expect(mistyped.stderr).toContain('there is no routine "joint-chian"');
    expect(mistyped.stderr).toContain('Did you mean joint-chain?');
    expect(existsSync(join(home, 'store.json'))).toBe(false);
  });

  it("answers a routine's name, quoted or typed as several words, with its id and the command that runs it, before any question", async () => {
    const said = (stderr: string) => stderr.replace(/\s*\n\s*/g, ' ').trim();
    for (const argv of [['session', 'Joint chain, feet upward'], ['session', 'joint', 'chain'], ['session', 'joint', 'chain,', 'feet', 'upward']]) {
      const result = await run(argv, { home, tty: true, answers: [] });
      expect(result.code, argv.join(' ')).toBe(2);
      expect(said(result.stderr)).toBe(`error: there is no routine "${argv.slice(1).join(' ')}" "Joint chain, feet upward" has the id joint-chain: \`itb session joint-chain\` runs it.`);
      expect(result.prompter.asked).toEqual([]);
    }
    // The setup answers typed are kept: the session meant asks none of them again.
    const typed = await run(['session', 'Joint chain, feet upward', '--side', 'left', '--movement', 'step down', '--no-timer'], { home, tty: true, answers: [] });
    expect(said(typed.stderr)).toContain(`has the id joint-chain: \`itb session joint-chain --side left --movement 'step down' --no-timer\` runs it.`);
    // A word too many after an id: the routine is that id, with the command that runs it.
    const extra = await run(['session', 'strength', 'today'], { home, tty: true, answers: [] });
    expect(extra.code).toBe(2);
    expect(said(extra.stderr)).toBe(
      'error: there is no routine "strength today" The routine is strength, and the words after it are not part of the command: `itb session strength` runs it.',
    );
    expect(existsSync(join(home, 'store.json'))).toBe(false);
  });

  it('says to quote a test movement of several words when its later words were taken for a routine', async () => {
    const said = (stderr: string) => stderr.replace(/\s*\n\s*/g, ' ').trim();
    // The whole command to copy, with the rest typed: the routine, the side.
    const alone = await run(['session', '--side', 'l', '--movement', 'walking', 'downhill'], { home, tty: true, answers: [] });
    expect(alone.code).toBe(2);
    expect(said(alone.stderr)).toBe(
      'error: there is no routine "downhill" `itb routines` lists them. If "downhill" belongs to the test movement, put the movement in quotes: `itb session --side left --movement \'walking downhill\'`.',
    );
    const afterRoutine = await run(['session', 'joint-chain', '--movement', 'walking', 'down', 'hill'], { home, tty: true, answers: [] });
    expect(said(afterRoutine.stderr)).toContain('If "down hill" belongs to the test movement, put the movement in quotes: `itb session joint-chain --movement \'walking down hill\'`.');
    // A routine's name in several words beside a movement is a routine's name, said as before.
    const named = await run(['session', 'joint', 'chain', '--movement', 'walking'], { home, tty: true, answers: [] });
    expect(said(named.stderr)).not.toContain('test movement');
    expect([alone, afterRoutine, named].map((result) => result.prompter.asked.length)).toEqual([0, 0, 0]);
    expect(existsSync(join(home, 'store.json'))).toBe(false);
  });

  it('rejects an unknown routine with suggestions, before asking anything', async () => {
    const result = await run(['session', 'joint-chian', ...flags], { home, tty: true, answers: [...screenClear] });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no routine "joint-chian"/);
    expect(result.stderr).toMatch(/joint-chain/);
  });

  it('takes --side and --symptom in any case, as itb settings does', async () => {
    const typed = ['--side', 'Left', '--symptom', ' TIGHTNESS', '--movement', 'walking', '--no-timer'];
    const result = await run(['session', 'joint-chain', ...typed], { home, tty: true, answers: [...screenClear, 5, 'stop'] });
    expect(result.code).toBe(0);
    expect(stored().sessions[0]).toMatchObject({ side: 'left', symptom: 'tightness', baseline: 5 });
  });

  it('rejects a bad flag value with exit 2', async () => {
    const result = await run(['session', '--side', 'middle'], { home, tty: true });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/middle/);
  });

  it('leaves a corrupt store untouched and says which file', async () => {
    const { writeFileSync } = await import('node:fs');
    const file = join(home, 'store.json');
    writeFileSync(file, '{"schemaVersion": 1, "sessions": [');
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [...screenClear] });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(file);
    expect(readFileSync(file, 'utf8')).toBe('{"schemaVersion": 1, "sessions": [');
    expect(result.prompter.asked).toEqual([]);
  });

  it('says, with exit 2 and before any question, that a store made read-only cannot be saved to, and leaves it as it was', async () => {
    const file = join(home, 'store.json');
    const refused = async (argv: string[]) => {
      chmodSync(file, 0o400);
      const before = readFileSync(file);
      try {
        const result = await run(argv, { home, tty: true, answers: [...screenClear] });
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(`error: the itb store ${file} is read-only\n`);
        expect(result.prompter.asked).toEqual([]);
        expect(readFileSync(file).equals(before)).toBe(true);
      } finally {
        chmodSync(file, 0o600);
      }
    };
    // Before the safety questions of the first session,
    await Store.open({ ITB_HOME: home }).update((data) => void (data.settings.side = 'left'));
    await refused(['session', 'joint-chain', ...flags]);
    // and before the set-up questions of a later one.
    await Store.open({ ITB_HOME: home }).update((data) => void data.screenings.push({ at: '2026-11-01T08:00:00.000Z', answers: noRedFlags, proceeded: true }));
    await refused(['session']);
  });

  it('says, with exit 2 and before any question, that the store cannot be locked for a session in a folder it may not write to', async () => {
    await Store.open({ ITB_HOME: home }).update(() => undefined);
    const file = join(home, 'store.json');
    // As a folder made read-only (chmod 555) answers anyone but root, who runs these tests.
    const refusal = Object.assign(new Error(`EACCES: permission denied, mkdir '${join(home, 'session.lock')}'`), { code: 'EACCES' });
    const lock = vi.spyOn(lockfile, 'lock').mockRejectedValueOnce(refusal);
    try {
      const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [...screenClear] });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`the itb store ${file} cannot be locked for a session (permission denied)`);
      expect(result.stderr).not.toMatch(/unexpected/);
      expect(result.prompter.asked).toEqual([]);
    } finally {
      lock.mockRestore();
    }
  });
});
