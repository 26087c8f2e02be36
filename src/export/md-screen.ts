// The Markdown report on a terminal: broken between words to the screen's width, still Markdown.
import { hanging, wrap } from '../ui/wrap.js';

/**
 * The report as a terminal shows it: each paragraph and list item broken between words to the
 * width of the screen, the later lines of an item under its text, rather than cut mid-word at the
 * edge. Headings and table rows stay whole, for the programs that read them. It is still
 * Markdown: a broken line joins its paragraph or item again.
 */
export function mdOnScreen(markdown: string): string {
  return markdown
    .split('\n')
    .flatMap((line) => {
      if (line === '' || line.startsWith('#') || line.startsWith('|')) return [line];
      const marker = /^(?:- |\d+\. )/.exec(line)?.[0];
      const text = marker === undefined ? line : line.slice(marker.length);
      const glued = glueMarkers(text);
      const lines = marker === undefined ? wrap(glued) : hanging(marker, glued);
      return glued === text ? lines : lines.map((broken) => broken.replaceAll(GLUE, ' '));
    })
    .join('\n');
}

/**
 * A line broken before a word like "-", "1." or ">" ("stretch - gently") would start with it and
 * read as a list item, heading or quote of its own, and one of "=" or "-" alone ("stairs ===")
 * would make the line above it a heading: such a word is kept on a line with the word before it,
 * joined by a character that stands in for the space while the line is broken.
 */
const GLUE = '\uE000';
const BLOCK_WORD = /(?<=\S) (?=(?:[+*>]|-+|=+|#{1,6}|\d{1,9}[.)])(?: |$))/g;
const glueMarkers = (text: string): string => (text.includes(GLUE) ? text : text.replace(BLOCK_WORD, GLUE));
