// zod's default messages name types the way programmers do ("expected object, received array");
// these name them for people, for every file a person hands to itb: a library, a backup, the store.
import type { core } from 'zod';

const expectedWords: Record<string, string> = {
  string: 'text',
  number: 'a whole number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of fields',
};

/** How the message of a required field not written begins: isMissing (src/library/shape.ts) goes by it. */
export const MISSING = 'missing required field';

/**
 * The message for one zod issue, or undefined to keep zod's own. `atRoot` words the case where
 * the whole file is the wrong kind of thing, given what was found instead.
 */
export function plainIssue(issue: core.$ZodRawIssue, atRoot: (found: string) => string): string | undefined {
  const found = issue.input === null ? ' (nothing is written here)' : `, not ${describeValue(issue.input)}`;
  const foundAfterList = issue.input === null ? found : ` (not ${describeValue(issue.input)})`;
  switch (issue.code) {
    case 'invalid_type':
      // True or false is a choice of two: said, as the values of a choice are.
      if (issue.input === undefined) return issue.expected === 'boolean' ? `${MISSING} (true or false)` : MISSING;
      if (!issue.path?.length) return atRoot(describeValue(issue.input));
      return `must be ${expectedWords[issue.expected] ?? issue.expected}${inQuotes(issue.expected, issue.input) ? ', written without quotes' : ''}${found}`;
    case 'invalid_value': {
      const isVersion = issue.path?.length === 1 && issue.path[0] === 'version';
      // A choice (side, region, category): the values to write, as a wrong one is told them.
      if (issue.input === undefined) {
        // The version, left out of a file copied from its second line on: the line to add.
        if (isVersion) return `${MISSING}: write the line "version: ${String(issue.values[0])}" at the top of the file (the library format this itb reads)`;
        if (issue.values.length === 1) return `${MISSING} (it must be ${String(issue.values[0])})`;
        return `${MISSING} (one of: ${issue.values.map(String).join(', ')})`;
      }
      if (issue.values.length === 1) {
        // `version: "1"`: the number in quotes is text, which reads as "must be 1, not "1"" without this.
        const quotedNumber = typeof issue.values[0] === 'number' && typeof issue.input === 'string' && issue.input.trim() === String(issue.values[0]);
        const written = quotedNumber ? `, written without quotes${found}` : found;
        return `must be ${String(issue.values[0])}${written}${isVersion ? ' (the library format this itb reads)' : ''}`;
      }
      return `must be one of: ${issue.values.map(String).join(', ')}${foundAfterList}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be at least ${String(issue.minimum)}${found}`;
    case 'too_big':
      if (issue.origin === 'array') return `may have at most ${String(issue.maximum)} items`;
      if (issue.origin === 'string') return `must be at most ${String(issue.maximum)} characters long`;
      return `must be at most ${String(issue.maximum)}${found}`;
    case 'invalid_format':
      if (issue.format === 'url') return `must be a web address starting with https:// or http://${found}`;
      if (issue.format === 'datetime') return `must be a date and time such as 2026-11-20T09:30:00Z${found}`;
      if (issue.format === 'date') return `must be a day such as 2026-11-20${found}`;
      return `is not written the expected way${found}`;
    default:
      return undefined;
  }
}

/**
 * Whether `input` is the number or the true or false `expected`, written in quotes (`reps: "10"`,
 * `loading: "true"`), which makes it text: "must be a whole number, not "10"" would read as nonsense.
 */
function inQuotes(expected: string, input: unknown): boolean {
  if (typeof input !== 'string') return false;
  if (expected === 'int' || expected === 'number') return /^\d+$/.test(input.trim());
  return expected === 'boolean' && (input.trim() === 'true' || input.trim() === 'false');
}

/** A value as a problem quotes it: text in quotes, cut short past 40 characters. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a set of fields';
  return String(value);
}
