// The summary kept beside the store for `itb buckets`: used only while it was drawn from exactly
// the store file that is there, and never a reason to fail.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreData } from '../../src/core/records.js';
import { summarize, type StoreSummary } from '../../src/core/summary.js';
import { Store } from '../../src/store/store.js';
import { readStore } from '../../src/store/store-file.js';
import { drawSummary, identityOf, readSummary, readSummaryFile, readWithSummary, summaryVouchesFor, writeSummaryFile } from '../../src/store/summary-file.js';
import { sampleSession } from '../fixtures/sample-session.js';
import { newStoreHome } from '../helpers/store-home.js';
import { standInsAt } from '../helpers/stand-ins.js';

let root: string;
let home: string;
let file: string;
let summaryPath: string;
const env = () => ({ ITB_HOME: home });

beforeEach(() => {
  ({ root, home, file } = newStoreHome('itb-summary-'));
  summaryPath = `${file}.summary`;
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const day = (n: number) => new Date(Date.UTC(2026, 0, n, 9));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function seeded(): Promise<StoreData> {
  return Store.open(env()).update((data) => void data.sessions.push(sampleSession('s1', day(1)), sampleSession('s2', day(2))));
}

describe('the summary beside the store', () => {
  it('is kept by every save that leaves no session in progress, private like the store', async () => {
    const written = await seeded();
    expect(readSummaryFile(file)).toEqual(JSON.parse(JSON.stringify(summarize(written))));
    expect(statSync(summaryPath).mode & 0o777).toBe(0o600);
    expect(await readSummary(env())).toMatchObject({ sessionCount: 2, moveCount: 0 });
  });

  it('keeps text beyond ASCII as it was written: drill names, movements, in any script', async () => {
    const named = { ...sampleSession('s1', day(1)), movement: 'Descente d’une marche — côté 膝' };
    named.results = named.results.map((result) => ({ ...result, name: `Étirement ${result.name} ✓` }));
    const written = await Store.open(env()).update((data) => void data.sessions.push(named));
    const kept = readSummaryFile(file);
    expect(kept).toEqual(JSON.parse(JSON.stringify(summarize(written))));
    expect(JSON.stringify(kept)).toContain('Étirement');
  });

  it('keeps the note of a move by hand that a test replaced, with the tests since', async () => {
    const written = await Store.open(env()).update((data) => {
      data.moves.push({ exerciseId: 'lateral-ankle-tilts', bucket: 'avoid', at: day(1).toISOString(), note: 'PT: wait' });
      data.sessions.push(sampleSession('s2', day(2)), sampleSession('s3', day(3)));
    });
    const kept = readSummaryFile(file);
    expect(kept?.buckets.earlierMoves).toEqual([['lateral-ankle-tilts', { bucket: 'avoid', at: day(1).toISOString(), note: 'PT: wait', testedSince: 2 }]]);
    expect(kept).toEqual(JSON.parse(JSON.stringify(summarize(written))));
  });

  it('is the one used while it matches the store: the store itself is not read', async () => {
    const written = await seeded();
    // A summary that disagrees with the store, kept for the store file as it is now.
    writeSummaryFile(file, { ...summarize(written), sessionCount: 99 });
    expect((await readSummary(env())).sessionCount).toBe(99);
  });

  it('no longer counts once a session is in progress; the store is read instead', async () => {
    await seeded();
    const running = { ...sampleSession('s3', day(3)), status: 'in-progress' as const, endedAt: undefined };
    const written = await Store.open(env()).update((data) => void data.sessions.push(running));
    expect(readSummaryFile(file)).toBeUndefined();
    expect(await readSummary(env())).toEqual(summarize(written));
    // Ending the session keeps a new summary.
    const ended = await Store.open(env()).update((data) => {
      data.sessions[2] = { ...data.sessions[2]!, status: 'completed', endedAt: day(3).toISOString() };
    });
    expect(readSummaryFile(file)).toEqual(JSON.parse(JSON.stringify(summarize(ended))));
  });

  it('left due by the save that ends a session, is written when asked, for the file that save wrote', async () => {
    await seeded();
    const store = Store.open(env());
    const ended = await store.update((data) => void data.sessions.push(sampleSession('s3', day(3))), { summaryLater: true });
    // Until then, the summary of the save before no longer counts.
    expect(readSummaryFile(file)).toBeUndefined();
    store.writeDueSummary();
    expect(readSummaryFile(file)).toEqual(JSON.parse(JSON.stringify(summarize(ended))));
    // Asked again, there is nothing due.
    writeSummaryFile(file, { ...summarize(ended), sessionCount: 99 });
    store.writeDueSummary();
    expect(readSummaryFile(file)?.sessionCount).toBe(99);
  });

  it('left due, is not written once another save came in between: that save kept its own', async () => {
    await seeded();
    const store = Store.open(env());
    await store.update((data) => void data.sessions.push(sampleSession('s3', day(3))), { summaryLater: true });
    const other = await Store.open(env()).update((data) => void data.sessions.push(sampleSession('s4', day(4))));
    store.writeDueSummary();
    expect(readSummaryFile(file)).toEqual(JSON.parse(JSON.stringify(summarize(other))));
    expect(readSummaryFile(file)?.sessionCount).toBe(4);
  });

  it('no longer counts once anything else writes the store, even with bytes of the same length', async () => {
    const written = await seeded();
    const text = readFileSync(file, 'utf8');
    const edited = text.replace('"baseline":6', '"baseline":7');
    expect(edited.length).toBe(text.length);
    await sleep(20); // beyond the file system's clock step, as any edit by hand is
    writeFileSync(file, edited);
    expect(readSummaryFile(file)).toBeUndefined();
    const summary = await readSummary(env());
    expect(summary.advice.baselines[0]!.scores).toEqual([7, 6]);
    expect(summary.advice).not.toEqual(summarize(written).advice);
  });

  it('no longer counts once the store is edited and its modification time put back, as a copy that keeps times does', async () => {
    await seeded();
    const kept = statSync(file).mtime;
    // Whole seconds, so that the time put back is the very same one.
    const second = new Date(Math.floor(kept.getTime() / 1000) * 1000);
    utimesSync(file, second, second);
    writeSummaryFile(file, summarize(Store.open(env()).read()));
    expect(readSummaryFile(file)).toBeDefined();
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"baseline":6', '"baseline":7'));
    utimesSync(file, second, second);
    expect(readSummaryFile(file)).toBeUndefined();
    expect((await readSummary(env())).advice.baselines[0]!.scores).toEqual([7, 6]);
  });

  it('is passed over when an itb of another version kept it, even for this very store file', async () => {
    const written = await seeded();
    const kept = JSON.parse(readFileSync(summaryPath, 'utf8')) as { summaryVersion: number; schemaVersion: number; summary: StoreSummary };
    const wrong = { ...kept.summary, sessionCount: 99 };
    for (const other of [{ summaryVersion: kept.summaryVersion - 1 }, { schemaVersion: kept.schemaVersion + 1 }]) {
      writeFileSync(summaryPath, JSON.stringify({ ...kept, ...other, summary: wrong }));
      expect(readSummaryFile(file), JSON.stringify(other)).toBeUndefined();
      expect(await readSummary(env())).toEqual(summarize(written));
    }
  });

  it('of the itb before, which kept no time of the last flare-up, is drawn again: the flare-up gets its day', async () => {
    const flared = sampleSession('s1', day(1));
    flared.attempts = [{ exerciseId: 'lateral-ankle-tilts', attempt: 1, before: 3, after: 7, verdict: 'flare', at: day(1).toISOString() }];
    flared.results = [{ exerciseId: 'lateral-ankle-tilts', name: 'Lateral ankle tilts', outcome: 'avoid', flare: true, at: day(1).toISOString() }];
    const written = await Store.open(env()).update((data) => void data.sessions.push(flared));
    const kept = JSON.parse(readFileSync(summaryPath, 'utf8')) as { summaryVersion: number; summary: StoreSummary };
    const observed = kept.summary.buckets.observed.map(([id, { newestFlareAt: _, ...seen }]) => [id, seen]);
    writeFileSync(summaryPath, JSON.stringify({ ...kept, summaryVersion: 14, summary: { ...kept.summary, buckets: { ...kept.summary.buckets, observed } } }));
    expect(readSummaryFile(file)).toBeUndefined();
    const drawn = await readSummary(env());
    expect(drawn).toEqual(summarize(written));
    expect(new Map(drawn.buckets.observed).get('lateral-ankle-tilts')!.newestFlareAt).toBe(day(1).toISOString());
  });

  it('is never a reason to fail: missing, damaged, of another shape or impossible to write', async () => {
    const written = await seeded();
    const expected = summarize(written);
    for (const damage of ['', '{"summ', 'null', JSON.stringify({ ...JSON.parse(readFileSync(summaryPath, 'utf8')), summary: { advice: 3 } })]) {
      writeFileSync(summaryPath, damage);
      expect(readSummaryFile(file), damage).toBeUndefined();
      expect(await readSummary(env()), damage).toEqual(expected);
    }
    // Kept for this very store file but of another shape (another version, or damaged inside):
    // passed over as a whole, never shown in part or failed on.
    const wrongShapes: unknown[] = [
      { ...expected, advice: { loadedMs: ['2026-01-01T09:00:00.000Z'], baselines: [] } },
      { ...expected, advice: { ...expected.advice, baselines: [{ rated: 'pain', side: 'left', said: 'pain', startedMs: [1, 2], scores: [3] }] } },
      { ...expected, advice: { ...expected.advice, baselines: [{ rated: 'pain', side: 'left', said: 'pain', startedMs: [1], scores: ['3'] }] } },
      { ...expected, buckets: { ...expected.buckets, entries: [{ ...expected.buckets.entries[0], bucket: 'maybe' }] } },
      { ...expected, buckets: { ...expected.buckets, entries: [{ ...expected.buckets.entries[0], decidedAt: 'yesterday' }] } },
      { ...expected, buckets: { ...expected.buckets, observed: [['lateral-ankle-tilts', { tested: 'many' }]] } },
      // Each field of what was observed counts: one without the helps on a retry is of another version.
      { ...expected, buckets: { ...expected.buckets, observed: expected.buckets.observed.map(([id, { helpedOnRetry: _, ...seen }]) => [id, seen]) } },
      { ...expected, advice: { ...expected.advice, baselines: expected.advice.baselines.map(({ said: _, ...group }) => group) } },
      // One of an earlier version grouped the baselines without their painful side; a damaged one, a side that is none.
      { ...expected, advice: { ...expected.advice, baselines: expected.advice.baselines.map(({ side: _, ...group }) => group) } },
      { ...expected, advice: { ...expected.advice, baselines: expected.advice.baselines.map((group) => ({ ...group, side: 'middle' })) } },
      // A summary of an earlier version has no count of the tests that could not show help.
      { ...expected, buckets: { ...expected.buckets, observed: expected.buckets.observed.map(([id, { tooLowToShowHelp: _, ...seen }]) => [id, seen]) } },
      { ...expected, buckets: { ...expected.buckets, observed: expected.buckets.observed.map(([id, seen]) => [id, { ...seen, newestCouldNotShow: { what: 'room' } }]) } },
      // A summary of an earlier version has no time each drill's newest test was really done.
      { ...expected, buckets: { ...expected.buckets, observed: expected.buckets.observed.map(([id, { newestTestedAt: _, ...seen }]) => [id, seen]) } },
      // A summary of an earlier version has no time of each drill's newest flare-up; a damaged one, a time that is none.
      { ...expected, buckets: { ...expected.buckets, observed: expected.buckets.observed.map(([id, { newestFlareAt: _, ...seen }]) => [id, seen]) } },
      { ...expected, buckets: { ...expected.buckets, observed: expected.buckets.observed.map(([id, seen]) => [id, { ...seen, newestFlareAt: 'lately' }]) } },
      // A summary of an earlier version has no tests by painful side; a damaged one, a side that is none.
      { ...expected, buckets: { ...expected.buckets, observed: expected.buckets.observed.map(([id, { sides: _, ...seen }]) => [id, seen]) } },
      { ...expected, buckets: { ...expected.buckets, observed: expected.buckets.observed.map(([id, seen]) => [id, { ...seen, sides: { middle: [1, 0] } }]) } },
      // One of an earlier version has no change by painful side; a damaged one, a sum that is no number.
      { ...expected, buckets: { ...expected.buckets, observed: expected.buckets.observed.map(([id, seen]) => [id, { ...seen, sides: { left: [1, 0] } }]) } },
      { ...expected, buckets: { ...expected.buckets, observed: expected.buckets.observed.map(([id, seen]) => [id, { ...seen, sides: { left: [1, 0, 'none', 1] } }]) } },
      { ...expected, buckets: { ...expected.buckets, observed: expected.buckets.observed.map(([id, seen]) => [id, { ...seen, newestSide: 'up' }]) } },
      // One of an earlier version does not say what each drill's newest test rated; a damaged one, a symptom that is none.
      { ...expected, buckets: { ...expected.buckets, observed: expected.buckets.observed.map(([id, { newestSymptom: _, ...seen }]) => [id, seen]) } },
      { ...expected, buckets: { ...expected.buckets, observed: expected.buckets.observed.map(([id, { newestMovement: _, ...seen }]) => [id, seen]) } },
      { ...expected, buckets: { ...expected.buckets, observed: expected.buckets.observed.map(([id, seen]) => [id, { ...seen, newestSymptom: 'itch' }]) } },
      { ...expected, buckets: { ...expected.buckets, observed: expected.buckets.observed.map(([id, seen]) => [id, { ...seen, newestMovement: 3 }]) } },
      // One of an earlier version does not say whether its tests were on more than one painful side.
      { ...expected, buckets: { ...expected.buckets, sidesApart: undefined } },
      // One of an earlier version has no moves by hand that a test replaced; a damaged one, a move without its note.
      { ...expected, buckets: { ...expected.buckets, earlierMoves: undefined } },
      { ...expected, buckets: { ...expected.buckets, earlierMoves: [['clamshells', { bucket: 'avoid', at: '2026-10-01T10:00:00.000Z' }]] } },
      // A move to a bucket a move by hand cannot make, and one at a time that is none.
      { ...expected, buckets: { ...expected.buckets, earlierMoves: [['clamshells', { bucket: 'untested', at: '2026-10-01T10:00:00.000Z', note: 'sore', testedSince: 1 }]] } },
      { ...expected, buckets: { ...expected.buckets, earlierMoves: [['clamshells', { bucket: 'avoid', at: 'lately', note: 'sore', testedSince: 1 }]] } },
      // One of an earlier version does not count the tests since the move.
      { ...expected, buckets: { ...expected.buckets, earlierMoves: [['clamshells', { bucket: 'avoid', at: '2026-10-01T10:00:00.000Z', note: 'sore' }]] } },
      { ...expected, sessionCount: '2' },
      { ...expected, moveCount: '4' },
      // A bucket entry that does not say whether it was put there by a flare-up.
      { ...expected, buckets: { ...expected.buckets, entries: [{ ...expected.buckets.entries[0], flare: 'no' }] } },
      // A summary of an earlier version has no routines; a damaged one, lists that do not match.
      { ...expected, advice: { ...expected.advice, routines: undefined } },
      { ...expected, advice: { ...expected.advice, routines: [{ routine: 'joint-chain', startedMs: [1], completed: [], gotThrough: [2] }] } },
      { ...expected, advice: { ...expected.advice, routines: [{ routine: 'joint-chain', side: 'left', startedMs: [1], completed: ['no'], gotThrough: [2], tried: [[]] }] } },
      { ...expected, advice: { ...expected.advice, routines: [{ routine: 'joint-chain', side: 'left', startedMs: [1, 2], completed: [false], gotThrough: [2, 3], tried: [[], []] }] } },
      // One of an earlier version has no drills tried; a damaged one, ids that are not text.
      { ...expected, advice: { ...expected.advice, routines: [{ routine: 'joint-chain', side: 'left', startedMs: [1], completed: [false], gotThrough: [2] }] } },
      { ...expected, advice: { ...expected.advice, routines: [{ routine: 'joint-chain', side: 'left', startedMs: [1], completed: [false], gotThrough: [2], tried: [[7]] }] } },
      // One of an earlier version has no painful side for each routine's sessions; a damaged one, a side that is none.
      { ...expected, advice: { ...expected.advice, routines: [{ routine: 'joint-chain', startedMs: [1], completed: [false], gotThrough: [2], tried: [[]] }] } },
      { ...expected, advice: { ...expected.advice, routines: [{ routine: 'joint-chain', side: 'up', startedMs: [1], completed: [false], gotThrough: [2], tried: [[]] }] } },
    ];
    for (const wrong of wrongShapes) {
      writeSummaryFile(file, wrong as StoreSummary);
      expect(readSummaryFile(file), JSON.stringify(wrong)).toBeUndefined();
      expect(await readSummary(env())).toEqual(expected);
    }
    rmSync(summaryPath);
    expect(await readSummary(env())).toEqual(expected);

    // A folder in its place: saving still works, and reading falls back to the store.
    rmSync(summaryPath);
    mkdirSync(summaryPath);
    const more = await Store.open(env()).update((data) => void data.sessions.push(sampleSession('s3', day(3))));
    expect(statSync(summaryPath).isDirectory()).toBe(true);
    expect(await readSummary(env())).toEqual(summarize(more));
    expect(statSync(summaryPath).isDirectory()).toBe(true);
  });

  it.skipIf(process.platform === 'win32')('is passed over, unread, when it is a named pipe, a device or far too large', async () => {
    const written = await seeded();
    const expected = summarize(written);
    for (const [what, make] of standInsAt(summaryPath)) {
      rmSync(summaryPath);
      make();
      expect(readSummaryFile(file), what).toBeUndefined();
      expect(await readSummary(env()), what).toEqual(expected);
    }
  });

  it('drawn from the store when there is none, is kept for the next command', async () => {
    const written = await seeded();
    const expected = JSON.parse(JSON.stringify(summarize(written))) as StoreSummary;
    // As a store copied from another computer or restored from a backup arrives: the file alone.
    rmSync(summaryPath);
    expect(await readSummary(env())).toEqual(summarize(written));
    expect(readSummaryFile(file)).toEqual(expected);
    expect(statSync(summaryPath).mode & 0o777).toBe(0o600);

    // One left stale by a write that was not itb's is replaced the same way.
    await sleep(20);
    writeFileSync(file, readFileSync(file));
    expect(readSummaryFile(file)).toBeUndefined();
    await readSummary(env());
    expect(readSummaryFile(file)).toEqual(expected);
  });

  it('drawn from a store with a session cut off by a crash (none is open now), is kept', async () => {
    await seeded();
    const cut = { ...sampleSession('s3', day(3)), status: 'in-progress' as const, endedAt: undefined };
    await Store.open(env()).update((data) => void data.sessions.push(cut));
    expect(readSummaryFile(file)).toBeUndefined();
    const summary = await readSummary(env());
    expect(summary.sessionCount).toBe(3);
    expect(readSummaryFile(file)).toEqual(JSON.parse(JSON.stringify(summary)));
  });

  it('drawn from the store, is kept only when no save came in between and no session is in progress', async () => {
    const written = await seeded();
    rmSync(summaryPath);
    // Another itb saves while this one reads: its summary, of the new store, stays.
    let saved: StoreData | undefined;
    const drawn = await drawSummary(file, async () => {
      const data = Store.open(env()).read();
      await sleep(20);
      saved = await Store.open(env()).update((store) => void store.sessions.push(sampleSession('s3', day(3))));
      return data;
    });
    expect(drawn).toEqual(summarize(written));
    expect(readSummaryFile(file)).toEqual(JSON.parse(JSON.stringify(summarize(saved!))));

    // A session in progress changes the store at every score: a summary of it would not last.
    const running = { ...sampleSession('s4', day(4)), status: 'in-progress' as const, endedAt: undefined };
    const withRunning = await Store.open(env()).update((data) => void data.sessions.push(running));
    const left = readFileSync(summaryPath, 'utf8');
    expect(await drawSummary(file, async () => withRunning)).toEqual(summarize(withRunning));
    expect(readFileSync(summaryPath, 'utf8')).toBe(left);
    expect(readSummaryFile(file)).toBeUndefined();
  });

  it('comes with a read of the store only when the store stayed the same file all the while', async () => {
    const written = await seeded();
    const plain = await readWithSummary(file, async () => Store.open(env()).read());
    expect(plain.data).toEqual(written);
    expect(plain.summary).toEqual(JSON.parse(JSON.stringify(summarize(written))));

    // Another itb saves while this one reads: the summary in hand is of the old store.
    const raced = await readWithSummary(file, async () => {
      const data = Store.open(env()).read();
      await sleep(20);
      await Store.open(env()).update((store) => void store.sessions.push(sampleSession('s3', day(3))));
      return data;
    });
    expect(raced.data).toEqual(written);
    expect(raced.summary).toBeUndefined();
  });

  it('gives the empty summary when there is no store yet, and creates nothing', async () => {
    expect(await readSummary(env())).toMatchObject({ sessionCount: 0, moveCount: 0, advice: { loadedMs: [], baselines: [] } });
    expect(() => statSync(home)).toThrow();
  });
});

describe('the summary, vouching for the store it was kept for', () => {
  it('vouches for the very file it was kept for: the store is read without its hash or its check', async () => {
    const written = await seeded();
    expect(summaryVouchesFor(file, identityOf(file))).toBe(true);
    // Without the fingerprint, only the summary can spare the full check, which writes it again.
    rmSync(`${file}.checked`);
    expect(await readStore(env())).toEqual(JSON.parse(JSON.stringify(written)));
    expect(existsSync(`${file}.checked`)).toBe(false);
    rmSync(summaryPath);
    expect(await readStore(env())).toEqual(JSON.parse(JSON.stringify(written)));
    expect(existsSync(`${file}.checked`)).toBe(true);
  });

  it('no longer vouches once anything else writes the store: damage is caught', async () => {
    await seeded();
    await sleep(20); // beyond the file system's clock step, as any edit by hand is
    writeFileSync(file, readFileSync(file, 'utf8').replace('"baseline":6', '"baseline":66'));
    expect(summaryVouchesFor(file, identityOf(file))).toBe(false);
    await expect(readStore(env())).rejects.toThrow(file);
  });

  it('does not vouch for bytes read before the store was replaced: they may be of the file before', async () => {
    await seeded();
    const before = identityOf(file);
    await Store.open(env()).update((data) => void data.sessions.push(sampleSession('s3', day(3))));
    expect(readSummaryFile(file)).toMatchObject({ sessionCount: 3 });
    expect(summaryVouchesFor(file, before)).toBe(false);
    expect(summaryVouchesFor(file, identityOf(file))).toBe(true);
    // Changed by hand after the look, with the summary still that of the file before.
    const looked = identityOf(file);
    await sleep(20);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"baseline":6', '"baseline":66'));
    expect(summaryVouchesFor(file, looked)).toBe(false);
  });

  it('does not vouch when kept by an itb of another version, or when there is no store', async () => {
    await seeded();
    const kept = JSON.parse(readFileSync(summaryPath, 'utf8')) as { summaryVersion: number };
    writeFileSync(summaryPath, JSON.stringify({ ...kept, summaryVersion: kept.summaryVersion - 1 }));
    expect(summaryVouchesFor(file, identityOf(file))).toBe(false);
    expect(summaryVouchesFor(`${file}.none`, identityOf(`${file}.none`))).toBe(false);
  });
});
