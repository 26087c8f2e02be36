// The Markdown report's sections: the evidence behind the buckets, the thresholds, the red-flag screens, the sessions.
import { describe, expect, it } from 'vitest';
import type { Session } from '../../src/core/records.js';
import { toHtml } from '../../src/export/html.js';
import { toMarkdown } from '../../src/export/md.js';
import { buildReport } from '../../src/export/report.js';
import { sessionCountWords } from '../../src/export/scope-words.js';
import { dateTimeOf } from '../../src/export/words.js';
import { emptyStore } from '../../src/store/migrations.js';
import { sampleStore, sessionOne } from './fixtures.js';
import { data, library, NOW, report } from '../helpers/sample-report.js';

describe('markdown', () => {
  it('has every section a therapist looks for', () => {
    const md = toMarkdown(report);
    // The red flags first, and the trend before the long table of sessions.
    const headings = md.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual(['## Red-flag screening', '## Rehab routine', '## Avoid for now', '## Moved by hand', '## Trend', '## Sessions', '## Thresholds used']);
    // Up to the day it was made: the buckets and moves it shows reach that far. Its times are local.
    expect(md).toContain('period: 2026-10-01 to 2026-11-20 · dates and times in America/St_Johns');
    expect(md).toContain('patient: Sam \\<Lee\\>');
    // With the days of the first and last: a month without sessions before the report's day shows.
    expect(md).toContain('- **Symptoms rated:** Pain, Tightness\n- **Test movements:** single-leg squat; walking\n- **Painful side:** left\n- **Sessions:** 3, the first on 2026-10-01, the last on 2026-10-20\n');
    expect(toHtml(report)).toContain('<li><strong>Symptoms rated:</strong> Pain, Tightness</li>');
    expect(toHtml(report)).toContain('<li><strong>Sessions:</strong> 3, the first on <span class="day">2026-10-01</span>, the last on <span class="day">2026-10-20</span></li>');
    // One symptom is one.
    const painOnly = toMarkdown(buildReport(data, library, { until: '2026-10-10', now: NOW }));
    expect(painOnly).toContain('- **Symptom rated:** Pain\n- **Test movement:** single-leg squat\n');
    expect(toHtml(buildReport(data, library, { until: '2026-10-10', now: NOW }))).toContain(
      '<li><strong>Symptom rated:</strong> Pain</li>\n<li><strong>Test movement:</strong> <bdi>single-leg squat</bdi></li>',
    );
    expect(md).toContain('not a diagnosis');
    // The method, set apart from the findings in italics.
    expect(md).toMatch(/\n\n_Self-reported data from the assess \/ re-assess method: [^_\n]+ This is not a diagnosis\._\n\n/);
    // What the scores mean, as the person was asked them: a therapist reads every number below by it.
    expect(md).toContain('rates a symptom from 0 (none) to 10 (worst imaginable) during a test movement');
    // Which way a change goes, before the lists give a mean change of -1.5 or a last one of +1.
    const changeWay = 'A change is the score after a drill minus the score before it, so a fall, the symptom easing, is negative (-2)';
    expect(md).toContain(changeWay);
    expect(md.indexOf(changeWay)).toBeLessThan(md.indexOf('mean change'));
    expect(toHtml(report)).toMatch(new RegExp(`<p class="note">[^<]+ ${changeWay.replace(/[()]/g, '\\$&')}`));
    expect(md).toContain('| 2026-10-01 09:30 | joint-chain | left | Pain @ single-leg squat | 6 → 4 | 2 | 1 | 1 | completed |');
    expect(md).toContain('| 2026-10-08 09:30 | strength | left | Pain @ single-leg squat | 5 → 7 | 1 | 1 (**1 flare**) | 0 | stopped early |');
    expect(md).toContain('| 2026-10-20 09:30 | mobility | left | Tightness @ walking | 4 → 2 | 1 | 0 | 0 | **interrupted** |');
    // Under the table, what the routine ids stand for, in library order.
    const names = (id: string) => library.routines.find((routine) => routine.id === id)!.name;
    expect(md).toContain(`Routines: joint-chain (${names('joint-chain')}); strength (${names('strength')}); mobility (${names('mobility')}).`);
    // Pain in a squat and tightness while walking do not compare: a trend each, the latest first.
    const separate = 'Scores compare only when they rate the same symptom in the same test movement, so each has a trend of its own, the latest first.';
    expect(md).toContain(`## Trend\n\n${separate}\n\n**Tightness during walking**`);
    expect(toHtml(report)).toContain(`<h2>Trend</h2>\n<p>${separate}</p>\n<figure>`);
    // A single trend needs no such words.
    expect(painOnly).not.toContain(separate);
    expect(toHtml(buildReport(data, library, { until: '2026-10-10', now: NOW }))).toContain('<h2>Trend</h2>\n<figure>');
    expect(md).toContain(
      '**Tightness during walking**: 1 session, baseline 4 on 2026-10-20.\n\nBaseline scores, oldest to newest, a bar each (▁ is 0, █ is 7, above every score): `▅` (4)\n\n' +
        '**Pain during single-leg squat**: 2 sessions, first baseline 6 on 2026-10-01, last baseline 5 on 2026-10-08.\n\n' +
        'Baseline scores, oldest to newest, a bar each (▁ is 0, █ is 7, the highest final score): `▇▆` (6, 5)',
    );
    expect(md).toContain(
      '## Red-flag screening\n\n**At least one yes.**\n\n| Answered | Yes to | Then |\n|---|---|---|\n' +
        `| ${dateTimeOf('2026-10-01T11:55:00.000Z')} | **Numbness or tingling** | advised to see a clinician first; chose to go on |\n\n` +
        'Each screen asks about: recent fall or injury; marked swelling; knee locking or giving way; numbness or tingling; fever or feeling unwell; pain at night or at rest. ' +
        'They are asked before the first session, and again only after a screen that did not go on: not at every session.\n\n## Rehab routine\n\n' +
        '_The evidence counts every test of a drill, whatever its session rated: these sessions rated more than one symptom or test movement, ' +
        'so a mean change may mix scores that do not compare (the trends keep them apart)._\n\n' +
        'The drills that helped the last time they were tested, and any moved here by hand (marked so), warm-up drills first, then in routine order: this is the rehab routine.\n\n1. ',
    );
    // The rehab routine numbered in its order, in plain text as rendered.
    const routine = md.split('\n## Rehab routine\n')[1]!.split('\n## ')[0]!.split('\n').filter((line) => /^\d+\. /.test(line));
    expect(routine.map((line) => line.replace(/ \(.*$/, ''))).toEqual(['1. **Lateral ankle tilts**', '2. **Rehab hip circles**', '3. **Clamshells**', '4. **Glute stretch**']);
    expect(toHtml(report)).toMatch(/this is the rehab routine\.<\/p>\n<ol>\n<li><strong><bdi>Lateral ankle tilts<\/bdi>(.*\n){4}<\/ol>\n<h2>Avoid for now/);
    // The lists follow each drill's latest decision while the evidence counts every test: the rule is said.
    const avoidRule =
      'The drills that did not help the last time they were tested, even on the retry, or that flared up then, and any moved here by hand (marked so): ' +
      'each is offered again from its re-test date.';
    expect(md).toContain(`## Avoid for now\n\n${avoidRule}\n\n- **`);
    expect(toHtml(report)).toContain(`<h2>Avoid for now</h2>\n<p>${avoidRule}</p>\n<ul>`);
    // The flag of the decision itself; its one flare-up, its last test, dated by "last +4 on" and
    // not counted as well.
    expect(md).toContain('- **Hip hikes** (hip-hikes): dose 3 sets × 12 reps per side; helped 0 of 1 test, mean change +4, last +4 on 2026-10-08; set aside after a flare; **re-test due');
    expect(toHtml(report)).toContain('last +4 on <span class="day">2026-10-08</span>; <span class="flare">set aside after a flare</span>;');
    expect(md).toMatch(/Forward 45° lunge knee circles.*\*\*re-test due/);
    // A drill moved by hand says when; the untested drills are counted and named, in the library's order.
    expect(md).toMatch(/- \*\*Gentle IT band stretch\*\* \(it-band-stretch\):.*; moved by hand on 2026-10-10;/);
    const untested = report.buckets.untested.map((status) => status.name);
    expect(untested).toEqual(library.exercises.map((exercise) => exercise.name).filter((name) => untested.includes(name)));
    expect(md).toContain(`\n${untested.length} drills in the library not tested yet: ${untested.join('; ')}.\n`);
  });

  it('says when the buckets’ evidence reaches back before the period, with the days it comes from', () => {
    const scope = 'The buckets and their evidence come from both sessions (2026-10-01 to 2026-10-08) up to the end of this period: 1 of them before it, 1 in it.';
    const october = buildReport(data, library, { since: '2026-10-08', until: '2026-10-08', now: NOW });
    expect(toMarkdown(october)).toContain(`## Rehab routine\n\n_${scope}_\n`);
    expect(toHtml(october)).toContain(`<h2>Rehab routine</h2>\n<p class="note">${scope.replace(/\d{4}-\d\d-\d\d/g, '<span class="day">$&</span>')}</p>`);
    const fromOctober = toMarkdown(buildReport(data, library, { since: '2026-10-08', now: NOW }));
    expect(fromOctober).toContain('from all 3 sessions (2026-10-01 to 2026-10-20) up to the end of this period: 1 of them before it, 2 in it.');
    // A --since on or before the first session leaves none out: the note would claim otherwise.
    const fromTheStart = buildReport(data, library, { since: '2026-10-01', now: NOW });
    const fromLongAgo = buildReport(data, library, { since: '2020-01-01', until: '2026-10-08', now: NOW });
    for (const whole of [report, buildReport(data, library, { until: '2026-10-08', now: NOW }), fromTheStart, fromLongAgo]) {
      expect(toMarkdown(whole)).not.toContain('The buckets and their evidence come from');
      expect(toHtml(whole)).not.toContain('The buckets and their evidence come from');
    }
  });

  it('says that a period without sessions has none of the buckets’ evidence, and where it comes from instead', () => {
    const quiet = buildReport(data, library, { since: '2026-10-02', until: '2026-10-07', now: NOW });
    const md = toMarkdown(quiet);
    const html = toHtml(quiet);
    // First thing read: no scores from the period; above the lists, that they are from before it. Each said once.
    expect(md).toContain('**No sessions in this period.** There are no scores from it to report.\n');
    expect(html).toContain('<p><strong>No sessions in this period.</strong> There are no scores from it to report.</p>');
    const scope = 'The buckets and their evidence come from the one session (2026-10-01) before this period.';
    expect(md).toContain(`## Rehab routine\n\n_${scope}_\n`);
    expect(html).toContain(`<h2>Rehab routine</h2>\n<p class="note">${scope.replace('2026-10-01', '<span class="day">2026-10-01</span>')}</p>`);
    for (const text of [md, html]) expect(text.split('come from the one session').length - 1).toBe(1);
    const later = toMarkdown(buildReport(data, library, { since: '2026-11-01', now: NOW }));
    expect(later).toContain('come from the 3 sessions (2026-10-01 to 2026-10-20) before this period.');
    // A period before the first session has nothing before it either: no word of earlier sessions.
    const before = toMarkdown(buildReport(data, library, { until: '2026-09-30', now: NOW }));
    expect(before).toContain('**No sessions in this period.** There are no scores to report.\n');
  });

  it('gives the first and last days of the evidence when the store holds its sessions out of order', () => {
    // A computer's clock set back after a session leaves the next one stored after a later one.
    const shuffled = { ...data, sessions: [data.sessions[1]!, data.sessions[2]!, data.sessions[0]!] };
    const fromOctober = toMarkdown(buildReport(shuffled, library, { since: '2026-10-08', now: NOW }));
    expect(fromOctober).toContain('from all 3 sessions (2026-10-01 to 2026-10-20) up to the end of this period: 1 of them before it, 2 in it.');
    const quiet = toMarkdown(buildReport(shuffled, library, { since: '2026-11-01', now: NOW }));
    expect(quiet).toContain('come from the 3 sessions (2026-10-01 to 2026-10-20) before this period.');
  });

  it('says there are no scores to report for a period of a store with no sessions at all', () => {
    const none = buildReport(emptyStore(), library, { since: '2026-10-02', now: NOW });
    expect(toMarkdown(none)).toContain('**No sessions in this period.** There are no scores to report.\n');
    expect(toHtml(none)).toContain('<p><strong>No sessions in this period.</strong> There are no scores to report.</p>');
  });

  it('states the thresholds the sessions were judged by, and which held for how many after a change', () => {
    expect(toMarkdown(report)).toContain(
      '## Thresholds used\n\n- A drill helped when the score fell by at least 1 point.\n' +
        '- A drill stopped at once as a flare, with no retry, when the score rose by 3 points or more.\n' +
        '- Drills set aside are offered for a re-test after 14 days.\n',
    );
    const changed = sampleStore();
    changed.sessions[0]!.thresholds = { minImprovement: 2, flareRise: 5 };
    changed.settings = { ...changed.settings, minImprovement: 3, flareRise: 4 }; // set later; no session in the report used them
    const mixed = buildReport(changed, library, { now: NOW });
    const lines = [
      'A drill helped when the score fell by at least 1 point in 2 sessions (2026-10-08 to 2026-10-20), and at least 2 points in 1 session (2026-10-01).',
      'A drill stopped at once as a flare, with no retry, when the score rose by 3 points or more in 2 sessions (2026-10-08 to 2026-10-20), and 5 points or more in 1 session (2026-10-01).',
    ];
    for (const line of lines) {
      expect(toMarkdown(mixed)).toContain(`- ${line}\n`);
      expect(toHtml(mixed)).toContain(`<li>${line}</li>`);
    }
    // Neither threshold set now judged a session here: said, or the therapist could not tell what the next sessions go by.
    const setNow = 'As set now, for the sessions to come: a drill helps when the score falls by at least 3 points; a flare is a rise of 4 points or more.';
    expect(toMarkdown(mixed)).toContain(`- ${lines[1]}\n- ${setNow}\n- Drills set aside are offered for a re-test after 14 days.\n`);
    expect(toHtml(mixed)).toContain(`<li>${lines[1]}</li>\n<li>${setNow}</li>\n<li>Drills set aside`);
    // Each session judged as the settings now would: nothing more to say.
    expect(toMarkdown(report)).not.toContain('As set now');
    // From 8 October, the buckets' evidence still counts session one, judged by a fall of at least
    // 2 points: its thresholds are counted too, and the report says why.
    const fromOctober = buildReport(changed, library, { since: '2026-10-08', now: NOW });
    const scope = "Counted over every session behind the buckets' evidence: 1 session before this period, and 2 in it.";
    expect(toMarkdown(fromOctober)).toContain(`## Thresholds used\n\n_${scope}_\n\n- ${lines[0]}\n- ${lines[1]}\n`);
    expect(toHtml(fromOctober)).toContain(`<h2>Thresholds used</h2>\n<p class="aside">${scope.replace("'", '&#39;')}</p>\n<ul>\n<li>${lines[0]}</li>`);
    // When the sessions before the period were judged as those in it, nothing changes and nothing is said.
    const same = toMarkdown(buildReport(data, library, { since: '2026-10-08', now: NOW }));
    expect(same).toContain('## Thresholds used\n\n- A drill helped when the score fell by at least 1 point.\n');
    // A period after the last session holds none of them.
    const after = toMarkdown(buildReport(changed, library, { since: '2026-11-01', now: NOW }));
    expect(after).toContain("## Thresholds used\n\n_Counted over every session behind the buckets' evidence: 3 sessions before this period, and none in it._\n");
    // With no sessions, the thresholds that will judge the next one.
    const empty = toMarkdown(buildReport({ ...emptyStore(), settings: changed.settings }, library, { now: NOW }));
    expect(empty).toContain('fell by at least 3 points.');
    expect(empty).toContain('rose by 4 points or more.');
  });

  it('says the threshold set now when no session of the report shows it alone, and only that one', () => {
    const raised = sampleStore();
    raised.settings = { ...raised.settings, minImprovement: 2 };
    const oneChanged = buildReport(raised, library, { now: NOW });
    const setNow = 'As set now, for the sessions to come: a drill helps when the score falls by at least 2 points.';
    expect(toMarkdown(oneChanged)).toContain(`- ${setNow}\n`);
    expect(toHtml(oneChanged)).toContain(`<li>${setNow}</li>`);
    expect(toMarkdown(oneChanged)).not.toContain('a flare is a rise');
    // Set to the value of the latest session after a change: among the values above, but which
    // of them holds now is not to be read from them.
    raised.sessions.at(-1)!.thresholds = { ...raised.sessions.at(-1)!.thresholds, minImprovement: 2 };
    const md = toMarkdown(buildReport(raised, library, { now: NOW }));
    expect(md).toContain('- A drill helped when the score fell by at least 1 point in 2 sessions (2026-10-01 to 2026-10-08), and at least 2 points in 1 session (2026-10-20).\n');
    expect(md).toContain(`- ${setNow}\n`);
    // Every session judged by the setting as it is now: nothing to add.
    for (const session of raised.sessions) session.thresholds = { ...session.thresholds, minImprovement: 2 };
    const same = toMarkdown(buildReport(raised, library, { now: NOW }));
    expect(same).toContain('- A drill helped when the score fell by at least 2 points.\n');
    expect(same).not.toContain('As set now');
  });

  it('gives the days of the sessions each threshold judged, so a change of 1 point reads by its day', () => {
    // Judged by a fall of 2 points on 8 October and of 1 on the 1st and the 20th: without the days,
    // a "5 → 4 did not help" in the session table could not be told from a slip.
    const raisedOnce = sampleStore();
    raisedOnce.sessions[1]!.thresholds = { minImprovement: 2, flareRise: 3 };
    const line = '- A drill helped when the score fell by at least 1 point in 2 sessions (2026-10-01; 2026-10-20), and at least 2 points in 1 session (2026-10-08).\n';
    expect(toMarkdown(buildReport(raisedOnce, library, { now: NOW }))).toContain(line);
    expect(toHtml(buildReport(raisedOnce, library, { now: NOW }))).toContain(`<li>${line.slice(2, -1)}</li>`);
    // Changed between two sessions of one day: the day alone would name both, so their times are given.
    raisedOnce.sessions[1]!.startedAt = '2026-10-01T15:00:00.000Z';
    raisedOnce.sessions[1]!.endedAt = '2026-10-01T15:20:00.000Z';
    raisedOnce.sessions[1]!.attempts = raisedOnce.sessions[1]!.attempts.map((attempt) => ({ ...attempt, at: attempt.at.replace('2026-10-08', '2026-10-01') }));
    raisedOnce.sessions[1]!.results = raisedOnce.sessions[1]!.results.map((result) => ({ ...result, at: result.at.replace('2026-10-08', '2026-10-01') }));
    expect(toMarkdown(buildReport(raisedOnce, library, { now: NOW }))).toContain(
      '- A drill helped when the score fell by at least 1 point in 2 sessions (2026-10-01 09:30; 2026-10-20), and at least 2 points in 1 session (2026-10-01 12:30).\n',
    );
  });

  it('says there are no sessions yet for an empty store, and none in a period without them', () => {
    const md = toMarkdown(buildReport(emptyStore(), library, { now: NOW }));
    expect(md).toContain('**No sessions yet.** There are no scores to report.');
    expect(md).toContain('period: up to 2026-11-20');
    // A move made before any session starts the period.
    const movedFirst = { ...emptyStore(), moves: [{ exerciseId: 'clamshells', bucket: 'rehab' as const, at: '2026-09-15T12:00:00.000Z' }] };
    expect(toMarkdown(buildReport(movedFirst, library, { now: NOW }))).toContain('period: 2026-09-15 to 2026-11-20 ·');
    // So does a red-flag screen whose yes stopped the first session a week before the next one.
    const screenedFirst = sampleStore();
    screenedFirst.screenings.unshift({ at: '2026-09-24T12:00:00.000Z', answers: { 'recent-injury': true }, proceeded: false });
    expect(toMarkdown(buildReport(screenedFirst, library, { now: NOW }))).toContain('period: 2026-09-24 to 2026-11-20 ·');
    expect(toHtml(buildReport(screenedFirst, library, { now: NOW }))).toContain('period: <span class="day">2026-09-24</span> to');
    expect(md).toContain('## Trend\n\nNo scores yet.\n');
    // Empty lists say so, each in its own words: nothing has helped yet, nothing is set aside.
    expect(md).toContain('## Rehab routine\n\nNone yet.\n\n## Avoid for now\n\nNone.\n\n');
    expect(toHtml(buildReport(emptyStore(), library, { now: NOW }))).toContain(
      '<h2>Rehab routine</h2>\n<p class="empty">None yet.</p>\n<h2>Avoid for now</h2>\n<p class="empty">None.</p>\n',
    );
    const quiet = buildReport(data, library, { since: '2026-10-02', until: '2026-10-07', now: NOW });
    expect(toMarkdown(quiet)).toContain('**No sessions in this period.** There are no scores from it to report.\n');
    expect(toMarkdown(quiet)).not.toContain('No sessions yet');
    expect(toMarkdown(quiet)).toContain('## Trend\n\nNo scores in this period.\n');
    expect(toMarkdown(quiet)).toContain('period: 2026-10-02 to 2026-10-07 ·');
    // A period given only its last day, before the first session, is a period too.
    const before = toMarkdown(buildReport(data, library, { until: '2026-09-30', now: NOW }));
    expect(before).toContain('**No sessions in this period.** There are no scores to report.');
    expect(before).toContain('## Trend\n\nNo scores in this period.\n');
    // A period asked to start after the day of the report never runs backwards.
    expect(toMarkdown(buildReport(data, library, { since: '2099-01-01', now: NOW }))).toContain('period: from 2099-01-01 ·');
    expect(toHtml(quiet)).toContain('<p><strong>No sessions in this period.</strong> There are no scores from it to report.</p>');
  });

  it('shows every red-flag screen: a later "no" to all does not hide an earlier yes', () => {
    const rescreened = sampleStore();
    const yes = { ...rescreened.screenings[0]!, proceeded: false };
    const no = { at: '2026-10-01T12:25:00.000Z', answers: Object.fromEntries(Object.keys(yes.answers).map((flag) => [flag, false])), proceeded: true };
    rescreened.screenings = [yes, no as typeof yes];
    const both = buildReport(rescreened, library, { now: NOW });
    const md = toMarkdown(both);
    expect(md).toContain('**At least one yes.**');
    expect(md).toContain(`| ${dateTimeOf(yes.at)} | **Numbness or tingling** | advised to see a clinician first; did not go on |\n| ${dateTimeOf(no.at)} | none | went on |`);
    const html = toHtml(both);
    expect(html).toContain('<strong class="yes">At least one yes.</strong>');
    expect(html).toContain(`<tr><td>${dateTimeOf(yes.at)}</td><td><span class="yes">Numbness or tingling</span></td><td>advised to see a clinician first; did not go on</td></tr>`);
    expect(html).toContain(`<tr><td>${dateTimeOf(no.at)}</td><td>none</td><td>went on</td></tr>`);
    // Only the "no" to all: nothing to flag.
    const clear = toMarkdown(buildReport({ ...rescreened, screenings: [no as typeof yes] }, library, { now: NOW }));
    expect(clear).toContain('## Red-flag screening\n\nNo red flags reported.\n');
    expect(toMarkdown(buildReport({ ...rescreened, screenings: [] }, library, { now: NOW }))).toContain('## Red-flag screening\n\nNo screening recorded.\n');
    expect(toHtml(buildReport({ ...rescreened, screenings: [] }, library, { now: NOW }))).toContain('<h2 id="red-flags">Red-flag screening</h2>\n<p class="empty">No screening recorded.</p>\n');
  });

  it('says which red-flag screens were answered before the period, and that the questions are not asked at every session', () => {
    const asked = 'They are asked before the first session, and again only after a screen that did not go on: not at every session.';
    expect(toMarkdown(report)).toContain(asked);
    expect(toHtml(report)).toContain(`${asked}</p>`);
    // The sample's one screen, with its yes, came before the first session of 2026-10-01.
    const later = buildReport(data, library, { since: '2026-10-08', now: NOW });
    expect(toMarkdown(later)).toContain('## Red-flag screening\n\n**At least one yes.** The one screen was answered before this period: none in it.\n');
    expect(toHtml(later)).toContain('<h2 id="red-flags">Red-flag screening</h2>\n<p><strong class="yes">At least one yes.</strong> The one screen was answered before this period: none in it.</p>');
    const rescreened = sampleStore();
    const no = { ...rescreened.screenings[0]!, at: '2026-10-20T11:55:00.000Z', answers: { ...rescreened.screenings[0]!.answers, 'numbness-or-tingling': false } };
    rescreened.screenings.push(no);
    const some = toMarkdown(buildReport(rescreened, library, { since: '2026-10-08', now: NOW }));
    expect(some).toContain('**At least one yes.** 1 of these 2 screens was answered before this period.\n');
    const cleared = { ...rescreened, screenings: [{ ...no, at: '2026-09-20T12:00:00.000Z' }, { ...no, at: '2026-09-21T12:00:00.000Z' }] };
    expect(toHtml(buildReport(cleared, library, { since: '2026-10-08', now: NOW }))).toContain('<p>No red flags reported. Both screens were answered before this period: none in it.</p>');
    // A report of the whole store, or of a period holding every screen, has nothing to say of it.
    for (const whole of [report, buildReport(data, library, { since: '2026-10-01', now: NOW })]) expect(toMarkdown(whole)).toContain('**At least one yes.**\n');
  });

  it('gives a session without a score after its baseline the baseline alone, and one stopped before it a dash', () => {
    const cut = sampleStore();
    const noDrill = { ...sessionOne, id: 'no-drill', startedAt: '2026-10-25T12:00:00.000Z', status: 'stopped' as const, attempts: [], results: [] };
    const noBaseline = { ...noDrill, id: 'no-baseline', startedAt: '2026-10-26T12:00:00.000Z' };
    delete (noBaseline as Partial<typeof noBaseline>).baseline;
    cut.sessions.push(noDrill, noBaseline);
    const both = buildReport(cut, library, { now: NOW });
    const md = toMarkdown(both);
    expect(md).toContain('| 2026-10-25 09:30 | joint-chain | left | Pain @ single-leg squat | 6 | 0 | 0 | 0 | stopped early |');
    expect(md).toContain('| 2026-10-26 09:30 | joint-chain | left | Pain @ single-leg squat | — | 0 | 0 | 0 | stopped early |');
    const html = toHtml(both);
    expect(html).toContain('<span class="day">2026-10-25</span> 09:30</td><td class="routine"><bdi><span class="whole">joint-chain</span></bdi></td><td>left</td><td class="what">Pain @ <bdi><span class="whole">single-leg</span> squat</bdi></td><td class="scores">6</td>');
    expect(html).toContain('<span class="day">2026-10-26</span> 09:30</td><td class="routine"><bdi><span class="whole">joint-chain</span></bdi></td><td>left</td><td class="what">Pain @ <bdi><span class="whole">single-leg</span> squat</bdi></td><td class="scores">—</td>');
  });

  it('gives a period of one day as that day, not as a period without an end', () => {
    const oneDay = buildReport(data, library, { since: '2026-10-08', until: '2026-10-08', now: NOW });
    expect(toMarkdown(oneDay)).toContain('Generated 2026-11-20 · period: 2026-10-08 · dates');
    expect(toHtml(oneDay)).toContain('period: <span class="day">2026-10-08</span> · dates');
    // The sessions of that day alone are counted, though the buckets stand on those before it too.
    expect(toMarkdown(oneDay)).toContain('- **Sessions:** 1, on 2026-10-08\n');
    expect(toHtml(oneDay)).toContain('<li><strong>Sessions:</strong> 1, on <span class="day">2026-10-08</span></li>');
    // Sessions of a single day, whatever order they are given in.
    const later = (session: Session, hours: number) => ({ ...session, id: `${session.id}-${hours}`, startedAt: new Date(Date.parse(session.startedAt) + hours * 3_600_000).toISOString() });
    const day = oneDay.sessions[0]!;
    expect(sessionCountWords([later(day, 2), day])).toBe('2, both on 2026-10-08');
    expect(sessionCountWords([later(day, 2), day, later(day, 1)])).toBe('3, all on 2026-10-08');
    expect(sessionCountWords([later(day, 24 * 7), day])).toBe('2, the first on 2026-10-08, the last on 2026-10-15');
  });

  it('lists the sessions oldest first, in the table as in time', () => {
    const started = (text: string) => ['2026-10-01 09:30', '2026-10-08 09:30', '2026-10-20 09:30'].map((time) => text.indexOf(`| ${time} |`));
    const md = toMarkdown(report).split('\n## Sessions\n')[1]!;
    const inMd = started(md);
    expect(inMd.every((at) => at > 0)).toBe(true);
    expect([...inMd].sort((a, b) => a - b)).toEqual(inMd);
    const html = toHtml(report).split('<h2 id="sessions">Sessions</h2>')[1]!;
    const inHtml = ['2026-10-01', '2026-10-08', '2026-10-20'].map((day) => html.indexOf(`<span class="day">${day}</span>`));
    expect(inHtml.every((at) => at > 0)).toBe(true);
    expect([...inHtml].sort((a, b) => a - b)).toEqual(inHtml);
  });

  it('says a red-flag screen left part way was stopped there, even one question short of the end', () => {
    const partly = sampleStore();
    const { 'night-or-rest-pain': _last, ...fiveAnswers } = partly.screenings[0]!.answers;
    partly.screenings = [{ at: partly.screenings[0]!.at, answers: fiveAnswers, proceeded: false }];
    const md = toMarkdown(buildReport(partly, library, { now: NOW }));
    expect(md).toContain('| **Numbness or tingling** | stopped after 5 of 6 questions; did not go on |');
  });

  it('says how many sessions a cut-short line of baseline scores shows, and the days of its first and last', () => {
    const sessions = Array.from({ length: 70 }, (_, i) => ({ ...sessionOne, id: `long-${i}`, startedAt: new Date(Date.UTC(2026, 0, 1, 12) + i * 86_400_000).toISOString() }));
    const md = toMarkdown(buildReport({ ...data, sessions }, library, { now: NOW }));
    expect(md).toContain('**Pain during single-leg squat**: 70 sessions,');
    // The days the bars cover: the 12th to the 70th session, from 2026-01-01 a day apart.
    expect(md).toMatch(/Baseline scores of the latest 59 sessions \(2026-01-12 to 2026-03-11\), oldest to newest, a bar each \(▁ is 0, █ is 7, above every score\): `…▇{59}`/);
    expect(toMarkdown(report)).toContain('Baseline scores, oldest to newest');
  });
});
