// The fixed terms itb says that a line break would make misleading, kept whole on one line by the
// wrapping of its text (wrap.ts) and of its help (commands/help.ts). Free of imports: every
// start that shows a help loads it.
//
// - "avoid for now", a bucket's name: broken, "now (1 drill)" begins a line as a new sentence;
// - "set aside", what happens to a drill that does not help: broken, "2 set" reads as sets done;
// - "y for yes", "n for no", the plain terminal's answers: broken, "for no" stands alone;
// - "re-test due": broken, "due (since ...)" names nothing;
// - a painful side ("right side painful"): broken, "right" reads as "correct";
// - a one-letter option that ends a clause, with the word before it ("with -o."): broken, "-o."
//   begins a line alone, as a list's dash with a stray mark;
// - -o with the file name after it ("-o report.html"): broken, "-o" ends a line as a stray dash.
// Ordinary words are broken anywhere: only a term whose pieces mislead is here. The text itself
// keeps plain spaces (no no-break ones), so a copy, a screen reader and a report read it as typed.
const TERMS = ['[Aa]void for now', '[Ss]et aside', 'y for yes', 'n for no', '[Rr]e-test due', '(?:left|right) side painful', 'both sides painful', '[a-z]+ -[a-z](?=[.,;:])', '-o [\\w-]+\\.\\w+'];

// Colour codes take no room, and may come before any word of a term (`re-test ${bold('due')}`).
const CODES = String.raw`(?:\x1b\[[\d;]*m)*`;

/**
 * A term of TERMS as a pattern to match at a word's start, a quote or bracket before it and what
 * sticks to its end ("now),") with it; never the start of a longer word ("n for now"). The curly
 * quotes are written as escapes (\u201c, \u2018): see scripts/build.mjs.
 */
export const KEPT_WHOLE = String.raw`${CODES}["\u201c\u2018(]?${CODES}(?:${TERMS.map((term) => term.replaceAll(' ', ` ${CODES}`)).join('|')})(?![\w-])\S*`;
