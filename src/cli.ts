// Builds the commander program, registers the commands, and handles every error in one place.
import { Command, CommanderError, Option } from 'commander';
import { bucketsCommand } from './commands/buckets.js';
import { exercisesCommand } from './commands/exercises.js';
import { exportCommand } from './commands/export.js';
import { historyCommand } from './commands/history.js';
import { importCommand } from './commands/import.js';
import { routinesCommand } from './commands/routines.js';
import { sessionCommand } from './commands/session.js';
import { settingsCommand } from './commands/settings.js';
import { validateCommand } from './commands/validate.js';
import { fitLine, helpAfter, helpColumns, narrowHelp } from './commands/help.js';
import { commandsAsStarted, itbAsStarted, processContext, type Context } from './context.js';
import { shownSafely } from './core/text.js';
import { EXIT, Interrupted, UserError } from './errors.js';
import { helpAsOption } from './help-asked.js';
import { shellWord } from './shell-word.js';
import { optionsOf, usageError } from './usage-errors.js';
import { columnsOf, tooWide, wrapColumnsOf } from './ui/screen.js';

declare const ITB_VERSION: string;
const version = typeof ITB_VERSION === 'string' ? ITB_VERSION : '0.0.0-dev';

/** itb's commands; `argv`, the words typed, lets an error give them back as they should be typed. */
function createProgram(ctx: Context, argv: string[] = []): Command {
  const program = new Command('itb')
    .description(
      'Find out which exercises help your IT band pain: rate your symptom, do one drill, rate ' +
        'again. Drills that help go into your rehab bucket; drills that do not, after one careful ' +
        'retry, are set aside for now. Share the results with your physical therapist.',
    )
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .helpCommand('help [command]', 'show help for a command')
    .option('--data <file>', 'use your own exercise library (YAML) instead of the built-in one; also ITB_DATA')
    .addOption(new Option('--no-color', 'turn colours off (also NO_COLOR=1)'))
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      helpAfter(
        [
          ['itb session', 'run an assess / re-assess session'],
          ['itb buckets', 'see what helps (rehab) and what to avoid for now'],
          ['itb history', 'past sessions and the trends of your scores'],
          ['itb export -o report.html', 'a report for your physical therapist'],
        ],
        `Your results are kept on this computer only (ITB_HOME moves them elsewhere).
itb supports self-care; it does not diagnose. Worried? See a clinician.`,
      ),
    );

  for (const make of [
    sessionCommand,
    bucketsCommand,
    historyCommand,
    exportCommand,
    importCommand,
    exercisesCommand,
    routinesCommand,
    validateCommand,
    settingsCommand,
  ]) {
    program.addCommand(make(ctx));
  }

  // Commander writes its own messages (help, usage errors) through the context, and throws
  // instead of exiting so that the exit code is decided in one place.
  const configure = (command: Command, path: string) => {
    command.helpOption('-h, --help', 'show help');
    command.configureHelp(narrowHelp);
    command.exitOverride().configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      // On a terminal, broken between words to fit it, as itb's own errors are (usage errors too).
      writeErr: (text) => ctx.stderr.write(fitTerminal(text, ctx)),
      // Laid out in at most 80 columns, as everything else itb prints.
      getOutHelpWidth: helpColumns,
      getErrHelpWidth: helpColumns,
      // An error may quote what was typed: control characters in it are shown, not obeyed.
      outputError: (text, write) => write(shownSafely(commandsAsStarted(ctx, usageError(text, command, path, [itbAsStarted(ctx), ...argv], columnsOf(ctx.stderr))))),
    });
    givenOnce(command, path);
    for (const sub of command.commands) configure(sub, `${path} ${sub.name()}`);
  };
  configure(program, itbAsStarted(ctx));
  program.hook('preAction', (_, action) => optionAsValue(action, itbAsStarted(ctx)));
  return program;
}

/**
 * A value left out before another option (`itb export -o --force`): commander takes the option
 * for the value, and would write a file named "--force" or print it as the patient's name. Said
 * as a value left out is, naming the option that came in its place.
 */
function optionAsValue(command: Command, itb: string): void {
  const names: string[] = [];
  for (let at: Command | null = command; at?.parent; at = at.parent) names.unshift(at.name());
  const path = [itb, ...names].join(' ');
  const options = optionsOf(command);
  const flags = new Set(['-h', '--help', '-V', '--version', ...options.flatMap((option) => [option.long, option.short])]);
  const values = command.optsWithGlobals();
  for (const option of options.filter((known) => known.required)) {
    const value: unknown = values[option.attributeName()];
    if (typeof value !== 'string' || !flags.has(value.split('=')[0])) continue;
    const flag = option.short ? `${option.short} (${option.long})` : option.long;
    const example = `${option.short ?? option.long} ${/<[^>]+>/.exec(option.flags)?.[0] ?? ''}`.trim();
    throw new UserError(`${flag} needs a value after it, as in ${example}, not the option ${value}`, `\`${path} --help\` shows what it takes.`);
  }
}

/**
 * An option that takes a value, given twice with different values (`itb export --format md
 * --format csv`): commander would keep the last one without a word, and a person who asked for
 * two reports would get one. Refused, naming both; the same value twice is taken.
 */
function givenOnce(command: Command, path: string): void {
  for (const option of command.options) {
    if (!option.required && !option.optional) continue;
    const parse = option.parseArg;
    option.argParser((typed: string, previous: unknown) => {
      const value: unknown = parse ? parse(typed, undefined) : typed;
      if (command.getOptionValueSource(option.attributeName()) !== 'cli' || value === previous) return value;
      const flag = option.short ? `${option.short} (${option.long})` : option.long;
      const hint = option.long === '--format' ? `${path} writes one report at a time: run it once for each format.` : 'Give it once, with the value you meant.';
      throw new UserError(`${flag} was given twice, as "${String(previous)}" and as "${String(value)}"`, hint);
    });
  }
}

/** `text` (commander's, uncoloured) with each line too wide for the terminal showing stderr broken to fit it. */
function fitTerminal(text: string, ctx: Context): string {
  return text.replace(/[^\n]+/g, (line) => (tooWide(ctx.stderr, line.length) ? fitLine(line, columnsOf(ctx.stderr)).join('\n') : line));
}

/** Runs the program and returns the exit code; never throws. */
export async function main(argv: string[], ctx: Context = processContext()): Promise<number> {
  const program = createProgram(ctx, argv);
  try {
    optionBeforeCommand(program, argv, itbAsStarted(ctx));
    await program.parseAsync(helpAsOption(program, argv, itbAsStarted(ctx)), { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    return await report(error, ctx, argv);
  }
}

/**
 * A command's own option typed before the command (`itb --json history`), which commander calls
 * unknown to itb: said where it goes instead, with the command as it should be typed.
 */
function optionBeforeCommand(program: Command, argv: string[], itb: string): void {
  const all = (command: Command): Command[] => [command, ...command.commands.flatMap(all)];
  // `--limit=5`, and a short one with its value run on (`-n5`), name the option as `-n 5` does.
  const optionOf = (commands: Command[], word: string) =>
    commands
      .flatMap((command) => command.options)
      .find((option) => [option.long, option.short].includes(word.split('=')[0]) || (option.required && /^-\w./.test(word) && option.short === word.slice(0, 2)));
  const nameOf = (word: string, option: Option | undefined) => (option?.short === word.slice(0, 2) && !word.startsWith('--') ? option.short : word.split('=')[0]!);
  const before: string[] = [];
  const flags: string[] = [];
  const misplaced: string[] = [];
  for (let at = 0; at < argv.length; at++) {
    const word = argv[at]!;
    const command = program.commands.find((candidate) => candidate.name() === word);
    if (command) {
      // One that is not the command's own is unknown: commander says so.
      if (flags.length === 0 || !flags.every((flag) => optionOf(all(command), flag))) return;
      const typed = [...before, word, ...argv.slice(at + 1), ...misplaced].map(shellWord);
      throw new UserError(
        `${flags.join(' and ')} ${flags.length === 1 ? 'goes' : 'go'} after the command: ${[itb, ...typed].join(' ')}`,
        "A command's options come after its name; only --data and --no-color may come before it.",
      );
    }
    const global = optionOf([program], word) !== undefined || ['-h', '--help', '-V', '--version'].includes(word);
    const option = global || !word.startsWith('-') ? undefined : optionOf(all(program), word);
    if (!global && !option) return;
    // With its value (`-n 5`, `--data my-library.yaml`), unless written with "=" or run on.
    const withValue = (global ? program.options.find((known) => known.long === word) : option)?.required === true && !word.includes('=') && nameOf(word, option) === word;
    const words = argv.slice(at, withValue ? at + 2 : at + 1);
    at += words.length - 1;
    if (global) before.push(...words);
    else {
      flags.push(nameOf(word, option));
      misplaced.push(...words);
    }
  }
}

async function report(error: unknown, ctx: Context, argv: string[]): Promise<number> {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) {
      return EXIT.ok;
    }
    // Commander has already printed the message; bad usage is exit 2 (PRODUCT §7).
    return EXIT.usage;
  }
  if (error instanceof Interrupted) {
    ctx.stderr.write(`${error.message}\n`);
    return EXIT.interrupted;
  }
  // Colours are loaded only here: help and version (thrown as CommanderErrors) never need them.
  const [{ colourEnabled, colours }, { width, wrap }] = await Promise.all([import('./ui/colour.js'), import('./ui/wrap.js')]);
  const colourOff = argv.includes('--no-color');
  const paint = colours(colourEnabled(ctx.env, ctx.stderr, colourOff ? false : undefined));
  // The commands the store's and a library's errors suggest, as the person typed theirs.
  const asTyped = (text: string) => shownSafely(commandsAsStarted(ctx, text, colourOff));
  // Started in a folder deleted since (ITB_HOME=store, say): a path named from it leads nowhere.
  if (isFolderGoneError(error)) error = new UserError((await import('./regular-file.js')).FOLDER_GONE, 'Go to a folder that exists (cd) and run the command again.');
  // The error itself stays on one line (easy to find in a log), unless too wide for the terminal
  // showing it: then broken between words, as everything itb prints, rather than split anywhere.
  const columns = wrapColumnsOf(ctx.stderr);
  const line = (text: string) => ctx.stderr.write(`${(tooWide(ctx.stderr, width(text)) ? wrap(text, columns) : [text]).join('\n')}\n`);
  if (error instanceof UserError) {
    for (const detail of error.details) ctx.stderr.write(`${asTyped(detail)}\n`);
    line(`${paint.red('error:')} ${asTyped(error.message)}`);
    if (error.hint) ctx.stderr.write(`${wrap(asTyped(error.hint), columns).map((hint) => paint.dim(hint)).join('\n')}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (ctx.env.ITB_DEBUG === '1' && error instanceof Error && error.stack) {
    ctx.stderr.write(`${paint.red('unexpected error:')} ${error.stack}\n`);
  } else {
    line(`${paint.red('unexpected error:')} ${shownSafely(message.split('\n')[0]!)} ${paint.dim('(ITB_DEBUG=1 shows the details)')}`);
  }
  return EXIT.failure;
}

/** Node's error for a path worked out from the current folder when there is none. */
function isFolderGoneError(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).syscall === 'uv_cwd';
}
