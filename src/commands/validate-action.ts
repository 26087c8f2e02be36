// What `itb validate` does (declared in validate.ts).
import type { Command } from 'commander';
import { commandsAsStarted, type Context } from '../context.js';
import { bucketView } from '../core/buckets.js';
import { shownSafely } from '../core/text.js';
import { UserError } from '../errors.js';
import type { Library } from '../library/schema.js';
import { readStore } from '../store/store-file.js';
import { checkLibraryFile, countWords, LibraryError, problemLines } from '../library/load.js';
import { screenColumns } from '../ui/screen.js';
import { hanging, width } from '../ui/wrap.js';
import { colourTypedOff, keptDrills, libraryFile, libraryFromEnv, listedDrill, notice, paint, printJson, validateCommand, withHomeFolder } from './shared.js';

export async function validateLibrary(ctx: Context, given: string | undefined, options: { json?: boolean }, command: Command) {
  // With no file named, the library the other commands would use. An empty name (`itb validate
  // "$FILE"` with FILE unset) is no file either, and a `~` kept by quotes is the home folder, as
  // with --data.
  const file = given === undefined ? libraryFile(ctx, command) : given.trim() === '' ? undefined : withHomeFolder(given, ctx);
  if (file === undefined) {
    throw new UserError('validate needs the name of an exercise library file', `For example: \`${validateCommand(ctx, command, 'my-library.yaml')}\`. The built-in library needs no check.`);
  }
  const printLines = (lines: string[]) => ctx.stdout.write(lines.map((line) => `${shownSafely(commandsAsStarted(ctx, line, colourTypedOff(command)))}\n`).join(''));
  try {
    const { library, warnings, moreWarnings } = checkLibraryFile(file, validateCommand(ctx, command, file), given === undefined && libraryFromEnv(ctx, command), ctx.env);
    // Valid, but worth a word while the file is open in the editor: a session would refuse a
    // library with no routines at once, and results stay under a drill's old id.
    const notes = [
      ...(library.routines.length === 0 ? ['Note: with no routines, a session has none to run. Add one under "routines:": an id, a name, a description and the ids of its exercises, in order.'] : []),
      ...(await changedIds(ctx, library)),
    ];
    const summary = { file, valid: true, exercises: library.exercises.length, routines: library.routines.length, problems: [], warnings, ...(moreWarnings ? { moreWarnings } : {}), notes };
    if (options.json) return printJson(ctx, summary);
    const colour = paint(ctx, command);
    // Warnings leave the file usable (exit 0), but are listed as problems are, so an editor can jump to them.
    printLines(problemLines(file, [], warnings));
    const warned = moreWarnings ? `, ${countWords(warnings.length, 'warning', true)} (the first ${warnings.length} are listed)` : warnings.length > 0 ? `, ${countWords(warnings.length, 'warning')}` : '';
    const said = `${file}: ${countWords(summary.exercises, 'drill')}, ${countWords(summary.routines, 'routine')}, no problems${warned}`;
    const tick = `${colour.green('✓')} `;
    // Wider than the terminal showing it (a phone's), broken between words under the file's name,
    // rather than by the terminal in the middle of a word; to a file or a pipe, one line.
    const lines = ctx.stdout.isTTY === true && width(tick + said) > screenColumns() ? hanging(tick, said) : [tick + said];
    ctx.stdout.write(`${lines.join('\n')}\n`);
    for (const note of notes) notice(ctx, note);
  } catch (error) {
    if (!(error instanceof LibraryError)) throw error;
    // The problems are what was asked for, so they go to stdout (`itb validate f.yaml > todo.txt`);
    // the count and what to do next stay on stderr.
    if (options.json) printJson(ctx, { file, valid: false, problems: error.problems, warnings: error.warnings, ...(error.more ? { more: true } : {}) });
    else printLines(error.details);
    throw new UserError(error.message, error.hint, error.exitCode);
  }
}

/**
 * A drill of the file whose name is that of a drill with results the file no longer has by its
 * id: the id changed in the file, most likely, and the results stay with the old one. Said while
 * the file is open in the editor, as no problem of the file itself. "Results" as `itb buckets` and
 * `itb exercises OLD-ID` count them (listedDrill): an old id only ever skipped has none to keep
 * together, and a new id only skipped has none of its own yet.
 */
async function changedIds(ctx: Context, library: Library): Promise<string[]> {
  // Read only; a store that cannot be read is for the commands that need it to say.
  const data = await readStore(ctx.env).catch(() => undefined);
  if (data === undefined) return [];
  const ids = new Set(library.exercises.map((exercise) => exercise.id));
  const view = bucketView(data, library, ctx.now());
  return [...keptDrills(data)].flatMap(([id, name]) => {
    const now = ids.has(id) || listedDrill(view, id) === undefined ? undefined : library.exercises.find((exercise) => exercise.name.toLowerCase() === name.toLowerCase());
    // Tested under its new id since, it keeps results under both: giving back the old id would leave the newer apart.
    if (now === undefined || listedDrill(view, now.id) !== undefined) return [];
    return [`Note: "${shownSafely(now.name)}" has the id ${now.id} in this file, but your results for it are kept under ${id}, which the file no longer has. To keep them together, give it back the id ${id}.`];
  });
}
