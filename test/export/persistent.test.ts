// The finding behind `itb history`'s advice to see a professional, as the md and html reports
// tell it to the therapist, as of the end of the period they cover.
import { describe, expect, it } from 'vitest';
import { adviceFor } from '../../src/core/advice.js';
import { summarize } from '../../src/core/summary.js';
import type { Session, StoreData } from '../../src/core/records.js';
import { toHtml } from '../../src/export/html.js';
import { toMarkdown } from '../../src/export/md.js';
import { buildReport, type ReportOptions } from '../../src/export/report.js';
import { persistentWords } from '../../src/export/persistent-words.js';
import { builtInLibrary } from '../helpers/built-in-library.js';
import { toCsv, toFhir, toJson } from '../helpers/export-text.js';
import { sampleStore, sessionOne } from './fixtures.js';

const NOW = new Date('2026-11-20T15:00:00.000Z');
const DAY = 86_400_000;
const library = builtInLibrary();

/**
 * The sample store (left side painful), then a pain-in-a-lunge session a week for
 * `baselines.length` weeks up to yesterday, oldest first, on `side` (each week's own, or one for all).
 */
function weeklyStore(baselines: number[], movement = 'Forward lunge', side: Session['side'] | Session['side'][] = 'left'): StoreData {
  const data = sampleStore();
  baselines.forEach((baseline, i) => {
    const weeksAgo = baselines.length - 1 - i;
    const startedAt = new Date(NOW.getTime() - DAY - weeksAgo * 7 * DAY).toISOString();
    const session: Session = { ...structuredClone(sessionOne), id: `weekly-${i}`, movement, baseline, side: Array.isArray(side) ? side[i]! : side, startedAt };
    data.sessions.push(session);
  });
  return data;
}

const report = (data: StoreData, options: Partial<ReportOptions> = {}) => buildReport(data, library, { now: NOW, ...options });

describe('persistent symptoms in the reports', () => {
  it('tells the therapist what `itb history` advises on, right after the red-flag answers', () => {
    const data = weeklyStore([6, 6, 7, 6, 5]);
    const [advice] = adviceFor(data, NOW);
    expect(advice?.message).toContain('You have rated your pain during forward lunge in each of 5 weeks in a row, and its starting scores have not come down much (about 6 in the first of those weeks, 5 in the latest)');
    const finding =
      'was rated in each of 5 weeks in a row (Monday-to-Sunday weeks, 2026-10-19 to 2026-11-20), and its baseline scores have not come down much: ' +
      'a mean of about 6 in the first of those weeks, 5 in the latest. For symptoms that keep up like this over several weeks of consistent work, ' +
      'itb advises the person to see a physical therapist or doctor.';
    const md = toMarkdown(report(data));
    expect(md).toContain(`## Persistent symptoms\n\n**Pain during Forward lunge** ${finding}\n\n## Rehab routine`);
    expect(md.indexOf('## Red-flag screening')).toBeLessThan(md.indexOf('## Persistent symptoms'));
    const html = toHtml(report(data));
    // Each date on one line when printed.
    const dated = finding.replace(/\d{4}-\d\d-\d\d/g, (date) => `<span class="day">${date}</span>`);
    expect(html).toContain(`<h2>Persistent symptoms</h2>\n<p><strong>Pain during <bdi>Forward lunge</bdi></strong> ${dated}</p>\n<h2>Rehab routine</h2>`);
  });

  it('names the local days of the weeks east of UTC too, where a local day begins on the evening before in UTC', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/Berlin';
    try {
      // The first week begins at midnight in Berlin on Monday 2026-10-19: 22:00 UTC on 2026-10-18.
      expect(toMarkdown(report(weeklyStore([6, 6, 7, 6, 5])))).toContain('was rated in each of 5 weeks in a row (Monday-to-Sunday weeks, 2026-10-19 to 2026-11-20)');
    } finally {
      process.env.TZ = zone;
    }
  });

  it('keeps each painful side apart, and names the side as the trends do when the scores were given for more than one', () => {
    // The right leg stuck at 6 for four weeks, after the sample's left-side sessions.
    const right = weeklyStore([6, 6, 6, 6], 'Forward lunge', 'right');
    expect(adviceFor(right, NOW)[0]).toMatchObject({ id: 'see-a-professional', side: 'right' });
    const md = toMarkdown(report(right));
    expect(md).toContain('## Persistent symptoms\n\n**Pain during Forward lunge** (right side painful) was rated in each of 4 weeks in a row');
    expect(md).toContain('**Pain during Forward lunge** (right side painful):');
    expect(toHtml(report(right))).toContain('<h2>Persistent symptoms</h2>\n<p><strong>Pain during <bdi>Forward lunge</bdi></strong> (right side painful) was rated in each of 4 weeks');
    // A lunge rated on the left today as well: the paragraph still tells of the right side's weeks.
    right.sessions.push({ ...structuredClone(sessionOne), id: 'left-today', movement: 'Forward lunge', baseline: 2, side: 'left', startedAt: new Date(NOW.getTime() - DAY / 4).toISOString() });
    expect(toMarkdown(report(right))).toContain('**Pain during Forward lunge** (right side painful) was rated in each of 4 weeks in a row');
    // Pain that moved from the right leg to the left: no one side kept up for three weeks.
    const moved = weeklyStore([6, 6, 6, 6], 'Forward lunge', ['right', 'right', 'left', 'left']);
    expect(adviceFor(moved, NOW).map((advice) => advice.id)).not.toContain('see-a-professional');
    expect(toMarkdown(report(moved))).not.toContain('Persistent symptoms');
  });

  it('gives a paragraph to each symptom that kept up, the higher latest mean first, and says what itb advises once', () => {
    // The right leg's lunge stuck at 7; walking on the left stuck at 1, rated more lately.
    const data = weeklyStore([7, 7, 7], 'Forward lunge', 'right');
    [2, 1, 0].forEach((weeksAgo, i) => {
      const startedAt = new Date(NOW.getTime() - DAY / 2 - weeksAgo * 7 * DAY).toISOString();
      data.sessions.push({ ...structuredClone(sessionOne), id: `walking-${i}`, movement: 'Brisk walking', baseline: 1, side: 'left', startedAt });
    });
    const md = toMarkdown(report(data));
    const section = md.slice(md.indexOf('## Persistent symptoms'), md.indexOf('## Rehab routine'));
    expect(section.split('\n\n')).toEqual([
      '## Persistent symptoms',
      expect.stringMatching(/^\*\*Pain during Forward lunge\*\* \(right side painful\) was rated in each of 3 weeks in a row .*a mean of about 7 in the first of those weeks, 7 in the latest\.$/),
      expect.stringMatching(/^\*\*Pain during Brisk walking\*\* \(left side painful\) was rated in each of 3 weeks in a row .*a mean of about 1 in the first of those weeks, 1 in the latest\.$/),
      'For symptoms that keep up like these over several weeks of consistent work, itb advises the person to see a physical therapist or doctor.',
      '',
    ]);
    const html = toHtml(report(data));
    const body = html.slice(html.indexOf('<h2>Persistent symptoms</h2>'), html.indexOf('<h2>Rehab routine</h2>'));
    expect(body.match(/<p>/g)).toHaveLength(3);
    expect(body.indexOf('(right side painful) was rated')).toBeLessThan(body.indexOf('(left side painful) was rated'));
    expect(body).toContain('<p>For symptoms that keep up like these over several weeks of consistent work, itb advises the person to see a physical therapist or doctor.</p>');
  });

  it('tells of the weeks before a break when the symptom was rated again since, no lower', () => {
    // Four weeks at 6 up to 15 days ago (Thursday 2026-11-05), then nothing until today's 6: the
    // week of Monday 2026-11-09 is a break, and the weeks before it end on Sunday 2026-11-08.
    const data = weeklyStore([6, 6, 6, 6]);
    for (const session of data.sessions.filter((s) => s.id.startsWith('weekly-'))) session.startedAt = new Date(Date.parse(session.startedAt) - 14 * DAY).toISOString();
    data.sessions.push({ ...structuredClone(sessionOne), id: 'back', movement: 'Forward lunge', baseline: 6, side: 'left', startedAt: new Date(NOW.getTime() - DAY / 4).toISOString() });
    expect(toMarkdown(report(data))).toContain(
      '**Pain during Forward lunge** was rated in each of 4 weeks in a row (Monday-to-Sunday weeks, 2026-10-12 to 2026-11-08), then again from 2026-11-20 after a break, ' +
        'and its baseline scores have not come down much: a mean of about 6 in the first of those weeks, 6 in the latest week.',
    );
  });

  it('says when the scores went up', () => {
    const md = toMarkdown(report(weeklyStore([3, 5, 8])));
    expect(md).toContain('its baseline scores have gone up: a mean of about 3 in the first of those weeks, 8 in the latest.');
  });

  it('does not say the scores went up when the means it gives are the same', () => {
    // 30 / 7 = 4.29 in the first week, 13 / 3 = 4.33 in the latest: both "about 4.3".
    const toMs = NOW.getTime();
    const found = { rated: 'pain during forward lunge', said: 'pain during forward lunge', side: 'right' as const, sidesApart: false, weeks: 3, firstMean: 30 / 7, latestMean: 13 / 3, fromMs: toMs - 21 * DAY, toMs, lastRatedMs: toMs, firstRatedMs: toMs - 20 * DAY };
    expect(persistentWords(found, 'Pain during forward lunge', null)).toContain('have not come down much: a mean of about 4.3 in the first of those weeks, 4.3 in the latest');
    expect(persistentWords({ ...found, latestMean: 4.4 }, 'Pain during forward lunge', null)).toContain('have gone up: a mean of about 4.3 in the first of those weeks, 4.4 in the latest');
  });

  it('says nothing when the scores came down, or the weeks were too few', () => {
    for (const data of [sampleStore(), weeklyStore([7, 6, 4]), weeklyStore([6, 6])]) {
      expect(adviceFor(data, NOW).map((advice) => advice.id)).not.toContain('see-a-professional');
      expect(toMarkdown(report(data))).not.toContain('Persistent symptoms');
      expect(toHtml(report(data))).not.toContain('Persistent symptoms');
    }
  });

  it('judges the weeks as of the period’s end, on every session up to it', () => {
    // Flat for eight weeks, then it came down by 3 points in the last two.
    const data = weeklyStore([6, 6, 6, 6, 6, 6, 3, 3]);
    expect(toMarkdown(report(data))).not.toContain('Persistent symptoms');
    // Up to 2026-11-06, the weeks before the fall.
    const before = toMarkdown(report(data, { until: '2026-11-06' }));
    // Its first week began on Monday 2026-09-28, before the first session: the words begin with the period.
    expect(before).toContain('period: 2026-10-01 to 2026-11-06');
    expect(before).toContain('**Pain during Forward lunge** was rated in each of 6 weeks in a row (Monday-to-Sunday weeks, 2026-10-01 to 2026-11-06)');
    expect(toMarkdown(report(data, { until: '2026-10-30' }))).toContain('in each of 5 weeks in a row (Monday-to-Sunday weeks, 2026-10-01 to 2026-10-30)');
    // Starting on 2026-10-22: the same six weeks, the sessions before the period counted too, and
    // their own first day given, with how many of them were over before the period began.
    const from22 = { since: '2026-10-22', until: '2026-11-06' };
    expect(toMarkdown(report(data, from22))).toContain("in each of 6 weeks in a row (Monday-to-Sunday weeks, 2026-09-28 to 2026-11-06; the first 3 before this report's period)");
    expect(toHtml(report(data, from22))).toContain(
      `in each of 6 weeks in a row (Monday-to-Sunday weeks, <span class="day">2026-09-28</span> to <span class="day">2026-11-06</span>; the first 3 before this report's period)`,
    );
    // Its first week ran from 2026-09-28 to 2026-10-04, with a score on 2026-10-01: a period from
    // 2026-09-30 holds every score counted and begins the weeks; one from 2026-10-02 or later does not.
    expect(toMarkdown(report(data, { since: '2026-09-30', until: '2026-11-06' }))).toContain('in each of 6 weeks in a row (Monday-to-Sunday weeks, 2026-09-30 to 2026-11-06), and');
    expect(toMarkdown(report(data, { since: '2026-10-02', until: '2026-11-06' }))).toContain("(Monday-to-Sunday weeks, 2026-09-28 to 2026-11-06; the first began before this report's period)");
    expect(toMarkdown(report(data, { since: '2026-10-05', until: '2026-11-06' }))).toContain("(Monday-to-Sunday weeks, 2026-09-28 to 2026-11-06; the first one before this report's period)");
    // Starting on 2026-10-29, with two of those weeks in it: still the six.
    expect(toMarkdown(report(data, { since: '2026-10-29', until: '2026-11-06' }))).toContain("in each of 6 weeks in a row (Monday-to-Sunday weeks, 2026-09-28 to 2026-11-06; the first 4 before this report's period)");
  });

  it('begins the weeks with the period when every score counted is in it, though older scores came before', () => {
    // At 9 in the first two weeks, then stuck at 6 for three: the three weeks from 2026-11-02 are
    // the ones judged, and the scores of 9 before them were not counted.
    const data = weeklyStore([9, 9, 6, 6, 6]);
    expect(adviceFor(data, NOW)[0]?.message).toContain('in each of 3 weeks in a row');
    const md = toMarkdown(report(data, { since: '2026-11-02' }));
    expect(md).toContain('**Pain during Forward lunge** was rated in each of 3 weeks in a row (Monday-to-Sunday weeks, 2026-11-02 to 2026-11-20), and');
  });

  it('still says it for a short period after weeks of stuck scores, with the weeks’ real days', () => {
    // Stuck at 6 for six weeks; the therapist asks for the last ten days.
    const data = weeklyStore([6, 6, 6, 6, 6, 6]);
    expect(adviceFor(data, NOW)[0]?.message).toContain('in each of 6 weeks in a row');
    const finding =
      "**Pain during Forward lunge** was rated in each of 6 weeks in a row (Monday-to-Sunday weeks, 2026-10-12 to 2026-11-20; the first 4 before this report's period), " +
      'and its baseline scores have not come down much: a mean of about 6 in the first of those weeks, 6 in the latest. For symptoms that keep up like this';
    const md = toMarkdown(report(data, { since: '2026-11-11' }));
    expect(md).toContain('period: 2026-11-11 to 2026-11-20');
    expect(md).toContain(`## Persistent symptoms\n\n${finding}`);
    // Its trend in the period, two of those sessions, is named alike.
    expect(md).toContain('**Pain during Forward lunge**: 2 sessions');
    const html = toHtml(report(data, { since: '2026-11-11' }));
    expect(html).toContain(
      "<h2>Persistent symptoms</h2>\n<p><strong>Pain during <bdi>Forward lunge</bdi></strong> was rated in each of 6 weeks in a row (Monday-to-Sunday weeks, " +
        `<span class="day">2026-10-12</span> to <span class="day">2026-11-20</span>; the first 4 before this report's period)`,
    );
    // The store's log, as `itb export` passes it, finds the same.
    expect(toMarkdown(report(data, { since: '2026-11-11', storeAdviceLog: summarize(data).advice }))).toBe(md);
  });

  it('says it once, with the day it was last rated, when the period has no score of it', () => {
    // A lunge stuck at 6 for five weeks up to 2026-11-12, then brisk walking from 2026-11-15.
    // The fifth of those weeks ends on Sunday 2026-11-15, in the period that begins on 2026-11-14.
    const data = weeklyStore([6, 6, 6, 6, 6, 6]);
    data.sessions = data.sessions.filter((session) => session.id !== 'weekly-5');
    for (const [i, startedAt] of ['2026-11-15T15:00:00.000Z', '2026-11-19T15:00:00.000Z'].entries()) {
      data.sessions.push({ ...structuredClone(sessionOne), id: `walking-${i}`, movement: 'Brisk walking', baseline: 3, startedAt });
    }
    const md = toMarkdown(report(data, { since: '2026-11-14' }));
    const section = md.slice(md.indexOf('## Persistent symptoms'), md.indexOf('## Rehab routine'));
    expect(section).toBe(
      '## Persistent symptoms\n\n' +
        "**Pain during Forward lunge** was rated in each of 5 weeks in a row (Monday-to-Sunday weeks, 2026-10-12 to 2026-11-15; the first 4 before this report's period), " +
        'and its baseline scores have not come down much: a mean of about 6 in the first of those weeks, 6 in the latest. ' +
        'It was not rated in this period: the last time was on 2026-11-12. ' +
        'For symptoms that keep up like this over several weeks of consistent work, itb advises the person to see a physical therapist or doctor.\n\n',
    );
    const html = toHtml(report(data, { since: '2026-11-14' }));
    expect(html.match(/was rated in each of/g)).toHaveLength(1);
    expect(html).toContain('It was not rated in this period: the last time was on <span class="day">2026-11-12</span>.');
    // A period with no session at all says it too.
    expect(toMarkdown(report(data, { since: '2026-11-20' }))).toContain('It was not rated in this period: the last time was on 2026-11-12.');
    // Those weeks were on the right side, the period's on the left: the side is named.
    for (const session of data.sessions) if (session.id.startsWith('weekly-')) session.side = 'right';
    expect(toMarkdown(report(data, { since: '2026-11-14' }))).toContain('## Persistent symptoms\n\n**Pain during Forward lunge** (right side painful) was rated in each of 5 weeks');
  });

  it('tells a period that begins after the report was made as it stood that day, not as a period without a score of it', () => {
    // Stuck at 6 for five weeks up to yesterday; the period asked for starts in December (2027 typed for 2026 alike).
    const data = weeklyStore([6, 6, 6, 6, 6]);
    const ahead = report(data, { since: '2026-12-01' });
    const head = 'It begins after this report was made, on 2026-11-20: there are no scores from it yet, and what follows is as it stood that day.';
    const finding =
      "**Pain during Forward lunge** was rated in each of 5 weeks in a row (Monday-to-Sunday weeks, 2026-10-19 to 2026-11-20; all 5 before this report's period), " +
      'and its baseline scores have not come down much: a mean of about 6 in the first of those weeks, 6 in the latest. The last time it was rated was on 2026-11-19. ' +
      'For symptoms that keep up like this over several weeks of consistent work, itb advises the person to see a physical therapist or doctor.';
    const md = toMarkdown(ahead);
    expect(md).toContain(`**No sessions in this period.** ${head}\n`);
    expect(md).toContain(`## Persistent symptoms\n\n${finding}\n\n## Rehab routine`);
    expect(md).not.toContain('not rated in this period');
    const dated = (text: string) => text.replace(/\d{4}-\d\d-\d\d/g, (date) => `<span class="day">${date}</span>`);
    const html = toHtml(ahead);
    expect(html).toContain(`<p><strong>No sessions in this period.</strong> ${dated(head)}</p>`);
    expect(html).toContain(`<h2>Persistent symptoms</h2>\n<p>${dated(finding).replace(/\*\*(.*?)\*\*/, '<strong>Pain during <bdi>Forward lunge</bdi></strong>')}</p>`);
    // A period that has begun, today, had the day to rate it: it says it was not.
    const today = toMarkdown(report(data, { since: '2026-11-20' }));
    expect(today).toContain('**No sessions in this period.** There are no scores from it to report.\n');
    expect(today).toContain('It was not rated in this period: the last time was on 2026-11-19.');
  });

  it('names a symptom the period has no score of as its latest score on that side typed it', () => {
    // A right lunge stuck at 6 for five weeks, typed in lower case the last time, on 2026-11-12;
    // in the period, one lunge on the left side only, typed otherwise.
    const data = weeklyStore([6, 6, 6, 6, 6, 6], 'Forward lunge', 'right');
    data.sessions = data.sessions.filter((session) => session.id !== 'weekly-5');
    data.sessions.find((session) => session.id === 'weekly-4')!.movement = 'forward lunge';
    data.sessions.push({ ...structuredClone(sessionOne), id: 'left-lunge', movement: 'FORWARD LUNGE', baseline: 3, side: 'left', startedAt: '2026-11-15T15:00:00.000Z' });
    const md = toMarkdown(report(data, { since: '2026-11-14' }));
    expect(md).toContain('## Persistent symptoms\n\n**Pain during forward lunge** (right side painful) was rated in each of 5 weeks in a row');
  });

  it('begins the weeks it names with the report’s period, which without --since starts with the first session', () => {
    // Weekly sessions only, the first on 2026-10-22: its week began on Monday 2026-10-19, before them.
    const store = weeklyStore([6, 6, 7, 6, 5]);
    const data = { ...store, sessions: store.sessions.filter((session) => session.id.startsWith('weekly-')), moves: [], screenings: [] };
    const md = toMarkdown(report(data));
    expect(md).toContain('period: 2026-10-22 to 2026-11-20');
    expect(md).toContain('in each of 5 weeks in a row (Monday-to-Sunday weeks, 2026-10-22 to 2026-11-20)');
    expect(toHtml(report(data))).toContain('in each of 5 weeks in a row (Monday-to-Sunday weeks, <span class="day">2026-10-22</span> to <span class="day">2026-11-20</span>)');
  });

  it('finds the same from the store summary’s log as from the sessions, and leaves that log aside for a period that ends before now', () => {
    const data = weeklyStore([6, 6, 7, 6, 5]);
    const storeAdviceLog = summarize(data).advice;
    expect(toMarkdown(report(data, { storeAdviceLog }))).toBe(toMarkdown(report(data)));
    // A log that says otherwise shows which one a report reads.
    const flat = summarize(weeklyStore([6, 6, 6, 6, 6, 6, 6, 6])).advice;
    expect(toMarkdown(report(data, { storeAdviceLog: flat }))).toContain('in each of 8 weeks in a row');
    // Up to now, a period's weeks are judged on the whole store too: the log is of those sessions.
    expect(toMarkdown(report(data, { storeAdviceLog: flat, since: '2026-11-11' }))).toContain('in each of 8 weeks in a row');
    expect(toMarkdown(report(data, { storeAdviceLog: flat, until: '2026-11-19' }))).toContain('in each of 5 weeks in a row');
  });

  it('is only in the reports a person reads: not in the csv, json or fhir', () => {
    const stuck = report(weeklyStore([6, 6, 6, 6]));
    expect(toMarkdown(stuck)).toContain('weeks in a row');
    for (const text of [toCsv(stuck), toJson(stuck), toFhir(stuck)]) {
      expect(text).not.toContain('weeks in a row');
      expect(text).not.toContain('physical therapist');
    }
  });
});
