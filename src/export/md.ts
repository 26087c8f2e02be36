// The Markdown report: what a therapist reads in a minute, in plain text or rendered.
import type { ExerciseStatus } from '../core/buckets.js';
import { earlierMoveInView } from '../core/earlier-move.js';
import type { Screening, Symptom } from '../core/records.js';
import { localDate, scoresWords, type ScorePoint, type Trend } from '../core/history.js';
import { namedOrNot, recordedName } from '../core/text.js';
import { PAUSE_DAYS, pausesBefore } from '../core/pause.js';
import { pointsShown, sparkline, sparkScale } from '../ui/sparkline.js';
import { readingView } from './reading-view.js';
import { dayRange, drillNamer, nameInSession, type Report } from './report.js';
import { drillsDoneWriter, laterDayWords, sessionEndWords, type DrillResult } from './session-drills.js';
import { bucketsScopeWords, noRehabWords, noScoresWords, screensScopeWords, sessionCountWords } from './scope-words.js';
import {
  anyRedFlag,
  AVOID_FOR_NOW,
  lastTestWords,
  timedHoldsWords,
  dateOf,
  dateTimeOf,
  EARLIER_MOVE_TAIL,
  earlierMoveWords,
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

// Only what could act as markup is escaped, so the report stays easy to read as plain text. An
// underscore inside a word (America/New_York, snake_case) neither opens nor closes emphasis; one
// starting a word (_word) is escaped all the same, as Pandoc's own Markdown, the one it reads a
// .md file as, takes it for an opening one left open and shows the bold around it as ** marks.
// Pandoc also reads ^sup^ and $math$: a ^ is escaped, and a $ that could close math. And & matters
// only at the start of an entity (&amp;).
const MARKUP = /[\\`*[\]<>|~#^]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|(?<=\S)\$(?!\d)|&(?=#?[a-z\d]+;)/giu;

/**
 * User and library text made inert: no emphasis, links, HTML or table breaks, one line without a
 * tab (a terminal widens one past a line's edge), and no space at either end (`**word **` would
 * not be bold).
 */
export function mdText(text: string): string {
  return text.trim().replace(/\s*[\t\r\n\u2028\u2029]+\s*/g, ' ').replace(MARKUP, (char) => `\\${char}`);
}

// A letter of a right-to-left script: Hebrew, Arabic, Syriac, Thaana, N'Ko and the rest of their
// blocks, with the presentation forms and the historic scripts written right to left; or one of
// the invisible marks that act as such a letter (right-to-left mark, Arabic letter mark), which
// text copied from a right-to-left page can carry.
const RTL_LETTER = /(?=\p{L})[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]|[\u200F\u061C]/u;

/**
 * Text a person typed or a library gave, made inert as mdText does. When it holds a right-to-left
 * letter it is also isolated (U+2068 … U+2069), or the numbers and signs next to it would be
 * read in its direction: "Pain during 9 :סקוואט sessions". Other text is left as it was.
 */
export function mdUser(text: string): string {
  const inert = mdText(text);
  return RTL_LETTER.test(inert) ? `\u2068${inert}\u2069` : inert;
}

/**
 * A note as mdUser writes it, each line break shown as ¶: a table cell or list item is one line,
 * and the mark cannot become markup. Its straight double quotes are escaped: the report puts a
 * note in curly ones, and Pandoc pairs the opening “ with the first " inside, which turned
 * “knee sore, "sharp" after” into “knee sore,”sharp” after”.
 */
export function mdNote(text: string): string {
  return mdUser(text.trim().split(/\s*[\r\n\u2028\u2029]+\s*/).join(' ¶ ')).replaceAll('"', '\\"');
}

const WRITER: TextWriter = { plain: mdText, user: mdUser };

/** A drill's result in the session table, a flare-up in bold as in the count beside it. */
const flareBold = (result: DrillResult) => (result === 'flare' ? '**flare**' : result);

/** A symptom during a test movement, in bold. */
const rated = (symptom: Symptom, movement: string) => `**${symptomWords[symptom]} during ${mdUser(namedOrNot(movement))}**`;

export function toMarkdown(report: Report): string {
  const view = readingView(report);
  const out: string[] = ['# IT band self-assessment report', ''];
  out.push(headerParts(report, WRITER).join(' · '), '', `_${METHOD_NOTE}_`, '');

  if (report.sessions.length === 0) {
    out.push(`**${noneWords(report, 'sessions')}.** ${noScoresWords(report)}`, '');
  } else {
    out.push(
      `- **Symptom${view.symptoms.length > 1 ? 's' : ''} rated:** ${view.symptoms.map((s) => symptomWords[s]).join(', ')}`,
      // Semicolons between them: a movement typed with a comma in it stays one movement.
      `- **Test movement${view.movements.length > 1 ? 's' : ''}:** ${view.movements.map((movement) => mdUser(namedOrNot(movement))).join('; ')}`,
      `- **Painful side${view.sides.length > 1 ? 's' : ''}:** ${sidesWords(view.sides)}`,
      `- **Sessions:** ${sessionCountWords(report.sessions)}`,
      '',
    );
  }

  // Safety first: a yes here matters more than anything below it.
  out.push('## Red-flag screening', '', ...screeningLines(report.redFlagScreens, screensScopeWords(report)), '');
  // A paragraph for each symptom that kept up, the worst first, as the advice names them.
  if (view.persistent.length > 0) out.push('## Persistent symptoms', '');
  const findings = persistentFindings(report, view, rated);
  for (const words of persistentParagraphs(findings)) out.push(words, '');

  out.push('## Rehab routine', '');
  for (const words of [bucketsScopeWords(report), resetWords(report.bucketsResetAt), mixedRatingsWords(view.evidenceMixesRatings)]) if (words !== undefined) out.push(`_${words}_`, '');
  if (report.buckets.rehab.length === 0) out.push(noRehabWords(report), '');
  else {
    out.push(REHAB_ROUTINE, '');
    report.buckets.rehab.forEach((status, i) => out.push(`${i + 1}. ${drillLine(status, view.evidenceBySide, doseWords(report, status.exerciseId))}`));
    out.push('');
  }

  out.push('## Avoid for now', '');
  if (report.buckets.avoid.length === 0) out.push('None.', '');
  else {
    out.push(AVOID_FOR_NOW, '');
    for (const status of report.buckets.avoid) out.push(`- ${drillLine(status, view.evidenceBySide, doseWords(report, status.exerciseId))}`);
    out.push('');
  }
  for (const words of untestedWords(report.buckets.untested, WRITER)) out.push(words, '');
  const earlier = testedBefore(report.buckets.untested);
  if (earlier.length > 0) out.push(...earlier.map((status) => `- ${drillLine(status, view.evidenceBySide, doseWords(report, status.exerciseId))}`), '');

  if (report.moves.length > 0) {
    out.push('## Moved by hand', '', '| Date | Drill | To | Note |', '|---|---|---|---|');
    const drillName = drillNamer(report);
    for (const move of report.moves) {
      out.push(`| ${dateOf(move.at)} | ${mdUser(drillName(move.exerciseId))} | ${movedToWords(move, report.bucketsResetAt)} | ${mdNote(move.note ?? '')} |`);
    }
    out.push('');
  }

  // The trend before the sessions: a year of them is a long table.
  out.push('## Trend', '');
  if (view.trends.length === 0) out.push(`${noneWords(report, 'scores')}.`, '');
  if (view.trends.length > 1) out.push(separateTrendsWords(view.trendsBySide), '');
  for (const trend of view.trends) {
    const scores = baselines(trend);
    // The scale of `itb history`'s bars, which draw the final scores on it too: the same
    // sessions then show the same bars in the report and on the person's screen.
    const finals = trend.points.map((point) => point.final);
    const { top, reached } = sparkScale([...scores, ...finals]);
    const pauses = pausesBefore(trend.points);
    const shown = pointsShown(scores.length, undefined, pauses);
    // Bars one after another would hide months without a session: a gap marks each, as the HTML chart's lines stop.
    const gaps = pauses.slice(-shown).slice(1).some(Boolean) ? `, a gap where more than ${PAUSE_DAYS / 7} weeks passed between two sessions` : '';
    // Said so that a top bar of 7 is not taken for the top of the 0–10 scale, and a top reached by
    // a final score alone, or by a score before the bars shown, is not looked for among them.
    const atTop = (values: number[]) => values.some((score) => score >= top);
    const topWords = !reached
      ? 'above every score'
      : atTop(scores.slice(-shown))
        ? 'the highest baseline'
        : atTop(scores)
          ? `the highest baseline of all ${scores.length}`
          : atTop(finals.slice(-shown))
            ? 'the highest final score'
            : `the highest final score of all ${scores.length}`;
    // Cut short, the bars cover days the trend's sentence does not give: said, as `itb history` does.
    const which = shown < scores.length ? ` of the latest ${shown} sessions (${dayRange(dateOf(trend.points[scores.length - shown]!.at), dateOf(trend.points.at(-1)!.at))})` : '';
    // The numbers beside the bars: one flare-up stretches the bars' scale, and a bar is no value.
    out.push(
      trendWords(trend, trendLabel(trend, rated(trend.symptom, trend.movement), view.trendsBySide)),
      '',
      `Baseline scores${which}, oldest to newest, a bar each (▁ is 0, █ is ${top}, ${topWords})${gaps}: \`${sparkline(scores, top, undefined, pauses)}\` (${scores.slice(-shown).join(', ')})`,
      '',
    );
    if (shown < scores.length) out.push(meanBaselines(trend.points), '');
  }

  out.push('## Sessions', '');
  if (view.summaries.length === 0) out.push(`${noneWords(report, 'sessions')}.`, '');
  else {
    out.push(
      '| Started | Routine | Side | Symptom @ movement | Baseline → final | Helped | Set aside | Skipped | Status | Drills: before → after, result |',
      '|---|---|---|---|---|--:|--:|--:|---|---|',
    );
    const nameOf = drillNamer(report);
    // Named as the lists name them (by its id for a name of spaces alone), to be found from there.
    const drillsDoneWords = drillsDoneWriter((id) => mdUser(recordedName(nameOf(id)) ?? id), flareBold);
    view.summaries.forEach((s, i) => {
      const scores = scoresWords(s, '—');
      const avoided = s.flares > 0 ? `${s.avoided} (**${plural(s.flares, 'flare')}**)` : String(s.avoided);
      const session = report.sessions[i]!;
      const unfinished = unfinishedWords(session, (id) => nameInSession(session, id, nameOf), mdUser);
      out.push(
        `| ${dateTimeOf(s.startedAt)} | ${mdUser(namedOrNot(s.routine))} | ${sideWords[s.side]} | ${symptomWords[s.symptom]} @ ${mdUser(namedOrNot(s.movement))} | ${scores} | ` +
          `${s.helped} | ${avoided} | ${s.skipped} | ${s.interrupted ? '**interrupted**' : statusWords[s.status]}${unfinished}${laterDayWords(session)} | ${drillsDoneWords(session)} |`,
      );
    });
    out.push('');
    const ends = sessionEndWords(report.sessions);
    if (ends !== undefined) out.push(ends, '');
    const routines = routineWords(report, mdUser);
    if (routines !== undefined) out.push(routines, '');
  }

  out.push('## Thresholds used', '');
  const thresholdScope = thresholdScopeWords(report);
  if (thresholdScope !== undefined) out.push(`_${thresholdScope}_`, '');
  out.push(...thresholdWords(report).map((line) => `- ${line}`));
  return `${out.join('\n')}\n`;
}


function drillLine(status: ExerciseStatus, sidesApart: boolean, dose: string | undefined): string {
  const details = [...(dose === undefined ? [] : [dose]), evidenceWords(status.evidence, sidesApart, status.flare), ...flagWords(status)];
  const lastTest = lastTestWords(status.evidence);
  if (lastTest !== undefined) details.push(lastTest);
  const holds = timedHoldsWords(status.evidence);
  if (holds !== undefined) details.push(holds);
  const retest = retestWords(status);
  if (retest) details.push(status.retestDue ? `**${retest}**` : retest);
  if (status.note) details.push(`note: “${mdNote(status.note)}”`);
  if (status.earlierMove && earlierMoveInView(status.earlierMove)) details.push(`${earlierMoveWords(status.earlierMove)} with the note “${mdNote(status.earlierMove.note)}”, ${EARLIER_MOVE_TAIL}`);
  // A drill known by its id alone has its id for a name: given once, as `itb buckets` gives it.
  const id = status.name === status.exerciseId ? '' : ` (${mdUser(status.exerciseId)})`;
  return `**${mdUser(status.name)}**${id}: ${details.join('; ')}`;
}

function screeningLines(screens: Screening[], earlier: string | undefined): string[] {
  if (screens.length === 0) return ['No screening recorded.'];
  return [
    (anyRedFlag(screens) ? '**At least one yes.**' : 'No red flags reported.') + (earlier === undefined ? '' : ` ${earlier}`),
    '',
    '| Answered | Yes to | Then |',
    '|---|---|---|',
    ...screens.map((screen) => {
      const { yes, then } = screenWords(screen);
      return `| ${dateTimeOf(screen.at)} | ${yes.length === 0 ? 'none' : yes.map((question) => `**${question}**`).join(', ')} | ${then} |`;
    }),
    '',
    RED_FLAG_QUESTIONS_ASKED,
  ];
}

const baselines = (trend: Trend): number[] => trend.points.map((point) => point.baseline);

/**
 * The whole of a trend longer than its sparkline, in a line: the mean baseline of each calendar
 * year, or of each month when the trend spans no more than twelve of them.
 */
function meanBaselines(points: ScorePoint[]): string {
  const first = localDate(new Date(points[0]!.at));
  const last = localDate(new Date(points.at(-1)!.at));
  const months = (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(last.slice(5, 7)) - Number(first.slice(5, 7)) + 1;
  const unit = months <= 12 ? 'month' : 'year';
  const sums = new Map<string, { total: number; count: number }>();
  for (const point of points) {
    const date = new Date(point.at);
    const key = unit === 'year' ? String(date.getFullYear()) : `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
    const sum = sums.get(key);
    if (sum) {
      sum.total += point.baseline;
      sum.count++;
    } else sums.set(key, { total: point.baseline, count: 1 });
  }
  const means = [...sums].map(([key, { total, count }]) => `${key}: ${Math.round((total / count) * 10) / 10} (${count})`);
  return `Mean baseline score by ${unit}, with its number of sessions: ${means.join('; ')}.`;
}
