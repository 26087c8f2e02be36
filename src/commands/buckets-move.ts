// What `itb buckets move` does (declared in buckets.ts, loaded from buckets-action.ts): checks the
// drill, the bucket and the note, records the move by hand, and says what changed.
import type { Command } from 'commander';
import { closest, namedAs } from '../core/closest.js';
import { bucketView, retestDueAt, type ExerciseStatus } from '../core/buckets.js';
import { projectBuckets } from '../core/projection.js';
import { oneLineProblem } from '../core/text.js';
import { localDate } from '../core/history.js';
import type { BucketName, StoreData } from '../core/records.js';
import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import type { Library } from '../library/schema.js';
import { itbWithLibrary, libraryFile, libraryFor, libraryOrStop, notice, notInLibrary, notInLibraryWords, paint, shellWord } from './shared.js';
import { noJson, openStore } from './buckets-change.js';

const bucketWords: Record<ExerciseStatus['bucket'], string> = { rehab: 'rehab', avoid: 'avoid for now', untested: 'untested' };

interface Drill {
  id: string;
  name: string;
}

/**
 * A drill given by its name ("Lateral ankle tilts") or by its id's words.
 * `drills`: the library's, then those only the log holds, by the name `itb buckets` shows.
 */
const namedIn = (drills: Drill[], typed: string) => drills.find((exercise) => namedAs(typed, exercise.name, exercise.id));

/** The move of `drill` to `bucket` as it runs: with npx or --data as given, and the note quoted for the shell. */
function moveOf(ctx: Context, self: Command, drill: Drill, bucket: string): string {
  return `${itbWithLibrary(ctx, self)} buckets move ${drill.id} ${bucket}${noteTyped(self)}`;
}

/** The --note given, quoted for the shell, as it goes at the end of a move to copy; '' without one. */
function noteTyped(self: Command): string {
  const { note } = self.opts<{ note?: string }>();
  return note === undefined ? '' : ` --note ${shellWord(note)}`;
}

/**
 * The drill of a move to copy, quoted for the shell: by its id when `typed` is its name ("Lateral
 * ankle tilts"), as a move by name is refused. A library that cannot be read leaves it as typed.
 */
async function idToCopy(ctx: Context, self: Command, typed: string): Promise<string> {
  const library = await libraryFor(ctx, self).catch(() => undefined);
  return shellWord((library && namedIn(library.exercises, typed)?.id) ?? typed);
}

/** A drill given by its name or its id's words: the move with its id. */
function namedNotId(ctx: Context, self: Command, drills: Drill[], typed: string, bucket: string): UserError | undefined {
  const drill = namedIn(drills, typed);
  return drill && new UserError(`no drill with id "${typed}"`, `"${drill.name}" has the id ${drill.id}: \`${moveOf(ctx, self, drill, bucket)}\` moves it.`);
}

/**
 * An id with a slip (`clamshels`) near one drill's id alone, in the built-in library: the move with
 * that id to copy, note and all. A library of one's own gets its own error, naming its file.
 */
function slipOfId(ctx: Context, self: Command, drills: Drill[], typed: string, bucket: string): UserError | undefined {
  if (libraryFile(ctx, self) !== undefined) return undefined;
  const near = closest(typed, drills.map((drill) => drill.id));
  const drill = near.length === 1 ? drills.find((known) => known.id === near[0]) : undefined;
  return drill && new UserError(`no drill with id "${typed}"`, `Did you mean ${drill.id}? \`${moveOf(ctx, self, drill, bucket)}\` moves it.`);
}

/**
 * More than a drill and a bucket: most likely a drill's name typed unquoted before the bucket
 * (`itb buckets move lateral ankle tilts rehab`), answered with the move by its id.
 */
async function tooManyWords(ctx: Context, self: Command): Promise<UserError> {
  // The bucket copied as `itb buckets` heads it (`itb buckets move hip-hikes avoid for now`).
  const avoidForNow = self.args.length > 3 && self.args.slice(-3).join(' ').toLowerCase() === 'avoid for now';
  const words = self.args.slice(0, avoidForNow ? -3 : -1).join(' ');
  const last = avoidForNow ? 'avoid' : self.args.at(-1)!.toLowerCase();
  if (last === 'rehab' || last === 'avoid') {
    const library = await libraryOrStop(ctx, self);
    // The log is read only for a name the library does not have.
    const drill = namedIn(library.exercises, words) ?? namedIn(loggedDrills((await openStore(ctx)).read(), library), words);
    if (drill && avoidForNow) return new UserError('in a move, the bucket "avoid for now" is written avoid', `\`${moveOf(ctx, self, drill, 'avoid')}\` moves ${drill.name} there.`);
    if (drill) return namedNotId(ctx, self, [drill], words, last)!;
  }
  const note = await noteWithoutFlag(ctx, self);
  if (note) return note;
  const itb = itbWithLibrary(ctx, self);
  return new UserError(
    `itb buckets move takes a drill's id and a bucket, and was given ${self.args.length} words: ${self.args.join(' ')}`,
    // The first bucket typed, if any, so that the example does not move the other way.
    `For example: \`${itb} buckets move clamshells ${self.args.find((word) => /^(rehab|avoid)$/i.test(word))?.toLowerCase() ?? 'avoid'}\`. \`${itb} exercises\` lists the ids.`,
  );
}

/**
 * A drill and a bucket followed by words with no --note before them (`itb buckets move clamshells
 * rehab my physio says ok`): most likely a note, answered with the move that keeps it as one.
 */
async function noteWithoutFlag(ctx: Context, self: Command): Promise<UserError | undefined> {
  const [typed, bucketTyped, ...rest] = self.args as [string, string, ...string[]];
  const bucket = bucketTyped.toLowerCase();
  const given = self.opts<{ note?: string }>().note;
  // A note of several words typed without quotes (`--note PT said so`) keeps only its first word.
  const unquoted = given !== undefined && wordsAfterNote(self).join(' ') === rest.join(' ');
  const words = unquoted ? `${given} ${rest.join(' ')}` : rest.join(' ');
  // More buckets after the bucket ("rehab avoid") are no note: what move takes answers them.
  if ((bucket !== 'rehab' && bucket !== 'avoid') || (given !== undefined && !unquoted) || /^(rehab|avoid|untested)$/i.test(rest.join(' '))) return undefined;
  const library = await libraryOrStop(ctx, self);
  const logged = loggedDrills((await openStore(ctx)).read(), library);
  // A slip in the id too (`clamshels`) with a note typed unquoted, near one drill alone: both
  // mended in the move to copy. Without --note, words after a slip may be no note ("for now").
  const near = unquoted ? closest(typed, library.exercises.map((exercise) => exercise.id)) : [];
  const drill = namedIn(library.exercises, typed) ?? namedIn(logged, typed) ?? (near.length === 1 ? library.exercises.find((exercise) => exercise.id === near[0]) : undefined);
  if (!drill) return undefined;
  return new UserError(
    unquoted
      ? `a note of several words goes in quotes: itb buckets move was given "${rest.join(' ')}" after the note "${given}"`
      : `a note goes after --note, in quotes: itb buckets move was given "${words}" after the bucket`,
    `Did you mean \`${itbWithLibrary(ctx, self)} buckets move ${drill.id} ${bucket} --note ${shellWord(words)}\`?`,
  );
}

/** The words typed right after --note's own word, up to the next option: [] when none. */
function wordsAfterNote(self: Command): string[] {
  let root = self;
  while (root.parent) root = root.parent;
  // Commander keeps the words as typed on the command it parsed with, though its types omit them.
  const typed = (root as unknown as { rawArgs?: string[] }).rawArgs ?? [];
  const at = typed.findIndex((word) => word === '--note' || word.startsWith('--note='));
  if (at < 0) return [];
  const after = typed.slice(typed[at] === '--note' ? at + 2 : at + 1);
  const end = after.findIndex((word) => word.startsWith('-'));
  return end < 0 ? after : after.slice(0, end);
}

export async function moveDrill(ctx: Context, id: string, bucketArg: string, options: { note?: string }, self: Command) {
  noJson(ctx, self);
  if (self.args.length > 2) throw await tooManyWords(ctx, self);
  const bucket = bucketArg.toLowerCase();
  if (bucket !== 'rehab' && bucket !== 'avoid' && (id.toLowerCase() === 'rehab' || id.toLowerCase() === 'avoid')) {
    // The bucket typed first (`itb buckets move avoid clamshells`): the move in its order.
    const move = `${itbWithLibrary(ctx, self)} buckets move ${await idToCopy(ctx, self, bucketArg)} ${id.toLowerCase()}${noteTyped(self)}`;
    throw new UserError(`"${bucketArg}" is not a bucket: the drill comes first, then the bucket`, `Did you mean \`${move}\`?`);
  }
  if (bucket === 'untested') {
    // Asked for most to undo a result, such as one from a score typed wrong: the move says why in its note.
    throw new UserError(
      'a drill cannot be moved back to untested: it stays untested only until a session tests it',
      `Put it where you judge right with a note saying why, and the next session that tests it decides again: \`${itbWithLibrary(ctx, self)} buckets move ${await idToCopy(ctx, self, id)} avoid --note "score typed wrong"\`. (\`${itbWithLibrary(ctx, self)} buckets reset\` makes every drill untested.)`,
    );
  }
  if (bucket.split(/\s+/).join(' ') === 'avoid for now') {
    // The bucket copied in quotes as `itb buckets` heads it: answered as it is unquoted.
    throw new UserError('in a move, the bucket "avoid for now" is written avoid', `\`${itbWithLibrary(ctx, self)} buckets move ${await idToCopy(ctx, self, id)} avoid${noteTyped(self)}\` moves it there.`);
  }
  if (bucket !== 'rehab' && bucket !== 'avoid') {
    // The move to copy as it runs: with npx or --data as given, and the drill quoted for the shell;
    // a bucket typed with a slip ("rehb") gets the move to the one meant, the note kept.
    const [meant] = closest(bucket, ['rehab', 'avoid'], 1);
    const move = `${itbWithLibrary(ctx, self)} buckets move ${await idToCopy(ctx, self, id)} ${meant ?? 'avoid'}`;
    throw new UserError(
      `"${bucketArg}" is not a bucket: use rehab or avoid`,
      meant === undefined ? `For example: \`${move} --note "sore today"\`` : `Did you mean \`${move}${noteTyped(self)}\`?`,
    );
  }
  const note = options.note?.trim() || undefined;
  if (note !== undefined && note.length > 1000) throw new UserError(`--note is too long: a note may have at most 1000 characters, and this one has ${note.length}`);
  const inNote = note === undefined ? undefined : oneLineProblem(note);
  if (inNote) throw new UserError(`the note holds ${inNote}: write it as plain text on one line`);

  const library = await libraryOrStop(ctx, self);
  const store = await openStore(ctx);
  // Only an id the library does not have needs the log read (years of it take a while).
  if (!library.exercises.some((exercise) => exercise.id === id)) {
    const drills: Drill[] = [library.exercises, loggedDrills(store.read(), library)].flat();
    if (!drills.some((drill) => drill.id === id)) {
      throw namedNotId(ctx, self, drills, id, bucket) ?? slipOfId(ctx, self, drills, id, bucket) ?? (await notInLibrary(ctx, self, id, drills.map((drill) => drill.id)));
    }
  }

  let was = 'untested' as ExerciseStatus['bucket'];
  let byHand = false;
  let oldNote: string | undefined;
  let flared = false;
  let same = false;
  let renewed = false;
  let movedAt = '';
  const now = ctx.now();
  const inLibrary = library.exercises.some((exercise) => exercise.id === id);
  const saved = await store.update((data) => {
    const before = projectBuckets(data.sessions, data.moves, data.bucketsResetAt).find((e) => e.exerciseId === id);
    was = before?.bucket ?? 'untested';
    byHand = before?.source === 'manual';
    oldNote = before?.note;
    flared = before?.bucket === 'avoid' && before.flare;
    // Moved there by hand already: a move with no new note would only hide the note it has.
    const unchanged = before?.source === 'manual' && before.bucket === bucket && (note === undefined || note === before.note);
    // Set aside by hand and due for its re-test while the reason still holds (skipped at the
    // re-test, say): the same move sets it aside again from today, note and all, else every
    // session would go on offering it.
    renewed = unchanged && bucket === 'avoid' && inLibrary && now.getTime() >= retestDueAt(before!.decidedAt, data.settings.retestAfterDays).getTime();
    same = unchanged && !renewed;
    if (same) return;
    // A move must count even when made in the same millisecond as a reset, or while the drill's
    // latest decision is dated ahead of the clock (the clock was set back since, or a backup came
    // from a computer whose clock ran ahead): it is then dated at that decision, which it replaces.
    const resetAt = data.bucketsResetAt ? Date.parse(data.bucketsResetAt) : -Infinity;
    const decidedAt = before ? Date.parse(before.decidedAt) : -Infinity;
    const at = new Date(Math.max(now.getTime(), resetAt + 1, decidedAt)).toISOString();
    movedAt = at;
    const kept = note ?? (renewed ? oldNote : undefined);
    data.moves.push({ exerciseId: id, bucket: bucket as BucketName, at, ...(kept !== undefined ? { note: kept } : {}) });
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
    renewed
      ? `${name} was due for its re-test; it stays in avoid for now by your choice from today${oldNote === undefined ? '.' : `, with your note: ${oldNote}`}`
      : was !== bucket
        ? `Moved ${name} to ${bucketWords[bucket]} (was: ${bucketWords[was]})${withNote}`
        : byHand
          ? `${name} stays in ${bucketWords[bucket]} by your choice, with a new note: ${note}${oldNote === undefined ? '' : ` (was: ${oldNote})`}`
          : `${name} was already in ${bucketWords[bucket]}; it now stays there as your choice${withNote}`,
  ];
  // Never move into pain: a drill back from a flare-up deserves a gentle start.
  if (flared && bucket === 'rehab') lines.push('It was set aside after a flare-up: start gently, and stop if your score rises.');
  // Dated on a later day than today, the move shows that day in the buckets and the reports: said why.
  const movedOn = localDate(new Date(movedAt));
  if (movedOn !== localDate(now)) {
    lines.push(`This move is dated ${movedOn}, not today: the latest decision on this drill, or the last reset of the buckets, is dated ahead of this computer's clock, and a move counts only after it.`);
  }
  if (status?.retestDueAt) lines.push(`It will be offered for a re-test from ${localDate(new Date(status.retestDueAt))} (\`${itbWithLibrary(ctx, self)} session retest\`).`);
  // A drill the library in use does not have is offered by no session with it, rehab and retest included.
  lines.push(status?.inLibrary === false ? `It is ${notInLibraryWords(ctx, self)}, so no session using that library offers it: it stays there until you move it again.` : 'A session that tests it again decides anew.');
  notice(ctx, lines[0]!);
  notice(ctx, paint(ctx, self, ctx.stderr).dim(lines.slice(1).join(' ')));
}

/**
 * Drills the log holds that the library does not (perhaps since removed from it), which the user
 * may move too: each by the name its latest result gave it, as `itb buckets` shows it, else its id.
 */
function loggedDrills(data: StoreData, library: Library): Drill[] {
  const inLibrary = new Set(library.exercises.map((exercise) => exercise.id));
  const names = new Map<string, string>();
  const add = (id: string, name?: string) => {
    if (!inLibrary.has(id) && (name !== undefined || !names.has(id))) names.set(id, name ?? id);
  };
  // Sessions are kept in the order they started: a later result's name is the newer one.
  for (const session of data.sessions) {
    for (const attempt of session.attempts) add(attempt.exerciseId);
    for (const result of session.results) add(result.exerciseId, result.name);
  }
  for (const move of data.moves) add(move.exerciseId);
  return [...names].map(([id, name]) => ({ id, name }));
}
