// The store file changed by something other than itb while a session runs: deleted by hand or
// by a cleanup program, replaced by another store, or damaged. Nothing answered is lost where it
// can be kept, the person is told what happened, and a damaged file is never written over.
// Needs `npm run build` first (`npm test` does it).
import { existsSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StoreData } from '../../src/core/records.js';
import { Store } from '../../src/store/store.js';
import { redFlagQuestions } from '../../src/commands/session-screen.js';
import { keys, passRedFlagScreen, type Terminal } from '../helpers/pty.js';
import { terminalsOnFreshHome } from '../helpers/pty-home.js';
import { buildSession, noRedFlags } from '../helpers/sessions.js';
import { requireBuild } from '../fixtures/resilience.js';

const { home, itb, storeOf } = terminalsOnFreshHome({ env: { NO_COLOR: '1' } });
const storeFile = () => join(home(), 'store.json');
/** What the terminal showed, its lines (broken between words at 78 columns) joined by spaces. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

beforeAll(requireBuild);

/** A store holding one earlier session, with the id `id`. */
async function storeWith(folder: string, id: string): Promise<void> {
  await Store.open({ ITB_HOME: folder }).update((data: StoreData) => {
    data.sessions.push(buildSession({ id, startedAt: '2026-01-05T12:00:00.000Z', routine: 'strength', baseline: 5, drills: [{ id: 'clamshells', scores: [5, 3] }] }));
  });
}

/** Waits until the session has made its lock again in the store's folder, as it refreshes it every few seconds. */
async function lockMadeAgain(): Promise<void> {
  const lock = join(home(), 'session.lock');
  const giveUpAt = Date.now() + 30_000;
  while (!existsSync(lock)) {
    if (Date.now() > giveUpAt) throw new Error(`the session lock ${lock} was not made again within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Starts a joint-chain session on a store with an earlier session, and rates the first drill: every answer so far saved. */
async function sessionAtSecondDrill(): Promise<Terminal> {
  await storeWith(home(), 'earlier');
  const t = itb(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'walking']);
  await passRedFlagScreen(t);
  await t.answer('Rate your pain (0 = none', '6');
  await t.answer('When you have done the drill', '');
  await t.answer('(before: 6)', '4');
  await t.waitFor('Exercise 2 of 5');
  return t;
}

/** Rates the second drill and stops the session with "Stop the session here". */
async function rateSecondDrillAndStop(t: Terminal): Promise<void> {
  await t.answer('When you have done the drill', '');
  await t.answer('(before: 4)', '3');
  await t.waitFor('Exercise 3 of 5');
  await t.waitFor('When you have done the drill');
  await t.type('\x1b[B\x1b[B\r'); // Stop the session here
  expect(await t.exited).toBe(0);
}

describe('the store file changed under a running session', () => {
  it('deleted: saved again as the session last saved it, with the new answer, and said so', async () => {
    const t = await sessionAtSecondDrill();
    rmSync(storeFile());
    await rateSecondDrillAndStop(t);
    expect(oneLine(t.text)).toContain(
      "Your store file was deleted while this session ran (by hand, or by a cleanup program): it was saved again as it was, with this session's answers, so nothing is lost.",
    );
    // Said after the save that found it gone, not again after each save that follows.
    expect(oneLine(t.text).split('Your store file was deleted')).toHaveLength(2);
    const store = storeOf();
    // The earlier session, the red-flag answers and the remembered setup are all still there.
    expect(store.sessions.map((session: { id: string }) => session.id)[0]).toBe('earlier');
    expect(store.sessions).toHaveLength(2);
    expect(store.sessions[1].attempts.map((attempt: { after: number }) => attempt.after)).toEqual([4, 3]);
    expect(store.screenings).toHaveLength(1);
    expect(store.settings.movement).toBe('walking');
  });

  it('deleted, then stopped with Ctrl-C: saved again with the session marked interrupted, and said so', async () => {
    const t = await sessionAtSecondDrill();
    rmSync(storeFile());
    await t.waitFor('When you have done the drill');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
    expect(oneLine(t.text)).toContain('Your store file was deleted while this session ran');
    const store = storeOf();
    expect(store.sessions.map((session: { id: string }) => session.id)[0]).toBe('earlier');
    expect(store.sessions[1]).toMatchObject({ status: 'interrupted', attempts: [expect.objectContaining({ after: 4 })] });
  });

  it("replaced by another store: this session's answers are added to it, and said so", async () => {
    const t = await sessionAtSecondDrill();
    const other = join(home(), 'other');
    await storeWith(other, 'someone-else');
    writeFileSync(storeFile(), readFileSync(join(other, 'store.json')));
    rmSync(other, { recursive: true });
    await rateSecondDrillAndStop(t);
    expect(oneLine(t.text)).toContain(
      "Your store file was replaced while this session ran (by an older copy, or another person's store): this session's answers so far were added to the store now in its place.",
    );
    const store = storeOf();
    expect(store.sessions.map((session: { id: string }) => session.id)[0]).toBe('someone-else');
    expect(store.sessions[1].attempts.map((attempt: { after: number }) => attempt.after)).toEqual([4, 3]);
  });

  it('damaged: left as it is, and everything answered kept in a file beside it, named with how to use it', async () => {
    const t = await sessionAtSecondDrill();
    await t.answer('When you have done the drill', '');
    await t.waitFor('(before: 4)');
    truncateSync(storeFile(), 100);
    const damaged = readFileSync(storeFile());
    await t.type(`3${keys.enter}`);
    expect(await t.exited).toBe(2);
    const said = oneLine(t.text);
    expect(said).toContain(`error: the itb store ${storeFile()} is cut short (not complete JSON): it was damaged while this session ran, and was left as it is`);
    const kept = readdirSync(home()).find((name) => /^store-kept-\d{8}-\d{6}\.json$/.test(name));
    expect(kept).toBeDefined();
    expect(said).toContain(
      `Everything you answered, with all you had saved before, is kept in ${join(home(), kept!)}. To go on with it, move the damaged file away, rename that one store.json, and run \`itb session joint-chain\` again.`,
    );
    expect(readFileSync(storeFile())).toEqual(damaged);
    // The kept file is a whole store: put in place, itb reads it, with the earlier session and this one.
    rmSync(storeFile());
    writeFileSync(storeFile(), readFileSync(join(home(), kept!)));
    const store = Store.open({ ITB_HOME: home() }).read();
    expect(store.sessions.map((session) => session.id)[0]).toBe('earlier');
    // The score that found the file damaged is kept too.
    expect(store.sessions[1]!.attempts.map((attempt) => attempt.after)).toEqual([4, 3]);
    expect(store.screenings).toHaveLength(1);
    // Run again as told, the session is taken as left part way, and goes on from where it stopped.
    const again = itb(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'walking']);
    await again.waitFor('and Forward 45° lunge knee circles');
    await again.answer('Go on with the 3 drills left?', 'y');
    await again.answer('Rate your pain (0 = none', '4');
    await again.waitFor('Exercise 1 of 3 · hip');
    await again.waitFor('When you have done the drill');
    await again.type(keys.ctrlC);
    expect(await again.exited).toBe(130);
    expect(storeOf().sessions.map((session: { status: string; baseline: number }) => [session.status, session.baseline])).toEqual([
      ['completed', 5],
      ['interrupted', 6],
      ['interrupted', 4],
    ]);
  });

  it('its whole folder deleted: the session takes its lock again and goes on, saving the store again as it was, and says so', async () => {
    const t = await sessionAtSecondDrill();
    rmSync(home(), { recursive: true });
    // Its lock went with the folder: the session notices at its next refresh, and makes it again.
    await lockMadeAgain();
    await rateSecondDrillAndStop(t);
    const said = oneLine(t.text);
    expect(said).not.toContain("took this session's place");
    expect(said).toContain("Your store file was deleted while this session ran (by hand, or by a cleanup program): it was saved again as it was, with this session's answers, so nothing is lost.");
    const store = storeOf();
    expect(store.sessions.map((session: { id: string }) => session.id)[0]).toBe('earlier');
    expect(store.sessions[1].attempts.map((attempt: { after: number }) => attempt.after)).toEqual([4, 3]);
    expect(store.screenings).toHaveLength(1);
  });

  it('its lock alone removed: the session takes it again and goes on, with nothing to say', async () => {
    const t = await sessionAtSecondDrill();
    rmSync(join(home(), 'session.lock'), { recursive: true });
    await lockMadeAgain();
    await rateSecondDrillAndStop(t);
    const said = oneLine(t.text);
    expect(said).not.toContain("took this session's place");
    expect(said).not.toContain('Your store file was');
    expect(storeOf().sessions[1].attempts.map((attempt: { after: number }) => attempt.after)).toEqual([4, 3]);
  });
});

describe('the store file changed before the first score', () => {
  it('deleted during the safety questions: saved again as it was, with the answers, and said at once', async () => {
    await storeWith(home(), 'earlier');
    const t = itb(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'walking']);
    const [first, ...others] = Object.values(redFlagQuestions).map((question) => question.slice(0, 20));
    await t.answer(first!, 'n');
    // The first answer saved, as the next question shows.
    await t.waitFor(others[0]!);
    rmSync(storeFile());
    await t.type(`n${keys.enter}`);
    await t.waitFor('Your store file was deleted while this session ran');
    for (const question of others.slice(1)) await t.answer(question, 'n');
    await t.waitFor('Rate your pain (0 = none');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
    expect(oneLine(t.text)).toContain("it was saved again as it was, with this session's answers, so nothing is lost.");
    const store = storeOf();
    expect(store.sessions.map((session: { id: string }) => session.id)).toEqual(['earlier']);
    expect(store.screenings).toEqual([expect.objectContaining({ answers: noRedFlags, proceeded: true })]);
    expect(store.settings.movement).toBe('walking');
  });

  it('replaced while the test movement is chosen: the setup is added to the store in its place, and said', async () => {
    await storeWith(home(), 'earlier');
    const t = itb(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain']);
    await passRedFlagScreen(t);
    await t.waitFor('Which test movement');
    const other = join(home(), 'other');
    await storeWith(other, 'someone-else');
    writeFileSync(storeFile(), readFileSync(join(other, 'store.json')));
    rmSync(other, { recursive: true });
    await t.type(keys.enter); // the first movement on the list
    await t.waitFor('Your store file was replaced');
    await t.waitFor('Rate your pain (0 = none');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
    expect(oneLine(t.text)).toContain("Your store file was replaced while this session ran (by an older copy, or another person's store): this session's answers so far were added to the store now in its place.");
    const store = storeOf();
    expect(store.sessions.map((session: { id: string }) => session.id)).toEqual(['someone-else']);
    expect(store.settings.movement).toBe('single-leg squat');
  });

  it('deleted before the session saved anything: the first score saves the store again as the session read it, and says so', async () => {
    // Screened before, and set up as last time: nothing is saved before the baseline.
    await storeWith(home(), 'earlier');
    await Store.open({ ITB_HOME: home() }).update((data: StoreData) => {
      data.screenings.push({ at: '2026-01-05T11:59:00.000Z', answers: noRedFlags, proceeded: true });
      Object.assign(data.settings, { side: 'left', symptom: 'pain', movement: 'walking' });
    });
    const t = itb(['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'walking']);
    await t.waitFor('Rate your pain (0 = none');
    rmSync(home(), { recursive: true });
    await t.type(`6${keys.enter}`);
    await t.waitFor('Your store file was deleted');
    await t.waitFor('When you have done the drill');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(130);
    expect(oneLine(t.text)).toContain("Your store file was deleted while this session ran (by hand, or by a cleanup program): it was saved again as it was, with this session's answers, so nothing is lost.");
    const store = storeOf();
    expect(store.sessions.map((session: { id: string; baseline: number }) => [session.id, session.baseline])).toEqual([
      ['earlier', 5],
      [expect.any(String), 6],
    ]);
    expect(store.screenings).toHaveLength(1);
    expect(store.settings.movement).toBe('walking');
  });

  it('damaged, then stopped with Ctrl-C: left as it is, and everything answered kept beside it', async () => {
    const t = await sessionAtSecondDrill();
    truncateSync(storeFile(), 100);
    await t.waitFor('When you have done the drill');
    await t.type(keys.ctrlC);
    expect(await t.exited).toBe(2);
    const said = oneLine(t.text);
    expect(said).toContain(`error: the itb store ${storeFile()} is cut short (not complete JSON): it was damaged while this session ran, and was left as it is`);
    const kept = readdirSync(home()).find((name) => /^store-kept-\d{8}-\d{6}\.json$/.test(name));
    expect(said).toContain(`Everything you answered, with all you had saved before, is kept in ${join(home(), kept!)}.`);
    const store = JSON.parse(readFileSync(join(home(), kept!), 'utf8')) as StoreData;
    expect(store.sessions[1]).toMatchObject({ status: 'interrupted', attempts: [expect.objectContaining({ after: 4 })] });
  });
});
