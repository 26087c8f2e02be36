// The HTML report: one printable page with no scripts and nothing fetched from anywhere.
// Every piece of text from the records, the library or the user passes through `esc`.
import type { ExerciseStatus } from '../core/buckets.js';
import { earlierMoveInView } from '../core/earlier-move.js';
import type { Screening, Symptom } from '../core/records.js';
import { scoresWords, type ScorePoint } from '../core/history.js';
import { namedOrNot, recordedName } from '../core/text.js';
import { closeUpOf, PAUSE_DAYS, scoreChart } from './chart.js';
import { STYLE } from './html-style.js';
import { cellText, esc, head, scrollBox, startedCell, unbrokenDates, userLines, userText } from './html-text.js';
import { remembered } from './pieces.js';
import { readingView } from './reading-view.js';
import { dayRange, drillNamer, nameInSession, periodWords, type Report } from './report.js';
import { drillsDoneWriter, laterDayWords, sessionEndWords, type DrillResult } from './session-drills.js';
import { bucketsScopeWords, noRehabWords, noScoresWords, screensScopeWords, sessionCountWords } from './scope-words.js';
import {
  anyRedFlag,
  AVOID_FOR_NOW,
  dateOf,
  dateTimeOf,
  EARLIER_MOVE_TAIL,
  earlierMoveWords,
  lastTestWords,
  timedHoldsWords,
  evidenceWords,
  flagWords,
  METHOD_NOTE,
  mixedRatingsWords,
  movedToWords,
  headerParts,
  noneWords,
  plural,
  RED_FLAG_QUESTIONS_ASKED,
  REHAB_ROUTINE,
  resetWords,
  retestWords,
  routineWords,
  screenWords,
  sideWords,
  sidesWords,
  statusWords,
  symptomWords,
  testedBefore,
  unfinishedWords,
  untestedWords,
  type TextWriter,
} from './words.js';
import { doseWords } from './dose-words.js';
import { persistentFindings, persistentParagraphs } from './persistent-words.js';
import { thresholdScopeWords, thresholdWords } from './threshold-words.js';
import { separateTrendsWords, trendLabel, trendWords } from './trend-words.js';

const WRITER: TextWriter = { plain: esc, user: userText };

/** A drill's result in the session table, a flare-up marked as in the count above it. */
const flareMarked = (result: DrillResult) => (result === 'flare' ? '<span class="flare">flare</span>' : result);

/** A symptom during a test movement, in bold. */
const rated = (symptom: Symptom, movement: string) => `<strong>${esc(symptomWords[symptom])} during ${userText(namedOrNot(movement))}</strong>`;

export function toHtml(report: Report): string {
  const view = readingView(report);
  // The title heads each printed page, where the browser prints headers, and names the PDF saved
  // from the page: with the period, a loose page 3 says which weeks it is of, and the report of
  // a month is not saved under the same name as the whole history's. The name comes last, where
  // right-to-left letters in it cannot carry the dates to their other side.
  const named = report.patientName !== undefined ? `: ${report.patientName}` : '';
  const title = `IT band self-assessment report, ${periodWords(report)}${named}`;

  const body: string[] = [
    `<h1>IT band self-assessment report</h1>`,
    `<p class="meta">${unbrokenDates(headerParts(report, WRITER).join(' · '))}</p>`,
    `<p class="note">${esc(METHOD_NOTE)}</p>`,
  ];
  if (report.sessions.length === 0) {
    body.push(`<p><strong>${esc(noneWords(report, 'sessions'))}.</strong> ${unbrokenDates(esc(noScoresWords(report)))}</p>`);
  } else {
    body.push(
      '<ul>',
      `<li><strong>Symptom${view.symptoms.length > 1 ? 's' : ''} rated:</strong> ${esc(view.symptoms.map((s) => symptomWords[s]).join(', '))}</li>`,
      `<li><strong>Test movement${view.movements.length > 1 ? 's' : ''}:</strong> ${view.movements.map((movement) => userText(namedOrNot(movement))).join('; ')}</li>`,
      `<li><strong>Painful side${view.sides.length > 1 ? 's' : ''}:</strong> ${unbrokenDates(esc(sidesWords(view.sides)))}</li>`,
      `<li><strong>Sessions:</strong> ${unbrokenDates(esc(sessionCountWords(report.sessions)))}</li>`,
      '</ul>',
    );
  }

  // Safety first: a yes here matters more than anything below it.
  body.push('<h2 id="red-flags">Red-flag screening</h2>', ...screening(report.redFlagScreens, screensScopeWords(report)));
  // A paragraph for each symptom that kept up, the worst first, as the advice names them.
  if (view.persistent.length > 0) body.push('<h2>Persistent symptoms</h2>');
  const findings = persistentFindings(report, view, rated);
  for (const words of persistentParagraphs(findings)) body.push(`<p>${unbrokenDates(words)}</p>`);

  body.push('<h2>Rehab routine</h2>');
  // Where the evidence comes from, set apart like the method: it tells how to read all below it.
  const scope = bucketsScopeWords(report);
  if (scope !== undefined) body.push(`<p class="note">${unbrokenDates(esc(scope))}</p>`);
  for (const words of [resetWords(report.bucketsResetAt), mixedRatingsWords(view.evidenceMixesRatings)]) if (words !== undefined) body.push(`<p class="aside">${unbrokenDates(esc(words))}</p>`);
  const drillItem = drillItemBy(view.evidenceBySide, (exerciseId) => doseWords(report, exerciseId));
  if (report.buckets.rehab.length === 0) body.push(`<p class="empty">${unbrokenDates(esc(noRehabWords(report)))}</p>`);
  else {
    body.push(`<p>${esc(REHAB_ROUTINE)}</p>`, '<ol>', ...report.buckets.rehab.map(drillItem), '</ol>');
  }
  body.push('<h2>Avoid for now</h2>');
  if (report.buckets.avoid.length === 0) body.push('<p class="empty">None.</p>');
  else body.push(`<p>${esc(AVOID_FOR_NOW)}</p>`, '<ul>', ...report.buckets.avoid.map(drillItem), '</ul>');
  for (const words of untestedWords(report.buckets.untested, WRITER)) body.push(`<p>${words}</p>`);
  const earlier = testedBefore(report.buckets.untested);
  if (earlier.length > 0) body.push('<ul>', ...earlier.map(drillItem), '</ul>');

  if (report.moves.length > 0) {
    body.push('<h2 id="moves">Moved by hand</h2>', scrollBox('table', 'moves'), '<table>', head(['Date', 'Drill', 'To', 'Note']), '<tbody>');
    const drillName = drillNamer(report);
    for (const move of report.moves) {
      body.push(
        `<tr><td>${esc(dateOf(move.at))}</td><td class="drill">${userText(drillName(move.exerciseId))}</td>` +
          `<td class="to">${unbrokenDates(esc(movedToWords(move, report.bucketsResetAt)))}</td><td>${userLines(move.note ?? '')}</td></tr>`,
      );
    }
    body.push('</tbody>', '</table>', '</div>');
  }

  // The trend before the sessions: a year of them is a long table.
  body.push('<h2>Trend</h2>');
  let charts = 0;
  if (view.trends.length === 0) body.push(`<p class="empty">${esc(noneWords(report, 'scores'))}.</p>`);
  if (view.trends.length > 1) body.push(`<p>${esc(separateTrendsWords(view.trendsBySide))}</p>`);
  for (const trend of view.trends) {
    const words = trendWords(trend, trendLabel(trend, rated(trend.symptom, trend.movement), view.trendsBySide));
    // A figure, so that a printed page never parts a chart from the words that say what it shows;
    // the chart in a box of its own, which scrolls sideways on a screen too narrow for it.
    const figure = (caption: string, points: ScorePoint[]) => {
      const chart = scoreChart(points);
      const pauses = chart.paused ? ` A line stops where more than ${PAUSE_DAYS / 7} weeks passed between two of its scores, and starts again after.` : '';
      const id = `chart-${++charts}`;
      body.push(`<figure><figcaption id="${id}">${caption}${pauses}</figcaption>${scrollBox('chart', id)}${chart.svg}</div></figure>`);
    };
    figure(`${unbrokenDates(words)} Scores run from 0 (none) to 10 (worst imaginable).`, trend.points);
    const closeUp = closeUpOf(trend.points);
    if (closeUp !== undefined) {
      const days = dayRange(dateOf(closeUp[0]!.at), dateOf(closeUp.at(-1)!.at));
      figure(unbrokenDates(`The latest ${closeUp.length} sessions close up (${days}), with a dot for each score.`), closeUp);
    }
  }

  body.push('<h2 id="sessions">Sessions</h2>');
  if (view.summaries.length === 0) body.push(`<p class="empty">${esc(noneWords(report, 'sessions'))}.</p>`);
  else {
    // Printed, a long table runs over pages, each starting with the column names.
    body.push(
      scrollBox('table wide', 'sessions'),
      '<table class="sessions">',
      head(['Started', 'Routine', 'Side', 'Symptom @ movement', 'Baseline → final', 'Helped', 'Set aside', 'Skipped', 'Status']),
    );
    // Years of rows repeat a few routines, movements, scores and words: each is escaped once.
    const cell = remembered(esc);
    const user = remembered(cellText);
    const nameOf = drillNamer(report);
    // Named as the lists name them (by its id for a name of spaces alone), to be found from there.
    const drillsDoneWords = drillsDoneWriter((id) => userText(recordedName(nameOf(id)) ?? id), flareMarked);
    view.summaries.forEach((s, i) => {
      const scores = scoresWords(s, '—');
      const avoided = s.flares > 0 ? `${s.avoided} <span class="flare">(${esc(plural(s.flares, 'flare'))})</span>` : String(s.avoided);
      const session = report.sessions[i]!;
      const unfinished = unfinishedWords(session, (id) => nameInSession(session, id, nameOf), userText);
      const status = (s.interrupted ? `<strong>${cell(statusWords[s.status])}</strong>` : cell(statusWords[s.status])) + unfinished + unbrokenDates(laterDayWords(session));
      // Under the row, across the table: a tenth column would not fit a printed page.
      const drills = drillsDoneWords(session);
      body.push(
        '<tbody class="session">',
        `<tr><td class="started">${startedCell(s.startedAt)}</td><td class="routine">${user(namedOrNot(s.routine))}</td><td>${cell(sideWords[s.side])}</td>` +
          `<td class="what">${cell(symptomWords[s.symptom])} @ ${user(namedOrNot(s.movement))}</td><td class="scores">${cell(scores)}</td>` +
          `<td class="num">${s.helped}</td><td class="num">${avoided}</td><td class="num">${s.skipped}</td><td>${status}</td></tr>`,
      );
      if (drills !== '') body.push(`<tr class="drills"><td colspan="9">${drills}</td></tr>`);
      body.push('</tbody>');
    });
    body.push('</table>', '</div>');
    const ends = sessionEndWords(report.sessions);
    if (ends !== undefined) body.push(`<p class="legend">${esc(ends)}</p>`);
    const routines = routineWords(report, userText);
    if (routines !== undefined) body.push(`<p class="legend">${routines}</p>`);
  }

  body.push('<h2>Thresholds used</h2>');
  const thresholdScope = thresholdScopeWords(report);
  if (thresholdScope !== undefined) body.push(`<p class="aside">${esc(thresholdScope)}</p>`);
  body.push(
    '<ul>',
    ...thresholdWords(report).map((line) => `<li>${esc(line)}</li>`),
    '</ul>',
  );

  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    // The report is the page's main part: a screen reader goes to it at once, and says where it ends.
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A drill's list item; `sidesApart` as evidenceWords takes it. */
const drillItemBy = (sidesApart: boolean, doseOf: (exerciseId: string) => string | undefined) => (status: ExerciseStatus): string => {
  const ours = (words: string) => unbrokenDates(esc(words));
  const dose = doseOf(status.exerciseId);
  const details = [...(dose === undefined ? [] : [esc(dose)]), ours(evidenceWords(status.evidence, sidesApart, status.flare)), ...flagWords(status).map((flag) => (flag.includes('flare') ? `<span class="flare">${ours(flag)}</span>` : ours(flag)))];
  const lastTest = lastTestWords(status.evidence);
  if (lastTest !== undefined) details.push(ours(lastTest));
  const holds = timedHoldsWords(status.evidence);
  if (holds !== undefined) details.push(ours(holds));
  const retest = retestWords(status);
  if (retest) details.push(status.retestDue ? `<span class="due">${ours(retest)}</span>` : ours(retest));
  if (status.note) details.push(`note: “${userLines(status.note)}”`);
  if (status.earlierMove && earlierMoveInView(status.earlierMove)) details.push(`${ours(earlierMoveWords(status.earlierMove))} with the note “${userLines(status.earlierMove.note)}”, ${EARLIER_MOVE_TAIL}`);
  // A drill known by its id alone has its id for a name: given once, as `itb buckets` gives it.
  const id = status.name === status.exerciseId ? '' : ` <span class="id">(${userText(status.exerciseId)})</span>`;
  return `<li><strong>${userText(status.name)}</strong>${id}: ${details.join('; ')}</li>`;
};

function screening(screens: Screening[], earlier: string | undefined): string[] {
  if (screens.length === 0) return ['<p class="empty">No screening recorded.</p>'];
  const then = earlier === undefined ? '' : ` ${esc(earlier)}`;
  return [
    anyRedFlag(screens) ? `<p><strong class="yes">At least one yes.</strong>${then}</p>` : `<p>No red flags reported.${then}</p>`,
    scrollBox('table', 'red-flags'),
    '<table>',
    head(['Answered', 'Yes to', 'Then']),
    '<tbody>',
    ...screens.map((screen) => {
      const { yes, then } = screenWords(screen);
      const answered = yes.length === 0 ? 'none' : yes.map((question) => `<span class="yes">${esc(question)}</span>`).join(', ');
      return `<tr><td>${esc(dateTimeOf(screen.at))}</td><td>${answered}</td><td>${esc(then)}</td></tr>`;
    }),
    '</tbody>',
    '</table>',
    '</div>',
    `<p>${esc(RED_FLAG_QUESTIONS_ASKED)}</p>`,
  ];
}
