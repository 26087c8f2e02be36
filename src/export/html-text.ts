// The pieces of the HTML report's markup: text escaped and isolated, dates kept whole, the boxes
// that scroll sideways.
import { dateTimeOf } from './words.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/**
 * Text a person typed or a library gave, escaped and isolated, so that right-to-left text cannot
 * carry the numbers and signs next to it into its own direction.
 */
export function userText(text: string): string {
  return `<bdi>${esc(text)}</bdi>`;
}

/**
 * userText for a narrow column of a table: a short word with a hyphen in it (joint-chain,
 * step-down) stays on one line, where a browser would break it after the hyphen into what reads
 * as two words; a longer one may still break, rather than widen the column off a printed page.
 */
export function cellText(text: string): string {
  const words = text.split(/(\s+)/).map((word) => (word.includes('-') && word.length <= WHOLE_WORD_MOST ? `<span class="whole">${esc(word)}</span>` : esc(word)));
  return `<bdi>${words.join('')}</bdi>`;
}

/** The longest hyphenated word cellText keeps whole: as long as the built-in library's longest ids of routines and test movements (running-in-place). */
const WHOLE_WORD_MOST = 16;

/** A note as userText writes it, keeping its line breaks. */
export function userLines(text: string): string {
  return `<bdi class="lines">${esc(text.trim())}</bdi>`;
}

/**
 * A box that scrolls sideways on a screen too narrow for what it holds, named by the element
 * `labelledBy`: the Tab key reaches it, to scroll it with the arrow keys without a mouse, and a
 * screen reader says what it holds.
 */
export const scrollBox = (className: string, labelledBy: string) => `<div class="${className}" role="region" tabindex="0" aria-labelledby="${labelledBy}">`;

export function head(cells: string[]): string {
  return `<thead><tr>${cells.map((cell) => `<th>${esc(cell)}</th>`).join('')}</tr></thead>`;
}

/**
 * Each YYYY-MM-DD kept on one line, in a table or in running text: a browser breaks a line after
 * a hyphen, and "2026-11-" at the end of a line reads as a date of its own. A start time may
 * still go under its date.
 */
export function unbrokenDates(html: string): string {
  return html.replace(/\d{4}-\d\d-\d\d/g, '<span class="day">$&</span>');
}

/**
 * When a session started, its date kept on one line as unbrokenDates keeps it, without a search
 * and replace in each of thousands of rows: the text is "YYYY-MM-DD HH:MM", with nothing to
 * escape, whenever its year has four digits.
 */
export function startedCell(iso: string): string {
  const started = dateTimeOf(iso);
  return FOUR_DIGIT_YEAR.test(started) ? `<span class="day">${started.slice(0, 10)}</span>${started.slice(10)}` : unbrokenDates(esc(started));
}

const FOUR_DIGIT_YEAR = /^\d{4}-/;
