// What `itb buckets` shows (declared in buckets.ts, loaded with the other buckets commands from
// buckets-action.ts): the rehab routine, the drills set aside for now and the untested ones, each
// with its evidence, then the advice and what to run next; or the same as JSON.
import type { Command } from 'commander';
import { adviceFromLog, routineReadyAt, type Advice } from '../core/advice.js';
import { builtInRoutine, firstRetestDueAt, renamedAs, viewBuckets, type BucketSummary, type BucketView, type ExerciseStatus } from '../core/buckets.js';
import { earlierMoveInView } from '../core/earlier-move.js';
import type { Evidence } from '../core/evidence.js';
import { localDate, localDateTime } from '../core/history.js';
import { untriedRoutine, untriedWords } from '../core/untried.js';
import type { Context } from '../context.js';
import { BY_SIDE, everyOneOf, flareSaidBeside, flaresWords, lastSideWords, lastTestWords, mixedRatingsWords, mixedThresholdsWords, oneSideWords, resetWords, sideCountWords, testedBefore, timedHoldsWords, tooLowWords } from '../export/words.js';
import type { Library } from '../library/schema.js';
import type { Colours } from '../ui/colour.js';
import { commandLines } from '../shell-word.js';
import { readSummary } from '../store/summary-file.js';
import { namePacked, packed, table } from '../ui/table.js';
import { width } from '../ui/width.js';
import { nameLines, onScreen, wrap, wrapName } from '../ui/wrap.js';
import { adviceLines, itbWithLibrary, libraryFile, libraryFromEnv, libraryOrStop, listedDrill, noStoreNote, notInLibraryWords, paint, printJson } from './shared.js';
import { strayWords } from './buckets-stray.js';

export async function showBuckets(ctx: Context, options: { json?: boolean }, self: Command) {
  if (self.args.length > 0) throw await strayWords(ctx, self);
  const library = await libraryOrStop(ctx, self);
  const summary = await readSummary(ctx.env);
  const now = ctx.now();
  const view = viewBuckets(summary.buckets, library, now);
  const advice = adviceFromLog(summary.advice, now, library);
  if (options.json) {
    // With the notes the text gives beside the lists: since when they run, what the evidence mixes,
    // and whether it names each drill's painful side.
    const { resetAt, ratingsMix, sidesApart, thresholdsUsed } = summary.buckets;
    return printJson(ctx, { schemaVersion: 1, generatedAt: now.toISOString(), ...view, advice, resetAt: resetAt ?? null, ratingsMix, sidesApart, thresholdsUsed });
  }
  const colour = paint(ctx, self);
  const itb = itbWithLibrary(ctx, self);
  if (summary.sessionCount === 0 && summary.moveCount === 0) {
    ctx.stdout.write(`${wrap(`No sessions yet. Run \`${colour.bold(`${itb} session`)}\` to try your first drills; what helps will show up here.`).join('\n')}\n`);
    noStoreNote(ctx);
    return;
  }
  const file = libraryFile(ctx, self);
  const elsewhere = { words: notInLibraryWords(ctx, self), ...(file === undefined ? {} : { file: libraryFromEnv(ctx, self) ? `${file} (ITB_DATA)` : file }) };
  ctx.stdout.write(renderBuckets(view, advice, colour, summary.buckets, { library, elsewhere }, itb, now));
}

/**
 * The library in use, and how a drill it does not have is marked (`words`, notInLibraryWords);
 * `file`: the library file in use, as a note under the lists names it, none for the built-in one.
 */
interface InUse {
  library: Library;
  elsewhere: { words: string; file?: string };
}

// ---- text rendering ----

function signed(value: number): string {
  if (value > 0) return `+${value}`;
  return value < 0 ? `−${Math.abs(value)}` : '0';
}

/**
 * `sidesApart`: the tests behind the lists were on more than one painful side (evidenceBySide).
 * `flareFlagged`: the drill is marked "flare" beside its name, set aside after a flare-up.
 */
export function evidenceParts(evidence: Evidence, sidesApart: boolean, flareFlagged = false): string[] {
  if (evidence.tested === 0) return ['not tested in a session yet'];
  const parts = [`helped ${evidence.helped} of ${evidence.tested}${retryWords(evidence)}`];
  // Tested on one painful side only: which, when other drills were tested on another, as the
  // reports say it. (On more than one, evidenceLines says how each side did, with its own mean
  // change in place of one of them all, and the side of the last test is said.)
  const side = sidesApart ? oneSideWords(evidence) : undefined;
  if (side !== undefined) parts.push(side);
  const tooLow = tooLowWords(evidence);
  if (tooLow !== undefined) parts.push(tooLow);
  if (evidence.meanChange !== null && evidence.sides.length < 2) parts.push(`mean ${signed(evidence.meanChange)}`);
  if (evidence.lastChange !== null && evidence.lastTestedAt) {
    parts.push(`last ${signed(evidence.lastChange)} on ${localDate(new Date(evidence.lastTestedAt))}${lastSideWords(evidence)}`);
  }
  // Marked "flare" beside its name: its one flare-up is not counted as well.
  if (evidence.flares > 0 && !flareSaidBeside(evidence, flareFlagged)) parts.push(flaresWords(evidence));
  return parts;
}

/**
 * A drill's evidence in lines: how it did on each painful side, when on more than one, on lines
 * of their own under "helped", broken between sides only, so that "both sides 1 of 1 with mean
 * −1" is never cut in two. A side that goes on a line of its own is indented under the first,
 * and "by painful side:" stands alone where the first side does not fit after it: a side at the
 * indent of "last −1 on …" would read as a part of the evidence of its own. `lead`: parts said
 * before "helped" on its line (`itb exercises` puts the drill's bucket there); `tail`, parts said
 * after the rest (`itb exercises` puts why a last test that fell set the drill aside there).
 */
export function evidenceLines(evidence: Evidence, sidesApart: boolean, flareFlagged: boolean, indent = '    ', lead: string[] = [], tail: string[] = []): string[] {
  const [helped, ...evidenceRest] = evidenceParts(evidence, sidesApart, flareFlagged);
  const rest = [...evidenceRest, ...tail];
  // A part too long for a line keeps its note in brackets whole where the note fits one: not
  // "helped 157 of 161 (4 on" over "the retry)".
  const evidenceLine = (parts: string[]) => packed(parts, 80, indent, ' · ', wrapName);
  if (evidence.sides.length < 2) return evidenceLine([...lead, helped!, ...rest]);
  const sides = sideCountWords(evidence, (change) => `mean ${signed(change)}`).map((words, i, all) => (i < all.length - 1 ? `${words},` : words));
  const bySide = packed([BY_SIDE.trimEnd(), ...sides], 80, `${indent}  `, ' ').map((line, i) => (i === 0 ? line.slice(2) : line));
  return [...evidenceLine([...lead, helped!]), ...bySide, ...evidenceLine(rest)];
}

/** " (1 on the retry)", or " (all 3 on the retry)" when every test that helped did so only then. */
function retryWords({ helped, helpedOnRetry }: Evidence): string {
  if (helpedOnRetry === 0) return '';
  if (helpedOnRetry < helped) return ` (${helpedOnRetry} on the retry)`;
  return ` (${everyOneOf(helped)}on the retry)`;
}

/**
 * Names in order down two columns: quicker to scan than a paragraph of them, and a name may
 * hold a comma. A name longer than its column goes on under itself, broken between words but
 * never inside its note in brackets ("Hip CARs" / "(controlled articular rotations)"), which
 * reads as one thing; when a note is too long for its column, or the terminal too narrow for
 * two columns of a useful width, one column.
 */
function untestedLines(names: string[]): string[] {
  const room = onScreen(80) - 2;
  const column = Math.floor((room - 4) / 2);
  // Later lines of a name two columns in, as a table's wrapped cell.
  const cells = column < 24 ? [] : names.map((name) => nameLines(name, column, column - 2)?.map((line, i) => (i === 0 ? line : `  ${line}`)));
  if (column < 24 || cells.some((lines) => lines === undefined)) return names.flatMap((name) => table([[name]], { most: [room] }));
  const down = Math.ceil(names.length / 2);
  const left = cells.slice(0, down) as string[][];
  const right = cells.slice(down) as string[][];
  // As wide as its widest line, as a table's column is.
  const leftWidth = Math.max(...left.flat().map((line) => width(line)));
  return left.flatMap((lines, i) => {
    const other = right[i] ?? [];
    return Array.from({ length: Math.max(lines.length, other.length) }, (_, j) => {
      const line = lines[j] ?? '';
      return other[j] === undefined ? line : `${line}${' '.repeat(leftWidth - width(line))}    ${other[j]}`;
    }).map((line) => line.trimEnd());
  });
}

/** " on 2026-02-28": the local day of a move by hand, '' when it is not known. */
const movedOn = (status: ExerciseStatus) => (status.decidedAt === undefined ? '' : ` on ${localDate(new Date(status.decidedAt))}`);

/** `sidesApart` as evidenceLines takes it. */
function drillLines(status: ExerciseStatus, colour: Colours, { library, elsewhere }: InUse, view: BucketView, sidesApart: boolean): string[] {
  const flags: string[] = [];
  if (status.flare) flags.push(colour.red('flare'));
  // Dated as with a note, and as the reports date it: a move is read by when it was made.
  if (status.source === 'manual' && status.note === undefined) flags.push(`moved by hand${movedOn(status)}`);
  if (!status.inLibrary) flags.push(colour.dim(elsewhere.words));
  // The name in full, as every command shows it (too long for a line, never broken inside its
  // note in brackets); the id and flags beside it while they fit, else under it, indented so
  // that they do not read as the next drill; flags too long for a line together are broken
  // between flags ("moved by hand on …" over "not in the built-in library"), not inside one. A
  // drill known by its id alone (no name kept for it) has its id for a name: shown once.
  const id = status.name === status.exerciseId ? [] : [colour.dim(status.exerciseId)];
  const joined = flags.join(' · ');
  const besides = [...id, ...(flags.length > 0 ? [joined] : [])];
  const byFlags = (part: string, columns: number, indent: string) => (part === joined ? packed(flags, columns, indent) : wrap(part, columns, indent));
  const lines = namePacked(colour.bold(status.name), besides, 80, '    ', byFlags).map((line, i) => (i === 0 ? line.slice(2) : line));
  lines.push(...evidenceLines(status.evidence, sidesApart, status.flare));
  // Set aside by a test that had no room to show help, not the same as a drill that failed; or
  // by a fall too small to count, which "last −1" alone would show as help.
  const lastTest = lastTestWords(status.evidence);
  if (lastTest !== undefined) lines.push(...wrap(lastTest, 80, '    '));
  // Tested after timing only some of its holds: its score may be for those alone.
  const holds = timedHoldsWords(status.evidence);
  if (holds !== undefined) lines.push(...wrap(holds, 80, '    '));
  if (status.retestDueAt) {
    const date = localDate(new Date(status.retestDueAt));
    lines.push(...wrap(status.retestDue ? `re-test ${colour.bold('due')} (since ${date})` : `re-test from ${date}`, 80, '    '));
  }
  if (status.source === 'manual' && status.note !== undefined) {
    // When, as the reports say it: a note ("not before March") may read by its date.
    lines.push(...wrap(`moved by hand${movedOn(status)}: ${status.note}`, 78, '    '));
  }
  // Tested again since a move by hand: the test decided, but the move's reason may still hold
  // while the drill is being tried again (earlierMoveInView).
  const earlier = status.earlierMove;
  if (earlier !== undefined && earlierMoveInView(earlier)) {
    const moved = `moved by hand to ${earlier.bucket} on ${localDate(new Date(earlier.at))}: ${earlier.note}`;
    lines.push(...wrap(moved, 78, '    ').map((line) => colour.dim(line)));
  }
  // Its id changed in one's own library file, most likely: the results stay with the old one.
  const renamed = renamedAs(status, library);
  if (renamed !== undefined) {
    // Tested under the new id too, each id keeps its own: giving back the old one would leave the newer apart.
    const testedSince = listedDrill(view, renamed.id) !== undefined;
    const kept = testedSince
      ? `your library has this name under the id ${renamed.id}, which has results of its own: results are kept by id, so each id's are listed apart`
      : `your library has this name under the id ${renamed.id}: results are kept by id, so give it back the id ${status.exerciseId} to keep them together`;
    lines.push(...wrap(kept, 80, '    ').map((line) => colour.dim(line)));
  }
  return lines;
}

/**
 * With drills marked "not in this library": which file that is (`file`, none for the built-in
 * library, which says so itself), and where such a drill is run. It may have been taken out on
 * purpose (a therapist's advice): where it runs is said for the case that the person still does
 * it, as `itb routines` says it, not as a thing to do.
 */
function awayWords(view: BucketView, file: string | undefined): string | undefined {
  if (file === undefined || [...view.rehab, ...view.avoid, ...view.untested].every((status) => status.inLibrary)) return undefined;
  return `This library is ${file}: a drill not in it (taken out of it, or from another library file) keeps its results here. If you still do it, or still want it re-tested, the library file that has it runs it (--data, or ITB_DATA; without either, itb uses the built-in library).`;
}

/** `itb`: how to start it, for the commands suggested next (itbWithLibrary). */
function renderBuckets(
  view: BucketView,
  advice: Advice[],
  colour: Colours,
  log: Pick<BucketSummary, 'resetAt' | 'ratingsMix' | 'sidesApart' | 'thresholdsUsed'>,
  inUse: InUse,
  itb: string,
  now: Date,
): string {
  const { library, elsewhere } = inUse;
  // Headings bold in the terminal's own colour: many terminals show bold green or yellow in their
  // bright shade, which all but vanishes on a white background.
  const out: string[] = wrap(`Rehab — your rehab routine (${view.rehab.length})`).map((line) => colour.bold(line));
  const dimmed = (text: string) => wrap(text, 80, '  ').map((line) => colour.dim(line));
  // With drills set aside (at a first test, or at later ones after they had helped): not "yet".
  const emptyRehab = view.avoid.length > 0 ? 'Nothing now: a drill lands here when a test lowers your score.' : 'Nothing yet: drills that lower your score land here.';
  if (view.rehab.length === 0) out.push(...dimmed(emptyRehab));
  for (const status of view.rehab) out.push(...drillLines(status, colour, inUse, view, log.sidesApart));

  out.push('', colour.bold(`Avoid for now (${view.avoid.length})`));
  if (view.avoid.length === 0) out.push(...dimmed('Nothing set aside.'));
  for (const status of view.avoid) out.push(...drillLines(status, colour, inUse, view, log.sidesApart));

  out.push('', colour.bold(`Untested (${view.untested.length})`));
  // A drill moved by hand and never tested was not tried: "tried" would not be true of it.
  const movedUntried = [...view.rehab, ...view.avoid].some((status) => status.evidence.tested === 0);
  const noneLeft = movedUntried ? 'None: every drill in the library is in rehab or avoid for now.' : 'None: every drill in the library has been tried.';
  if (view.untested.length === 0) out.push(...dimmed(noneLeft));
  // Drills tested only before the buckets were cleared keep their evidence in view, flare-ups
  // included: they are offered again as if new.
  const earlier = testedBefore(view.untested);
  const never = view.untested.filter((status) => status.evidence.tested === 0);
  if (earlier.length > 0) {
    out.push(...dimmed('Tested only before the buckets were cleared:'));
    for (const status of earlier) out.push(...drillLines(status, colour, inUse, view, log.sidesApart));
    if (never.length > 0) out.push(...dimmed('Not tested yet:'));
  }
  out.push(...untestedLines(never.map((status) => status.name)).map((line) => colour.dim(`  ${line}`)));

  // What the reports say beside the same lists: what the evidence counts, and since when the lists run.
  const notes = [awayWords(view, elsewhere.file), resetWords(log.resetAt), mixedRatingsWords(log.ratingsMix), mixedThresholdsWords(log.thresholdsUsed, itb)];
  for (const note of notes) if (note !== undefined) out.push('', ...wrap(note, 78, '  ').map((line) => colour.dim(line)));

  out.push(...adviceLines(advice, colour));

  const next: [string, string][] = [];
  const rehab = builtInRoutine('rehab', view, library);
  const retest = builtInRoutine('retest', view, library);
  // A built-in routine of strength drills alone waits out their 48 hours: run now, it would leave them all out.
  const loading = new Set(library.exercises.filter((exercise) => exercise.loading).map((exercise) => exercise.id));
  // After a flare-up today, the next session is for another day, as the advice above says.
  const when = (ids: string[], routine?: string) => {
    const readyAt = routineReadyAt(advice, ids.map((id) => loading.has(id)), now, routine);
    return readyAt === undefined ? '' : readyAt === 'another day' ? ', on another day' : `, from ${localDateTime(readyAt)}`;
  };
  const later = when([]);
  if (rehab.length > 0) next.push([`${itb} session rehab`, `run your rehab routine${when(rehab, 'rehab')}`]);
  if (retest.length > 0) next.push([`${itb} session retest`, `re-test ${retest.length} ${retest.length === 1 ? 'drill' : 'drills'} set aside for now${when(retest, 'retest')}`]);
  // Testing the drills not tried yet is how the buckets fill: offered while the routines have
  // any, beside the rehab routine, not only once it is empty. A drill in no routine is in no
  // session. The routine that holds them is named: plain `itb session` offers the latest first.
  const untried = untriedRoutine(view, library, advice, now);
  if (untried !== undefined) next.push([`${itb} session ${untried.routine}`, `test ${untriedWords(untried)}${when(untried.ids, untried.routine)}`]);
  // Every drill of the routines set aside and none due: a session has nothing to offer before the
  // first re-test date.
  const firstRetest = firstRetestDueAt(view);
  if (next.length === 0 && firstRetest !== undefined) next.push([`${itb} session retest`, `the first re-test is due on ${localDate(new Date(firstRetest))}`]);
  if (next.length === 0) next.push([`${itb} session`, `test drills from a routine${later}`]);
  const width = Math.max(...next.map(([run]) => run.length));
  // What to run beside what it does; on a terminal too narrow for that, what it does goes under
  // it, indented further so that commands and descriptions are told apart (a command too long
  // for its line goes on after the shell's "\", further in again).
  const marker = (i: number) => (i === 0 ? 'Next: ' : '      ');
  const beside = next.map(([run, what], i) => `${marker(i)}${run.padEnd(width)}  ${what}`);
  const nextLines = beside.every((line) => line.length <= onScreen(80))
    ? beside
    : next.flatMap(([run, what], i) => [...commandLines(run, onScreen(80), marker(i), '          '), ...wrap(what, 80, '        ')]);
  out.push('', ...nextLines.map((line) => colour.dim(line.trimEnd())));
  return `${out.join('\n')}\n`;
}
