// The words the report formats share, as a person reads them in the Markdown and HTML reports.
import { describe, expect, it } from 'vitest';
import { projectBuckets } from '../../src/core/projection.js';
import type { StoreData } from '../../src/core/records.js';
import { toHtml } from '../../src/export/html.js';
import { toMarkdown } from '../../src/export/md.js';
import { buildReport } from '../../src/export/report.js';
import { evidenceOf, type Evidence } from '../../src/core/evidence.js';
import { evidenceWords, plural, timedHoldsWords } from '../../src/export/words.js';
import { builtInLibrary } from '../helpers/built-in-library.js';
import { sampleStore, sessionOne } from './fixtures.js';

const NOW = new Date('2026-11-20T15:00:00.000Z');
const library = builtInLibrary();

/** The sample store with its first session changed. */
function withFirst(change: Partial<typeof sessionOne>): StoreData {
  const data = sampleStore();
  data.sessions = data.sessions.map((session) => (session.id === sessionOne.id ? { ...session, ...change } : session));
  return data;
}

describe('shared report words', () => {
  it('says in the md and html reports, beside a drill\'s evidence, how many holds its tests timed when the countdown timed only some', () => {
    const data = sampleStore();
    // The lunge knee circles: set aside after two tries, each done after timing some holds of six.
    data.sessions[0]!.attempts[1]!.holds = { timed: 2, of: 6 };
    data.sessions[0]!.attempts[2]!.holds = { timed: 3, of: 6 };
    const report = buildReport(data, library, { now: NOW });
    const said = 'its last test had 2 of 6 holds timed on the first try and 3 of 6 on the retry';
    expect(toMarkdown(report)).toContain(`helped 0 of 1 test, mean change +1, last +1 on 2026-10-01; ${said};`);
    expect(toHtml(report)).toContain(said);
    // Nothing of holds for the drills whose tests kept none.
    expect(toMarkdown(report).match(/holds timed/g)).toHaveLength(1);
    expect(toMarkdown(buildReport(sampleStore(), library, { now: NOW }))).not.toContain('holds timed');
  });

  it('names the try of the last test that timed only some holds, and counts the earlier tests that did', () => {
    const evidence = (partlyTimed: number, lastHolds: Evidence['lastHolds']): Evidence => ({ ...evidenceOf(undefined), tested: 3, partlyTimed, lastHolds });
    expect(timedHoldsWords(evidence(0, []))).toBeUndefined();
    expect(timedHoldsWords(evidence(1, [{ attempt: 2, timed: 1, of: 2 }]))).toBe('its last test had 1 of 2 holds timed on the retry');
    expect(timedHoldsWords(evidence(3, [{ attempt: 1, timed: 4, of: 6 }]))).toBe('its last test had 4 of 6 holds timed on the first try; 2 earlier tests had only some holds timed');
    expect(timedHoldsWords(evidence(1, []))).toBe('1 earlier test had only some holds timed');
  });

  it('says how many of the tests that helped did so only on the retry, or "only on the retry" when every one did', () => {
    const evidence: Evidence = {
      tested: 3,
      helped: 2,
      helpedOnRetry: 2,
      meanChange: -1,
      lastChange: -1,
      lastTestedAt: null,
      flares: 0,
      lastFlareAt: null,
      lastFlareSide: null,
      tooLowToShowHelp: 0,
      lastCouldNotShow: null,
      lastFallNeeded: null,
      partlyTimed: 0,
      lastHolds: [],
      sides: [],
      lastSide: null,
      lastSymptom: null,
      lastMovement: null,
    };
    expect(evidenceWords({ ...evidence, helpedOnRetry: 1 })).toMatch(/^helped 2 of 3 tests \(1 of them only on the retry\), mean change -1/);
    expect(evidenceWords({ ...evidence, helped: 1, helpedOnRetry: 1 })).toMatch(/^helped 1 of 3 tests \(only on the retry\), mean change -1/);
    // Every one that helped did so on the retry: "17 of them" would only repeat the count.
    expect(evidenceWords(evidence)).toMatch(/^helped 2 of 3 tests \(both only on the retry\), mean change -1/);
    expect(evidenceWords({ ...evidence, tested: 17, helped: 17, helpedOnRetry: 17 })).toMatch(/^helped 17 of 17 tests \(all 17 only on the retry\), mean change -1/);
    // With its count: a bare "all" after "10 tests" reads as all ten.
    expect(evidenceWords({ ...evidence, tested: 10, helped: 3, helpedOnRetry: 3 })).toMatch(/^helped 3 of 10 tests \(all 3 only on the retry\), mean change -1/);
  });

  it("gives each painful side's mean change in place of one mean of every side, and none for a side whose tests had no score after", () => {
    const evidence: Evidence = {
      ...evidenceOf(undefined),
      tested: 3,
      helped: 1,
      meanChange: -0.7,
      lastChange: 0,
      sides: [
        { side: 'left', tested: 1, helped: 1, meanChange: -2 },
        { side: 'right', tested: 1, helped: 0, meanChange: 0 },
        { side: 'both', tested: 1, helped: 0, meanChange: null },
      ],
      lastSide: 'right',
    };
    expect(evidenceWords(evidence)).toBe('helped 1 of 3 tests (by painful side: left 1 of 1 with mean change -2, right 0 of 1 with mean change 0, both sides 0 of 1), last 0 (right side painful)');
  });

  it('counts none as many, one as one', () => {
    expect(plural(0, 'drill')).toBe('0 drills');
    expect(plural(1, 'drill')).toBe('1 drill');
    expect(plural(2, 'drill')).toBe('2 drills');
    expect(plural(0, 'body', 'bodies')).toBe('0 bodies');
  });

  it('says a session still under way is in progress', () => {
    const report = buildReport(withFirst({ status: 'in-progress' }), library, { now: NOW });
    const md = toMarkdown(report);
    const row = md.split('\n').find((line) => line.startsWith('| 2026-10-01 09:30 | joint-chain |'))!;
    expect(row).toMatch(/\| in progress \| Lateral ankle tilts 6 → 4 helped; [^|]+ \|$/);
    expect(toHtml(report)).toContain('<td>in progress</td>');
  });

  it('names discomfort as the symptom rated', () => {
    const report = buildReport(withFirst({ symptom: 'discomfort' }), library, { now: NOW });
    const md = toMarkdown(report);
    expect(md).toContain('Discomfort @ single-leg squat');
    expect(md).toMatch(/\*\*Symptoms rated:\*\* [^\n]*\bDiscomfort\b/);
    expect(toHtml(report)).toContain('Discomfort @ <bdi><span class="whole">single-leg</span> squat</bdi>');
  });

  it('says a drill moved by hand with no test was not tested in a session', () => {
    const md = toMarkdown(buildReport(sampleStore(), library, { now: NOW }));
    expect(md).toContain('**Gentle IT band stretch** (it-band-stretch): dose 2 sets × hold 30 s per side; not tested in a session; moved by hand on 2026-10-10;');
    // Flare-ups with no test (a store edited by hand): their count, with the day of the last, as after tests.
    const flared = { ...evidenceOf(undefined), flares: 2, lastFlareAt: new Date(2026, 9, 12, 9).toISOString() };
    expect(evidenceWords(flared)).toBe('2 flares (the last on 2026-10-12)');
  });

  it('names no routines when the sessions ran only routines the library no longer has', () => {
    const data = sampleStore();
    data.sessions = data.sessions.map((session) => ({ ...session, routine: 'gone-routine' }));
    const report = buildReport(data, library, { now: NOW });
    expect(report.routines).toEqual([]);
    expect(toMarkdown(report)).toContain('| gone-routine |');
    expect(toMarkdown(report)).not.toContain('Routines:');
    expect(toHtml(report)).not.toContain('Routines:');
  });

  it('sets the help on the retry and the painful sides apart with a semicolon, as parts of one aside', () => {
    const data = sampleStore();
    const at = (minute: number) => `2026-10-25T12:${String(minute).padStart(2, '0')}:00.000Z`;
    data.sessions.push({
      ...structuredClone(sessionOne),
      id: 'session-four',
      side: 'right',
      startedAt: at(0),
      endedAt: at(30),
      attempts: [
        { exerciseId: 'lunge-knee-circles', attempt: 1, before: 6, after: 6, verdict: 'not-improved', at: at(5) },
        { exerciseId: 'lunge-knee-circles', attempt: 2, before: 6, after: 4, verdict: 'improved', at: at(8) },
      ],
      results: [{ exerciseId: 'lunge-knee-circles', name: 'Forward 45° lunge knee circles', outcome: 'rehab', flare: false, at: at(8) }],
    });
    const report = buildReport(data, library, { now: NOW });
    const said = 'helped 1 of 2 tests (only on the retry; by painful side: left 0 of 1 with mean change +1, right 1 of 1 with mean change -2), last -2 on ';
    expect(toMarkdown(report)).toContain(`(lunge-knee-circles): dose 1 set × 10 reps, on the painful side; ${said}2026-10-25 (right side painful)`);
    expect(toHtml(report)).toContain(`${said}<span class="day">2026-10-25</span> (right side painful)</li>`);
  });

  it('dates a re-test that is due, and says a drill the library no longer has is not in it', () => {
    const data = sampleStore();
    data.moves.push({ exerciseId: 'retired-drill', bucket: 'avoid', at: '2026-10-12T12:00:00.000Z' });
    data.buckets = projectBuckets(data.sessions, data.moves);
    const report = buildReport(data, library, { now: NOW });
    const md = toMarkdown(report);
    expect(md).toContain('last +4 on 2026-10-08; set aside after a flare; **re-test due (since 2026-10-22)**');
    expect(md).toContain('- **retired-drill**: not tested in a session; moved by hand on 2026-10-12; not in the exercise library this report was made with\n');
    const html = toHtml(report);
    expect(html).toContain('<span class="due">re-test due (since <span class="day">2026-10-22</span>)</span></li>');
    expect(html).toContain('moved by hand on <span class="day">2026-10-12</span>; not in the exercise library this report was made with</li>');
    // Known by its id alone: the id once, as its name, not again in brackets.
    expect(html).toContain('<li><strong><bdi>retired-drill</bdi></strong>: not tested in a session;');
  });

  it('counts a single untested drill as one, and says nothing of untested drills when there are none', () => {
    const full = buildReport(sampleStore(), library, { now: NOW });
    const untested = new Set(full.buckets.untested.map((status) => status.exerciseId));
    expect(untested.size).toBeGreaterThan(1);
    const keeping = (left: number) => {
      const kept = [...untested].slice(0, left);
      return Object.assign({}, library, { exercises: library.exercises.filter((exercise) => !untested.has(exercise.id) || kept.includes(exercise.id)) });
    };
    const one = buildReport(sampleStore(), keeping(1), { now: NOW });
    const name = one.buckets.untested[0]!.name;
    expect(toMarkdown(one)).toContain(`\n1 drill in the library not tested yet: ${name}.\n`);
    expect(toHtml(one)).toContain(`<p>1 drill in the library not tested yet: <bdi>${name}</bdi>.</p>`);
    const none = toMarkdown(buildReport(sampleStore(), keeping(0), { now: NOW }));
    expect(none).not.toContain('not tested yet');
    expect(none).toContain('## Avoid for now');
  });

  it('names the untested drills as text, escaped for the format, with semicolons between them', () => {
    const renamed = structuredClone(library);
    const report = buildReport(sampleStore(), renamed, { now: NOW });
    const [first, second] = report.buckets.untested.map((status) => status.exerciseId);
    for (const exercise of renamed.exercises) {
      if (exercise.id === first) exercise.name = 'Hip <b>hikes</b> & *lifts*';
      if (exercise.id === second) exercise.name = 'Walks, slow';
    }
    const named = buildReport(sampleStore(), renamed, { now: NOW });
    expect(toMarkdown(named)).toContain('not tested yet: Hip \\<b\\>hikes\\</b\\> & \\*lifts\\*; Walks, slow; ');
    expect(toHtml(named)).toContain('not tested yet: <bdi>Hip &lt;b&gt;hikes&lt;/b&gt; &amp; *lifts*</bdi>; <bdi>Walks, slow</bdi>; ');
  });

  it('waits 1 day for a re-test as one day, in md and html', () => {
    const data = sampleStore();
    data.settings = { ...data.settings, retestAfterDays: 1 };
    const report = buildReport(data, library, { now: NOW });
    expect(toMarkdown(report)).toContain('- Drills set aside are offered for a re-test after 1 day.\n');
    expect(toHtml(report)).toContain('Drills set aside are offered for a re-test after 1 day.</li>');
  });

  it('says a report limited by --since or --until alone has no sessions in its period, not none yet', () => {
    const before = buildReport(sampleStore(), library, { now: NOW, until: '2026-09-01' });
    const after = buildReport(sampleStore(), library, { now: NOW, since: '2026-11-01' });
    for (const report of [before, after]) {
      expect(toMarkdown(report)).toContain('No sessions in this period');
      expect(toMarkdown(report)).not.toContain('No sessions yet');
      expect(toHtml(report)).toContain('No sessions in this period');
    }
  });
});
