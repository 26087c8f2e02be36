// Brings a store file written by an older itb up to the shape this itb knows, in memory only:
// the file itself is rewritten by the next update, never by a read.
import type { core } from 'zod';
import { SCHEMA_VERSION, defaultSettings, storeSchema, type StoreData } from '../core/records.js';
import { controlCharacterPaths, readsInPath, withoutControlCharacters } from '../core/text.js';
import { plainIssue } from '../plain-issues.js';

/** Turns a store of one version into the next; the runner stamps the new schemaVersion. */
export type MigrationStep = (raw: Record<string, unknown>) => Record<string, unknown>;

/** One step per old version, keyed by the version it migrates *from*. */
export const migrations: Readonly<Record<number, MigrationStep>> = {
  // Version 2 only adds a field an attempt may have (its timed holds): a store of version 1 holds
  // none. Its attempts say nothing of holds, as none was counted then. The first itb versions, of
  // version 1, kept control characters typed into a note or test movement: they are taken out.
  1: (raw) => withoutControlCharacters(raw) as Record<string, unknown>,
};

/**
 * Why a store cannot be read, as the end of a sentence that starts with the file's name
 * ("… is empty"). The store turns it into a StoreError that names the file.
 */
export class StoreProblem extends Error {
  override name = 'StoreProblem';
  constructor(
    message: string,
    /** Replaces the usual "move it away or restore it" advice, e.g. "update itb". */
    readonly hint?: string,
  ) {
    super(message);
  }
}

export function emptyStore(): StoreData {
  return {
    schemaVersion: SCHEMA_VERSION,
    settings: { ...defaultSettings },
    sessions: [],
    moves: [],
    screenings: [],
    buckets: [],
  };
}

/** The parsed contents of a store file → a valid store of the current version, or a StoreProblem. */
export function migrate(raw: unknown): StoreData {
  return runMigrations(raw, migrations, SCHEMA_VERSION);
}

/** `migrate` with its table and target passed in, so the mechanism can be tried with made-up steps. */
export function runMigrations(
  raw: unknown,
  steps: Readonly<Record<number, MigrationStep>>,
  targetVersion: number = SCHEMA_VERSION,
): StoreData {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new StoreProblem(`does not hold itb data (expected a JSON object, found ${describe(raw)})`);
  }
  let data = raw as Record<string, unknown>;
  if (!('schemaVersion' in data)) {
    // An empty object is what a store with nothing saved yet looks like.
    if (Object.keys(data).length === 0) return emptyStore();
    throw new StoreProblem('has no schemaVersion, so itb cannot tell what it holds');
  }
  let version = data.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    // A number too large for JSON (1e400) is Infinity, which JSON would call null.
    throw new StoreProblem(`has an invalid schemaVersion (${typeof version === 'number' ? String(version) : JSON.stringify(version)})`);
  }
  if (version > targetVersion) {
    throw new StoreProblem(
      `was written by a newer itb (schemaVersion ${version}; this itb knows up to ${targetVersion})`,
      'Nothing was changed. Update itb to the latest version to open it.',
    );
  }
  while (version < targetVersion) {
    const step = steps[version];
    if (!step) throw new StoreProblem(`has schemaVersion ${version}, which this itb cannot convert`);
    data = { ...step(data), schemaVersion: version + 1 };
    version += 1;
  }
  const parsed = storeSchema.safeParse(data, storeIssues);
  if (!parsed.success) throw new StoreProblem(`does not have the expected shape: ${firstIssue(parsed.error.issues)}`);
  // They would reach the screen and the reports (see core/text). itb refuses them on the way in,
  // so a store holding one was changed by something else.
  const [control, ...more] = controlCharacterPaths(parsed.data);
  if (control) {
    throw new StoreProblem(
      `holds a control character (${control.character}) in ${control.path}${more.length > 0 ? ` and ${more.length} more ${more.length === 1 ? 'field' : 'fields'}` : ''}`,
      'Nothing was changed. itb never writes these: remove them from the file in a text editor, or move the file away and restore your data from an export with `itb import FILE`.',
    );
  }
  return parsed.data;
}

/** zod's checks of the store, with its problems in plain words. */
export const storeIssues = { error: (issue: core.$ZodRawIssue) => plainIssue(issue, (found) => `the store must be a set of fields, not ${found}`) };

/** The first zod issue as `path.to.field: message`. */
export function firstIssue(issues: readonly { path: readonly PropertyKey[]; message: string; code?: string; keys?: readonly string[] }[]): string {
  const issue = issues[0];
  if (!issue) return 'unknown problem';
  const keys = issue.path.filter((key) => typeof key !== 'symbol').map(String);
  const unknown = issue.code === 'unrecognized_keys' ? issue.keys?.[0] : undefined;
  // A field the store does not know (a hand edit) is named at its place; a name with spaces or
  // control characters in it would not read as part of a path, so it is quoted instead.
  if (unknown !== undefined && readsInPath(unknown)) return `${[...keys, unknown].join('.')}: unknown field`;
  const message = unknown !== undefined ? `unknown field ${JSON.stringify(unknown)}` : issue.message;
  const path = keys.join('.');
  return path ? `${path}: ${message}` : message;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true or false';
  return typeof value;
}
