import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { run, tempHome } from '../helpers/run.js';
import { CTRL_C, type Answer } from '../helpers/scripted.js';

// The red-flag screen of a first run, all answered no.
const screenClear: Answer[] = [false, false, false, false, false, false];
const flags = ['--side', 'left', '--symptom', 'pain', '--movement', 'single-leg squat', '--no-timer'];

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
  });

  it('runs the joint chain and sorts the drills into buckets', async () => {
    const answers: Answer[] = [
      ...screenClear,
      6, // baseline
      'done', 4, // ankle tilts: better → rehab
      'done', 4, 'done', 5, // knee circles: same, then worse on the retry → avoid
      'done', 8, false, // hip circles: a flare (4 → 8), then stop
    ];
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers });
    expect(result.code).toBe(0);
    expect(result.prompter.remaining).toBe(0);
    const data = stored();
    expect(data.screenings).toHaveLength(1);
    expect(data.screenings[0]!.proceeded).toBe(true);
    const [session] = data.sessions;
    expect(session).toMatchObject({ routine: 'joint-chain', side: 'left', symptom: 'pain', movement: 'single-leg squat', baseline: 6, status: 'stopped' });
    expect(session!.results.map((r) => [r.exerciseId, r.outcome, r.flare])).toEqual([
      ['lateral-ankle-tilts', 'rehab', false],
      ['lunge-knee-circles', 'avoid', false],
      ['rehab-hip-circles', 'avoid', true],
    ]);
    expect(data.buckets.map((b) => [b.exerciseId, b.bucket])).toEqual(
      expect.arrayContaining([['lateral-ankle-tilts', 'rehab'], ['lunge-knee-circles', 'avoid'], ['rehab-hip-circles', 'avoid']]),
    );
    expect(data.settings).toMatchObject({ side: 'left', symptom: 'pain', movement: 'single-leg squat' });
    expect(result.stdout).toMatch(/Exercise 1 of 5 · ankle/);
    expect(result.stdout).toMatch(/Session summary/);
    expect(result.stdout).toMatch(/6 → 8/);
  });

  it('names the actual side for the opposite-side drill', async () => {
    const answers: Answer[] = [...screenClear, 5, 'skip', 'skip', 'skip', 'skip', 'stop'];
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Opposite scapular camshafts[\s\S]*your right side \(opposite the pain\)/);
  });

  it('refuses 11 and "five" as scores, says why, and asks again', async () => {
    const answers: Answer[] = [...screenClear, '11', 'five', '3', 'stop'];
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers });
    expect(result.code).toBe(0);
    const refusals = result.prompter.asked.filter((a) => a.message.startsWith('refused')).map((a) => a.message);
    expect(refusals).toEqual([expect.stringMatching(/11 is outside the scale/), expect.stringMatching(/"five" is not a number/)]);
    expect(stored().sessions[0]!.baseline).toBe(3);
  });

  it('keeps what was answered on Ctrl-C, marks the session interrupted, exits 130', async () => {
    const answers: Answer[] = [...screenClear, 6, 'done', 4, 'done', 6, CTRL_C];
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers });
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/Session interrupted/);
    expect(result.stderr).toMatch(/Lateral\s+ankle\s+tilts\s+→\s+rehab/);
    const [session] = stored().sessions;
    expect(session!.status).toBe('interrupted');
    expect(session!.attempts).toHaveLength(2); // the knee's first try is kept in the log...
    expect(stored().buckets.map((b) => b.exerciseId)).toEqual(['lateral-ankle-tilts']); // ...but decides nothing
  });

  it('asks the screen once; a yes needs an explicit go-ahead and is stored', async () => {
    const declined = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [true, false, false, false, false, false, false] });
    expect(declined.code).toBe(0);
    expect(declined.stdout).toMatch(/see a doctor or physical therapist/);
    expect(stored().screenings).toEqual([expect.objectContaining({ proceeded: false, answers: expect.objectContaining({ 'recent-injury': true }) })]);
    expect(stored().sessions).toEqual([]);
    // Not cleared: asked again, and this time the user goes on.
    const again = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [true, false, false, false, false, false, true, 5, 'stop'] });
    expect(again.code).toBe(0);
    const third = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [5, 'stop'] });
    expect(third.code).toBe(0);
    expect(third.prompter.asked[0]!.message).toMatch(/Rate your pain/);
  });

  it('asks the setup questions without flags and remembers the answers as defaults', async () => {
    const answers: Answer[] = [...screenClear, 'balance', 'right', 'tightness', 'Walking', 4, 'stop'];
    const result = await run(['session'], { home, tty: true, answers });
    expect(result.code).toBe(0);
    expect(stored().settings).toMatchObject({ side: 'right', symptom: 'tightness' });
    expect(stored().sessions[0]).toMatchObject({ routine: 'balance', side: 'right', symptom: 'tightness' });
  });

  it('rejects an unknown routine with suggestions, before asking anything', async () => {
    const result = await run(['session', 'joint-chian', ...flags], { home, tty: true, answers: [...screenClear] });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no routine "joint-chian"/);
    expect(result.stderr).toMatch(/joint-chain/);
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
});
