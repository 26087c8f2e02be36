// What `itb history` does (declared in history.ts).
import type { Command } from 'commander';
import { adviceFor } from '../core/advice.js';
import { localDate, localDateTime, painfulSideWords, scoreSeries, sessionsSince, sessionSummaries, scoresWords, sidesApart, trendKey, type SessionSummary } from '../core/history.js';
import { keptAside, type KeptAside } from '../core/kept-aside.js';
import { namedOrNot, oneLine } from '../core/text.js';
import type { Context } from '../context.js';
import type { Thresholds } from '../core/records.js';
import { UserError } from '../errors.js';
import type { Colours } from '../ui/colour.js';
import { readStore } from '../store/store-file.js';
import { packed, table } from '../ui/table.js';
import { width } from '../ui/width.js';
import { onScreen, wrap, wrapName, wrapUnder } from '../ui/wrap.js';
import { plural } from '../export/words.js';
import { DEFAULT_LIMIT, type HistoryOptions } from './history.js';
import { trendLines } from './history-trend.js';
import { calendarDay } from './calendar-day.js';
import { adviceLines, itbWithLibrary, libraryFor, noStoreNote, notice, paint, plainTerminal, printJson, typedWithout } from './shared.js';

const COLUMNS = 80;

/** How many of the newest sessions to list: --limit, else every one for --all and JSON, else a screenful. */
function sessionLimit(ctx: Context, options: HistoryOptions, self: Command): number {
  if (options.limit === undefined) return options.all || options.json ? Infinity : DEFAULT_LIMIT;
  const typed = options.limit.trim();
  if (!/^\d+$/.test(typed) || Number(typed) < 1) {
    // The rest typed is kept (--since, --json, --data), but --all, which goes with no -n.
    throw new UserError(`-n (--limit) wants a whole number of sessions, 1 or more, not "${options.limit}"`, `For example: \`${typedWithout(ctx, self, '--limit', '--all')} -n 50\``);
  }
  if (options.all) throw new UserError('give either --all or --limit, not both', `--all lists every session, -n ${typed} (--limit ${typed}) the newest ${typed}: keep one of them.`);
  return Number(typed);
}

export async function showHistory(ctx: Context, options: HistoryOptions, self: Command) {
  const limit = sessionLimit(ctx, options, self);
  const sinceDay = options.since === undefined ? undefined : calendarDay(options.since, '--since', typedWithout(ctx, self, '--since'));
  // The start of that day in local time, the way dates are shown.
  const since = sinceDay === undefined ? undefined : new Date(`${sinceDay}T00:00:00`);
  const data = await readStore(ctx.env);
  const sessions = sessionsSince(data.sessions, since);
  // The trend covers every session of the period; the list, the newest few.
  const summaries = sessionSummaries(sessions);
  const listed = summaries.slice(0, limit);
  const trend = scoreSeries(sessions);
  // Of every session, whatever --since: the advice is about today, as the text shows it.
  const now = ctx.now();
  // The library says which drills are strength work and which routines there are; the history is
  // the store's alone, so one that cannot be read now stops nothing (the advice goes without it).
  // It is said all the same: a path typed wrong would go unseen until the session it names fails.
  let unread = false;
  const library = await libraryFor(ctx, self).catch((error: unknown) => {
    if (error instanceof UserError) notice(ctx, `note: ${error.message}, so the advice under the history goes without it.${error.hint ? ` ${error.hint}` : ''}`);
    unread = true;
    return undefined;
  });
  const advice = adviceFor(data, now, library);
  // Sessions of the period left out by --limit: the text says so under the list.
  const unlisted = summaries.length - listed.length;
  if (options.json) return printJson(ctx, { schemaVersion: 1, generatedAt: now.toISOString(), sessions: listed, unlisted, trend, advice });

  const colour = paint(ctx, self);
  // With the library in use: the advice below the list goes by it.
  const itb = itbWithLibrary(ctx, self);
  if (data.sessions.length === 0) {
    // A session with a library file that cannot be read stops before its first question: the
    // note above says what is wrong with the file, and the session waits on it.
    const when = unread ? 'Once the library file is put right, run' : 'Run';
    ctx.stdout.write(`${wrap(`No sessions yet. ${when} \`${colour.bold(`${itb} session`)}\` to start.`).join('\n')}\n`);
    noStoreNote(ctx);
    return;
  }
  if (summaries.length === 0) {
    const earlier = data.sessions.length;
    // The day of the latest shows a --since typed wrong (2027 for 2026) at a glance.
    const latest = data.sessions.map((session) => localDate(new Date(session.startedAt))).reduce((a, b) => (a > b ? a : b));
    const which = earlier === 1 ? `1 earlier, on ${latest}` : `${earlier} earlier, the latest on ${latest}`;
    const lines = packed([`No sessions since ${sinceDay}.`, colour.dim(`(${which}; run \`${itb} history\` without --since to see them.)`)], COLUMNS, '', ' ');
    ctx.stdout.write(`${lines.join('\n')}\n`);
    return;
  }
  // Drills a session kept aside (a re-test that found no change) are told from those it set aside anew.
  const kept = keptAside(data.sessions, data.moves, data.bucketsResetAt);
  // The store, not the list, says whether sides matter: one session listed of a store with a
  // left and a right leg must still say which one it was for.
  const out = sessionTable(listed, colour, kept, sidesApart(data.sessions), data.settings);
  // Every one of the period asked for, not of all time.
  const all = `${itb} history${sinceDay === undefined ? '' : ` --since ${sinceDay}`} --all`;
  if (unlisted > 0) {
    // The command to copy on a line of its own when the sentence does not fit on one.
    out.push(...packed([`… ${plural(unlisted, 'earlier session')} not listed`, `(\`${all}\` lists every one).`], COLUMNS, '', ' ').map((line) => colour.dim(line)));
  }
  // "judged with minImprovement 2" beside a session does not say what the setting is now: said once, under the list.
  const changed = new Set(listed.flatMap((summary) => changedSince(summary, data.settings)));
  if (changed.size > 0) {
    const setNow = THRESHOLD_KEYS.filter((key) => changed.has(key)).map((key) => `${key} ${data.settings[key]}`).join(', ');
    out.push(...wrap(`"judged with": the sessions so marked judged their drills by a setting changed since (now ${setNow}; \`${itb} settings\` shows them).`, COLUMNS).map((line) => colour.dim(line)));
  }
  // A period too short for a trend of its own is not the whole story when earlier sessions have scores.
  const scored = sinceDay === undefined ? trend : scoreSeries(data.sessions);
  const period = scored.length > trend.length ? { since: sinceDay!, itb, scored } : undefined;
  // A plain terminal, where a screen reader may read each bar out, gets the scores in words.
  const plain = plainTerminal(ctx.env);
  const shown = { words: plain, bars: !plain || options.bars === true };
  out.push('', ...trendLines(trend, colour, period, unlisted > 0 ? { from: listed.at(-1)!.startedAt, all } : undefined, shown));
  out.push(...adviceLines(advice, colour));
  ctx.stdout.write(`${out.join('\n')}\n`);
}

/** The thresholds that judged a session's drills and are set otherwise now; none for a session with no drill judged. */
function changedSince(summary: SessionSummary, current: Thresholds): (typeof THRESHOLD_KEYS)[number][] {
  if (summary.helped + summary.avoided === 0) return [];
  return THRESHOLD_KEYS.filter((key) => summary.thresholds[key] !== current[key]);
}

const THRESHOLD_KEYS = ['minImprovement', 'flareRise'] as const;

/**
 * What a session came to, in parts: "3 helped", "1 set aside (1 flare)", "2 still set aside" (set
 * aside before it, and again at it), "stopped early".
 */
function resultsParts(summary: SessionSummary, colour: Colours, kept: KeptAside | undefined, current: Thresholds): string[] {
  // In the terminal's own colour: green and yellow words all but vanish on a white background.
  const parts: string[] = [];
  const flares = (count: number) => (count > 0 ? ` (${plural(count, 'flare')})` : '');
  const keptAside = kept?.aside ?? 0;
  const keptFlares = kept?.flares ?? 0;
  if (summary.helped > 0) parts.push(`${summary.helped} helped`);
  if (summary.avoided > keptAside) parts.push(`${summary.avoided - keptAside} set aside${flares(summary.flares - keptFlares)}`);
  if (keptAside > 0) parts.push(`${keptAside} still set aside${flares(keptFlares)}`);
  if (summary.skipped > 0) parts.push(`${summary.skipped} skipped`);
  if (parts.length === 0) parts.push(colour.dim('no drills finished'));
  // Judged by a threshold since changed: "1 set aside" here may be a fall that counts now, or
  // "1 helped" one that would not. Said beside the verdicts it judged, by the setting's name.
  const other = changedSince(summary, current);
  if (other.length > 0) parts.push(`judged with ${other.map((key) => `${key} ${summary.thresholds[key]}`).join(', ')}`);
  if (summary.status === 'interrupted') parts.push(colour.bold('interrupted'));
  else if (summary.status === 'stopped') parts.push('stopped early');
  else if (summary.status === 'in-progress') parts.push(colour.dim('in progress'));
  return parts;
}

/** `bySide`: the store's sessions had more than one painful side (the left hurt for a while, later the right). */
/** `current`: the thresholds set now, by which the sessions to come are judged. */
function sessionTable(summaries: SessionSummary[], colour: Colours, kept: Map<string, KeptAside>, bySide: boolean, current: Thresholds): string[] {
  // Then each session's side is said, above the table or with it: scores of one side are not
  // those of the other.
  const label = (summary: SessionSummary) =>
    ratedLines(`Symptom and test movement: ${summary.symptom} during ${namedOrNot(summary.movement)}`, bySide ? painfulSideWords(summary.side) : undefined).map((line) => colour.dim(line));
  // Usually every session rates the same symptom in the same movement on the same side (they are
  // remembered): then say it once above the table, as the newest session typed it, and give the
  // room to the results.
  const shared = summaries.every((summary) => trendKey(summary) === trendKey(summaries[0]!));
  const rows = summaries.map((summary) => ({
    date: localDateTime(new Date(summary.startedAt)),
    // In full: a library's routine ids are up to 40 characters, and one cut short names none. On
    // one line: a backup written by hand may hold one with a tab or a line break.
    routine: namedOrNot(oneLine(summary.routine)),
    summary,
    scores: scoresWords(summary, '–'),
    results: resultsParts(summary, colour, kept.get(summary.id), current),
  }));
  const screen = onScreen(COLUMNS);
  const left = (withRoutine: boolean, results: string[]) =>
    table([
      ['date', ...(withRoutine ? ['routine'] : []), 'score', ...results].map((cell) => colour.dim(cell)),
      ...rows.map((row) => [row.date, ...(withRoutine ? [row.routine] : []), row.scores, ...results.map(() => '')]),
    ]);
  let [heading, ...lefts] = left(true, ['']);
  const under = ' '.repeat(width(heading!));
  let lines: string[][];
  const resultsBeside = screen - under.length >= 20;
  if (resultsBeside) {
    // The results fill the rest of the line; a long list goes on under them.
    heading += colour.dim('results');
    lines = rows.map((row, i) => {
      const [first, ...more] = packed(row.results, COLUMNS, under, ' · ', wrapName);
      return [lefts[i]! + first!.slice(under.length), ...more];
    });
  } else {
    // Too narrow for that: the results go on the lines under each session's date and score,
    // led by its routine when the routine does not fit beside them either.
    const withRoutine = left(true, []).every((line) => width(line) <= screen);
    [heading, ...lefts] = left(withRoutine, []);
    lines = rows.map((row, i) => [lefts[i]!, ...packed(withRoutine ? row.results : [row.routine, ...row.results], COLUMNS, '    ', ' · ', wrapName)]);
  }
  if (shared) return [...label(summaries[0]!), heading!, ...lines.flat()];
  // Sessions rated different things, so that scores are never compared across symptoms or
  // movements by mistake: the same label above each run of sessions that rated the same thing,
  // as a heading is read before what it heads. Someone who changed movement once gets two
  // labels, not one under every row; someone who alternates gets one above each session.
  // The column headings go under the first label, right above the rows they head, as when one
  // label is said for all: above it, they headed a label rather than a row.
  const newRun = (i: number) => i === 0 || trendKey(rows[i]!.summary) !== trendKey(rows[i - 1]!.summary);
  return rows.flatMap((row, i) => [...(newRun(i) ? label(row.summary) : []), ...(i === 0 ? [heading!] : []), ...lines[i]!]);
}

/**
 * What a session rated, wrapped, and its painful side after it when given: on its last line
 * when it fits there, else whole on a line of its own, rather than split across two. Lines
 * after the first go two columns in: flush with the dates, the end of a movement ("the house
 * after work") would read as a line of its own.
 */
function ratedLines(rated: string, side: string | undefined): string[] {
  const lines = wrapUnder(rated, COLUMNS);
  if (side === undefined) return lines;
  const last = lines.pop()!;
  const beside = `${last} · ${side}`;
  return width(beside) <= onScreen(COLUMNS) ? [...lines, beside] : [...lines, last, `  ${side}`];
}
