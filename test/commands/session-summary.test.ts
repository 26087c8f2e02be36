// The end of a session: its summary, what it says to run next, and how both fit a narrow terminal.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { retestDueAt } from '../../src/core/buckets.js';
import { localDate } from '../../src/core/history.js';
import type { Session } from '../../src/core/records.js';
import { Store } from '../../src/store/store.js';
import { buildSession, saveSessions, screenClear, setUpFlags as flags } from '../helpers/sessions.js';
import { run, tempHome } from '../helpers/run.js';
import { commandsIn } from '../helpers/command-lines.js';
import { CTRL_C, type Answer } from '../helpers/scripted.js';
import { onTerminal } from '../helpers/terminal.js';
import { writeOutsideRoutines } from '../helpers/outside-routines.js';
import { width } from '../../src/ui/width.js';
import { libraryFile } from '../helpers/libraries.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const stored = () => Store.open({ ITB_HOME: home }).read();

/** A store where earlier sessions ran: the safety screen passed before the first, buckets as saved. */
const afterSessions = (...sessions: Session[]) => saveSessions(home, ...sessions);

describe('itb session', () => {
  it('fits its own text to a terminal of 50 columns, broken between words', async () => {
    const answers: Answer[] = [...screenClear, 6, 'done', 4, 'done', 4, 'done', 4, 'done', 8, true, true, 'skip'];
    const result = await onTerminal(50, () =>
      run(['session', 'hip-rotation', '--side', 'left', '--symptom', 'pain', '--movement', 'Step-down', '--no-timer'], { home, tty: true, answers }),
    );
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter((line) => width(line) > 50)).toEqual([]);
    // With no mark before it, the skip says so with no indent under one.
    expect(result.stdout).toContain('\nSkipped Hip CARs (controlled articular rotations).\nIt stays untested.\n');
    // Every name whole, each drill on lines of its own.
    const summary = result.stdout.slice(result.stdout.indexOf('Session summary'), result.stdout.indexOf('\n  pain during'));
    expect(summary).not.toContain('…');
    expect(summary).toContain('\n  Hip range exploration (knee drops)\n    pain 6 → 4 · helped → rehab\n');
    // Together too long for a line, the scores and the result take one each.
    expect(summary).toContain('\n  Hip external rotation with extension\n    (90/90 hip lift)\n    pain 4 → 4, then 4 → 4\n    no help → avoid for now\n');
    expect(summary).toContain('\n  Hip CARs (controlled articular rotations)\n    skipped\n');
    // A bucket change too long for its line goes under the drill's name, further in, so that no
    // part of it reads as another drill.
    const changes = result.stdout.slice(result.stdout.indexOf('Bucket changes'), result.stdout.indexOf('\nNext:'));
    expect(changes).toContain(
      'Bucket changes\n  Hip range exploration (knee drops)\n    untested → rehab\n  Hip external rotation with extension\n    (90/90 hip lift)\n    untested → avoid for now\n' +
        '  Seated hip internal rotation\n    untested → avoid for now (flare-up)\n',
    );
    // What to run next: each command with what it is for under it.
    expect(result.stdout).toMatch(/\nNext:\n {2}itb buckets\n {4}what helps and what to avoid for now\n/);
  });

  it('at 40 columns, indents the further lines of a long name under its first, so that none reads as another drill', async () => {
    const answers: Answer[] = [...screenClear, 6, 'done', 4, 'done', 4, 'done', 4, 'done', 8, true, true, 'skip'];
    const result = await onTerminal(40, () =>
      run(['session', 'hip-rotation', '--side', 'left', '--symptom', 'pain', '--movement', 'Step-down', '--no-timer'], { home, tty: true, answers }),
    );
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter((line) => width(line) > 40)).toEqual([]);
    const summary = result.stdout.slice(result.stdout.indexOf('Session summary'), result.stdout.indexOf('\n  pain during'));
    // A drill's name starts at two spaces, and at two spaces only its first line does.
    const names = summary.split('\n').filter((line) => /^ {2}\S/.test(line));
    expect(names).toEqual([
      '  Hip range exploration (knee drops)',
      '  Hip external rotation with extension',
      '  Seated hip internal rotation',
      '  Hip CARs',
    ]);
    expect(summary).toContain('\n  Hip external rotation with extension\n    (90/90 hip lift)\n    pain 4 → 4, then 4 → 4\n    no help → avoid for now\n');
    expect(summary).toContain('\n  Hip CARs\n    (controlled articular rotations)\n    skipped\n');
    const changes = result.stdout.slice(result.stdout.indexOf('Bucket changes'), result.stdout.indexOf('\nNext:'));
    expect(changes.split('\n').filter((line) => /^ {2}\S/.test(line))).toEqual(['  Hip range exploration (knee drops)', '  Hip external rotation with extension', '  Seated hip internal rotation']);
    expect(changes).toContain('\n  Hip external rotation with extension\n    (90/90 hip lift)\n    untested → avoid for now\n');
  });

  it('keeps the summary and what to run next in columns when they fit', async () => {
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [...screenClear, 6, 'done', 4, 'skip', 'stop'] });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('\n  Exercise                        Before → after  Result\n  Lateral ankle tilts             6 → 4           helped → rehab\n');
    expect(result.stdout).toContain('\n  Forward 45° lunge knee circles  —               skipped\n');
    expect(result.stdout).toMatch(/\nNext:\n {2}itb buckets {16}what helps and what to avoid for now\n/);
  });

  it('suggests what to run next as itb was started: through npx, and with the library file given', async () => {
    // A library of one's own (here the built-in one, copied) in a file whose name the shell would split.
    const mine = join(home, "Pat's library.yaml");
    copyFileSync(join(import.meta.dirname, '../../data/library.yaml'), mine);
    const answers: Answer[] = [...screenClear, 6, 'done', 4, 'stop'];
    const result = await run(['--data', mine, 'session', 'joint-chain', ...flags], { home, tty: true, answers, env: { npm_lifecycle_event: 'npx' } });
    expect(result.code).toBe(0);
    const itb = `npx itb --data '${home}/Pat'\\''s library.yaml'`;
    const next = result.stdout.slice(result.stdout.indexOf('\nNext:\n'));
    // Those too long for the line go on after the shell's "\\".
    expect(commandsIn(next.split('\n'), (line) => /^ {2}\S/.test(line))).toEqual([
      `${itb} buckets`,
      `${itb} session joint-chain`,
      `${itb} session rehab`,
      // The drills not tried yet, with the next routine that holds some: the joint chain is to go on with.
      `${itb} session hip-rotation`,
      `${itb} export -o report.html`,
    ]);
    // Refused before any question, a routine of the built-in library is suggested with the same start.
    const empty = tempHome();
    try {
      const nothing = await run(['session', 'rehab', ...flags], { home: empty.home, tty: true, answers: [], env: { npm_lifecycle_event: 'npx' } });
      expect(nothing.stderr.replace(/\s+/g, ' ')).toContain("Run a session with a routine first: `npx itb session joint-chain --side left --symptom pain --movement 'single-leg squat' --no-timer`.");
    } finally {
      empty.cleanup();
    }
  });

  it('breaks a command to run next that is too long for a narrow terminal after the shell\'s "\\", so that it still runs when copied', async () => {
    // A library of one's own, on a phone's 60 columns: every command too long for a line.
    const mine = join(home, 'pt-library-2026.yaml');
    copyFileSync(join(import.meta.dirname, '../../data/library.yaml'), mine);
    const answers: Answer[] = [...screenClear, 6, 'done', 4, 'stop'];
    const result = await onTerminal(60, () => run(['--data', mine, 'session', 'joint-chain', ...flags], { home, tty: true, answers }));
    expect(result.code).toBe(0);
    const next = result.stdout.slice(result.stdout.indexOf('\nNext:\n') + 7).split('\n');
    expect(next.filter((line) => width(line) > 60)).toEqual([]);
    // Each command starts two spaces in, goes on six in after a line ending in " \\", and its
    // --data stays with the file name after it.
    expect(commandsIn(next, (line) => /^ {2}\S/.test(line))).toEqual([`itb --data ${mine} buckets`, `itb --data ${mine} session joint-chain`, `itb --data ${mine} session rehab`, `itb --data ${mine} session hip-rotation`, `itb --data ${mine} export -o report.html`]);
    expect(next.filter((line) => line.endsWith(' \\')).length).toBeGreaterThanOrEqual(5);
    expect(next.some((line) => / --data$/.test(line.replace(/ \\$/, '')))).toBe(false);
  });

  it('shows in the summary a drill stopped before its retry, with its score, still untested', async () => {
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [...screenClear, 6, 'done', 4, 'done', 4, 'stop'] });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ {2}Lateral ankle tilts +6 → 4 +helped → rehab\n {2}Forward 45° lunge knee circles +4 → 4 +unfinished: still untested\n/);
    expect(stored().buckets.map((b) => b.exerciseId)).toEqual(['lateral-ankle-tilts']);
  });

  it('after a flare-up, says stopping is a sound choice when a next drill could follow, and leaves Enter to stop', async () => {
    const answers: Answer[] = [...screenClear, 2, 'done', 5, true, true, 'done', 8, true];
    const result = await run(['session', 'balance', ...flags], { home, tty: true, answers });
    expect(result.code).toBe(0);
    const [first, last] = result.stdout.split('That is a flare-up').slice(1);
    expect(first!.replace(/\s+/g, ' ')).toContain('Stopping here for today is a sound choice.');
    expect(last).not.toContain('Stopping here');
    expect(result.stdout).not.toContain('before you go on');
    expect(result.prompter.asked.find((asked) => asked.message.startsWith('Go on'))).toMatchObject({ kind: 'confirm', default: false });
  });

  it('stopped at its first drill, says the baseline alone is saved, with no final score beside it', async () => {
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [...screenClear, 5, 'stop'] });
    expect(result.code).toBe(0);
    const said = result.stdout.replace(/\s+/g, ' ');
    expect(said).toContain('Session summary No drill was finished. pain during single-leg squat: 5 (baseline; no drill was scored after it) ');
    expect(said).toContain(' You stopped the session before scoring a drill; your baseline is saved. ');
    expect(said).not.toContain('5 → 5');
    expect(stored().sessions).toEqual([expect.objectContaining({ status: 'stopped', baseline: 5, attempts: [] })]);
  });

  it('suggests no session for the rest of a day with a flare-up, and the rehab routine after a day without', async () => {
    const calm = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [...screenClear, 6, 'done', 4, 'stop'] });
    expect(calm.code).toBe(0);
    expect(calm.stdout).toMatch(/\n {2}itb session rehab {2,}your rehab routine\n/);
    expect(calm.stdout).not.toContain('After a flare-up');
    const flared = await run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [false, 4, 'done', 3, 'done', 6, true, false] });
    expect(flared.code).toBe(0);
    expect(flared.stdout).not.toMatch(/\n {2}itb session rehab {2,}your rehab routine\n/);
    expect(flared.stdout).toMatch(/\n {2}itb session rehab {2,}your rehab routine, on another day\n/);
  });

  it('after a flare-up rated just before midnight, still leaves the next session for another day when the summary comes after it', async () => {
    // 23:50 local time (America/St_Johns, 3 h 30 behind UTC in November); the answer after the flare-up comes at 00:05.
    let clock = new Date('2026-11-21T03:20:00.000Z');
    const onAsk = (asked: { message: string }) => {
      if (asked.message.startsWith('Go on with the next drill')) clock = new Date('2026-11-21T03:35:00.000Z');
    };
    const answers: Answer[] = [...screenClear, 4, 'done', 3, 'done', 6, true, false];
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now: () => clock, onAsk, answers });
    expect(result.code).toBe(0);
    expect(stored().sessions[0]!.results.at(-1)).toMatchObject({ exerciseId: 'lunge-knee-circles', flare: true });
    expect(result.stdout).toMatch(/\n {2}itb session rehab {2,}your rehab routine, on another day\n/);
  });

  it('says that no new session was recorded broken between words on a terminal of 50 columns', async () => {
    // At the first safety question, before anything was answered.
    const atFirstQuestion = await onTerminal(50, () => run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [CTRL_C] }));
    expect(atFirstQuestion.code).toBe(130);
    expect(atFirstQuestion.stderr).toBe('\nStopped before the session began; no new session\nwas recorded.\n');
    const beforeScore = await onTerminal(50, () => run(['session', 'joint-chain', ...flags], { home, tty: true, answers: [...screenClear, CTRL_C] }));
    expect(beforeScore.code).toBe(130);
    expect(beforeScore.stderr).toBe('\nStopped before the first score; no new session\nwas recorded.\n');
  });

  it('puts what to run next a command to a line on a terminal of 60 columns, where its columns do not fit', async () => {
    const result = await onTerminal(60, () => run(['session', 'balance', ...flags], { home, tty: true, answers: [...screenClear, 3, 'stop'] }));
    expect(result.code).toBe(0);
    const next = result.stdout.slice(result.stdout.indexOf('\nNext:\n'));
    expect(next.split('\n').filter((line) => width(line) > 60)).toEqual([]);
    expect(next).toContain('\n  itb export -o report.html\n    a report for your physical therapist\n');
  });

  it('suggests testing the drills not tried yet at the end, beside the rehab routine, as itb buckets does', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    // Neither balance drill helps: nothing in the rehab bucket, nothing due for a re-test.
    const result = await run(['session', 'balance', ...flags], { home, tty: true, now, answers: [...screenClear, 5, 'done', 5, 'done', 5, 'done', 5, 'done', 5] });
    expect(result.code).toBe(0);
    const next = result.stdout.slice(result.stdout.indexOf('\nNext:\n'));
    // The joint chain, first in the library, holds 5 of them: the command runs it.
    expect(next).toMatch(/\n {2}itb session joint-chain {2,}test 5 of 29 drills not tried yet\n/);
    expect(next).not.toContain('session rehab');
    expect((await run(['buckets'], { home, now })).stdout).toMatch(/itb session joint-chain {2}test 5 of 29 drills not tried yet/);
    // After a flare-up, for another day.
    const flared = await run(['session', 'warm-up', ...flags], { home, tty: true, now, answers: [3, 'done', 7, true, false] });
    expect(flared.code).toBe(0);
    expect(flared.stdout).toMatch(/\n {2}itb session joint-chain {2,}test 5 of 28 drills not tried yet, on another day\n/);
    // Once a drill helps, the rehab routine comes first, the drills not tried yet after it.
    const helped = await run(['session', 'mobility', ...flags], { home, tty: true, now, answers: [true, 5, 'done', 4, 'stop'] });
    expect(helped.code).toBe(0);
    const after = helped.stdout.slice(helped.stdout.indexOf('\nNext:\n'));
    expect(after).toMatch(/\n {2}itb session rehab {2,}your rehab routine, on another day\n {2}itb session joint-chain {2,}test 5 of 27 drills not tried yet, on another day\n/);
    // Once the lists are cleared, the drills tried before are untested again, but not "not tried yet".
    expect((await run(['buckets', 'reset', '--force'], { home, now })).code).toBe(0);
    const cleared = await run(['session', 'balance', ...flags], { home, tty: true, now, answers: [true, 5, 'done', 5, 'done', 5, 'done', 5, 'done', 5] });
    expect(cleared.code).toBe(0);
    expect(cleared.stdout).toMatch(/\n {2}itb session joint-chain {2,}test 5 of 29 untested drills, on another day\n/);
  });

  it('suggests the re-test routine at the end while drills are due for it, as itb buckets does', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const past = buildSession({ startedAt: '2026-11-01T09:00:00.000Z', routine: 'joint-chain', baseline: 3, drills: [{ id: 'lunge-knee-circles', scores: [3, 3] }, { id: 'rehab-hip-circles', scores: [7] }] });
    await afterSessions(past);
    // Both come up in the joint chain today and are skipped: still due.
    const result = await run(['session', 'joint-chain', ...flags], { home, tty: true, now, answers: [5, 'done', 4, 'skip', 'skip', 'stop'] });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\n {2}itb session retest {2,}re-test 2 drills set aside for now\n/);
    expect((await run(['buckets'], { home, now })).stdout).toMatch(/itb session retest {2,}re-test 2 drills set aside for now/);
    // Once re-tested, none is due: nothing to suggest.
    const retest = await run(['session', 'retest', ...flags], { home, tty: true, now, answers: [5, 'done', 3, 'done', 1] });
    expect(retest.code).toBe(0);
    // Said once at its start, of both drills, under the routine's title.
    expect(retest.stdout).toContain('Re-test · 2 drills');
    expect(retest.stdout).toMatch(/Keep in mind:\n {2}· These drills were set aside before\. Start gently, with a smaller range,/);
    expect(retest.stdout).not.toContain('session retest ');
  });

  it('gives the first re-test date at the end when every drill of the routines is set aside, as itb buckets does', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const good = libraryFile('good.yaml');
    const own = ['--data', good, 'session', 'clinic-plan', '--side', 'left', '--symptom', 'pain', '--movement', 'step-down'];
    // Neither drill of the only routine helps, even on the retry: nothing is left to run until a re-test.
    const result = await run(own, { home, tty: true, now, answers: [...screenClear, 5, 'done', 5, 'done', 5, 'done', 5, 'done', 5] });
    expect(result.code).toBe(0);
    const due = localDate(retestDueAt(stored().sessions[0]!.results[0]!.at, 14));
    const next = result.stdout.slice(result.stdout.indexOf('\nNext:\n'));
    expect(next).toMatch(new RegExp(`\\n {2}itb --data \\S+ session retest\\s+the first re-test is due on ${due}\\n`));
    expect((await run(['--data', good, 'buckets'], { home, now })).stdout).toContain(`the first re-test is due on ${due}`);
  });

  it('gives the first re-test date at the end on the local day it starts, with a drill that no routine holds left untried', async () => {
    // 23:00 on 20 November in Auckland (UTC+13): set aside today there, due from 4 December there, which starts on 3 December in UTC.
    const now = new Date('2026-11-20T10:00:00.000Z');
    const library = writeOutsideRoutines(join(home, 'library.yaml'));
    const own = ['--data', library, 'session', 'clinic-plan', '--side', 'left', '--symptom', 'pain', '--movement', 'step-down'];
    const zone = process.env.TZ;
    process.env.TZ = 'Pacific/Auckland';
    try {
      const result = await run(own, { home, tty: true, now, answers: [...screenClear, 5, 'done', 5, 'done', 5, 'done', 5, 'done', 5] });
      expect(result.code).toBe(0);
      const next = result.stdout.slice(result.stdout.indexOf('\nNext:\n'));
      // Side steps, in no routine, is not offered as a drill to test: no session would run it.
      expect(next).not.toContain('not tried yet');
      expect(next).toMatch(/\n {2}itb --data \S+ session retest\s+the first re-test is due on 2026-12-04\n/);
    } finally {
      process.env.TZ = zone;
    }
  });
});
