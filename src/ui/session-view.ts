// What the session shows: the drill card, the verdict after each score, and the closing summary.
import type { BucketView } from '../core/buckets.js';
import { upTo } from '../core/evidence.js';
import { compareInstants } from '../core/instant.js';
import type { ExerciseResult, PainfulSide, Session, Symptom, Thresholds } from '../core/records.js';
import { latestScore, type Feedback } from '../core/session.js';
import { namedOrNot } from '../core/text.js';
import type { Exercise } from '../library/schema.js';
import type { Colours } from './colour.js';
import { describeDose, describeSide } from './describe.js';
import { packed, table } from './table.js';
import { width } from './width.js';
import { hanging, onScreen, wrap, wrapName } from './wrap.js';
import { bucketChangeLines, nameBlock, nameIn, type BucketChange } from './bucket-changes.js';

/**
 * Where a drill stood as the session began, to say where one skipped or left unfinished stays:
 * in plain words, as "its bucket" means nothing for a drill never tested.
 */
type Standing = 'rehab' | 'set aside' | 'untested';

export function standingIn(view: BucketView): (exerciseId: string) => Standing {
  return (id) => (view.rehab.some((s) => s.exerciseId === id) ? 'rehab' : view.avoid.some((s) => s.exerciseId === id) ? 'set aside' : 'untested');
}

/** "stays untested", "stays in your rehab bucket", "stays set aside for now". */
function stays(standing: Standing): string {
  return standing === 'rehab' ? 'stays in your rehab bucket' : standing === 'set aside' ? 'stays set aside for now' : 'stays untested';
}

interface Card {
  exercise: Exercise;
  index: number;
  total: number;
  attempt: 1 | 2;
  side: PainfulSide;
}

/**
 * The top of a drill's card: where it is in the routine, and its name. Said again above a
 * question about the drill asked again after Ctrl-Z and fg, the card perhaps gone off the screen.
 */
export function drillHeading({ exercise, index, total, attempt }: Omit<Card, 'side'>, colour: Colours): string[] {
  return [
    colour.dim(`Exercise ${index + 1} of ${total} · ${exercise.region}`),
    // In the terminal's own colour: a bold yellow shows bright, and all but vanishes on white.
    // The second try said before the name: many names end in a note in brackets of their own,
    // which a narrow terminal breaks before, not inside, as the lists and the summary do.
    ...wrapName(attempt === 2 ? `Second try: ${exercise.name}` : exercise.name, 80).map((line) => colour.bold(line)),
  ];
}

export function drillCard({ exercise, index, total, attempt, side }: Card, colour: Colours): string {
  const lines = ['', ...drillHeading({ exercise, index, total, attempt }, colour)];
  if (attempt === 2) lines.push(...wrap(retryAdvice(exercise), 78, '  '));
  exercise.steps.forEach((step, i) => lines.push(...hanging(`  ${String(i + 1).padStart(2)}. `, step, 78)));
  const dose = `  ${colour.dim('Dose:')} ${describeDose(exercise.dose)}`;
  const sideWords = `${colour.dim('Side:')} ${describeSide(exercise.side, side, exercise.dose)}`;
  // Side by side when they fit the terminal's 80 columns, else a line each.
  if (width(`${dose}   ${sideWords}`) <= onScreen(80)) lines.push(`${dose}   ${sideWords}`);
  else {
    // A line each, wrapped between words under their labels on a narrow terminal.
    lines.push(...hanging(`  ${colour.dim('Dose:')} `, describeDose(exercise.dose), 80));
    lines.push(...hanging(`  ${colour.dim('Side:')} `, describeSide(exercise.side, side, exercise.dose), 80));
  }
  if (exercise.equipment.length > 0) lines.push(...hanging(`  ${colour.dim('You need:')} `, exercise.equipment.join(', '), 80));
  for (const cue of exercise.cues) lines.push(...hanging('  › ', cue, 78));
  if (exercise.video) lines.push(`  ${colour.dim('Video:')} ${exercise.video}`);
  return `${lines.join('\n')}\n`;
}

/**
 * What to change on the second try. A hold (a stretch or an isometric press, with no reps) has no
 * speed to slow down, so it is eased off instead.
 */
function retryAdvice(exercise: Exercise): string {
  const hold = exercise.dose.reps === undefined;
  const check = `Read the steps again${exercise.video ? ' (or watch the video below)' : ''} and check your form.`;
  return hold
    ? `${check} Ease off this time: a gentler position or effort, and a shorter hold if you need it.`
    : `${check} Go slower and use a smaller range this time.`;
}

/** A fall too small to count, judged against the session's own threshold (1 to 3 points). */
const tooSmall = (minImprovement: number) => `it helps when the score falls by ${minImprovement} points or more`;

/**
 * What a score means, right after it is given: the verdict (wrapped to the terminal), then a dim
 * note under it. `last` says the drill was the session's last, so nothing comes after a flare-up.
 */
export function feedbackLine(
  feedback: Feedback,
  symptom: Symptom,
  thresholds: Thresholds,
  retestDate: string,
  colour: Colours,
  options: { last?: boolean; standing?: Standing; keepAside?: { command: string; withNote: boolean } } = {},
): string {
  // Lines after the first start under the verdict's words, past its mark (✓, •, ✗). The mark
  // alone is coloured, its words bold in the terminal's own colour: green and yellow text all but
  // vanish on a white background.
  const verdict = (text: string, note?: string) => {
    const lines = wrap(text, 80, '  ');
    return `${[lines[0]!.slice(2), ...lines.slice(1)].join('\n')}\n${note === undefined ? '' : dimLines(note, colour)}`;
  };
  // No mark before it, so no indent under one.
  if (feedback.kind === 'skipped') {
    // A drill set aside by hand, skipped at its re-test: it stays due, so sessions offer it again.
    const again =
      options.keepAside === undefined
        ? ''
        : ` It is still due, so sessions will offer it again; if your reason still holds, \`${options.keepAside.command}\` sets it aside again from today${options.keepAside.withNote ? ', with your note' : ''}.`;
    return `${wrap(`Skipped ${feedback.exercise.name}. It ${stays(options.standing ?? 'untested')}.${again}`, 80).map((line) => colour.dim(line)).join('\n')}\n`;
  }
  const { exercise, before, after } = feedback;
  const change = `${before} → ${after}`;
  const offeredAgain = `it will be offered again from ${retestDate}`;
  switch (feedback.kind) {
    case 'improved':
      return verdict(`${colour.green('✓')} ${colour.bold(`Better: ${symptom} ${change}.`)} ${exercise.name} ${options.standing === 'rehab' ? 'stays in' : 'goes into'} your rehab bucket.`);
    case 'retry': {
      const how =
        after < before
          ? `Not enough: ${symptom} ${change}; ${tooSmall(thresholds.minImprovement)}.`
          : `${after === before ? 'No change' : after - before === 1 ? 'A little worse' : 'Worse'}: ${symptom} ${change}.`;
      return verdict(`${colour.yellow('•')} ${colour.bold(how)} Let's give it one more careful try.`);
    }
    case 'avoid': {
      const how =
        after < before
          ? `Still not enough: ${symptom} ${change}; ${tooSmall(thresholds.minImprovement)}.`
          : `Still not better than ${before} (now ${after}).`;
      return verdict(`${colour.yellow('•')} ${colour.bold(how)} ${exercise.name} is set aside for now.`, `It is not wrong for you forever: ${offeredAgain}.`);
    }
    case 'flare':
      // Said as what happens next, not as a rule broken: the rise is what the test is there to catch.
      return verdict(
        `${colour.red('✗')} ${colour.bold(`Your ${symptom} went up: ${change}.`)} That is a flare-up, so ${exercise.name} stops here${feedback.attempt === 1 ? ', with no retry' : ''}.`,
        // Stopping is as good an answer as going on: nothing here should push the person onward.
        `It is set aside for now and flagged as a flare-up; ${offeredAgain}.${options.last ? '' : ' Stopping here for today is a sound choice.'}`,
      );
  }
}

/** `standing`: where each drill stood as the session began (standingIn). */
export function summary(session: Session, names: Map<string, string>, changes: BucketChange[], colour: Colours, standing: (exerciseId: string) => Standing = () => 'untested'): string {
  const scoresOf = (exerciseId: string, until?: string) =>
    session.attempts
      // Up to the result as the evidence takes them: a retry dated before its first try (a clock
      // set back between them) still shows both.
      .filter((a, index) => a.exerciseId === exerciseId && (until === undefined || upTo(session.attempts, index, until)))
      .slice(-2)
      .map((a) => `${a.before} → ${a.after}`)
      .join(', then ');
  const rows: [string, string, string][] = [];
  for (const result of session.results) {
    // In words, in the terminal's own colour (green and yellow are too pale on white), but for
    // the flare-up, which red makes stand out on any background.
    const outcome =
      result.outcome === 'rehab'
        ? 'helped → rehab'
        : result.outcome === 'skipped'
          ? colour.dim('skipped')
          : result.flare
            ? colour.red('flare-up → avoid for now')
            : 'no help → avoid for now';
    rows.push([names.get(result.exerciseId) ?? result.name, scoresOf(result.exerciseId, result.at), outcome]);
  }
  // A drill rated and then left (the session stopped before its second try): its scores are
  // kept, and it stays where it was.
  const decided = new Set(session.results.map((r) => r.exerciseId));
  for (const id of new Set(session.attempts.map((a) => a.exerciseId))) {
    if (!decided.has(id)) rows.push([names.get(id) ?? id, scoresOf(id), colour.dim(`unfinished: ${STILL[standing(id)]}`)]);
  }
  const lines = ['', colour.bold('Session summary'), ''];
  if (rows.length === 0) lines.push('  No drill was finished.');
  else {
    const header = [colour.dim('Exercise'), colour.dim('Before → after'), colour.dim('Result')];
    const cells = rows.map(([name, scores, outcome]) => [name, scores || '—', outcome] as const);
    // The scores and results whole, the names in what is left of the line: a long one (many end
    // in a note in brackets) wraps within its column, rather than push its row past 80 columns.
    const widest = (c: 1 | 2) => Math.max(width(header[c]!), ...cells.map((row) => width(row[c])));
    const room = onScreen(80) - 2 - 4 - widest(1) - widest(2);
    if (room >= NAME_ROOM) {
      const split = cells.flatMap(([name, scores, outcome]) => nameIn(name, room).map((line, i) => (i === 0 ? [line, scores, outcome] : [line, '', ''])));
      lines.push(...table([header, ...split]).map((line) => `  ${line}`.trimEnd()));
    } else {
      // Too narrow for the table (a phone, a split window): a few lines for each drill, its
      // name whole, rather than names cut short in a row wider than the screen.
      for (const [name, scores, outcome] of rows) {
        lines.push(...nameBlock(name), ...packed(scores ? [`${session.symptom} ${scores}`, outcome] : [outcome], 80, '    '));
      }
    }
    // A score given after timing only some of the drill's holds, as the session said at the time.
    // Apart from the table, where it could read as a row of its own; a note's later lines further
    // in, so that none reads as the next drill's note.
    const notes = partlyTimed(session, names);
    const noteLines = (note: string) => wrap(note, 80, '    ').map((line, i) => (i === 0 ? line.slice(2) : line));
    if (notes.length > 0) lines.push('', ...notes.flatMap((note) => noteLines(note).map((line) => colour.dim(line))));
  }
  const final = latestScore(session);
  if (session.baseline !== undefined) {
    // With no drill scored there is no final score to set beside the baseline.
    const [scores, which] = session.attempts.length === 0 ? [String(session.baseline), '(baseline; no drill was scored after it)'] : [`${session.baseline} → ${final}`, '(baseline → final)'];
    // "(baseline → final)" kept whole on a narrow terminal, rather than broken at its arrow, and
    // the scores a part of their own, beside it: "5 →" over "4" would read as two scores.
    lines.push('', ...packed([`${session.symptom} during ${namedOrNot(session.movement)}:`, colour.bold(scores), which], 80, '  ', ' '));
  }
  if (changes.length > 0) lines.push('', ...bucketChangeLines(changes, colour));
  return `${lines.join('\n')}\n`;
}

/** For each drill with a try done after timing only some of its holds: "NAME: 2 of 6 holds timed on the first try." */
function partlyTimed(session: Session, names: Map<string, string>): string[] {
  const tries = new Map<string, string[]>();
  for (const attempt of session.attempts) {
    if (attempt.holds === undefined) continue;
    const said = `${attempt.holds.timed} of ${attempt.holds.of} holds timed on the ${attempt.attempt === 1 ? 'first try' : 'second try'}`;
    tries.set(attempt.exerciseId, [...(tries.get(attempt.exerciseId) ?? []), said]);
  }
  // Named as the table names it: as the library now does, else as when it was done.
  const name = (id: string) => names.get(id) ?? session.results.find((result) => result.exerciseId === id)?.name ?? id;
  return [...tries].map(([id, said]) => `${name(id)}: ${said.join(' and ')}.`);
}

/** The fewest columns a drill's name gets in the summary's table: fewer, and names take several lines each. */
const NAME_ROOM = 24;

/** A dim note under a verdict, wrapped to the terminal's 80 columns and indented two spaces. */
function dimLines(text: string, colour: Colours): string {
  return wrap(text, 78, '  ').map((line) => `${colour.dim(line)}\n`).join('');
}

/** Where a drill left unfinished stays, in a cell of the summary. */
const STILL: Record<Standing, string> = { rehab: 'still in rehab', 'set aside': 'still set aside', untested: 'still untested' };

/**
 * Where each drill stands now and when the buckets were last reset: for a session that another
 * itb command took the place of, after a pause, and that may have changed the buckets under it.
 */
interface BucketsNow {
  standing: (exerciseId: string) => Standing;
  resetAt?: string;
}

/** Where a drill stands, as said after what it did in the session: "untested now". */
const NOW: Record<Standing, string> = { rehab: 'in rehab now', 'set aside': 'set aside now', untested: 'untested now' };

/**
 * `standing`: where each drill stood as the session began (standingIn). `now`: given when another
 * itb command may have changed the buckets during the session; a finished drill no longer where
 * the session put it is then named by what it did, with where it is now and why, as the history
 * keeps its scores but the buckets do not follow them.
 */
export function interruptedNote(session: Session, standing: (exerciseId: string) => Standing, now?: BucketsNow): string {
  if (session.baseline === undefined) return 'Session interrupted. Nothing had been rated yet; the session is kept as interrupted.';
  const decided = session.results.filter((r) => r.outcome !== 'skipped');
  const went = (r: ExerciseResult): Standing => (r.outcome === 'rehab' ? 'rehab' : 'set aside');
  const drill = (r: ExerciseResult) => {
    const stands = now?.standing(r.exerciseId) ?? went(r);
    if (stands === went(r)) return `${r.name} → ${r.outcome === 'rehab' ? 'rehab' : r.flare ? 'avoid for now (flare-up)' : 'avoid for now'}`;
    const did = r.outcome === 'rehab' ? 'helped' : r.flare ? 'flare-up' : 'did not help';
    const reset = now?.resetAt !== undefined && compareInstants(r.at, now.resetAt) <= 0;
    return `${r.name} (${did}; ${NOW[stands]}, as ${reset ? 'your buckets were reset since' : 'another itb command changed your buckets since'})`;
  };
  const drills = decided.map(drill).join(', ');
  const kept =
    decided.length > 0
      ? `Kept: your baseline (${session.baseline}) and ${decided.length} finished drill${decided.length === 1 ? '' : 's'}: ${drills}.`
      : session.attempts.length > 0
        ? `Kept: your baseline (${session.baseline}) and every score you gave after it.`
        : `Kept: your baseline (${session.baseline}).`;
  // A drill scored once and not yet decided (its retry was still to come).
  const unfinished = session.attempts.find((attempt) => !session.results.some((result) => result.exerciseId === attempt.exerciseId));
  return `Session interrupted. ${kept}${unfinished ? ` The drill you had not finished ${stays((now?.standing ?? standing)(unfinished.exerciseId))}.` : ''}`;
}
