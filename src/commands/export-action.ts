// What `itb export` does (declared in export.ts).
import { statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { localDate } from '../core/history.js';
import { oneLineProblem, shownSafely } from '../core/text.js';
import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { buildReport, periodWords, type Report } from '../export/report.js';
import type { ByteSource } from '../export/pieces.js';
import { noneWords } from '../export/words.js';
import { readStore, storeFile } from '../store/store-file.js';
import { isLink } from '../regular-file.js';
import { isStoreFile, unreplacedTilde } from '../store/store-path.js';
import { readWithSummary } from '../store/summary-file.js';
import { writePrivateFile } from '../store/write-file.js';
import { checkWritable } from '../store/write-target.js';
import { columnsOf, wrapColumnsOf } from '../ui/screen.js';
import { packed } from '../ui/table.js';
import { width } from '../ui/width.js';
import { formats, type ExportOptions, type Format } from './export.js';
import { extensions, formatNames, formatOfName } from './export-formats.js';
import { fileThere, strayFileName, unusedName } from './export-names.js';
import { calendarDay } from './calendar-day.js';
import { itbWithLibrary, libraryFile, libraryOrStop, notice, shellPath, shellWord, typedWithout } from './shared.js';

/** The most characters a name given with --name may have: a name, not a paragraph, heads the report. */
const NAME_LIMIT = 100;

// Each format is its own module, loaded only when asked for. CSV, JSON and FHIR come as UTF-8 in
// pieces: years of scores make files of megabytes, better not held in memory whole.
const renderers: Record<Format, () => Promise<(report: Report) => string | ByteSource>> = {
  md: async () => (await import('../export/md.js')).toMarkdown,
  csv: async () => (await import('../export/csv.js')).csvBytes,
  json: async () => (await import('../export/json.js')).jsonBytes,
  html: async () => (await import('../export/html.js')).toHtml,
  fhir: async () => (await import('../export/fhir.js')).fhirBytes,
};

export async function exportReport(ctx: Context, options: ExportOptions, self: Command) {
  const [stray] = self.args;
  // The commands the hints below give keep what was typed with them (--data, the period, the
  // name...), so that the report they make is the one asked for.
  // `itb export html` means the format: -o html would then fail, as a name with no extension.
  const strayFormat = formats.find((format) => format === stray?.trim().toLowerCase());
  if (strayFormat !== undefined && options.output?.trim()) {
    // A file named with -o (or `-o -`, the screen) says where the report was to go: kept, with --force.
    throw new UserError(`itb export takes a format with --format, not on its own ("${stray}")`, `Put --format before it: \`${typedWithout(ctx, self, '--format', '--json')} --format ${strayFormat}\``);
  }
  if (strayFormat !== undefined) {
    // The format and the file are the hint's own: any typed beside the stray word are left out.
    const typed = typedWithout(ctx, self, '--format', '--json', '--output', '--force');
    throw new UserError(
      `itb export takes a format with --format, not on its own ("${stray}")`,
      // In backquotes, each command stays whole on its line, to be copied as it is.
      `To see the report on the screen: \`${typed} --format ${strayFormat}\`; to write a file: \`${typed} -o ${unusedName('report', extensions[strayFormat])}\``,
    );
  }
  if (stray !== undefined && options.output?.trim()) {
    // The file named with -o already: the words after it are a slip, such as a whole "Next:" line
    // copied (`itb export -o report.html  a report for your physical therapist`), not a file.
    const where = options.output.trim() === '-' ? 'To see the report on the screen' : `To write ${options.output}`;
    throw new UserError(`itb export takes one file name, after -o: "${self.args.join(' ')}" is not part of the command`, `${where}: \`${typedWithout(ctx, self)}\``);
  }
  if (stray !== undefined) {
    throw strayFileName(stray, typedWithout(ctx, self, '--output'), Boolean(options.force));
  }
  // An empty name is a slip (an unset shell variable, say), not a file to write.
  if (options.output !== undefined && options.output.trim() === '') {
    throw new UserError('-o needs the name of a file to write', `For example: \`${typedWithout(ctx, self, '--output')} -o ${unusedName('report', 'html')}\`. Leave -o out to see the report on the screen.`);
  }
  // `-o -` is the screen, as for most command-line tools (a file named "-" is `-o ./- --format md`).
  const onScreen = options.output === '-';
  if (onScreen) options = { ...options, output: undefined };
  if (options.force && options.output === undefined) {
    // A file of the format asked for, if any, under a name not taken: --force was not told which
    // file to replace, so the one suggested replaces none.
    const file = unusedName('report', extensions[options.json ? 'json' : (options.format ?? 'html')]);
    const write = `To write a file: \`${typedWithout(ctx, self, '--output', '--force')} -o ${file} --force\``;
    throw new UserError(
      '--force replaces an existing file, so it needs -o FILE',
      onScreen ? `-o - prints the report on the screen, where nothing is replaced. ${write}` : `Without -o the report is printed on the screen. ${write}`,
    );
  }
  if (options.json && options.format !== undefined && options.format !== 'json') {
    throw new UserError(`--json asks for JSON, and --format for ${options.format}: give one of them`);
  }
  // Which flag chose the format, to name it in the note on a file name that says otherwise.
  const formatFlag = options.json ? '--json' : '--format';
  if (options.json) options = { ...options, format: 'json' };
  const since = options.since === undefined ? undefined : calendarDay(options.since, '--since', typedWithout(ctx, self, '--since'));
  const until = options.until === undefined ? undefined : calendarDay(options.until, '--until', typedWithout(ctx, self, '--until'));
  if (since !== undefined && until !== undefined && since > until) {
    // The two days swapped is almost always what was meant: given to copy, the earlier first, in
    // the command typed (without its -o, it would print the report on the screen).
    throw new UserError(`--since ${since} is after --until ${until}`, `Put the earlier day first: \`${typedWithout(ctx, self, '--since', '--until')} --since ${until} --until ${since}\``);
  }
  // Before any work: a file that may not be written is said at once. Its own store first, so
  // that "add --force" is never the advice for it.
  // The file the report replaces, if any: for a link, the file it leads to.
  let replaced: string | undefined;
  if (options.output !== undefined) {
    const output = options.output;
    const storeHere = (file: string | undefined) => file !== undefined && isStoreFile(file, ctx.env);
    const ownStore = () => new UserError(`${output} is where itb keeps your history: a report there would replace it`, 'Nothing was written. Choose another name or folder with -o.');
    if (storeHere(output)) throw ownStore();
    // "~/r.html" in quotes names a folder "~" that is not there: said as the shell's doing, with
    // the path meant. A name alone ("~") is a file's, to be written here.
    const unreplaced = dirname(output) === '.' ? undefined : unreplacedTilde(output, ctx.env);
    if (unreplaced !== undefined) throw new UserError(`cannot write ${output}: the folder ${unreplaced.tilde} does not exist`, unreplaced.hint);
    const withoutOutput = typedWithout(ctx, self, '--output', '--force');
    // `-o backups`, the folder the backups go to: the file to write is named in it, of the format
    // asked for. "such as -o report.html" would write the page where itb runs, or a JSON backup
    // under an .html name.
    if (isFolder(output)) {
      const extension = extensions[options.json ? 'json' : (options.format ?? 'html')];
      const file = unusedName(join(output, extension === 'json' ? 'backup' : 'report'), extension);
      throw new UserError(`cannot write ${output}: it is a folder`, `To write a file in it: \`${withoutOutput} -o ${shellPath(file)}\``);
    }
    replaced = checkWritable(output, { replace: true, withoutOutput });
    if (storeHere(replaced)) throw ownStore();
    if (!options.force && replaced !== undefined) throw fileThere(output, replaced, withoutOutput);
  }
  // An empty name is a slip (an unset shell variable, say), as an empty -o is: not a report without one.
  if (options.name !== undefined && options.name.trim() === '') {
    throw new UserError('--name needs the name to print on the report', `For example: \`${typedWithout(ctx, self, '--name')} --name "Sam Lee"\`. Leave --name out for a report without a name.`);
  }
  const name = options.name?.trim();
  const inName = name === undefined ? undefined : oneLineProblem(name);
  if (inName) throw new UserError(`--name holds ${inName}: write the name as plain text on one line`);
  if (name !== undefined && [...name].length > NAME_LIMIT) throw new UserError(`--name is too long: a name on a report may have at most ${NAME_LIMIT} characters`);
  const named = options.output === undefined ? undefined : formatOfName(options.output);
  if (options.output !== undefined && options.format === undefined && named === undefined) {
    // A PDF is what a therapist often asks for: the printable page is the way to one, of the
    // report asked for (its period and name).
    if (/\.pdf$/i.test(options.output)) {
      const page = shellPath(unusedName(options.output.replace(/\.pdf$/i, ''), 'html'));
      throw new UserError(
        `itb does not write PDF files ("${options.output}")`,
        `Write the printable page instead, \`${sameReport(ctx, self, 'html', page, since, until, name)}\`, then open it in your web browser and print it to a PDF there.`,
      );
    }
    throw new UserError(
      `cannot tell which format to write from the file name "${options.output}"`,
      'End it in .md, .csv, .json, .html or .fhir.json, or say which with --format md|csv|json|html|fhir.',
    );
  }
  const format = options.format ?? named ?? 'md';

  const [library, render] = await Promise.all([libraryOrStop(ctx, self, { command: 'export', does: 'writes the report' }), renderers[format]()]);
  // A report that ends before now has buckets of its own end, which the summary does not hold.
  const read = () => readStore(ctx.env);
  const { data, summary } = until === undefined ? await readWithSummary(storeFile(ctx.env), read) : { data: await read(), summary: undefined };
  // A backup from a day on or before every record leaves nothing out: it is a whole one, as with
  // an --until of today (see buildReport), and neither it nor `itb import` says otherwise.
  const onOrAfterSince = (at: string) => since !== undefined && localDate(new Date(at)) >= since;
  const leavesOutNothing = format === 'json' && data.sessions.every((session) => onOrAfterSince(session.startedAt)) && data.moves.every((move) => onOrAfterSince(move.at));
  // Named on the report by its name alone, any character a terminal would obey written as an escape.
  const ownLibrary = libraryFile(ctx, self);
  const report = buildReport(data, library, {
    ...(since !== undefined && !leavesOutNothing ? { since } : {}),
    ...(until !== undefined ? { until } : {}),
    ...(name !== undefined ? { patientName: name } : {}),
    ...(ownLibrary !== undefined ? { drillsFrom: shownSafely(basename(ownLibrary)) } : {}),
    ...(summary ? { bucketSummary: summary.buckets, storeAdviceLog: summary.advice } : {}),
    ...(ctx.timeZone ? { timeZone: ctx.timeZone() } : {}),
    now: ctx.now(),
  });
  let text = render(report);
  // A period that holds none of the sessions kept is most often a day typed wrong (2027 for
  // 2026): the sessions nearest to it are named, to set the period by, right after the report.
  const missed = report.sessions.length === 0 && data.sessions.length > 0 ? missedWords(data.sessions.map((session) => localDate(new Date(session.startedAt))), since) : undefined;

  if (options.output === undefined) {
    // Read on a terminal, the Markdown is broken between words, as everything itb prints.
    if (format === 'md' && ctx.stdout.isTTY === true && typeof text === 'string') text = (await import('../export/md-screen.js')).mdOnScreen(text);
    if (typeof text === 'string') {
      ctx.stdout.write(text);
    } else {
      // The bytes of UTF-8 as they are made, not turned into text only to be turned back (for
      // ten years of FHIR, 30 ms of decoding saved). Each piece is copied: its buffer is used
      // again at once, while the stream may write it later (a pipe, on macOS and Windows). The
      // CSV's byte-order mark is kept, as in a file: `> report.csv` needs it as much as -o does.
      text((piece) => ctx.stdout.write(Buffer.from(piece)));
    }
    // The command that saves the report just seen (sameReport), on a line of its own, as the
    // address of a page written is, and whole even on a narrow screen: broken into lines, it would
    // be pasted as two commands, the first of which prints the report again and the second fails.
    // The terminal folds a long line without breaking it, so it is copied as one. After a blank
    // line that sets it apart from the report.
    const saveWith = (says: string, file: string) => {
      ctx.stderr.write('\n');
      notice(ctx, says);
      ctx.stderr.write(`  ${sameReport(ctx, self, format, file, since, until, name)}\n`);
    };
    // Set apart from the report's last lines on a screen, as the way to save it is.
    if (missed !== undefined) {
      if (ctx.stdout.isTTY === true) ctx.stderr.write('\n');
      notice(ctx, missed);
    }
    // Markdown on a screen means nothing to most people: how to get a page to open or print
    // instead, of the same report. In a file or a pipe, the Markdown is what was wanted.
    if (format === 'md' && ctx.stdout.isTTY === true) saveWith('To save this report as a page to open in a web browser or print:', unusedName('report', 'html'));
    // The other formats are files' text: pages of markup or numbers on a screen, most likely
    // meant for a file. Said after it, where it is seen once the text has scrolled by; not after
    // `-o -`, which asked for the screen, nor in a file or a pipe, which get the text alone.
    if (format !== 'md' && ctx.stdout.isTTY === true && !onScreen) {
      const as = format === 'html' ? 'a page to open or print' : 'a file';
      saveWith(`That was the ${formatNames[format]} report's text. To save it as ${as}:`, unusedName('report', extensions[format]));
    }
  } else {
    writePrivateFile(options.output, text, { replace: Boolean(options.force) });
    const what =
      report.sessions.length === 0
        ? noneWords(report, 'sessions').toLowerCase()
        : `${report.sessions.length} session${report.sessions.length === 1 ? '' : 's'}, ${periodWords(report)}`;
    // A name can hold what a terminal obeys (an escape from a shell variable): shown, as errors show it.
    // Through a link, another file than the one named was replaced: said, with its name.
    // Wrapped to the terminal as other notices are, between words; a file name, spaces and all,
    // kept whole on a line where it fits, so that it is read and copied as it is.
    const words = (text: string) => text.split(' ');
    const file = (name: string, after = '') => (width(name + after) <= columnsOf(ctx.stderr) ? [name + after] : words(name + after));
    const through = replaced !== undefined && isLink(options.output) ? [...file(shownSafely(replaced), ','), ...words('which the link'), ...file(shownSafely(options.output)), ...words('leads to')] : file(shownSafely(options.output));
    ctx.stderr.write(`${packed(['Wrote', ...through, ...words(`(${what}).`)], wrapColumnsOf(ctx.stderr), '', ' ').join('\n')}\n`);
    if (missed !== undefined) notice(ctx, missed);
    // A web page is read in a browser, which a person who does not work in a terminal would not
    // guess from a file name; its address, whole on a line of its own, opens it from anywhere.
    if (format === 'html') {
      notice(ctx, 'To read or print it, open it in a web browser:');
      ctx.stderr.write(`  ${pathToFileURL(resolve(options.output)).href}\n`);
    }
    if (named !== undefined && named !== format) {
      notice(ctx, `Its name ends like ${named === 'html' ? 'an' : 'a'} ${formatNames[named]} file, but it holds ${formatNames[format]}, as ${formatFlag} asked.`);
    }
  }
  if (name !== undefined && (format === 'csv' || format === 'json')) {
    notice(ctx, `The ${formatNames[format]} format has no place for a name, so --name was not used.`);
  }
  if (format === 'json' && (report.period.since !== null || report.period.until !== null)) {
    // Restored into an empty store, a backup of a period gives back that period only.
    notice(ctx, `This backup holds ${periodWords(report)} only: for a full one, leave out --since and --until.`);
  }
}

/**
 * Said of a period in which none of the sessions kept (`days`, each session's local day) falls:
 * the latest before it (before `since`) and the first after it, those there are.
 */
function missedWords(days: string[], since: string | undefined): string {
  const before = days.filter((day) => since !== undefined && day < since).sort();
  const after = days.filter((day) => since === undefined || day >= since).sort();
  const latest = before.at(-1);
  const first = after[0];
  if (days.length === 1) return `Your one session is not in this period: it was on ${latest ?? first}.`;
  const none = `None of your ${days.length} sessions is in this period:`;
  if (first === undefined) return `${none} the latest was on ${latest}.`;
  if (latest === undefined) return `${none} the first was on ${first}.`;
  return `${none} the nearest were on ${latest}, before it, and ${first}, after it.`;
}

/**
 * The command that writes the report asked for to `file` (as typed) in `format`: as itb was
 * started (npx, --data: see itbWithLibrary), with the period given and the name where the format
 * has a place for it.
 */
function sameReport(ctx: Context, self: Command, format: Format, file: string, since?: string, until?: string, name?: string): string {
  const nameHeld = name !== undefined && format !== 'csv' && format !== 'json';
  const same = [since && `--since ${since}`, until && `--until ${until}`, nameHeld ? `--name ${shellWord(name)}` : undefined].filter((flag) => flag !== undefined);
  return [itbWithLibrary(ctx, self), 'export', ...same, `-o ${file}`].join(' ');
}

/** Whether `path` names a folder (through links); any other answer of the file system is checkWritable's to put in words. */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
