// The trends under `itb history`'s list of sessions: one for each symptom, test movement and
// painful side rated in two sessions or more, as the reports draw them.
import { drawnFinal, localDate, sidesApart, trendKey, trendsOf, type ScorePoint, type Trend } from '../core/history.js';
import { compareInstants } from '../core/instant.js';
import { PAUSE_DAYS, pausesBefore } from '../core/pause.js';
import { meanAsSaid } from '../core/persistent-symptom.js';
import { namedOrNot } from '../core/text.js';
import { dayRange } from '../export/report.js';
import { plural } from '../export/words.js';
import { separateTrendsWords, trendLabel } from '../export/trend-words.js';
import type { Colours } from '../ui/colour.js';
import { pointsShown, sparkline, sparkScale } from '../ui/sparkline.js';
import { hangingPacked, packed } from '../ui/table.js';
import { onScreen, wrap } from '../ui/wrap.js';

const COLUMNS = 80;
const SPARK_WIDTH = 56;
/** How many of the latest scores the words of a trend take the mean of: a week of daily sessions. */
const RECENT = 7;

/**
 * How a trend is shown: as bars, in words, or both. A plain terminal (TERM=dumb) gets words, as a
 * screen reader reads every bar out ("lower three eighths block", fifty times); `itb history
 * --bars` draws the bars under them for those who can see them.
 */
interface TrendShown {
  words: boolean;
  bars: boolean;
}

/**
 * `period`: for --since when sessions before that day have scores too (all of them in `scored`):
 * a trend the period is too short for may then be drawn from every session, and is not said to
 * wait for sessions to come. `listed`: when --limit left sessions out of the list, the start of
 * the oldest one listed and the command that lists them all: a trend none of the listed sessions
 * rated is then only counted (years of history hold dozens), save the one drawn first.
 */
export function trendLines(
  points: ScorePoint[],
  colour: Colours,
  period?: { since: string; itb: string; scored: ScorePoint[] },
  listed?: { from: string; all: string },
  shown: TrendShown = { words: false, bars: true },
): string[] {
  // The person's latest symptom and test movement first; while that has a single session, the
  // most recent one with two or more, so a new test movement does not hide the trend of the old
  // one. Then every other with two sessions or more, newest first: a left leg that got better
  // must not hide a right one that now hurts.
  const trends = trendsOf(points);
  const latest = trends[0];
  const withTrend = trends.filter((candidate) => candidate.points.length >= 2);
  const drawn = withTrend.filter((candidate, i) => i === 0 || listed === undefined || compareInstants(candidate.points.at(-1)!.at, listed.from) >= 0);
  const trend = drawn[0];
  // In full, wrapped with the note: two movements that start alike must not read as one. With
  // the painful side when scores were given for more than one, of the period or before it.
  const bySide = sidesApart(period?.scored ?? points);
  const what = (rated: Trend) => trendLabel(rated, `${rated.symptom} during ${namedOrNot(rated.movement)}`, bySide);
  const note = (text: string) => wrap(text, 76).map((line) => colour.dim(`  ${line}`));
  // Parts kept whole on a line while they fit, so that the command to copy is not broken.
  const parts = (texts: string[], indent = '') => packed(texts, COLUMNS, indent, ' ').map((line) => colour.dim(line));
  const withoutSince = `\`${period?.itb} history\` without --since`;
  // Counted, with the command that draws them: what earlier sessions rated is still worth a look.
  const olderLines = () => {
    const older = withTrend.length - drawn.length;
    return older === 0 ? [] : ['', ...parts([`${plural(older, 'other trend')} of what only earlier sessions rated`, `(\`${listed!.all}\` draws every one).`])];
  };
  // Trends the period holds one session of, and earlier sessions more: counted, with the command
  // that draws them (the latest session's is said on its own). Those the period holds none of
  // are no part of it.
  const cutShortLines = () => {
    if (!period) return [];
    const inAll = new Map<string, number>();
    for (const point of period.scored) inAll.set(trendKey(point), (inAll.get(trendKey(point)) ?? 0) + 1);
    const cut = trends.filter((rated) => rated !== latest && rated.points.length < 2 && inAll.get(trendKey(rated))! >= 2).length;
    if (cut === 0) return [];
    // "Without --since": --all alone still keeps to the period, so someone who gave both is not sent round in a loop.
    return ['', ...parts([`${plural(cut, 'other trend')} left out, with fewer than two sessions since ${period.since}`, '(without --since,', `\`${period.itb} history --all\` draws ${cut === 1 ? 'it' : 'every one'}).`])];
  };
  // Sessions that rated the same on another side do not compare either: "something else" alone
  // would puzzle someone who rated the same squat on each leg.
  const other = bySide ? 'rated something else or another side' : 'rated something else';
  const noTrendYet = () =>
    parts(period ? [`Too few sessions since ${period.since} for a trend, which needs two with a score:`, `${withoutSince} draws it from every session.`] : ['The trend of your scores shows once two sessions have a score.']);
  if (!latest) return noTrendYet();
  // The latest session's symptom, movement and side with a trend before the period: only the period is too short for it.
  const ratedLatest = trendKey(latest);
  const tooShort =
    period && period.scored.filter((point) => trendKey(point) === ratedLatest).length >= 2
      ? [`Too few sessions since ${period.since} rated ${what(latest)}, as your latest did, for a trend of its own:`, `${withoutSince} draws it.`]
      : undefined;
  if (!trend) {
    // Without --since, the period's one session has a trend only if an earlier one rated the same.
    if (trends.length === 1 && (!period || tooShort)) return noTrendYet();
    if (tooShort) return [...parts(tooShort), ...cutShortLines()];
    return [...note(`The trend shows once two sessions have rated ${what(latest)}, as the latest did: earlier scores ${other} and do not compare.`), ...cutShortLines()];
  }
  if (drawn.length > 1) {
    // Each named as the reports name it, under one sentence saying why they are apart.
    const awaited = trend === latest ? [] : tooShort ? parts(tooShort) : parts([`Your latest session rated ${what(latest)}; its trend shows once a second session rates it too.`]);
    const named = (rated: Trend) => wrap(what(rated), 76).map((line) => `  ${line}`);
    return [...parts([separateTrendsWords(bySide)]), ...awaited, ...drawn.flatMap((rated) => ['', ...drawing(rated, colour, named(rated), shown)]), ...olderLines(), ...cutShortLines()];
  }
  const leftOut = points.length - trend.points.length;
  const instead = `the trend of ${what(trend)}, without the ${plural(leftOut, 'session')} that ${other}.`;
  const notes =
    trend === latest
      ? note(`Only sessions that rated ${what(trend)}, as the latest did: the ${leftOut} that ${other} ${leftOut === 1 ? 'does' : 'do'} not compare.`)
      : tooShort
        ? parts([...tooShort, `Here, ${instead}`], '  ')
        : note(`Your latest session rated ${what(latest)}; its trend shows once a second session rates it too. Until then, ${instead}`);
  return [...drawing(trend, colour, leftOut > 0 ? notes : [], shown), ...olderLines(), ...cutShortLines()];
}

/** A trend's heading, `under` it, then its baseline and final scores in words, or bars, or both. */
function drawing(trend: Trend, colour: Colours, under: string[], look: TrendShown): string[] {
  const drawn = trend.points;
  // "  baseline  " before the bars and "  10 → 10" after them.
  const sparkWidth = Math.min(SPARK_WIDTH, onScreen(COLUMNS) - 21);
  // Only the bars need the latest sessions alone: words have room for every one.
  const pauses = pausesBefore(drawn);
  const shown = look.bars ? pointsShown(drawn.length, sparkWidth, pauses) : drawn.length;
  const first = drawn[drawn.length - shown]!;
  const last = drawn.at(-1)!;
  // Worded as the reports word a span of days: "2026-10-01 to 2026-11-20", or the one day when
  // every session fell on it ("2026-11-24 → 2026-11-24" reads as two days); "→" is for scores.
  const span = dayRange(localDate(new Date(first.at)), localDate(new Date(last.at)));
  const count = shown < drawn.length ? `latest ${shown} of ${drawn.length} sessions` : `${drawn.length} sessions`;
  const baselines = drawn.map((point) => point.baseline);
  // A session with no drill scored has no final bar, and "–" for its score, as in the table.
  const finals = drawn.map(drawnFinal);
  // One scale for both lines, so that their bars compare; said so that a top bar of 7 is not
  // taken for the top of the 0–10 scale.
  const { top, reached } = sparkScale([...baselines, ...finals.filter((final) => final !== null)]);
  // A top reached only by sessions before the bars shown would be looked for among them in vain.
  const reachedInSight = [...baselines.slice(-shown), ...finals.slice(-shown)].some((value) => value !== null && value >= top);
  const outOfSight = reached && !reachedInSight ? drawn.length : undefined;
  const line = (label: string, values: (number | null)[]) =>
    `  ${label.padEnd(8)}  ${sparkline(values, top, sparkWidth, pauses)}  ${values[values.length - shown] ?? '–'} → ${values.at(-1) ?? '–'}`;
  // Of the sessions the heading counts; a line too long goes on under its scores, not its label.
  const said = (label: string, values: (number | null)[]) => hangingPacked(`  ${label.padEnd(8)}  `, scoresInWords(values.slice(-shown)), COLUMNS, ' ');
  // Without bars, their scale would be words about nothing on the screen.
  const about = look.bars ? [colour.dim(`(${count};`), ...scaleWords(top, reached, outOfSight).map((words) => colour.dim(words))] : [colour.dim(`(${count})`)];
  return [
    // A heading too long for the line goes on under its dates, not under "Trend", so that its
    // second line is not taken for a line of its own.
    ...hangingPacked(`${colour.bold('Trend')}  `, [span, ...about], COLUMNS, ' '),
    ...under,
    ...(look.words ? [...said('baseline', baselines), ...said('final', finals)] : []),
    ...(look.bars ? [line('baseline', baselines), line('final', finals)] : []),
    ...pauseLines(drawn.slice(-shown), pauses.slice(-shown), look.bars).map((text) => colour.dim(text)),
  ];
}

/**
 * The pauses among the sessions shown (more than 4 weeks between two of them), with the days of
 * the latest: bars drawn one after another would hide months without a session. With bars, the
 * gap in them that marks each.
 */
function pauseLines(points: ScorePoint[], pauses: boolean[], bars: boolean): string[] {
  const at = pauses.lastIndexOf(true);
  if (at <= 0) return [];
  const count = pauses.slice(1).filter(Boolean).length;
  const days = dayRange(localDate(new Date(points[at - 1]!.at)), localDate(new Date(points[at]!.at)));
  const which = count === 1 ? days : `${count} times, the latest ${days}`;
  // The days kept whole on a line, as dates are everywhere.
  const pause = [`than ${PAUSE_DAYS / 7} weeks`, 'without a session', `(${which}).`];
  return packed(bars ? ['A gap in the bars marks more', ...pause] : ['More', ...pause], COLUMNS, '  ', ' ');
}

/**
 * A line of a trend's scores (null: a session with no final score) in words, in parts kept whole:
 * the first and last, as after the bars, then what the bars show at a glance: the lowest, the
 * highest, and where the scores are now, the mean of the latest few (a single score may be a bad
 * day). Two scores are said by the first and last alone.
 */
function scoresInWords(values: (number | null)[]): string[] {
  const given = values.filter((value) => value !== null);
  const parts = [`${values[0] ?? '–'} → ${values.at(-1) ?? '–'}`];
  if (given.length >= 3) {
    const recent = given.slice(-RECENT);
    const mean = meanAsSaid(recent.reduce((sum, value) => sum + value, 0) / recent.length);
    parts.push(`lowest ${Math.min(...given)}`, `highest ${Math.max(...given)}`, given.length > RECENT ? `mean of the last ${RECENT}: ${mean}` : `mean ${mean}`);
  }
  const missing = values.length - given.length;
  if (missing > 0) parts.push(`no final score in ${missing} of ${values.length} sessions`);
  return parts.map((part, i) => (i < parts.length - 1 ? `${part},` : part));
}

/**
 * The bars' scale, closing the heading's brackets: a top of 10 is the scale's own, and needs no
 * more words. `outOfSight`: the count of the trend's sessions when only those before its bars reach the top.
 */
function scaleWords(top: number, reached: boolean, outOfSight?: number): string[] {
  if (top === 10) return ['bars 0 to 10)'];
  const which = outOfSight !== undefined ? `the highest score of all ${outOfSight})` : `${reached ? 'the highest' : 'above every'} score)`;
  return [`bars 0 to ${top},`, which];
}
