// What `itb buckets`, `itb buckets move` and `itb buckets reset` do (declared in buckets.ts).
import type { Command } from 'commander';
import { adviceFromLog, routineReadyAt, type Advice } from '../core/advice.js';
import { closest, namedAs } from '../core/closest.js';
import { bucketView, builtInRoutine, projectBuckets, viewBuckets, type BucketSummary, type BucketView, type ExerciseStatus } from '../core/buckets.js';
import type { Evidence } from '../core/evidence.js';
import { oneLineProblem } from '../core/text.js';
import { localDate, localDateTime } from '../core/history.js';
import type { BucketName, StoreData } from '../core/records.js';
import type { Context } from '../context.js';
import { Interrupted, UserError } from '../errors.js';
import { mixedRatingsWords, resetWords, testedBefore } from '../export/words.js';
import type { Library } from '../library/schema.js';
import type { Colours } from '../ui/colour.js';
import { isPromptExit } from '../ui/prompter.js';
import { readSummary } from '../store/summary-file.js';
import { onScreen, packed, table, wrap } from '../ui/table.js';
import { itbAsStarted, itbWithLibrary, libraryFor, notice, notInLibrary, paint, printJson, promptsFor, shellWord } from './shared.js';

const bucketWords: Record<ExerciseStatus['bucket'], string> = { rehab: 'rehab', avoid: 'avoid for now', untested: 'untested' };

async function openStore(ctx: Context) {
  const { Store } = await import('../store/store.js');
  return Store.open(ctx.env);
}

export async function showBuckets(ctx: Context, options: { json?: boolean }, self: Command) {
  const [word] = self.args;
  if (word !== undefined) {
    const near = closest(word, ['move', 'reset']);
    const itb = itbAsStarted(ctx);
    throw new UserError(
      `there is no "itb buckets ${word}"`,
      `${near.length > 0 ? `Did you mean ${itb} buckets ${near.join(' or ')}? ` : ''}\`${itb} buckets --help\` shows what it takes.`,
    );
  }
  const library = await libraryFor(ctx, self);
  const summary = await readSummary(ctx.env);
  const now = ctx.now();
  const view = viewBuckets(summary.buckets, library, now);
  const advice = adviceFromLog(summary.advice, now);
  if (options.json) {
    return printJson(ctx, { schemaVersion: 1, generatedAt: now.toISOString(), ...view, advice });
  }
  const colour = paint(ctx, self);
  const itb = itbWithLibrary(ctx, self);
  if (summary.sessionCount === 0 && summary.moveCount === 0) {
    ctx.stdout.write(`${wrap(`No sessions yet. Run ${colour.bold(`${itb} session`)} to try your first drills; what helps will show up here.`).join('\n')}\n`);
    return;
  }
  ctx.stdout.write(renderBuckets(view, advice, colour, summary.buckets, library, itb, now));
}

/** A drill given by its name ("Lateral ankle tilts") or by its id's words: the move with its id. */
function namedNotId(ctx: Context, self: Command, library: Library, typed: string, bucket: string): UserError | undefined {
  const drill = library.exercises.find((exercise) => namedAs(typed, exercise.name, exercise.id));
  if (drill === undefined) return undefined;
  const { note } = self.opts<{ note?: string }>();
  const move = `${itbWithLibrary(ctx, self)} buckets move ${drill.id} ${bucket}${note === undefined ? '' : ` --note ${shellWord(note)}`}`;
  return new UserError(`no drill with id "${typed}"`, `"${drill.name}" has the id ${drill.id}: \`${move}\` moves it.`);
}

/**
 * More than a drill and a bucket: most likely a drill's name typed unquoted before the bucket
 * (`itb buckets move lateral ankle tilts rehab`), answered with the move by its id.
 */
async function tooManyWords(ctx: Context, self: Command): Promise<UserError> {
  const words = self.args.slice(0, -1).join(' ');
  const last = self.args.at(-1)!.toLowerCase();
  const named = (last === 'rehab' || last === 'avoid') && namedNotId(ctx, self, await libraryFor(ctx, self), words, last);
  if (named) return named;
  const itb = itbWithLibrary(ctx, self);
  return new UserError(
    `itb buckets move takes a drill's id and a bucket, and was given ${self.args.length} words: ${self.args.join(' ')}`,
    `For example: \`${itb} buckets move clamshells avoid\`. \`${itb} exercises\` lists the ids.`,
  );
}

/**
 * `itb buckets move … --json` (or reset): the --json of `itb buckets`, which these commands that
 * change the buckets have no JSON for. Refused before anything changes, rather than ignored, so
 * that a script waiting for JSON is not left with nothing to read.
 */
function noJson(self: Command): void {
  if (!self.parent?.opts<{ json?: boolean }>().json) return;
  throw new UserError(`--json is for showing the buckets: itb buckets ${self.name()} changes them and prints no JSON`, `Leave --json out; \`itb buckets --json\` shows the buckets after.`);
}

export async function moveDrill(ctx: Context, id: string, bucketArg: string, options: { note?: string }, self: Command) {
  noJson(self);
  if (self.args.length > 2) throw await tooManyWords(ctx, self);
  const bucket = bucketArg.toLowerCase();
  if (bucket !== 'rehab' && bucket !== 'avoid') {
    throw new UserError(`"${bucketArg}" is not a bucket: use rehab or avoid`, `For example: itb buckets move ${id} avoid --note "sore today"`);
  }
  const note = options.note?.trim() || undefined;
  if (note !== undefined && note.length > 1000) throw new UserError(`--note is too long: a note may have at most 1000 characters, and this one has ${note.length}`);
  const inNote = note === undefined ? undefined : oneLineProblem(note);
  if (inNote) throw new UserError(`the note holds ${inNote}: write it as plain text on one line`);

  const library = await libraryFor(ctx, self);
  const store = await openStore(ctx);
  const libraryIds = library.exercises.map((exercise) => exercise.id);
  // Only an id the library does not have needs the log read (years of it take a while).
  const known = libraryIds.includes(id) ? libraryIds : knownIds(store.read(), libraryIds);
  if (!known.includes(id)) throw namedNotId(ctx, self, library, id, bucket) ?? (await notInLibrary(ctx, self, id, known));

  let was = 'untested' as ExerciseStatus['bucket'];
  let byHand = false;
  let oldNote: string | undefined;
  let flared = false;
  let same = false;
  const now = ctx.now();
  const saved = await store.update((data) => {
    const before = projectBuckets(data.sessions, data.moves, data.bucketsResetAt).find((e) => e.exerciseId === id);
    was = before?.bucket ?? 'untested';
    byHand = before?.source === 'manual';
    oldNote = before?.note;
    flared = before?.bucket === 'avoid' && before.flare;
    // Moved there by hand already: a move with no new note would only hide the note it has.
    same = before?.source === 'manual' && before.bucket === bucket && (note === undefined || note === before.note);
    if (same) return;
    // A move must count even when made in the same millisecond as a reset, or while the drill's
    // latest decision is dated ahead of the clock (the clock was set back since, or a backup came
    // from a computer whose clock ran ahead): it is then dated at that decision, which it replaces.
    const resetAt = data.bucketsResetAt ? Date.parse(data.bucketsResetAt) : -Infinity;
    const decidedAt = before ? Date.parse(before.decidedAt) : -Infinity;
    const at = new Date(Math.max(now.getTime(), resetAt + 1, decidedAt)).toISOString();
    data.moves.push({ exerciseId: id, bucket: bucket as BucketName, at, ...(note !== undefined ? { note } : {}) });
    data.buckets = projectBuckets(data.sessions, data.moves, data.bucketsResetAt);
  });

  const status = [...Object.values(bucketView(saved, library, now))].flat().find((s: ExerciseStatus) => s.exerciseId === id);
  const name = status?.name ?? id;
  if (same) {
    const kept = status?.note === undefined ? '' : ` (with your note: ${status.note})`;
    notice(ctx, `${name} is already in ${bucketWords[bucket]} by your choice${kept}. Nothing was changed.`);
    return;
  }
  // The note given is said back, as it will show in the buckets and the reports.
  const withNote = note === undefined ? '.' : `, with your note: ${note}`;
  const lines = [
    was !== bucket
      ? `Moved ${name} to ${bucketWords[bucket]} (was: ${bucketWords[was]})${withNote}`
      : byHand
        ? `${name} stays in ${bucketWords[bucket]} by your choice, with a new note: ${note}${oldNote === undefined ? '' : ` (was: ${oldNote})`}`
        : `${name} was already in ${bucketWords[bucket]}; it now stays there as your choice${withNote}`,
  ];
  // Never move into pain: a drill back from a flare-up deserves a gentle start.
  if (flared && bucket === 'rehab') lines.push('It was set aside after a flare-up: start gently, and stop if your score rises.');
  if (status?.retestDueAt) lines.push(`It will be offered for a re-test from ${localDate(new Date(status.retestDueAt))} (${itbWithLibrary(ctx, self)} session retest).`);
  lines.push('A session that tests it again decides anew.');
  notice(ctx, lines[0]!);
  notice(ctx, paint(ctx, self, ctx.stderr).dim(lines.slice(1).join(' ')));
}

/** Ids the user may move: the library's, and any drill in the log (perhaps since removed from the library). */
function knownIds(data: StoreData, libraryIds: string[]): string[] {
  const ids = new Set(libraryIds);
  for (const session of data.sessions) {
    for (const result of session.results) ids.add(result.exerciseId);
    for (const attempt of session.attempts) ids.add(attempt.exerciseId);
  }
  for (const move of data.moves) ids.add(move.exerciseId);
  return [...ids];
}

export async function resetBuckets(ctx: Context, options: { force?: boolean }, self: Command) {
  noJson(self);
  // The question goes to stdout: with stdout in a file (`itb buckets reset > log`) it would wait
  // for an answer to a question nobody sees.
  if (!options.force && (!ctx.stdinIsTTY || !ctx.stdout.isTTY)) {
    throw new UserError('`itb buckets reset` asks before clearing, so it needs a terminal for its input and output', `Add --force to reset without asking: ${itbAsStarted(ctx)} buckets reset --force`);
  }
  const store = await openStore(ctx);
  const { sessions, moves, bucketsResetAt } = store.read();
  if (projectBuckets(sessions, moves, bucketsResetAt).length === 0) {
    ctx.stderr.write('Nothing to clear: every drill is untested already.\n');
    return;
  }
  if (!options.force) {
    const prompter = await promptsFor(ctx, self);
    // Said before the question, which stays on one line of the terminal.
    notice(ctx, 'Sessions and moves by hand stay in your history; only the lists start again.');
    let sure: boolean;
    try {
      sure = await prompter.confirm({ message: 'Clear every bucket decision, so all drills are untested again?', default: false });
    } catch (error) {
      if (isPromptExit(error)) throw new Interrupted('Stopped. Nothing was changed.');
      throw error;
    }
    if (!sure) {
      ctx.stderr.write('Nothing was changed.\n');
      return;
    }
  }
  let cleared = 0;
  const now = ctx.now().toISOString();
  await store.update((data) => {
    cleared = projectBuckets(data.sessions, data.moves, data.bucketsResetAt).length;
    // The moves stay in the log, notes and all, for the reports: the reset date alone makes
    // them, like the session verdicts before it, no longer count.
    data.bucketsResetAt = now;
    data.buckets = projectBuckets(data.sessions, data.moves, now);
  });
  const colour = paint(ctx, self, ctx.stderr);
  ctx.stderr.write(`Cleared ${cleared} bucket ${cleared === 1 ? 'decision' : 'decisions'}: every drill is untested again.\n`);
  notice(ctx, colour.dim(`Your session history is kept (${itbAsStarted(ctx)} history). Run ${itbWithLibrary(ctx, self)} session to start testing again.`));
}

// ---- text rendering ----

function signed(value: number): string {
  if (value > 0) return `+${value}`;
  return value < 0 ? `−${Math.abs(value)}` : '0';
}

function evidenceParts(evidence: Evidence): string[] {
  if (evidence.tested === 0) return ['not tested in a session yet'];
  const parts = [`helped ${evidence.helped} of ${evidence.tested}${evidence.helpedOnRetry > 0 ? ` (${evidence.helpedOnRetry} on the retry)` : ''}`];
  if (evidence.meanChange !== null) parts.push(`mean ${signed(evidence.meanChange)}`);
  if (evidence.lastChange !== null && evidence.lastTestedAt) {
    parts.push(`last ${signed(evidence.lastChange)} on ${localDate(new Date(evidence.lastTestedAt))}`);
  }
  if (evidence.flares > 0) parts.push(`${evidence.flares} ${evidence.flares === 1 ? 'flare' : 'flares'}`);
  return parts;
}

/**
 * Names in order down two columns: quicker to scan than a paragraph of them, and a name may
 * hold a comma. A name longer than its column wraps within it; on a terminal too narrow for two
 * columns of a useful width, one column.
 */
function untestedLines(names: string[]): string[] {
  const room = onScreen(80) - 2;
  const column = Math.floor((room - 4) / 2);
  if (column < 24) return table(names.map((name) => [name]), { most: [room] });
  const down = Math.ceil(names.length / 2);
  const rows = names.slice(0, down).map((name, i) => [name, ...names.slice(down + i, down + i + 1)]);
  return table(rows, { gap: 4, most: [column, column] });
}

function drillLines(status: ExerciseStatus, colour: Colours): string[] {
  const flags: string[] = [];
  if (status.flare) flags.push(colour.red('flare'));
  if (status.source === 'manual' && status.note === undefined) flags.push('moved by hand');
  if (!status.inLibrary) flags.push(colour.dim('no longer in your library'));
  // The name in full, as every command shows it; the id and flags beside it while they fit,
  // else under it, indented so that they do not read as the next drill.
  const title = [colour.bold(status.name), colour.dim(status.exerciseId), ...(flags.length > 0 ? [flags.join(' · ')] : [])];
  const lines = packed(title, 80, '    ', '  ').map((line, i) => (i === 0 ? line.slice(2) : line));
  lines.push(...packed(evidenceParts(status.evidence), 80, '    '));
  if (status.retestDueAt) {
    const date = localDate(new Date(status.retestDueAt));
    lines.push(...wrap(status.retestDue ? `re-test ${colour.yellow.bold('due')} (since ${date})` : `re-test from ${date}`, 80, '    '));
  }
  if (status.source === 'manual' && status.note !== undefined) {
    lines.push(...wrap(`moved by hand: ${status.note}`, 78, '    '));
  }
  return lines;
}

/** `itb`: how to start it, for the commands suggested next (itbWithLibrary). */
function renderBuckets(
  view: BucketView,
  advice: Advice[],
  colour: Colours,
  log: Pick<BucketSummary, 'resetAt' | 'ratingsMix'>,
  library: Library,
  itb: string,
  now: Date,
): string {
  const out: string[] = wrap(`Rehab — your rehab routine (${view.rehab.length})`).map((line) => colour.green.bold(line));
  const dimmed = (text: string) => wrap(text, 80, '  ').map((line) => colour.dim(line));
  if (view.rehab.length === 0) out.push(...dimmed('Nothing yet: drills that lower your score land here.'));
  for (const status of view.rehab) out.push(...drillLines(status, colour));

  out.push('', colour.yellow.bold(`Avoid for now (${view.avoid.length})`));
  if (view.avoid.length === 0) out.push(...dimmed('Nothing set aside.'));
  for (const status of view.avoid) out.push(...drillLines(status, colour));

  out.push('', colour.bold(`Untested (${view.untested.length})`));
  if (view.untested.length === 0) out.push(...dimmed('None: every drill in the library has been tried.'));
  // Drills tested only before the buckets were cleared keep their evidence in view, flare-ups
  // included: they are offered again as if new.
  const earlier = testedBefore(view.untested);
  const never = view.untested.filter((status) => status.evidence.tested === 0);
  if (earlier.length > 0) {
    out.push(...dimmed('Tested only before the buckets were cleared:'));
    for (const status of earlier) out.push(...drillLines(status, colour));
    if (never.length > 0) out.push(...dimmed('Not tested yet:'));
  }
  out.push(...untestedLines(never.map((status) => status.name)).map((line) => colour.dim(`  ${line}`)));

  // What the reports say beside the same lists: what the evidence counts, and since when the lists run.
  const notes = [resetWords(log.resetAt), mixedRatingsWords(log.ratingsMix)];
  for (const note of notes) if (note !== undefined) out.push('', ...wrap(note, 78, '  ').map((line) => colour.dim(line)));

  if (advice.length > 0) {
    out.push('', colour.bold('Advice'));
    for (const item of advice) out.push(...wrap(item.message, 78, '    ').map((line, i) => (i === 0 ? `  - ${line.trimStart()}` : line)));
  }

  const next: [string, string][] = [];
  const rehab = builtInRoutine('rehab', view, library);
  const retest = builtInRoutine('retest', view, library);
  // A built-in routine of strength drills alone waits out their 48 hours: run now, it would leave them all out.
  const loading = new Set(library.exercises.filter((exercise) => exercise.loading).map((exercise) => exercise.id));
  // After a flare-up today, the next session is for another day, as the advice above says.
  const when = (ids: string[]) => {
    const readyAt = routineReadyAt(advice, ids.map((id) => loading.has(id)), now);
    return readyAt === undefined ? '' : readyAt === 'another day' ? ', on another day' : ` from ${localDateTime(readyAt)}`;
  };
  const later = when([]);
  if (rehab.length > 0) next.push([`${itb} session rehab`, `run your rehab routine${when(rehab)}`]);
  if (retest.length > 0) next.push([`${itb} session retest`, `re-test ${retest.length} ${retest.length === 1 ? 'drill' : 'drills'} set aside for now${when(retest)}`]);
  if (next.length === 0) next.push([`${itb} session`, `test drills from a routine${later}`]);
  const width = Math.max(...next.map(([run]) => run.length));
  // What to run beside what it does; on a terminal too narrow for that, what it does goes under
  // it, indented further so that commands and descriptions are told apart.
  const marker = (i: number) => (i === 0 ? 'Next: ' : '      ');
  const beside = next.map(([run, what], i) => `${marker(i)}${run.padEnd(width)}  ${what}`);
  const nextLines = beside.every((line) => line.length <= onScreen(80))
    ? beside
    : next.flatMap(([run, what], i) => [`${marker(i)}${run}`, ...wrap(what, 80, '        ')]);
  out.push('', ...nextLines.map((line) => colour.dim(line.trimEnd())));
  return `${out.join('\n')}\n`;
}
