// What `itb buckets` advises: the routine to run next, rest after a flare-up, a clinician's look, and words after it that are no command.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreData } from '../../src/core/records.js';
import { Store } from '../../src/store/store.js';
import { run, tempHome } from '../helpers/run.js';
import { buildSession } from '../helpers/sessions.js';
import { libraryFile } from '../helpers/libraries.js';
import { now, withSessionsIn } from '../helpers/bucket-sessions.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const save = (mutate: (data: StoreData) => void) => Store.open({ ITB_HOME: home }).update(mutate);

const withSessions = () => withSessionsIn(home);

describe('itb buckets', () => {
  it('suggests the rehab routine for after the 48 hours when its drills are all strength drills tried within them', async () => {
    // Three hours ago, clamshells helped in a strength session: the rehab routine holds only them.
    await save((data) => {
      data.sessions.push(buildSession({ startedAt: '2026-03-01T09:00:00Z', routine: 'strength', loading: true, baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] }));
    });
    const strengthOnly = await run(['buckets'], { home, now });
    expect(strengthOnly.stdout).toMatch(/^Next: itb session rehab {8}run your rehab routine, from 2026-03-03 05:30$/m);
    // With a gentle drill beside them, the rehab routine has something to offer today.
    await save((data) => {
      data.sessions.push(buildSession({ startedAt: '2026-03-01T10:00:00Z', baseline: 4, drills: [{ id: 'lateral-ankle-tilts', scores: [3] }] }));
    });
    const mixed = await run(['buckets'], { home, now });
    expect(mixed.stdout).toMatch(/^Next: itb session rehab {8}run your rehab routine$/m);
  });

  it('offers the rehab routine of strength drills at once when it was left part way today, as the advice says it can go on', async () => {
    // Clamshells and bridges helped weeks ago; three hours ago the rehab routine was stopped after clamshells.
    await save((data) => {
      data.sessions.push(
        buildSession({ startedAt: '2026-02-10T09:00:00Z', routine: 'strength', loading: true, baseline: 6, drills: [{ id: 'clamshells', scores: [5] }, { id: 'bridges', scores: [4] }] }),
        buildSession({ startedAt: '2026-03-01T09:00:00Z', routine: 'rehab', loading: true, status: 'stopped', baseline: 5, drills: [{ id: 'clamshells', scores: [4] }] }),
      );
    });
    const result = await run(['buckets'], { home, now });
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('The rehab routine you left part way today, for your left side, can go on later today');
    expect(result.stdout).toMatch(/^Next: itb session rehab {8}run your rehab routine$/m);
    const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
    expect(json.advice).toEqual([expect.objectContaining({ id: 'loading-spacing', readyAt: '2026-03-03T09:00:00.000Z', goesOnToday: 'rehab' })]);
  });

  it('after a flare-up today, advises rest and leaves the next session for another day', async () => {
    // 08:30 in St. John's; clamshells helped at 07:01, hip hikes rose 3 → 7 at 07:02.
    await save((data) => {
      data.sessions.push(buildSession({ startedAt: '2026-03-01T10:30:00Z', baseline: 4, drills: [{ id: 'clamshells', scores: [3] }, { id: 'hip-hikes', scores: [7] }] }));
    });
    const today = await run(['buckets'], { home, now });
    expect(today.stdout).toMatch(/^Advice\n {2}- A drill flared up today, at 07:02\. After a flare-up, take it easy for the\n/m);
    expect(today.stdout).toMatch(/^Next: itb session rehab {8}run your rehab routine, on another day$/m);
    const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
    expect(json.advice.map((item: { id: string }) => item.id)).toEqual(['rest-after-flare-up']);
    // The next morning, the rehab routine is simply offered again.
    const tomorrow = await run(['buckets'], { home, now: new Date('2026-03-02T12:00:00Z') });
    expect(tomorrow.stdout).not.toContain('flared up today');
    expect(tomorrow.stdout).toMatch(/^Next: itb session rehab {8}run your rehab routine$/m);
  });

  it('suggests the re-test routine for after the 48 hours when the drills due are all strength drills', async () => {
    // Hip hikes were set aside four weeks ago; clamshells, yesterday at 09:00 St. John's time,
    // in a strength session: of the two, only hip hikes are due, and they are a strength drill.
    await save((data) => {
      data.sessions.push(
        buildSession({ startedAt: '2026-02-01T12:30:00Z', routine: 'strength', loading: true, baseline: 6, drills: [{ id: 'hip-hikes', scores: [6, 6] }] }),
        buildSession({ startedAt: '2026-02-28T12:30:00Z', routine: 'strength', loading: true, baseline: 6, drills: [{ id: 'clamshells', scores: [6, 6] }] }),
      );
    });
    const strengthOnly = await run(['buckets'], { home, now });
    // Too long to stand beside the command on 80 columns, what it does goes under it.
    expect(strengthOnly.stdout).toMatch(/^Next: itb session retest\n {8}re-test 1 drill set aside for now, from 2026-03-02 09:00$/m);
    // A gentle drill due beside it gives the re-test routine something to offer today.
    await save((data) => {
      data.sessions.push(buildSession({ startedAt: '2026-02-01T13:30:00Z', routine: 'joint-chain', baseline: 6, drills: [{ id: 'lateral-ankle-tilts', scores: [6, 6] }] }));
    });
    const mixed = await run(['buckets'], { home, now });
    expect(mixed.stdout).toMatch(/^Next: itb session retest {7}re-test 2 drills set aside for now$/m);
  });

  it('after a flare-up today, leaves a rehab routine of strength drills for another day even when their 48 hours end later today', async () => {
    // Clamshells helped in a strength session at 09:00 on Monday, St. John's time; on Wednesday
    // at 08:01 a joint-chain drill flared up. At 08:30 the 48 hours end at 09:00, the same day.
    await save((data) => {
      data.sessions.push(
        buildSession({ startedAt: '2026-03-02T12:30:00Z', routine: 'strength', loading: true, baseline: 6, drills: [{ id: 'clamshells', scores: [4] }] }),
        buildSession({ startedAt: '2026-03-04T11:30:00Z', routine: 'joint-chain', baseline: 4, drills: [{ id: 'lateral-ankle-tilts', scores: [7] }] }),
      );
    });
    const today = await run(['buckets'], { home, now: new Date('2026-03-04T12:00:00Z') });
    expect(today.stdout).toContain('A drill flared up today, at 08:01.');
    expect(today.stdout).toMatch(/^Next: itb session rehab {8}run your rehab routine, on another day$/m);
    // Without the flare-up, the hour the 48 hours end is the one to name.
    await save((data) => {
      data.sessions.pop();
    });
    const rested = await run(['buckets'], { home, now: new Date('2026-03-04T12:00:00Z') });
    expect(rested.stdout).toMatch(/^Next: itb session rehab {8}run your rehab routine, from 2026-03-04 09:00$/m);
  });

  it('suggests what to run next as itb was started: through npx, and with the library file given', async () => {
    await withSessions();
    const mine = join(home, 'my library.yaml');
    copyFileSync(join(import.meta.dirname, '../../data/library.yaml'), mine);
    const result = await run(['--data', mine, 'buckets'], { home, now, env: { npm_lifecycle_event: 'npx' } });
    // Too long to stand beside what they do, the commands take lines of their own.
    expect(result.stdout).toMatch(new RegExp(`^Next: npx itb --data '${home}/my library\\.yaml' session rehab$`, 'm'));
    expect(result.stdout).toMatch(new RegExp(`^ {6}npx itb --data '${home}/my library\\.yaml' session retest$`, 'm'));
    const empty = tempHome();
    try {
      const none = await run(['buckets'], { home: empty.home, now, env: { npm_lifecycle_event: 'npx' } });
      expect(none.stdout).toContain('No sessions yet. Run `npx itb session` to try your first drills');
    } finally {
      empty.cleanup();
    }
  });

  it('with a slip in the library file in use, says the results are kept and how to see them meanwhile, once there are any', async () => {
    const mine = join(home, 'my-library.yaml');
    writeFileSync(mine, readFileSync(libraryFile('good.yaml'), 'utf8').replace('    side: opposite', '    side: oposite'));
    const said = (result: { stderr: string }) => result.stderr.replace(/\s+/g, ' ').trim();
    const slip = `${mine}:39:5 exercises.1.side must be one of: painful, opposite, both, none (not "oposite"); did you mean "opposite"? error: 1 problem in the exercise library ${mine} Fix it and run \`itb validate ${mine}\` to check again.`;
    // Nothing kept yet: nothing to reassure about.
    expect(said(await run(['--data', mine, 'buckets'], { home, now }))).toBe(slip);
    // A drill moved by hand, before any session, is kept too.
    await run(['buckets', 'move', 'clamshells', 'avoid'], { home, now });
    expect(said(await run(['--data', mine, 'buckets'], { home, now }))).toContain(' to check again. Your sessions and buckets are kept as they were: ');
    await withSessions();
    const given = await run(['--data', mine, 'buckets'], { home, now });
    expect(given.code).toBe(2);
    expect(said(given)).toBe(`${slip} Your sessions and buckets are kept as they were: \`itb buckets\` without --data shows them meanwhile, with the built-in library.`);
    // Named by ITB_DATA, which a plain `itb buckets` would read again.
    const fromEnv = await run(['buckets'], { home, now, env: { ITB_DATA: mine, npm_lifecycle_event: 'npx' } });
    expect(said(fromEnv)).toContain(' to check again. Your sessions and buckets are kept as they were: `ITB_DATA= npx itb buckets` shows them meanwhile, with the built-in library.');
    expect(said(await run(['buckets'], { home, now, env: { ITB_DATA: '' } }))).toBe('');
  });

  it('advises seeing a clinician after three flat weeks, in the text and the JSON', async () => {
    // Starting scores of 6, 6 and 6 in three weeks in a row: no meaningful fall.
    const flat = ['2026-02-10T09:00:00Z', '2026-02-18T09:00:00Z', '2026-02-28T09:00:00Z'].map((startedAt) => buildSession({ startedAt, baseline: 6 }));
    await save((data) => void data.sessions.push(...flat));
    const text = (await run(['buckets'], { home, now })).stdout;
    expect(text).toMatch(/physical\s+therapist\s+or\s+doctor/);
    const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
    expect(json.advice.map((advice: { id: string }) => advice.id)).toEqual(['see-a-professional']);
  });

  it('judges each painful side on its own for that advice, naming the side, from the summary kept beside the store too', async () => {
    // The right leg has started at 6 three weeks in a row; the left eased from 5 to 1 in the same weeks.
    const right = ['2026-02-10T09:00:00Z', '2026-02-18T09:00:00Z', '2026-02-28T09:00:00Z'].map((startedAt) => buildSession({ startedAt, baseline: 6, side: 'right' }));
    const left = [['2026-02-11T09:00:00Z', 5], ['2026-02-19T09:00:00Z', 3], ['2026-02-27T09:00:00Z', 1], ['2026-03-01T09:00:00Z', 1]] as const;
    await save((data) => void data.sessions.push(...right, ...left.map(([startedAt, baseline]) => buildSession({ startedAt, baseline, side: 'left' }))));
    // Drawn from the store, then from the summary that first run kept: the same either way.
    for (let read = 0; read < 2; read++) {
      const text = (await run(['buckets'], { home, now })).stdout.replace(/\s+/g, ' ');
      expect(text).toContain('You have rated your pain during single-leg squat (right side painful) in each of 3 weeks in a row');
      const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
      const persistent = [{ rated: 'pain during single-leg squat', side: 'right', weeks: 3, firstMean: 6, latestMean: 6 }];
      expect(json.advice).toEqual([{ id: 'see-a-professional', message: expect.stringContaining('(right side painful)'), side: 'right', persistent }]);
    }
    expect(existsSync(join(home, 'store.json.summary'))).toBe(true);
  });

  it('names every side that kept up in that advice, the higher scores first, from the summary kept beside the store too', async () => {
    // The right leg has started at 7 three weeks in a row; the left has stayed at 1, rated more lately.
    const right = ['2026-02-10T09:00:00Z', '2026-02-18T09:00:00Z', '2026-02-28T09:00:00Z'].map((startedAt) => buildSession({ startedAt, baseline: 7, side: 'right' }));
    const left = ['2026-02-11T09:00:00Z', '2026-02-19T09:00:00Z', '2026-03-01T09:00:00Z'].map((startedAt) => buildSession({ startedAt, baseline: 1, side: 'left' }));
    await save((data) => void data.sessions.push(...right, ...left));
    for (let read = 0; read < 2; read++) {
      const text = (await run(['buckets'], { home, now })).stdout.replace(/\s+/g, ' ');
      expect(text).toContain(
        'You have rated each of these in several weeks in a row, and their starting scores have not come down much: ' +
          'your pain during single-leg squat (right side painful), in each of 3 weeks (about 7 in the first of those weeks, 7 in the latest); ' +
          'your pain during single-leg squat (left side painful), in each of 3 weeks (about 1 in the first of those weeks, 1 in the latest).',
      );
      const json = JSON.parse((await run(['buckets', '--json'], { home, now })).stdout);
      expect(json.advice).toEqual([
        {
          id: 'see-a-professional',
          message: expect.any(String),
          side: 'right',
          persistent: [
            { rated: 'pain during single-leg squat', side: 'right', weeks: 3, firstMean: 7, latestMean: 7 },
            { rated: 'pain during single-leg squat', side: 'left', weeks: 3, firstMean: 1, latestMean: 1 },
          ],
        },
      ]);
    }
  });

  it('names the closest of move and reset, or the move meant, for words after buckets that are no command of it, changing nothing', async () => {
    await withSessions();
    const before = readFileSync(join(home, 'store.json'));
    for (const [args, hint] of [
      // The drill and bucket typed after it are kept.
      [['buckets', 'mvoe', 'clamshells', 'rehab'], 'Did you mean `itb buckets move clamshells rehab`?'],
      // A drill typed as words in quotes stays one word of the command to copy.
      [['buckets', 'mvoe', 'lateral ankle tilts', 'rehab'], "Did you mean `itb buckets move 'lateral ankle tilts' rehab`?"],
      [['buckets', 'rest'], 'Did you mean `itb buckets reset`?'],
      [['buckets', 'lists'], '`itb buckets --help` shows what it takes.'],
      // A bucket beside a drill, with move left out: the move meant, by the drill's id.
      [['buckets', 'clamshells', 'avoid'], 'Did you mean `itb buckets move clamshells avoid`?'],
      [['buckets', 'Rehab', 'clamshells'], 'Did you mean `itb buckets move clamshells rehab`?'],
      [['buckets', 'lateral', 'ankle', 'tilts', 'rehab'], 'Did you mean `itb buckets move lateral-ankle-tilts rehab`?'],
      [['buckets', 'wobble', 'avoid'], 'To move a drill: `itb buckets move ID avoid`, with the id `itb exercises` shows.'],
      [['buckets', 'rehab'], '`itb buckets` shows rehab and avoid for now together; `itb buckets move ID rehab` moves a drill there.'],
      // Both buckets: no one move is meant.
      [['buckets', 'rehab', 'avoid'], '`itb buckets --help` shows what it takes.'],
      // A whole "Next:" line of a session's summary copied: its "avoid" is no bucket meant.
      [
        ['buckets', 'what', 'helps', 'and', 'what', 'to', 'avoid', 'for', 'now'],
        'The words after `itb buckets` are not part of the command: `itb buckets` alone shows what helps and what to avoid for now.',
      ],
    ] as const) {
      const result = await run([...args], { home, now });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`error: there is no "itb buckets ${args[1]}"`);
      expect(result.stderr.replace(/\s*\n\s*/g, ' ')).toContain(hint);
      expect(result.stdout).toBe('');
    }
    expect(readFileSync(join(home, 'store.json')).equals(before)).toBe(true);
  });

  it('keeps the --data typed in the commands it names for words after buckets, so that they show the same library', async () => {
    await withSessions();
    const library = libraryFile('good.yaml');
    const said = async (...args: string[]) => (await run(['--data', library, 'buckets', ...args], { home, now })).stderr.replace(/\s*\n\s*/g, ' ');
    const itb = `itb --data ${library}`;
    expect(await said('rehab')).toContain(`\`${itb} buckets\` shows rehab and avoid for now together; \`${itb} buckets move ID rehab\` moves a drill there.`);
    expect(await said('mvoe', 'wall-clamshells', 'avoid')).toContain(`Did you mean \`${itb} buckets move wall-clamshells avoid\`?`);
    expect(await said('rest')).toContain(`Did you mean \`${itb} buckets reset\`?`);
  });
});
