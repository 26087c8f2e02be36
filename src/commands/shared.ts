// What every command action needs from the global options: colours, the library, JSON output.
import type { Command } from 'commander';
import { itbAsStarted, type Context } from '../context.js';
import type { Advice } from '../core/advice.js';
import type { BucketView, ExerciseStatus } from '../core/buckets.js';
import { closest } from '../core/closest.js';
import { movementKey } from '../core/history.js';
import { scoreAlone } from '../core/settings.js';
import { UserError } from '../errors.js';
import { shellPath, shellWord, withVariable } from '../shell-word.js';
import { findExercise, loadLibrary } from '../library/library.js';
import { homeProblem, storeFile, tildeAsHome } from '../store/store-path.js';
import type { Library } from '../library/schema.js';
import type { Settings, StoreData } from '../core/records.js';
import { colourEnabled, colours, type Colours } from '../ui/colour.js';
import type { Prompter } from '../ui/prompter.js';
import { wrapColumnsOf } from '../ui/screen.js';
import { hanging, wrap } from '../ui/wrap.js';

interface GlobalOptions {
  data?: string;
  color?: boolean;
}

function globals(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

export function paint(ctx: Context, command: Command, stream: Context['stdout'] = ctx.stdout): Colours {
  return colours(colourEnabled(ctx.env, stream, globals(command).color));
}

/**
 * A terminal that cannot move its cursor (TERM=dumb: the shell inside Emacs, a screen reader's
 * console): it gets questions as plain lines, and trends in words rather than bars alone.
 */
export function plainTerminal(env: Context['env']): boolean {
  return env.TERM === 'dumb';
}

/**
 * The prompts of a terminal (or the context's own, in tests). The prompt library colours by
 * NO_COLOR and FORCE_COLOR alone, read as it loads (FORCE_COLOR first), so when colour is off for
 * another reason (--no-color, TERM=dumb, FORCE_COLOR=0) both are set for it first.
 */
export async function promptsFor(ctx: Context, command: Command): Promise<Prompter> {
  if (ctx.prompter) return ctx.prompter;
  if (!colourEnabled(ctx.env, ctx.stdout, globals(command).color)) {
    process.env.NO_COLOR = '1';
    process.env.FORCE_COLOR = '0';
  }
  // A terminal that cannot move its cursor gets questions as plain lines (see plain-prompts.ts).
  if (plainTerminal(ctx.env)) return (await import('../ui/plain-prompts.js')).createPlainPrompter();
  return (await import('../ui/prompts.js')).createPrompter();
}

/** The exercise library file in use: --data, else a non-empty ITB_DATA; undefined for the built-in one. */
export function libraryFile(ctx: Context, command: Command): string | undefined {
  const { data } = globals(command);
  // An empty ITB_DATA is as good as none (the shell's way to unset it); an empty --data is a slip.
  // The example is the command typed, words and options, with a file given.
  if (data !== undefined && data.trim() === '') {
    const typed = [`${itbAsTyped(ctx, command)} --data my-library.yaml`, ...commandNames(command), ...command.args.map(shellWord), ...optionsTyped(command)].join(' ');
    throw new UserError('--data needs the name of an exercise library file', `For example: \`${typed}\`. Leave --data out for the built-in library.`);
  }
  const file = data ?? (ctx.env.ITB_DATA || undefined);
  return file === undefined ? undefined : withHomeFolder(file, ctx);
}

/**
 * A `~` leading a library's path means the home folder, as it does for ITB_HOME: written in quotes
 * (`export ITB_DATA="~/itb/my-library.yaml"`), or after `--data=`, the shell leaves it as it is.
 */
export function withHomeFolder(file: string, ctx: Context): string {
  return tildeAsHome(file, ctx.env);
}

export function libraryFor(ctx: Context, command: Command): Promise<Library> {
  const file = libraryFile(ctx, command);
  return loadLibrary({ file, validateCommand: file === undefined ? undefined : validateCommand(ctx, command, file), fromEnv: libraryFromEnv(ctx, command), env: ctx.env });
}

/** A command that does its work with the built-in library too: `command`, its words after itb; `does`, what it does then. */
export interface Meanwhile {
  command: string;
  does: string;
}

/**
 * libraryFor for a command that cannot go on without its library. A slip in the library file in
 * use stops it, and a person who has results (a session or a move) may fear for them: the error
 * adds that they are kept, and which command does its work meanwhile, with the built-in library
 * (`meanwhile`: the command itself where it can, else `itb buckets`, which shows them).
 */
export function libraryOrStop(ctx: Context, command: Command, meanwhile: Meanwhile = { command: 'buckets', does: 'shows them' }): Promise<Library> {
  return libraryFor(ctx, command).catch(async (error: unknown) => {
    // Loaded only here: most commands never stop on a library file, and start faster without it.
    throw await (await import('./results-kept.js')).withResultsKept(ctx, error, meanwhile, itbAsTyped(ctx, command));
  });
}

/**
 * Which library a drill kept in the log is not in, as `itb buckets` marks it: "this library" with
 * a file of one's own in use, else "the built-in library". No more than that is known: the log
 * keeps no library by session, so the drill may come from another library file, or have been
 * taken out of this one (the built-in one too, by an update of itb).
 */
export function notInLibraryWords(ctx: Context, command: Command): string {
  return libraryFile(ctx, command) === undefined ? 'not in the built-in library' : 'not in this library';
}

/**
 * For a list the library file fills (`itb routines`, `itb exercises`) with ITB_DATA naming that
 * file: which file it is, as no command the list shows names it. ITB_DATA, set in a shell
 * profile, may name an older copy than the one the therapist last sent.
 */
export function whichLibraryFileLines(ctx: Context, command: Command): string[] {
  return libraryFromEnv(ctx, command) ? [`This library is ${libraryFile(ctx, command)} (ITB_DATA).`] : [];
}

/** Whether the library file in use is the one ITB_DATA names (no --data given). */
export function libraryFromEnv(ctx: Context, command: Command): boolean {
  return globals(command).data === undefined && Boolean(ctx.env.ITB_DATA);
}

/**
 * A note on stderr about what a command did, wrapped to fit the terminal showing stderr, which may
 * be narrower than 80 columns when stdout goes to a file or a pipe (`text` may be coloured).
 */
export function notice(ctx: Context, text: string): void {
  ctx.stderr.write(`${wrap(text, wrapColumnsOf(ctx.stderr)).join('\n')}\n`);
}

/**
 * Said (on stderr) under "No sessions yet" when HOME names no folder and ITB_HOME is not set (see
 * homeProblem): the store is kept under HOME, so a HOME set wrong shows an empty history, and a
 * person would otherwise think their results are gone.
 */
export function noStoreNote(ctx: Context): void {
  const problem = homeProblem(ctx.env);
  if (problem !== undefined) notice(ctx, `No store was found at ${storeFile(ctx.env)}. ${problem}`);
}

export function printJson(ctx: Context, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export { itbAsStarted } from '../context.js';
export { shellPath, shellWord };

/**
 * itbAsStarted with --no-color when it was typed (before the command or after it), so that a
 * command suggested next shows as plainly: whoever turned colours off for this command (a screen
 * reader that reads colour codes out, a terminal that shows them as text, a colour they cannot
 * tell apart) should not get them back from the command they copy. NO_COLOR needs nothing added.
 */
export function itbAsTyped(ctx: Context, command: Command): string {
  return colourTypedOff(command) ? `${itbAsStarted(ctx)} --no-color` : itbAsStarted(ctx);
}

/** Whether --no-color was typed, before the command or after it. */
export function colourTypedOff(command: Command): boolean {
  return globals(command).color === false;
}

/** itbAsTyped with the --data given, so that a command suggested next uses the same library. */
export function itbWithLibrary(ctx: Context, command: Command): string {
  const { data } = globals(command);
  return data === undefined ? itbAsTyped(ctx, command) : `${itbAsTyped(ctx, command)} --data ${shellPath(data)}`;
}

/**
 * `command` as it was typed, with its options but those `left` (the ones a hint gives again, put
 * right, after it, or leaves out): without the rest, the command copied from the hint would do
 * something else, such as print a report on the screen where `-o report.html` was to write it.
 */
export function typedWithout(ctx: Context, command: Command, ...left: string[]): string {
  return typedWith(ctx, command, [], ...left);
}

/**
 * typedWithout with `words` after the command's name, where its arguments go: `itb session
 * joint-chain --side left`, read in the order the help's examples give.
 */
export function typedWith(ctx: Context, command: Command, words: string[], ...left: string[]): string {
  return [itbWithLibrary(ctx, command), ...commandNames(command), ...words, ...optionsTyped(command, left)].join(' ');
}

/** The names of `command` after itb: ["buckets", "move"]. */
function commandNames(command: Command): string[] {
  const names: string[] = [];
  for (let at: Command | null = command; at?.parent; at = at.parent) names.unshift(at.name());
  return names;
}

/** The options of `command` typed (not those `left`), each with its value, as they are typed again. */
function optionsTyped(command: Command, left: string[] = []): string[] {
  const options = command.options.filter((option) => !left.includes(option.long!) && command.getOptionValueSource(option.attributeName()) === 'cli');
  return options.map((option) => {
    const value: unknown = command.getOptionValue(option.attributeName());
    const flag = option.short ?? option.long!;
    return typeof value === 'string' ? `${flag} ${shellWord(value)}` : option.long!;
  });
}

/**
 * The error for a test movement given as a number alone ("4", "4/10") in `itb session
 * --movement` or `itb settings movement`, as the session's question refuses one typed in words;
 * undefined for any other movement, and for a number the library itself has as a movement's id or
 * name. Such a number is a score typed early, or a place in a list: no place is named, since
 * the session's list of movements is numbered only in a plain terminal, and there after the
 * movement of last time, so the same number names different movements on different days.
 * `where`: which of the two commands it was given to.
 */
export function numberAsMovement(ctx: Context, command: Command, library: Library, typed: string, where: 'session' | 'settings'): UserError | undefined {
  const text = typed.trim();
  if (!scoreAlone(text) || library.movements.some((known) => known.id === text.toLowerCase() || movementKey(known.name) === movementKey(text))) return undefined;
  const itb = itbWithLibrary(ctx, command);
  const what = `"${text}" is ${text.includes('/') ? 'a score' : 'a number'}, not a test movement`;
  const example = where === 'session' ? `${itb} session --movement "stairs, two at a time"` : `${itb} settings movement "stairs, two at a time"`;
  const byId = library.movements.length > 0 ? `, or by its id (\`${itb} routines\` lists them)` : '';
  const fromList = where === 'session' ? '; or leave --movement out to choose it from the list' : '';
  const asked = where === 'session' ? 'Your score is asked in the session' : 'Your score is asked in each session';
  return new UserError(
    where === 'session' ? `--movement ${what}` : what,
    `${asked}, once the movement is chosen. Give the movement in words, such as \`${example}\`${byId}${fromList}.`,
  );
}

/** `itb validate FILE` as the person types it to check a library file again. */
export function validateCommand(ctx: Context, command: Command, file: string): string {
  return `${itbAsTyped(ctx, command)} validate ${shellPath(file)}`;
}

/** The error for a drill id that is not among `ids`, suggesting the near ones; `itb`: how to start it (itbAsStarted). */
function unknownDrill(id: string, ids: string[], itb: string): UserError {
  const near = closest(id, ids);
  const listing = `\`${itb} exercises\` lists them all.`;
  return new UserError(`no drill with id "${id}"`, near.length > 0 ? `Did you mean ${near.join(' or ')}? ${listing}` : listing);
}

/**
 * The error for a drill id that is not among `ids` (the library's, and for a move the log's too).
 * With a library of one's own, it names its file, the command that lists its drills, and whether
 * the built-in library has the drill.
 */
export async function notInLibrary(ctx: Context, command: Command, id: string, ids: string[]): Promise<UserError> {
  const file = libraryFile(ctx, command);
  if (file === undefined) return unknownDrill(id, ids, itbAsTyped(ctx, command));
  const near = closest(id, ids);
  const builtIn = findExercise(await loadLibrary({}), id);
  // The built-in library is read without --data, and with ITB_DATA empty when it is set.
  const listing = `${itbWithLibrary(ctx, command)} exercises`;
  const showing = `${itbAsTyped(ctx, command)} exercises ${id}`;
  const builtInCommand = ctx.env.ITB_DATA ? withVariable('ITB_DATA', '', showing, ctx.env.ITB_DATA) : showing;
  const hints = [
    near.length > 0 ? `Did you mean ${near.join(' or ')}?` : undefined,
    `\`${listing}\` lists its drills.`,
    builtIn ? `The built-in library has it, "${builtIn.name}": \`${builtInCommand}\` shows it.` : undefined,
  ];
  return new UserError(`no drill with id "${id}" in the exercise library ${file}`, hints.filter(Boolean).join(' '));
}

/**
 * Every drill your sessions and moves kept, by id, with the name its latest result gave it (as
 * `itb buckets` shows one not in the library in use), else its id.
 */
export function keptDrills(data: StoreData): Map<string, string> {
  const named = new Map<string, string>();
  for (const session of data.sessions) for (const result of session.results) named.set(result.exerciseId, result.name);
  for (const move of data.moves) if (!named.has(move.exerciseId)) named.set(move.exerciseId, move.exerciseId);
  return named;
}

/**
 * How `itb buckets` lists a drill with something to show: in a bucket, or under the untested drills
 * with results from before a reset. One only ever skipped, or moved by hand before a reset and
 * never tested, it lists nowhere (undefined): it has no results to point to or keep together.
 */
export function listedDrill(view: BucketView, id: string): ExerciseStatus | undefined {
  return [...view.rehab, ...view.avoid, ...view.untested].find((status) => status.exerciseId === id && (status.bucket !== 'untested' || status.evidence.tested > 0));
}

/** The advice under `itb buckets` and under `itb history`, each piece an item of one list. */
export function adviceLines(advice: Advice[], colour: Colours): string[] {
  if (advice.length === 0) return [];
  return ['', colour.bold('Advice'), ...advice.flatMap((item) => hanging('  - ', item.message, 78))];
}

/** A setting's value as `itb settings` says it, "not set" for none. */
export const settingWords = (value: unknown): string => (value === undefined ? 'not set' : String(value));

/** A change of a setting as `itb settings` and `itb import` say it: "minImprovement: 2 → 1". */
export function settingChange(key: keyof Settings, before: unknown, after: unknown): string {
  return `${key}: ${settingWords(before)} → ${settingWords(after)}`;
}
