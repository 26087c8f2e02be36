// What the Markdown report says of each drill: its sides, a retry, a session ended between tries, why it was set aside, a reset.
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toHtml } from '../../src/export/html.js';
import { toExportFile } from '../../src/export/json.js';
import { toMarkdown } from '../../src/export/md.js';
import { buildReport } from '../../src/export/report.js';
import type { Library } from '../../src/library/schema.js';
import { toCsv } from '../helpers/export-text.js';
import { sampleStore, sessionOne, sessionThree } from './fixtures.js';
import { library, NOW, report } from '../helpers/sample-report.js';

describe('markdown', () => {
  it('warns that a mean change may mix symptoms or movements only when the sessions behind it rated more than one', () => {
    const mixed = 'may mix scores that do not compare';
    expect(toMarkdown(report)).toContain(mixed);
    expect(toHtml(report)).toContain(mixed);
    // Up to 8 October, every session rated pain in a single-leg squat.
    const same = buildReport(sampleStore(), library, { until: '2026-10-08', now: NOW });
    expect(toMarkdown(same)).not.toContain(mixed);
    // A session that decided no drill (stopped after its baseline) gives no evidence to mix.
    const baselineOnly = sampleStore();
    baselineOnly.sessions[2] = { ...baselineOnly.sessions[2]!, attempts: [], results: [] };
    expect(toMarkdown(buildReport(baselineOnly, library, { now: NOW }))).not.toContain(mixed);
    // The same movement typed another way is the same rating.
    const retyped = sampleStore();
    retyped.sessions[2] = { ...retyped.sessions[2]!, symptom: 'pain', movement: ' Single-Leg  Squat' };
    expect(toMarkdown(buildReport(retyped, library, { now: NOW }))).not.toContain(mixed);
  });

  it('says when a drill helped only on its retry', () => {
    // The stretch did nothing at first (4 -> 4), then helped on the slower retry (4 -> 2).
    const store = sampleStore();
    const three = store.sessions[2]!;
    three.attempts = [
      { exerciseId: 'glute-stretch', attempt: 1, before: 4, after: 4, verdict: 'not-improved', at: '2026-10-20T12:05:00.000Z' },
      { exerciseId: 'glute-stretch', attempt: 2, before: 4, after: 2, verdict: 'improved', at: '2026-10-20T12:08:00.000Z' },
    ];
    three.results[0]!.at = '2026-10-20T12:08:00.000Z';
    const retried = buildReport(store, library, { now: NOW });
    const words = 'Glute stretch** (glute-stretch): dose 2 sets × hold 30 s per side; helped 1 of 1 test (only on the retry), mean change -2';
    expect(toMarkdown(retried)).toContain(words);
    expect(toHtml(retried)).toContain('(<bdi>glute-stretch</bdi>)</span>: dose 2 sets × hold 30 s per side; helped 1 of 1 test (only on the retry), mean change -2');
    expect(toMarkdown(report)).not.toContain('only on the retry');
  });

  it('says which painful side each stretch of sessions had when the side changed, and the one side alone when it did not', () => {
    // Left for the first two sessions, then the right side.
    const store = sampleStore();
    store.sessions[2]!.side = 'right';
    const changed = buildReport(store, library, { now: NOW });
    const words = 'left (2 sessions, 2026-10-01 to 2026-10-08), right (1 session, 2026-10-20)';
    expect(toMarkdown(changed)).toContain(`- **Painful sides:** ${words}\n`);
    expect(toHtml(changed)).toContain(`<li><strong>Painful sides:</strong> ${words.replace(/\d{4}-\d\d-\d\d/g, '<span class="day">$&</span>')}</li>`);
    // Each session's row says the side that hurt in it.
    expect(toMarkdown(changed)).toContain('| 2026-10-20 09:30 | mobility | right | Tightness @ walking |');
    expect(toHtml(changed)).toContain('<td class="routine"><bdi>mobility</bdi></td><td>right</td>');
    expect(toMarkdown(report)).toContain('- **Painful side:** left\n');
    expect(toHtml(report)).toContain('<li><strong>Painful side:</strong> left</li>');
    // Both sides, in words, in the header and in the row.
    store.sessions[2]!.side = 'both';
    const both = buildReport(store, library, { now: NOW });
    expect(toMarkdown(both)).toContain('both sides (1 session, 2026-10-20)');
    expect(toMarkdown(both)).toContain('| 2026-10-20 09:30 | mobility | both sides | Tightness @ walking |');
    expect(toHtml(both)).toContain('<td class="routine"><bdi>mobility</bdi></td><td>both sides</td>');
  });

  it('tells how a drill did on each painful side when its tests were on more than one, and the side of the last', () => {
    // The ankle tilts helped the left on 1 October; on 20 October the right side hurt, and they did not help it.
    const store = sampleStore();
    const three = store.sessions[2]!;
    three.side = 'right';
    three.attempts = [
      { exerciseId: 'lateral-ankle-tilts', attempt: 1, before: 4, after: 4, verdict: 'not-improved', at: '2026-10-20T12:05:00.000Z' },
      { exerciseId: 'lateral-ankle-tilts', attempt: 2, before: 4, after: 4, verdict: 'not-improved', at: '2026-10-20T12:08:00.000Z' },
    ];
    three.results = [{ exerciseId: 'lateral-ankle-tilts', name: 'Lateral ankle tilts', outcome: 'avoid', flare: false, at: '2026-10-20T12:08:00.000Z' }];
    const sides = buildReport(store, library, { now: NOW });
    // Each side with its own mean change: -1 for both together would be true of neither.
    const words = 'helped 1 of 2 tests (by painful side: left 1 of 1 with mean change -2, right 0 of 1 with mean change 0), last 0 on 2026-10-20 (right side painful)';
    expect(toMarkdown(sides)).toContain(`**Lateral ankle tilts** (lateral-ankle-tilts): dose 1 set × 10 reps, on the painful side; ${words};`);
    expect(toHtml(sides)).toContain(words.replace('2026-10-20', '<span class="day">2026-10-20</span>'));
    // Both sides painful at the last test.
    three.side = 'both';
    expect(toMarkdown(buildReport(store, library, { now: NOW }))).toContain('(by painful side: left 1 of 1 with mean change -2, both sides 0 of 1 with mean change 0), last 0 on 2026-10-20 (both sides painful);');
    // Tested on one side only, nothing more is said.
    expect(toMarkdown(report)).not.toMatch(/painful side:|side painful\)/);
  });

  it('names the drill a session ended on between its first try and its retry, which is in no list and no count', () => {
    const store = sampleStore();
    const three = store.sessions[2]!;
    three.status = 'stopped';
    three.attempts.push({ exerciseId: 'clamshells', attempt: 1, before: 2, after: 2, verdict: 'not-improved', at: '2026-10-20T12:09:00.000Z' });
    const stopped = buildReport(store, library, { now: NOW });
    expect(toMarkdown(stopped)).toContain('| 4 → 2 | 1 | 0 | 0 | stopped early, before the retry of Clamshells (first try: 2 → 2) |');
    expect(toHtml(stopped)).toContain('<td>stopped early, before the retry of <bdi>Clamshells</bdi> (first try: 2 → 2)</td></tr>');
    // A drill the routine lists twice, decided the first time: its second first try is the one left.
    three.status = 'interrupted';
    three.attempts[1] = { exerciseId: 'glute-stretch', attempt: 1, before: 2, after: 3, verdict: 'not-improved', at: '2026-10-20T12:09:00.000Z' };
    expect(toMarkdown(buildReport(store, library, { now: NOW }))).toContain('| **interrupted**, before the retry of Glute stretch (first try: 2 → 3) |');
    // The retry skipped: the drill was decided, as its row says ("Clamshells 2 → 2, retry skipped").
    three.status = 'completed';
    three.attempts[1] = { exerciseId: 'clamshells', attempt: 1, before: 2, after: 2, verdict: 'not-improved', at: '2026-10-20T12:09:00.000Z' };
    three.results.push({ exerciseId: 'clamshells', name: 'Clamshells', outcome: 'skipped', flare: false, at: '2026-10-20T12:10:00.000Z' });
    const skipped = toMarkdown(buildReport(store, library, { now: NOW }));
    expect(skipped).toContain('| completed | Glute stretch 4 → 2 helped; Clamshells 2 → 2, retry skipped |');
    // In the CSV, a row per attempt, its first try stands alone, as judged: the skip has no row.
    const rows = parseCsv(toCsv(buildReport(store, library, { now: NOW })), { columns: true, bom: true }) as Record<string, string>[];
    const clamshells = rows.filter((row) => row.session_id === three.id && row.exercise_id === 'clamshells');
    expect(clamshells.map((row) => [row.attempt, row.verdict, row.session_status])).toEqual([['1', 'not-improved', 'completed']]);
    // Skipped untried the first time a routine lists it, and tried the second: that try is the one left.
    three.status = 'stopped';
    three.results.splice(1, 1, { exerciseId: 'clamshells', name: 'Clamshells', outcome: 'skipped', flare: false, at: '2026-10-20T12:06:00.000Z' });
    expect(toMarkdown(buildReport(store, library, { now: NOW }))).toContain('| stopped early, before the retry of Clamshells (first try: 2 → 2) |');
    // Set aside after its retry the first time, and helped at its first try the second: decided both times.
    three.attempts.splice(1, 1,
      { exerciseId: 'clamshells', attempt: 1, before: 2, after: 2, verdict: 'not-improved', at: '2026-10-20T12:06:00.000Z' },
      { exerciseId: 'clamshells', attempt: 2, before: 2, after: 2, verdict: 'not-improved', at: '2026-10-20T12:07:00.000Z' },
      { exerciseId: 'clamshells', attempt: 1, before: 2, after: 1, verdict: 'improved', at: '2026-10-20T12:09:00.000Z' },
    );
    three.results.splice(1, 1,
      { exerciseId: 'clamshells', name: 'Clamshells', outcome: 'avoid', flare: false, at: '2026-10-20T12:07:00.000Z' },
      { exerciseId: 'clamshells', name: 'Clamshells', outcome: 'rehab', flare: false, at: '2026-10-20T12:09:00.000Z' },
    );
    expect(toMarkdown(buildReport(store, library, { now: NOW }))).toContain('| stopped early | Glute stretch 4 → 2 helped; Clamshells 2 → 2, retry 2 → 2 did not help; Clamshells 2 → 1 helped |');
    // Every drill decided: the status alone.
    expect(toMarkdown(report)).not.toContain('before the retry');
    expect(toHtml(report)).not.toContain('before the retry');
  });

  it('says the painful side of a drill tested on one side only when the history has another, in a report of the later side too', () => {
    // The left side hurt until 8 October (the hip hikes flared up then); on 20 October, the right.
    const store = sampleStore();
    store.sessions[2]!.side = 'right';
    const later = buildReport(store, library, { since: '2026-10-15', now: NOW });
    const md = toMarkdown(later);
    expect(md).toContain('- **Painful side:** right');
    expect(md).toContain('**Hip hikes** (hip-hikes): dose 3 sets × 12 reps per side; helped 0 of 1 test (with the left side painful), mean change +4');
    expect(md).toContain('**Glute stretch** (glute-stretch): dose 2 sets × hold 30 s per side; helped 1 of 1 test (with the right side painful), mean change -2');
    expect(toHtml(later)).toContain('helped 0 of 1 test (with the left side painful), mean change +4');
    // Tested again on the right: every test on that side.
    const again = { ...structuredClone(store.sessions[2]!), id: 'session-four', startedAt: '2026-10-22T12:00:00.000Z', status: 'completed' as const };
    again.attempts[0]!.at = again.results[0]!.at = '2026-10-22T12:05:00.000Z';
    expect(toMarkdown(buildReport({ ...store, sessions: [...store.sessions, again] }, library, { now: NOW }))).toContain(
      '**Glute stretch** (glute-stretch): dose 2 sets × hold 30 s per side; helped 2 of 2 tests (both with the right side painful), mean change -2',
    );
    // Helped only on the retry, on one side; a drill moved by hand, never tested, says no side.
    store.sessions[1]!.attempts[0] = { exerciseId: 'clamshells', attempt: 1, before: 5, after: 5, verdict: 'not-improved', at: '2026-10-08T12:04:00.000Z' };
    store.sessions[1]!.attempts.splice(1, 0, { exerciseId: 'clamshells', attempt: 2, before: 5, after: 3, verdict: 'improved', at: '2026-10-08T12:05:00.000Z' });
    const whole = toMarkdown(buildReport(store, library, { now: NOW }));
    expect(whole).toContain('**Clamshells** (clamshells): dose 3 sets × 12 reps per side; helped 1 of 1 test (only on the retry; with the left side painful)');
    expect(whole).toMatch(/\*\*Gentle IT band stretch\*\* \(it-band-stretch\): dose 2 sets × hold 30 s per side; not tested in a session;/);
  });

  it('tells a drill set aside by a test that started too low to show help from one that failed, and one whose flare-up could not show', () => {
    // The lunge circles tested again from 0 and set aside: no score could count as helping.
    // Hip hikes again from 8, up to 10 twice: with flareRise 3, no flare-up could show.
    const store = sampleStore();
    const three = store.sessions[2]!;
    three.symptom = 'pain';
    three.movement = 'single-leg squat';
    three.baseline = 0;
    three.attempts = [
      { exerciseId: 'lunge-knee-circles', attempt: 1, before: 0, after: 0, verdict: 'not-improved', at: '2026-10-20T12:05:00.000Z' },
      { exerciseId: 'lunge-knee-circles', attempt: 2, before: 0, after: 0, verdict: 'not-improved', at: '2026-10-20T12:08:00.000Z' },
      { exerciseId: 'hip-hikes', attempt: 1, before: 8, after: 10, verdict: 'not-improved', at: '2026-10-20T12:10:00.000Z' },
      { exerciseId: 'hip-hikes', attempt: 2, before: 8, after: 10, verdict: 'not-improved', at: '2026-10-20T12:12:00.000Z' },
    ];
    three.results = [
      { exerciseId: 'lunge-knee-circles', name: 'Forward 45° lunge knee circles', outcome: 'avoid', flare: false, at: '2026-10-20T12:08:00.000Z' },
      { exerciseId: 'hip-hikes', name: 'Hip hikes', outcome: 'avoid', flare: false, at: '2026-10-20T12:12:00.000Z' },
    ];
    const low = buildReport(store, library, { now: NOW });
    const tooLow = 'helped 0 of 2 tests, 1 started too low to show help, mean change +0.5, last 0 on 2026-10-20;';
    const note = 'its last test started at 0, too low to fall by the 1 point that counts as helping: it could not show help';
    const topped = 'its last test went from 8 to 10, the top of the scale: a flare-up (a rise of 3 points) could not show';
    const md = toMarkdown(low);
    expect(md).toContain(`**Forward 45° lunge knee circles** (lunge-knee-circles): dose 1 set × 10 reps, on the painful side; ${tooLow} ${note}; **re-test due`);
    expect(md).toContain(`**Hip hikes** (hip-hikes): dose 3 sets × 12 reps per side; helped 0 of 2 tests, mean change +3, last +2 on 2026-10-20, 1 flare (on 2026-10-08); ${topped}; **re-test due`);
    const html = toHtml(low);
    expect(html).toContain(`${tooLow.replace('2026-10-20', '<span class="day">2026-10-20</span>')} ${note}; <span class="due">re-test due`);
    expect(html).toContain(`${topped}; <span class="due">re-test due`);
    // The sample store's drills could show both: nothing is said.
    expect(toMarkdown(report)).not.toMatch(/too low|could not show/);
    // With a fall of 2 points to count as helping, a start at 1 is too low, said in the plural.
    const two = structuredClone(store);
    two.sessions[2]!.thresholds = { minImprovement: 2, flareRise: 3 };
    two.sessions[2]!.attempts[0]!.before = 1;
    two.sessions[2]!.attempts[0]!.after = 1;
    two.sessions[2]!.attempts[1]!.before = 1;
    two.sessions[2]!.attempts[1]!.after = 1;
    expect(toMarkdown(buildReport(two, library, { now: NOW }))).toContain(
      'its last test started at 1, too low to fall by the 2 points that count as helping: it could not show help',
    );
    // From 3 instead, its fall of 2 to 1 counts; to 2, a fall of 1 does not, and "last -1" says why it is set aside.
    two.sessions[2]!.attempts[0]!.before = 3;
    two.sessions[2]!.attempts[1]!.before = 3;
    two.sessions[2]!.attempts[1]!.after = 2;
    const short = buildReport(two, library, { now: NOW });
    const fell = 'last -1 on 2026-10-20; its last test fell by 1 point, less than the 2 that count as helping; **re-test due';
    expect(toMarkdown(short)).toContain(`(lunge-knee-circles): dose 1 set × 10 reps, on the painful side; helped 0 of 2 tests, mean change 0, ${fell}`);
    expect(toHtml(short)).toContain('its last test fell by 1 point, less than the 2 that count as helping; <span class="due">re-test due');
  });

  it('says when the buckets were cleared, and counts drills tested only before as such, not as never tested', () => {
    const reset = sampleStore();
    reset.bucketsResetAt = '2026-10-09T12:00:00.000Z';
    const after = buildReport(reset, library, { now: NOW });
    // Decided after the reset: glute stretch (session three) and the manual move of the IT band stretch.
    expect(after.buckets.rehab.map((s) => s.exerciseId)).toEqual(['glute-stretch']);
    const words = 'The buckets were cleared on 2026-10-09: only what was decided since then puts a drill in a list, while the evidence counts every test.';
    const md = toMarkdown(after);
    expect(md).toContain(`## Rehab routine\n\n_${words}_\n`);
    expect(toHtml(after)).toContain(`<p class="aside">${words.replace('2026-10-09', '<span class="day">2026-10-09</span>')}</p>`);
    // Six drills were tested, five of them only before the reset; the IT band stretch was moved by hand, untested.
    const never = library.exercises.length - 7;
    const before = '5 drills tested only before the buckets were cleared, with what they showed then:';
    // Each kind in a paragraph of its own: the drills never tested are named, those tested before listed.
    expect(md).toContain(`\n${never} drills in the library not tested yet: `);
    expect(md.split(' drills in the library not tested yet: ')[1]!.split('\n')[0]!.split('; ')).toHaveLength(never);
    expect(md).toContain(`.\n\n${before}\n`);
    // Each of the five with its evidence, as the lists give it.
    const listed = md.split(`${before}\n\n`)[1]!.split('\n\n')[0]!.split('\n');
    expect(listed).toHaveLength(5);
    for (const line of listed) expect(line).toMatch(/^- \*\*.+\*\* \(.+\): .*helped \d+ of \d+/);
    const html = toHtml(after);
    expect(html).toContain(`<p>${before}</p>\n<ul>`);
    // One such drill is listed as well as five.
    const one = buildReport({ ...reset, sessions: [structuredClone(sessionThree)], moves: [], bucketsResetAt: '2026-10-25T12:00:00.000Z' }, library, { now: NOW });
    const single = '1 drill tested only before the buckets were cleared, with what they showed then:';
    expect(toMarkdown(one)).toContain(`${single}\n\n- **Glute stretch** (glute-stretch): dose 2 sets × hold 30 s per side; helped 1 of 1 test, mean change -2, last -2 on 2026-10-20\n`);
    expect(toHtml(one)).toContain(`${single}</p>\n<ul>\n<li><strong><bdi>Glute stretch</bdi></strong>`);
    // A report that ends before the reset knows nothing of it.
    expect(toMarkdown(buildReport(reset, library, { until: '2026-10-08', now: NOW }))).not.toContain('cleared');
    expect(toMarkdown(report)).not.toContain('cleared');
  });

  it('lists a drill tested only before the buckets were cleared that the library does not have, marked, with its evidence', () => {
    const cleared = { ...sampleStore(), sessions: [structuredClone(sessionThree)], moves: [], bucketsResetAt: '2026-10-25T12:00:00.000Z' };
    const without = structuredClone(library);
    without.exercises = without.exercises.filter((exercise) => exercise.id !== 'glute-stretch');
    const away = buildReport(cleared, without, { now: NOW });
    const words = '1 drill tested only before the buckets were cleared, with what they showed then:';
    const marked = 'not in the exercise library this report was made with';
    expect(toMarkdown(away)).toContain(`${words}\n\n- **Glute stretch** (glute-stretch): helped 1 of 1 test, mean change -2, last -2 on 2026-10-20; ${marked}\n`);
    const html = toHtml(away);
    expect(html).toContain(`${words}</p>\n<ul>\n<li><strong><bdi>Glute stretch</bdi></strong>`);
    expect(html.split(words)[1]!.split('</ul>')[0]).toContain(marked);
    // The backup's lists hold it where the reports show it.
    expect(toExportFile(away).buckets.untested).toContain('glute-stretch');
    expect(toExportFile(away).buckets.untested).toHaveLength(without.exercises.length + 1);
  });

  it('names such a drill by its id when the name the log kept is spaces alone (a backup written by hand)', () => {
    const blank = structuredClone(sessionThree);
    for (const result of blank.results) result.name = ' \n\t ';
    const cleared = { ...sampleStore(), sessions: [blank], moves: [], bucketsResetAt: '2026-10-25T12:00:00.000Z' };
    const without = structuredClone(library);
    without.exercises = without.exercises.filter((exercise) => exercise.id !== 'glute-stretch');
    const md = toMarkdown(buildReport(cleared, without, { now: NOW }));
    expect(md).toContain('with what they showed then:\n\n- **glute-stretch**: helped 1 of 1 test');
  });

  it('marks a move made before the buckets were cleared as no longer counting', () => {
    const move = '| 2026-10-10 | Gentle IT band stretch | avoid for now | Hurts \\| \\*badly\\* \\<b\\> |';
    const cleared = { ...sampleStore(), bucketsResetAt: '2026-10-11T12:00:00.000Z' };
    const md = toMarkdown(buildReport(cleared, library, { now: NOW }));
    expect(md).toContain(move.replace('avoid for now', 'avoid for now (until the buckets were cleared on 2026-10-11)'));
    expect(toHtml(buildReport(cleared, library, { now: NOW }))).toContain('<td class="to">avoid for now (until the buckets were cleared on <span class="day">2026-10-11</span>)</td>');
    // One made at the very instant of the reset was cleared with it, as the buckets take it.
    const same = { ...sampleStore(), bucketsResetAt: '2026-10-10T12:00:00.000Z' };
    expect(buildReport(same, library, { now: NOW }).buckets.avoid.map((s) => s.exerciseId)).not.toContain('it-band-stretch');
    expect(toMarkdown(buildReport(same, library, { now: NOW }))).toContain(move.replace('avoid for now', 'avoid for now (until the buckets were cleared on 2026-10-10)'));
    // Made after the reset (the sample's own store has none), or in a report ending before it: a move that counts.
    expect(toMarkdown(report)).toContain(move);
    expect(toHtml(report)).toContain('<tr><td>2026-10-10</td><td class="drill"><bdi>Gentle IT band stretch</bdi></td><td class="to">avoid for now</td>');
    expect(toMarkdown(buildReport({ ...sampleStore(), bucketsResetAt: '2026-10-09T12:00:00.000Z' }, library, { now: NOW }))).toContain(move);
    expect(toMarkdown(buildReport(cleared, library, { until: '2026-10-10', now: NOW }))).toContain(move);
  });

  it('names a drill gone from the library, moved by hand in the period, as the sessions before the period named it', () => {
    const without: Library = Object.assign({}, library, { exercises: library.exercises.filter((exercise) => exercise.id !== 'rehab-hip-circles') });
    const moved = { ...sampleStore(), moves: [{ exerciseId: 'rehab-hip-circles', bucket: 'avoid' as const, note: 'Not now', at: '2026-10-10T12:00:00.000Z' }] };
    // Session one (1 October), which recorded the drill's name, is before the period.
    const period = buildReport(moved, without, { since: '2026-10-05', now: NOW });
    expect(period.sessions.map((session) => session.id)).not.toContain(sessionOne.id);
    expect(toMarkdown(period)).toContain('| 2026-10-10 | Rehab hip circles | avoid for now | Not now |');
    expect(toHtml(period)).toContain('<td class="drill"><bdi>Rehab hip circles</bdi></td><td class="to">avoid for now</td>');
  });
});
