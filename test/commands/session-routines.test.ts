// Choosing the routine of `itb session`: how the list counts drills set aside, and what a
// refusal says, in the library in use, for one drill or several.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectBuckets } from '../../src/core/projection.js';
import type { ManualMove as Move } from '../../src/core/records.js';
import { Store } from '../../src/store/store.js';
import { buildSession, noRedFlags, saveSessions, setUpFlags } from '../helpers/sessions.js';
import { run, tempHome } from '../helpers/run.js';
import { CTRL_C } from '../helpers/scripted.js';
import { libraryFile } from '../helpers/libraries.js';

const flags = setUpFlags;
const now = new Date('2026-11-20T10:00:00.000Z');
const good = libraryFile('good.yaml');

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

/** What was said, with the lines joined again where they were wrapped. */
const said = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A store past its first session's safety screen, with these drills moved by hand. */
async function withMoves(...moves: Move[]): Promise<void> {
  await Store.open({ ITB_HOME: home }).update((data) => {
    data.screenings.push({ at: '2026-11-01T08:00:00.000Z', answers: noRedFlags, proceeded: true });
    data.moves.push(...moves);
    data.buckets = projectBuckets(data.sessions, data.moves);
  });
}

const aside = (exerciseId: string, at = '2026-11-19T08:00:00.000Z'): Move => ({ exerciseId, bucket: 'avoid', at });
const helped = (exerciseId: string, at = '2026-10-01T08:00:00.000Z'): Move => ({ exerciseId, bucket: 'rehab', at });

/** good.yaml with a second routine of its ankle rocks alone, or with no routine at all. */
function library(routines: 'solo' | 'none'): string {
  const text = readFileSync(good, 'utf8');
  const file = join(home, `${routines}.yaml`);
  const solo = '  - id: solo\n    name: Ankle rocks alone\n    description: One drill.\n    exercises:\n      - ankle-rocks\n';
  writeFileSync(file, routines === 'solo' ? `${text.trimEnd()}\n${solo}` : text.replace(/^routines:[\s\S]*$/m, ''));
  return file;
}

describe('itb session: the routine list', () => {
  it('greys out a routine by how many of its drills are set aside: its one drill, or all of them', async () => {
    const solo = library('solo');
    await withMoves(aside('ankle-rocks'), ...['leg-swings', 'ankle-mobilisations', 'glute-activation'].map((id) => aside(id)));
    const own = await run(['--data', solo, 'session', ...flags], { home, tty: true, now, answers: [CTRL_C] });
    const ownList = own.prompter.asked.find((asked) => asked.message === 'Which routine?')!;
    expect(ownList.disabled).toEqual({ solo: '(its drill is set aside; re-test from 2026-12-03)' });
    expect(ownList.choiceNames).toContain('Clinic plan (1 drill, plus 1 set aside for now)');
    // Highlighted, a routine that can run shows its description under the list.
    expect(ownList.descriptions![ownList.choices!.indexOf('clinic-plan')]).toContain('The two drills we agreed on at the clinic.');
    const builtIn = await run(['session', ...flags], { home, tty: true, now, answers: [CTRL_C] });
    const builtInList = builtIn.prompter.asked.find((asked) => asked.message === 'Which routine?')!;
    expect(builtInList.disabled).toEqual({ 'warm-up': '(all 3 drills are set aside; re-test from 2026-12-03)' });
  });

  it('says which drills of the rehab and re-test routines this library leaves out, and greys out a rehab routine it has none of', async () => {
    // Helped and set aside in the built-in library; good.yaml has ankle rocks and wall clamshells only.
    await withMoves(helped('ankle-rocks'), helped('clamshells'), helped('bridges'), aside('wall-clamshells', '2026-10-01T08:00:00.000Z'), aside('leg-swings', '2026-10-01T08:00:00.000Z'));
    const list = async () => (await run(['--data', good, 'session', ...flags], { home, tty: true, now, answers: [CTRL_C] })).prompter.asked.find((asked) => asked.message === 'Which routine?')!;
    const some = await list();
    const description = (value: string) => some.descriptions![some.choices!.indexOf(value)];
    expect(some.choiceNames).toContain('Your rehab routine (1 drill)');
    expect(description('rehab')).toBe('The drills that helped you, warm-up drills first, then in routine order. Left out, as not in this exercise library: 2 drills of your rehab bucket.');
    expect(some.choiceNames).toContain('Re-test drills set aside earlier (1 due)');
    expect(description('retest')).toBe('Drills from your avoid-for-now bucket whose re-test date has come. Left out, as not in this exercise library: 1 drill set aside for now.');
    expect(some.disabled).toBeUndefined();
    // None of the rehab bucket in this library: the routine is listed, greyed out, and says why.
    await withMoves(aside('ankle-rocks', '2026-11-19T08:00:00.000Z'));
    const none = await list();
    expect(none.choices).toContain('rehab');
    expect(none.disabled).toEqual({ rehab: '(its 2 drills are not in this exercise library)' });
    // The built-in library has both drills of the rehab bucket, and not the two of good.yaml set aside.
    const builtIn = (await run(['session', ...flags], { home, tty: true, now, answers: [CTRL_C] })).prompter.asked.find((asked) => asked.message === 'Which routine?')!;
    expect(builtIn.descriptions![builtIn.choices!.indexOf('rehab')]).toBe('The drills that helped you, warm-up drills first, then in routine order.');
    expect(builtIn.descriptions![builtIn.choices!.indexOf('retest')]).toMatch(/ Left out, as not in this exercise library: 2 drills set aside for now\.$/);
    expect(builtIn.disabled?.rehab).toBeUndefined();
  });

  it('says in the rehab routine that its drills helped on different painful sides, when they did', async () => {
    const rehabDescription = async () => {
      const list = (await run(['session', ...flags], { home, tty: true, now, answers: [CTRL_C] })).prompter.asked.find((asked) => asked.message === 'Which routine?')!;
      return list.descriptions![list.choices!.indexOf('rehab')];
    };
    const left = buildSession({ startedAt: '2026-10-01T08:00:00.000Z', side: 'left', baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] });
    await saveSessions(home, left);
    // One side only: nothing to tell apart.
    expect(await rehabDescription()).toBe('The drills that helped you, warm-up drills first, then in routine order.');
    // The pain moved to the right, where another drill helped.
    const right = buildSession({ startedAt: '2026-10-20T08:00:00.000Z', side: 'right', baseline: 5, drills: [{ id: 'bridges', scores: [3] }] });
    await Store.open({ ITB_HOME: home }).update((data) => {
      data.sessions.push(right);
      data.buckets = projectBuckets(data.sessions, data.moves);
    });
    expect(await rehabDescription()).toBe('The drills that helped you (some when your left side hurt, some when your right side hurt), warm-up drills first, then in routine order.');
  });

  it('refuses a library whose every routine is set aside with the day the first comes back and the commands for it', async () => {
    await withMoves(aside('ankle-rocks', '2026-11-18T08:00:00.000Z'), aside('wall-clamshells'));
    const refused = await run(['--data', good, 'session', ...flags], { home, tty: true, now, answers: [] });
    expect(refused.code).toBe(2);
    expect(said(refused.stderr)).toBe(
      'error: every drill of every routine is set aside for now: the first is due for a re-test on 2026-12-02 ' +
        `From then, \`itb --data ${good} session retest\` offers it again; \`itb --data ${good} buckets\` shows when each one is due.`,
    );
    const named = await run(['--data', good, 'session', 'clinic-plan', ...flags], { home, tty: true, now, answers: [] });
    expect(named.code).toBe(2);
    expect(said(named.stderr)).toBe(
      'error: every drill of the Clinic plan routine is set aside for now: the first is due for a re-test on 2026-12-02 ' +
        `\`itb --data ${good} buckets\` shows when each one is due; \`itb --data ${good} routines\` lists the other routines.`,
    );
    expect([refused, named].map((result) => result.prompter.asked.length)).toEqual([0, 0]);
    // `itb routines` ends the same way, not with "Run one", which would be refused.
    const routines = await run(['--data', good, 'routines'], { home, now });
    expect(routines.code).toBe(0);
    expect(routines.stdout).not.toContain('Run one');
    expect(said(routines.stdout)).toMatch(
      new RegExp(
        ' Every drill of every routine is set aside for now: the first is due for a re-test on 2026-12-02\\. ' +
          `From then, \`itb --data \\S+ session retest\` offers it again; \`itb --data \\S+ buckets\` shows when each one is due\\.$`,
      ),
    );
  });

  it('says so before the safety questions of a first session, and without a terminal, rather than after them', async () => {
    await withMoves(aside('ankle-rocks'), aside('wall-clamshells'));
    await Store.open({ ITB_HOME: home }).update((data) => {
      data.screenings = [];
    });
    const first = await run(['--data', good, 'session'], { home, tty: true, now, answers: [] });
    expect(first.code).toBe(2);
    expect(first.prompter.asked).toEqual([]);
    expect(said(first.stderr)).toMatch(/^error: every drill of every routine is set aside for now: the first is due for a re-test on 2026-12-03 /);
    const piped = await run(['--data', good, 'session'], { home, now });
    expect(piped.code).toBe(2);
    expect(said(piped.stderr)).toMatch(/^error: every drill of every routine is set aside for now/);
    // A drill due for a re-test, or one in the rehab bucket, is a session to run: no refusal.
    await withMoves(helped('ankle-rocks', '2026-11-19T09:00:00.000Z'));
    const rehab = await run(['--data', good, 'session'], { home, tty: true, now, answers: [CTRL_C] });
    expect(rehab.stderr).not.toContain('set aside for now:');
    expect(rehab.prompter.asked.length).toBeGreaterThan(0);
  });
});

describe('itb session: what a routine advises as it opens', () => {
  /** What the session says before its first score, with the lines joined again. */
  const opening = async (args: string[], answers: (string | typeof CTRL_C)[] = [CTRL_C]) => {
    const result = await run(['session', ...args, ...flags], { home, tty: true, now, answers });
    return { said: said(result.stdout.split('Do your test movement')[0]!), asked: result.prompter.asked };
  };
  const strengthAdvice = 'Warm up first, with the warm-up routine. Two or three of these drills are enough for one day';

  it('says the description of a routine typed with the command, once, before the cues', async () => {
    await withMoves();
    const { said: typed } = await opening(['strength']);
    expect(typed).toContain('Rating pain during: single-leg squat · painful side: left Strengthens the glutes');
    expect(typed).toMatch(new RegExp(`${strengthAdvice}[^]*Keep in mind:`));
    expect(typed.split('Warm up first')).toHaveLength(2);
    // Its own advice only: the words said for the built-in routines would say it twice.
    expect(typed).not.toContain('Warm up for a few easy minutes');
  });

  it('leaves out the description of a routine chosen from the list, which has just shown it', async () => {
    await withMoves();
    const { said: chosen, asked } = await opening([], ['strength', CTRL_C]);
    const list = asked.find((question) => question.message === 'Which routine?')!;
    expect(said(list.descriptions![list.choices!.indexOf('strength')]!)).toContain(strengthAdvice);
    expect(chosen).toContain('Hip and glute strength · 9 drills');
    expect(chosen).not.toContain('Warm up first');
    expect(chosen).not.toContain('Strengthens the glutes');
  });

  it('advises warming up before the strength drills of the rehab and re-test routines, and two or three a day, whichever way they were chosen', async () => {
    const advice = 'Keep in mind: · Warm up for a few easy minutes before the strength drills. Two or three strength drills are enough for one day.';
    await withMoves(helped('bridges'), helped('lateral-ankle-tilts'), aside('clamshells', '2026-10-01T08:00:00.000Z'));
    expect((await opening(['rehab'])).said).toContain(advice);
    expect((await opening([], ['rehab', CTRL_C])).said).toContain(advice);
    expect((await opening(['retest'])).said).toContain('· Warm up for a few easy minutes before the strength drills.');
    // No strength drill among them: nothing to warm up for.
    await withMoves(aside('bridges'));
    const gentle = await opening(['rehab']);
    expect(gentle.said).toContain('Your rehab routine · 1 drill');
    expect(gentle.said).not.toContain('Warm up');
  });
});

describe('itb session rehab: the warm-up first', () => {
  it('starts with the warm-up drills, as it advises, and itb buckets and the report list them in the same order', async () => {
    // The warm-up routine comes last in the library: in routine order alone, bridges would come first.
    await withMoves(helped('bridges'), helped('leg-swings'), helped('lateral-ankle-tilts'));
    const session = await run(['session', 'rehab', ...flags], { home, tty: true, now, answers: [5, CTRL_C] });
    const shown = said(session.stdout);
    expect(shown).toContain('Warm up for a few easy minutes before the strength drills.');
    expect(shown).toMatch(/Exercise 1 of 3 · [a-z-]+ Leg swings/);
    const order = ['Leg swings', 'Lateral ankle tilts', 'Bridges'];
    const inOrder = (text: string) => order.map((name) => text.indexOf(name)).every((at, i, all) => at >= 0 && (i === 0 || at > all[i - 1]!));
    const buckets = (await run(['buckets'], { home, now })).stdout;
    expect(inOrder(buckets.slice(0, buckets.indexOf('Avoid for now')))).toBe(true);
    const report = (await run(['export'], { home, now })).stdout;
    expect(inOrder(report.slice(report.indexOf('## Rehab routine'), report.indexOf('## Avoid')))).toBe(true);
    const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
    expect(json.rehab.map((status: { exerciseId: string }) => status.exerciseId)).toEqual(['leg-swings', 'lateral-ankle-tilts', 'bridges']);
  });
});

describe('itb session: a library of drills alone', () => {
  it('offers a drill due for its re-test rather than refusing for want of a routine, and itb routines says how to run it', async () => {
    const drillsOnly = library('none');
    await withMoves(aside('ankle-rocks'));
    const later = new Date('2026-12-04T10:00:00.000Z');
    const due = await run(['--data', drillsOnly, 'session', ...flags], { home, tty: true, now: later, answers: [CTRL_C] });
    expect(due.stderr).not.toContain('no routines');
    const list = due.prompter.asked.find((asked) => asked.message === 'Which routine?')!;
    expect(list.choiceNames).toEqual(['Re-test drills set aside earlier (1 due)']);
    const routines = await run(['--data', drillsOnly, 'routines'], { home, now: later });
    expect(said(routines.stdout)).toMatch(/ Run one: `itb --data \S+ session ID`, or `itb --data \S+ session` to choose from a list\.$/);
  });
});

describe('itb session: an unknown routine', () => {
  it('suggests the built-in routines too, both when both are near', async () => {
    const retest = await run(['session', 'retset'], { home, tty: true, answers: [] });
    expect(said(retest.stderr)).toBe('error: there is no routine "retset" Did you mean retest? `itb routines` lists them.');
    const rehab = await run(['session', 'rehabb'], { home, tty: true, answers: [] });
    expect(said(rehab.stderr)).toBe('error: there is no routine "rehabb" Did you mean rehab? `itb routines` lists them.');
    const both = await run(['session', 're'], { home, tty: true, answers: [] });
    expect(said(both.stderr)).toBe('error: there is no routine "re" Did you mean rehab or retest? `itb routines` lists them.');
    expect([retest, rehab, both].map((result) => result.code)).toEqual([2, 2, 2]);
  });

  it('answers a word of one routine\'s name with that routine, and a word of two with neither', async () => {
    const stretching = await run(['session', 'stretching'], { home, tty: true, answers: [] });
    expect(stretching.code).toBe(2);
    expect(said(stretching.stderr)).toBe('error: there is no routine "stretching" Did you mean "Mobility and stretching"? Its id is mobility: `itb session mobility` runs it.');
    const glutes = await run(['session', 'glutes'], { home, tty: true, answers: [] });
    expect(said(glutes.stderr)).toContain('Did you mean "Hip and glute strength"? Its id is strength: `itb session strength` runs it.');
    // "and" is in two routines' names: no guess between them.
    const and = await run(['session', 'and'], { home, tty: true, answers: [] });
    expect(said(and.stderr)).toBe('error: there is no routine "and" `itb routines` lists them.');
  });

  it('answers a whole "Next:" line copied, its words after the command too, with the routine it names', async () => {
    const next = await run(['session', 'joint-chain', 'test', '5', 'of', '28', 'drills', 'not', 'tried', 'yet'], { home, tty: true, answers: [] });
    expect(next.code).toBe(2);
    expect(said(next.stderr)).toBe(
      'error: there is no routine "joint-chain test 5 of 28 drills not tried yet" The routine is joint-chain, and the words after it are not part of the command: `itb session joint-chain` runs it.',
    );
    const rehab = await run(['session', 'rehab', 'your', 'rehab', 'routine'], { home, tty: true, answers: [] });
    expect(said(rehab.stderr)).toContain('The routine is rehab, and the words after it are not part of the command: `itb session rehab` runs it.');
  });

  it('names the commands with the library in use', async () => {
    const near = await run(['--data', good, 'session', 'clinic'], { home, tty: true, answers: [] });
    expect(said(near.stderr)).toBe(`error: there is no routine "clinic" Did you mean clinic-plan? \`itb --data ${good} routines\` lists them.`);
    const byName = await run(['--data', good, 'session', 'Clinic plan'], { home, tty: true, answers: [] });
    expect(said(byName.stderr)).toBe(`error: there is no routine "Clinic plan" "Clinic plan" has the id clinic-plan: \`itb --data ${good} session clinic-plan\` runs it.`);
  });
});

describe('itb session rehab and retest, with nothing to run', () => {
  it('says one drill in the rehab bucket from another library is not in this one', async () => {
    await withMoves(helped('clamshells'));
    const result = await run(['--data', good, 'session', 'rehab', ...flags], { home, tty: true, now, answers: [] });
    expect(result.code).toBe(2);
    expect(said(result.stderr)).toBe(
      'error: the drill in your rehab bucket is not in this exercise library If you still do it, the library file that has it runs it ' +
        `(--data, or ITB_DATA); or test this one's drills. Run a session with a routine first: \`itb --data ${good} session clinic-plan --side left --symptom pain --movement 'single-leg squat' --no-timer\`.`,
    );
  });

  it('says one drill set aside from another library is not in this one, and names the re-test date of one that is', async () => {
    await withMoves(aside('clamshells'));
    const elsewhere = await run(['--data', good, 'session', 'retest', ...flags], { home, tty: true, now, answers: [] });
    expect(elsewhere.code).toBe(2);
    expect(said(elsewhere.stderr)).toBe(
      'error: no drill set aside for now is due for a re-test yet ' +
        'The drill set aside for now is not in this exercise library. If you still want it re-tested, the library file that has it re-tests it (--data, or ITB_DATA).',
    );
    await withMoves(aside('ankle-rocks'));
    const waiting = await run(['--data', good, 'session', 'retest', ...flags], { home, tty: true, now, answers: [] });
    expect(said(waiting.stderr)).toBe(
      `error: no drill set aside for now is due for a re-test yet The first is due on 2026-12-03; \`itb --data ${good} buckets\` shows every re-test date.`,
    );
  });

  it('says a library without routines needs one before a first session, rather than to run one', async () => {
    const drillsOnly = library('none');
    const result = await run(['--data', drillsOnly, 'session', 'rehab', ...flags], { home, tty: true, now, answers: [] });
    expect(result.code).toBe(2);
    expect(said(result.stderr)).toBe(
      'error: your rehab bucket is empty, so there is no rehab routine yet ' +
        'This exercise library has no routines to run a first session with: add one under "routines:" in the library file.',
    );
  });

  it('counts the re-tests due when the rehab bucket has emptied, and names a routine only where the library has one', async () => {
    const earlier = '2026-11-01T08:00:00.000Z';
    // A library of drills alone, its one drill that helped set aside since: not yet due, then due.
    const drillsOnly = library('none');
    await withMoves(helped('ankle-rocks'), aside('ankle-rocks'));
    const waiting = await run(['--data', drillsOnly, 'session', 'rehab', ...flags], { home, tty: true, now, answers: [] });
    expect(said(waiting.stderr)).toBe(
      'error: your rehab bucket is empty now, so there is no rehab routine to run ' +
        `Every drill in your buckets is set aside for now; \`itb --data ${drillsOnly} buckets\` shows when each is due for a re-test.`,
    );
    const due = await run(['--data', drillsOnly, 'session', 'rehab', ...flags], { home, tty: true, now: new Date('2026-12-04T10:00:00.000Z'), answers: [] });
    expect(said(due.stderr)).toBe(
      `error: your rehab bucket is empty now, so there is no rehab routine to run 1 drill set aside for now is due for a re-test: \`itb --data ${drillsOnly} session retest --side left --symptom pain --movement 'single-leg squat' --no-timer\`.`,
    );
    // Two drills of the built-in library, due: a routine of it is named too.
    await withMoves(helped('clamshells'), helped('bridges'), aside('clamshells', earlier), aside('bridges', earlier));
    const two = await run(['session', 'rehab', ...flags], { home, tty: true, now, answers: [] });
    expect(two.code).toBe(2);
    expect(said(two.stderr)).toBe(
      'error: your rehab bucket is empty now, so there is no rehab routine to run ' +
        "2 drills set aside for now are due for a re-test: `itb session retest --side left --symptom pain --movement 'single-leg squat' --no-timer`. Or test other drills from a routine: `itb session joint-chain --side left --symptom pain --movement 'single-leg squat' --no-timer`.",
    );
  });
});

describe('itb session rehab and retest: drills of the bucket this library does not have', () => {
  /** good.yaml with the id of its wall clamshells changed to clams, the name kept. */
  function renamedLibrary(): string {
    const file = join(home, 'renamed.yaml');
    writeFileSync(file, readFileSync(good, 'utf8').replaceAll('wall-clamshells', 'clams'));
    return file;
  }
  const tested = (drills: { id: string; name: string; scores: number[] }[]) =>
    Store.open({ ITB_HOME: home }).update((data) => {
      data.screenings.push({ at: '2026-11-01T08:00:00.000Z', answers: noRedFlags, proceeded: true });
      data.sessions.push(buildSession({ startedAt: '2026-11-10T09:00:00Z', baseline: 5, drills }));
      data.buckets = projectBuckets(data.sessions, data.moves);
    });
  const rename = 'This library has Wall clamshells under another id, clams; its results are kept under the old one, wall-clamshells: give it back the id wall-clamshells in the library file to keep them together.';

  it('says before the session starts how many it leaves out, where to see them, and the one this library has under another id', async () => {
    const renamed = renamedLibrary();
    await tested([
      { id: 'ankle-rocks', name: 'Ankle rocks', scores: [4] },
      { id: 'wall-clamshells', name: 'Wall clamshells', scores: [3] },
      { id: 'hip-lifts', name: 'Hip lifts', scores: [2] },
    ]);
    const result = await run(['--data', renamed, 'session', 'rehab', ...flags], { home, tty: true, now, answers: [CTRL_C] });
    const text = said(result.stdout);
    expect(text).toContain('Your rehab routine · 1 drill ');
    expect(text).toContain(`Left out, as not in this exercise library: 2 drills of your rehab bucket. · ${rename} \`itb --data ${renamed} buckets\` shows them with their results.`);
    // Before the first score is asked for.
    expect(text.indexOf('Left out, as not in this exercise library')).toBeLessThan(text.indexOf('Do your test movement'));
    // A library that has every drill of the bucket says nothing of the kind.
    const all = await run(['session', 'rehab', ...flags], { home, tty: true, now, answers: [CTRL_C] });
    expect(all.stdout).not.toContain('Left out, as not in this exercise library');
  });

  it('says the same of the drills set aside for now before a re-test', async () => {
    const renamed = renamedLibrary();
    await tested([
      { id: 'ankle-rocks', name: 'Ankle rocks', scores: [5, 5] },
      { id: 'wall-clamshells', name: 'Wall clamshells', scores: [5, 6] },
    ]);
    const due = new Date('2026-12-20T10:00:00.000Z');
    const result = await run(['--data', renamed, 'session', 'retest', ...flags], { home, tty: true, now: due, answers: [CTRL_C] });
    expect(said(result.stdout)).toContain(
      `Re-test · 1 drill Rating pain during: single-leg squat · painful side: left Keep in mind: · This drill was set aside before.`,
    );
    expect(said(result.stdout)).toContain(`Left out, as not in this exercise library: 1 drill set aside for now. · ${rename} \`itb --data ${renamed} buckets\` shows it with its results.`);
  });

  it('names the drill this library has under another id when it was the only one, and what to do', async () => {
    const renamed = renamedLibrary();
    await tested([{ id: 'wall-clamshells', name: 'Wall clamshells', scores: [3] }]);
    const result = await run(['--data', renamed, 'session', 'rehab', ...flags], { home, tty: true, now, answers: [] });
    expect(result.code).toBe(2);
    expect(said(result.stderr)).toBe(`error: the drill in your rehab bucket is not in this exercise library ${rename} Or test this library's drills: \`itb --data ${renamed} session clinic-plan --side left --symptom pain --movement 'single-leg squat' --no-timer\`.`);
    await Store.open({ ITB_HOME: home }).update((data) => void data.moves.push(aside('wall-clamshells', '2026-11-11T08:00:00.000Z')));
    const retest = await run(['--data', renamed, 'session', 'retest', ...flags], { home, tty: true, now, answers: [] });
    expect(said(retest.stderr)).toBe(`error: no drill set aside for now is due for a re-test yet The drill set aside for now is not in this exercise library. ${rename}`);
  });

  it('says what to do with the one under another id, then how to run the other one if still done', async () => {
    const renamed = renamedLibrary();
    await tested([
      { id: 'wall-clamshells', name: 'Wall clamshells', scores: [3] },
      { id: 'hip-lifts', name: 'Hip lifts', scores: [2] },
    ]);
    const result = await run(['--data', renamed, 'session', 'rehab', ...flags], { home, tty: true, now, answers: [] });
    expect(said(result.stderr)).toBe(
      `error: the 2 drills in your rehab bucket are not in this exercise library ${rename} If you still do the other one, the library file that has it runs it (--data, or ITB_DATA); or test this one's drills. ` +
        `Run a session with a routine first: \`itb --data ${renamed} session clinic-plan --side left --symptom pain --movement 'single-leg squat' --no-timer\`.`,
    );
    await Store.open({ ITB_HOME: home }).update((data) => void data.moves.push(aside('wall-clamshells', '2026-11-11T08:00:00.000Z'), aside('hip-lifts', '2026-11-11T08:00:00.000Z')));
    const retest = await run(['--data', renamed, 'session', 'retest', ...flags], { home, tty: true, now, answers: [] });
    expect(said(retest.stderr)).toBe(
      `error: no drill set aside for now is due for a re-test yet The 2 drills set aside for now are not in this exercise library. ${rename} ` +
        'If you still want the other one re-tested, the library file that has it re-tests it (--data, or ITB_DATA).',
    );
  });
});
