// A list question answered with the arrow keys and Enter, as the prompts' own select draws it,
// that also takes a choice typed: its number, its name or its id, then Enter, as a plain terminal
// takes it. The prompts' select let a digit or a letter move the pointer unseen, with what was
// typed shown nowhere: "strength" then Enter at "Which routine?" started whichever routine the
// pointer had landed on. Here what is typed shows after the question, and Enter after it picks
// the choice it names, or none, saying why; the highlighted choice is picked by Enter alone.
import { createPrompt, isDownKey, isEnterKey, isUpKey, makeTheme, useEffect, useMemo, usePagination, usePrefix, useState, useKeypress, type Status } from '@inquirer/core';
import { styleText } from 'node:util';
import { truncate, width } from './width.js';

interface ListChoice {
  value: string;
  /** As shown in the list, its later lines already under its first. */
  name: string;
  /** As shown after the question once picked. */
  short: string;
  description?: string;
  /** Why it cannot be picked, shown after its name. */
  disabled?: string;
}

interface ListConfig {
  message: string;
  choices: ListChoice[];
  default?: string;
  /** How many lines the choices may take while no note shows under them. */
  pageSize: number;
  /** How many lines the highlighted choice's description may take: cut there, if longer. */
  descriptionRows?: number;
  /** Said at Enter on a choice that cannot be picked. */
  notChosen: string;
  /** The place in `choices` of the one typed text picks, or what to say instead of picking any. */
  typed: (text: string) => number | string;
  /**
   * A note (notChosen, or what typed said) as shown under the list, fitted at each drawing: one
   * fitted once, when it was said, kept its lines as wide as the window was then. Without it, as said.
   */
  noteShown?: (note: string) => string;
  /** Told what has been typed so far, at each key. */
  kept?: (text: string) => void;
  /** Told the choice the pointer moves to, at each arrow key. */
  pointed?: (value: string) => void;
}

const theme = makeTheme({
  style: {
    disabled: (text: string) => styleText('dim', text),
    description: (text: string) => styleText('cyan', text),
  },
});
/**
 * The keys, under the list, with those INQUIRER_KEYBINDINGS adds beside the arrows (vim's k and j,
 * Emacs's Ctrl-P and Ctrl-N), so that someone who set it sees they work here too. A list longer
 * than the rows leave room for (a short terminal, a split window) shows only some of its choices,
 * with nothing else to say that there are more: the line then says how many there are, so that
 * the arrow keys are known to bring up the rest.
 */
function helpLine(keybindings: readonly string[], choices: number, allShown: boolean, columns: number): string {
  const added = [keybindings.includes('vim') ? 'k/j' : '', keybindings.includes('emacs') ? 'Ctrl-P/N' : ''].filter(Boolean);
  const parts = [
    [['↑↓', ...added].join(' '), allShown ? 'navigate' : `see all ${choices} choices`],
    ['⏎', 'select'],
  ].map(([key, action]) => `${styleText('bold', key!)} ${styleText('dim', action!)}`);
  const line = parts.join(styleText('dim', ' • '));
  // Too wide for a narrow window: a line each, rather than one the terminal breaks mid-word ("selec"
  // over "t"). A line as wide as the window is too: the prompts then add an empty row after it.
  return width(line) < columns ? line : parts.join('\n');
}

/** The rows the keys under a list of `choices` may take on a terminal `columns` wide, at the most. */
function keysRows(choices: number, columns: number): number {
  return helpLine(makeTheme().keybindings, choices, false, columns).split('\n').length;
}
// The cursor stays hidden while nothing is typed, as under the prompts' select, and shows where
// the typing goes once something is.
const cursorHide = '\x1b[?25l';
const cursorShow = '\x1b[?25h';

/** The rows `text` takes on a terminal `columns` wide: a line wider than it reaches across more. */
function rowsOf(text: string, columns: number): number {
  return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(width(line) / columns)), 0);
}

/**
 * How many lines a list of choices may take: all the terminal's `rows` have room for beside the
 * question, the blank line, the longest description (as much of it as fits: descriptionLines) and
 * the help line (two lines on a narrow terminal). The prompts' own 7 hid the eighth choice and
 * on, with nothing to say there were more (a routine, or "Something else" among the movements);
 * a list taller than the room left pushed the question and the pointer off the top of a short
 * terminal (a split window), and each move of the pointer then left a copy of the list behind. A
 * note Enter gives (on text that names no choice, on a number where numbers are scores, on a
 * choice that cannot be picked) takes its rows from the list only while it shows (listPrompt):
 * kept free all the time, they hid two choices or more.
 */
export function listLines(question: string, choices: ShownChoice[], rows: number, columns: number): number {
  return room(question, choices, rows, columns).page;
}

/**
 * How many lines a choice's description may take. A description taller than the rows leave once
 * the list has LEAST_CHOICES lines (a routine's, 12 lines on a phone) is cut there, its last line
 * ending in "…": whole, it pushed the question off the top of the window, and each move of the
 * pointer left a copy of the question behind.
 */
export function descriptionLines(question: string, choices: ShownChoice[], rows: number, columns: number): number {
  return room(question, choices, rows, columns).description;
}

/** The lines of the list a description leaves, at the least, where the list has as many. */
const LEAST_CHOICES = 3;

interface ShownChoice {
  name: string;
  description?: string;
  disabled?: boolean | string;
}

/** The lines the choices and the description get of the rows beside the question, the blank line and the keys. */
function room(question: string, choices: ShownChoice[], rows: number, columns: number): { page: number; description: number } {
  const description = Math.max(0, ...choices.map((choice) => (choice.description ? rowsOf(choice.description, columns) : 0)));
  const free = rows - rowsOf(`? ${question}`, columns) - 1 - keysRows(choices.length, columns);
  // Each choice as the list draws it, a reason it cannot be picked after its name.
  const shown = choices.map((choice) => rowsOf(`  ${choice.name}${typeof choice.disabled === 'string' ? ` ${choice.disabled}` : ''}`, columns));
  const least = Math.min(shown.reduce((sum, lines) => sum + lines, 0), Math.max(LEAST_CHOICES, ...shown));
  const kept = Math.max(0, Math.min(description, free - least));
  // At least the choice the pointer is on, however short the terminal.
  return { page: Math.max(1, free - kept), description: kept };
}

/**
 * The rows of a question with what is typed after it: the prompts follow a line that ends at the
 * window's edge with an empty row, where the cursor waits.
 */
export function typingRows(text: string, columns: number): number {
  const lines = text.split('\n');
  const last = lines.pop()!;
  return lines.reduce((sum, line) => sum + rowsOf(line, columns), 0) + Math.floor(width(last) / columns) + 1;
}

/**
 * As much of `text` as `rows` rows of a window `columns` wide show, the last ending in "…" where
 * some of it is left out; nothing for no rows. A line wider than the window (one under 30
 * columns, which gets lines of 80) counts the rows it reaches across.
 */
export function cutToRows(text: string, rows: number, columns: number): string {
  if (rowsOf(text, columns) <= rows) return text;
  if (rows <= 0) return '';
  const kept: string[] = [];
  let used = 0;
  for (const line of text.split('\n')) {
    const taking = rowsOf(line, columns);
    if (used + taking > rows) {
      // Part of the next line where rows are left, else the end of the last one kept.
      const last = used < rows ? line : kept.pop()!;
      const room = used < rows ? rows - used : rowsOf(last, columns);
      // A column spare, as on every line the list draws: a line that fills the window is followed by an empty one.
      kept.push(truncate(`${last.trimEnd()}…`, room * columns - 1).replace(/\s+\u2026$/, '\u2026'));
      break;
    }
    kept.push(line);
    used += taking;
  }
  return kept.join('\n');
}

export const listPrompt = createPrompt<string, ListConfig>((config, done) => {
  const { choices } = config;
  const [status, setStatus] = useState<Status>('idle');
  const prefix = usePrefix({ status, theme });
  const first = Math.max(0, choices.findIndex((choice) => choice.disabled === undefined));
  const preset = choices.findIndex((choice) => choice.disabled === undefined && choice.value === config.default);
  const [active, setActive] = useState(preset === -1 ? first : preset);
  const [typed, setTyped] = useState('');
  const [note, setNote] = useState<string | undefined>(undefined);
  // Vim's or Emacs's keys, as INQUIRER_KEYBINDINGS sets them for the prompts: Ctrl-P and Ctrl-N,
  // or k and j, move the pointer as the arrow keys do.
  const keybindings = useMemo(() => makeTheme().keybindings, []);
  // Drawn again at once when the window changes size (a phone turned, a window dragged), fitted
  // to it, rather than left as drawn until the next key.
  const [, setSize] = useState('');
  useEffect(() => {
    const resized = () => setSize(`${process.stdout.columns}x${process.stdout.rows}`);
    process.stdout.on('resize', resized);
    return () => void process.stdout.off('resize', resized);
  }, []);

  useKeypress((key, rl) => {
    // A k or j moves the pointer only while nothing is typed: after the first letter of a word
    // they are letters of it ("Walking"), and a capital J or K always is one, so that a choice
    // starting with one ("Joint chain") can still be typed by its name.
    const moving = typed === '' && !key.shift ? keybindings : keybindings.filter((each) => each !== 'vim');
    setNote(undefined);
    if (isEnterKey(key)) {
      // Enter alone picks the highlighted choice; after typed text, the choice that text names.
      const picked = typed.trim() === '' ? active : config.typed(typed);
      // Cleared, so that the next try is typed afresh rather than after the mistake.
      rl.clearLine(0);
      setTyped('');
      config.kept?.('');
      if (typeof picked === 'string') return setNote(picked);
      setActive(picked);
      if (choices[picked]!.disabled !== undefined) return setNote(config.notChosen);
      setStatus('done');
      done(choices[picked]!.value);
    } else if (isUpKey(key, moving) || isDownKey(key, moving)) {
      // Choosing with the arrows: what was typed no longer counts.
      rl.clearLine(0);
      setTyped('');
      config.kept?.('');
      const next = active + (isUpKey(key, moving) ? -1 : 1);
      if (next < 0 || next >= choices.length) return;
      setActive(next);
      config.pointed?.(choices[next]!.value);
    } else {
      // Escape clears what is typed; Backspace, Ctrl-U and the rest edit it as the line does.
      if (key.name === 'escape') rl.clearLine(0);
      setTyped(rl.line);
      config.kept?.(rl.line);
    }
  });

  const message = theme.style.message(config.message, status);
  const columns = process.stdout.columns || 80;
  const question = `${prefix} ${message}`;
  // A note under the list, and text typed after the question that takes it onto more rows, take
  // their rows from the list while they show, so that the question stays on a short terminal;
  // the pointer's choice stays in view. What the list cannot give up, the description gives.
  const shownNote = note === undefined ? undefined : (config.noteShown?.(note) ?? note);
  const taken = (shownNote ? rowsOf(theme.style.error(shownNote), columns) : 0) + (typed === '' ? 0 : typingRows(`${question} ${typed}`, columns) - rowsOf(question, columns));
  const pageSize = Math.max(1, config.pageSize - taken);
  const descriptionRows = config.descriptionRows === undefined ? Infinity : Math.max(0, config.descriptionRows - Math.max(0, taken - (config.pageSize - 1)));
  const page = usePagination({
    items: choices,
    active,
    renderItem({ item, isActive }) {
      const pointer = isActive ? '❯' : item.disabled === undefined ? ' ' : '-';
      if (item.disabled !== undefined) return theme.style.disabled(`${pointer} ${item.name} ${item.disabled}`);
      return isActive ? theme.style.highlight(`${pointer} ${item.name}`) : `${pointer} ${item.name}`;
    },
    pageSize,
    loop: false,
  });
  if (status === 'done') return `${prefix} ${message} ${theme.style.answer(choices[active]!.short)}`;
  const whole = choices[active]!.description;
  const description = whole === undefined ? undefined : cutToRows(whole, descriptionRows, columns);
  // A choice's name may take more than one line: the page counts lines.
  const lines = choices.reduce((sum, choice) => sum + `${choice.name} ${choice.disabled ?? ''}`.split('\n').length, 0);
  const keys = helpLine(keybindings, choices.length, lines <= pageSize, columns);
  const below = [page, ' ', description ? theme.style.description(description) : '', shownNote ? theme.style.error(shownNote) : '', keys].filter(Boolean).join('\n');
  return typed === '' ? `${question}\n${below}${cursorHide}` : [`${cursorShow}${question} ${typed}`, below];
});
