// Reading a backup for `itb import`: what else a file given to it may be, and the checks a
// backup passes before it is merged (see import-action.ts).
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import * as z from 'zod';
import { readsInPath, withoutControlCharacters } from '../core/text.js';
import { UserError } from '../errors.js';
import { plainIssue } from '../plain-issues.js';
import { cannotReadWords, codeOf, HELD_OPEN_ADVICE, NOT_REGULAR, readRegularFile, sizeWords, TOO_BIG } from '../regular-file.js';
import { unreadableAdvice } from '../unreadable.js';
import { byteWords, utf8Text } from '../utf8-text.js';
import { EXPORT_SCHEMA_VERSION, exportSchema, READ_SCHEMA_VERSIONS, type ParsedExport } from '../export/schema.js';
import { checkBackup } from './import-checks.js';
import { withVariable } from '../shell-word.js';
import { unusedName } from './export-names.js';
import { unreplacedTilde } from '../store/store-path.js';
import { shellPath } from './shared.js';
import { listed, placesIn, type NamePlace, type Places } from './import-places.js';

/**
 * The largest file itb imports: a backup of ten years of daily sessions is about 6 MB, and a file
 * is read whole into memory before it is checked.
 */
const IMPORT_SIZE_LIMIT = 100 * 1024 * 1024;

/**
 * The backup in `file`, checked whole, and how to name places in its text; a clear UserError for
 * every other kind of file or a damaged one. `itb` is the command as it was started (`npx itb`
 * through npx), for the commands the errors give to copy; `home`, ITB_HOME where it was started,
 * for those that set ITB_HOME for one command (see withVariable); `store`, the path of the store in
 * use, which is never a file to import; `env`, for the home folder of a `~` the shell left as it is.
 */
export async function readExport(file: string, itb: string, home?: string, store?: string, env: Record<string, string | undefined> = {}): Promise<{ backup: ParsedExport; places: Places }> {
  // An empty name is a slip (an unset shell variable, say), and "cannot read :" would hide it.
  if (file.trim() === '') throw new UserError('itb import needs the name of a backup file', `For example: \`${itb} import backup.json\`, for a backup that \`${itb} export -o backup.json\` wrote.`);
  // By its path or through a link: "use it with ITB_HOME" would send the person where they are.
  if (store !== undefined && sameFile(file, store)) {
    throw new UserError(
      `${file} is the store itb is using, so there is nothing to import from it`,
      `Nothing was imported. Everything in it is already yours here: \`${itb} history\` and \`${itb} buckets\` show it. To import, give a backup that \`${itb} export -o backup.json\` wrote.`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, IMPORT_SIZE_LIMIT);
  } catch (error) {
    const code = codeOf(error);
    if (code === TOO_BIG) {
      throw new UserError(
        `cannot read ${file}: it is larger than ${sizeWords(IMPORT_SIZE_LIMIT)}, the most itb imports`,
        `A backup of ten years of daily sessions is about 6 MB: check that this is a file written by \`${itb} export -o backup.json\`.`,
      );
    }
    // `-` names standard input to many commands (and `itb export -o -` writes there), but a backup
    // is read from a file: a file named `-` is read as any other.
    if (code === 'ENOENT' && file === '-') {
      throw new UserError('itb import reads a backup from a file, not from standard input', `Save the backup to a file first, then give its name: \`${itb} import backup.json\`.`);
    }
    // "~/backup.json" in quotes (or in Windows PowerShell 5.1): the home folder meant, written out,
    // as `itb export -o` says it of the same path.
    const unreplaced = code === 'ENOENT' ? unreplacedTilde(file, env) : undefined;
    if (unreplaced !== undefined) throw new UserError(`cannot read ${file}: there is no folder ${unreplaced.tilde} in ${process.cwd()}, where itb runs`, unreplaced.hint);
    const denied = code === 'EACCES' || code === 'EPERM';
    const hint = code === 'ENOENT' || code === 'EISDIR' || code === NOT_REGULAR ? `Give the path of a backup that \`${itb} export -o backup.json\` wrote.` : denied ? unreadableAdvice(file) : code === 'EBUSY' ? HELD_OPEN_ADVICE : undefined;
    throw new UserError(`cannot read ${file}: ${cannotReadWords(error, file)}`, hint);
  }
  // A backup zipped to send it, or a report printed to PDF, is not text at all: said for what it is.
  const packed = packedKind(bytes, itb);
  if (packed !== undefined) throw new UserError(`${file} is ${packed.what}`, packed.hint);
  const read = utf8Text(bytes);
  if ('foreign' in read) {
    const { line, col, byte } = read.foreign;
    throw new UserError(
      `${file} is not UTF-8 text: ${byteWords(byte)} at line ${line}, column ${col}`,
      `Nothing was imported. A backup written by \`${itb} export -o backup.json\` is UTF-8; an editor may have saved this one in another encoding.`,
    );
  }
  // Editors on some systems put a byte order mark in front; it is not part of the data.
  const text = read.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    throw new UserError(`${file} is empty`, `An itb backup is written by \`${itb} export -o backup.json\`; if a copy or download of it was cut off, make it again.`);
  }

  // The store's fingerprint, picked up with the store from its folder.
  if (text.startsWith('itb store schemaVersion ')) throw besideStoreError(file, itb, home);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    const report = reportKind(text);
    if (report) throw new UserError(`${file} is ${report}, which itb cannot read back`, importInstead(itb));
    // An exercise library (YAML) is used where it lies, not imported.
    if (/^(exercises|routines|movements|cues):/m.test(text)) {
      throw new UserError(
        `${file} looks like an exercise library, not a backup`,
        `Nothing was imported. A library is used from where it is: \`${itb} --data ${shellPath(file)} session\` (or ITB_DATA, see "Your own exercise library" in the README); \`${itb} validate ${shellPath(file)}\` checks it.`,
      );
    }
    const { findJsonSyntaxError } = await import('../json-position.js');
    const problem = findJsonSyntaxError(text);
    const where = problem ? ` at line ${problem.line}, column ${problem.col}: ${problem.message}` : '';
    throw new UserError(`${file} is not valid JSON${where}`, `An itb backup is written by \`${itb} export -o backup.json\`; check the file was not cut short or edited by hand.`);
  }

  const top = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  // The store's summary, the other file beside it.
  if (Object.hasOwn(top, 'summaryVersion')) throw besideStoreError(file, itb, home);
  // The store keeps its buckets as a list of decisions; a backup has lists by bucket, and the time it was made.
  if (typeof top.schemaVersion === 'number' && Array.isArray(top.buckets) && !Object.hasOwn(top, 'exportedAt')) {
    throw new UserError(`${file} is an itb store, not a backup`, storeHint(file, itb, home));
  }
  if (Number.isSafeInteger(top.schemaVersion) && (top.schemaVersion as number) > EXPORT_SCHEMA_VERSION) {
    throw new UserError(`${file} was written by a newer itb (export version ${top.schemaVersion})`, 'Update itb, then import it again.');
  }
  if (top.resourceType === 'Bundle') {
    throw new UserError(`${file} is a FHIR report, which itb cannot read back`, importInstead(itb));
  }
  // Every read command takes --json, so `itb history --json > backup.json` looks like a backup made.
  const command = printedBy(raw);
  if (command !== undefined) {
    throw new UserError(
      `${file} is what \`${itb} ${command} --json\` prints, which itb cannot read back`,
      `Nothing was imported. A backup is written by \`${itb} export -o backup.json\`.`,
    );
  }

  const places = placesIn(text);
  // A backup of version 1 may come from the first itb versions, which kept control characters
  // typed into a note or test movement (see withoutControlCharacters): they are taken out.
  const readable = top.schemaVersion === 1 ? withoutControlCharacters(raw) : raw;
  const parsed = exportSchema.safeParse(readable, { error: (issue) => plainIssue(issue, (found) => `an itb backup is a set of fields, not ${found}`) });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ issue, path: issue.path.filter((key): key is string | number => typeof key !== 'symbol') }));
    const place = places(issues.flatMap(({ issue, path }) => (issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...path, key]) : [path])));
    const problems = issues.flatMap(({ issue, path }) => {
      if (issue.code === 'unrecognized_keys') return unknownFields(path, issue.keys, place);
      const message = path.length > 0 && !hasPath(raw, path) ? 'missing' : issue.message;
      return [`${place(path)}: ${message}`];
    });
    const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
    // With the time a backup was made, it is one, edited or damaged since: not another kind of file.
    const backup = Object.hasOwn(top, 'exportedAt') && (READ_SCHEMA_VERSIONS as readonly unknown[]).includes(top.schemaVersion);
    throw new UserError(
      backup ? `${file} is an itb backup that cannot be read back as it is (${count})` : `${file} is not an itb export (${count})`,
      backup
        ? `Nothing was imported. A backup as \`${itb} export -o backup.json\` wrote it always passes: undo the changes made to it since (listed above), or export again.`
        : `Nothing was imported. Use a file written by \`${itb} export -o backup.json\`.`,
      undefined,
      listed(problems),
    );
  }
  checkBackup(file, parsed.data, places);
  return { backup: parsed.data, places };
}

/** Whether `a` and `b` are one file (the same path, a link to it, or a second name for it). */
function sameFile(a: string, b: string): boolean {
  try {
    const [first, second] = [statSync(a, { bigint: true }), statSync(b, { bigint: true })];
    return first.dev === second.dev && first.ino === second.ino;
  } catch {
    return false;
  }
}

/** What a file of bytes that are not text is, by the bytes it begins with (a zip archive, a PDF), or undefined. */
function packedKind(bytes: Buffer, itb: string): { what: string; hint: string } | undefined {
  const begins = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  const unpack = (tool: string) => `Nothing was imported. Unpack it first (open it, or run ${tool}), then import the backup .json file it holds.`;
  if (begins(0x50, 0x4b, 0x03, 0x04) || begins(0x50, 0x4b, 0x05, 0x06)) return { what: 'a zip archive, not a backup itself', hint: unpack('unzip') };
  if (begins(0x1f, 0x8b)) return { what: 'a compressed (gzip) file, not a backup itself', hint: unpack('gunzip') };
  if (begins(0x25, 0x50, 0x44, 0x46, 0x2d)) return { what: 'a PDF document, which itb cannot read back', hint: importInstead(itb) };
  return undefined;
}

/**
 * The hint for a report or other file itb wrote but cannot read back: the command that writes a
 * backup to a file, as `--format json` alone prints it on the screen.
 */
const importInstead = (itb: string) => `Import a backup instead: \`${itb} export -o backup.json\` writes one.`;

/** Which of itb's other reports `text` is, by how each begins ("a CSV report"), or undefined. */
function reportKind(text: string): string | undefined {
  // The first column of the CSV report, the doctype of the HTML one, the title of the Markdown one.
  if (/^session_id,session_started_at,/.test(text)) return 'a CSV report';
  if (/^\s*<(!doctype html|html)[\s>]/i.test(text)) return 'an HTML report';
  if (text.startsWith('# IT band self-assessment report')) return 'a Markdown report';
  return undefined;
}

/** Which read command's --json output `raw` is, by the fields each prints, or undefined. */
function printedBy(raw: unknown): string | undefined {
  const isFields = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  const libraryKind = (item: unknown) =>
    isFields(item) && typeof item.id === 'string' ? (Array.isArray(item.steps) ? 'exercises' : Array.isArray(item.exercises) ? 'routines' : undefined) : undefined;
  if (Array.isArray(raw)) return libraryKind(raw[0]);
  // A file with the time a backup was made is a backup, however edited: its own problems are listed instead.
  if (!isFields(raw) || Object.hasOwn(raw, 'exportedAt')) return undefined;
  if (Array.isArray(raw.sessions) && Array.isArray(raw.trend)) return 'history';
  if (Array.isArray(raw.rehab) && Array.isArray(raw.avoid) && Array.isArray(raw.untested)) return 'buckets';
  if (typeof raw.minImprovement === 'number' && typeof raw.flareRise === 'number' && typeof raw.retestAfterDays === 'number') return 'settings';
  // `itb exercises ID --json` prints the one drill.
  return libraryKind(raw);
}

/** For store.json.checked or store.json.summary given as a backup: the store is the store.json beside it. */
function besideStoreError(file: string, itb: string, home: string | undefined): UserError {
  const store = join(dirname(resolve(file)), 'store.json');
  const hint = existsSync(store)
    ? storeHint(store, itb, home, 'The store itself is the store.json beside it. ')
    : `Nothing was imported. The store itself is the store.json of the folder this file came from; a backup is written by \`${itb} export -o backup.json\`.`;
  return new UserError(`${file} is one of the files itb keeps beside its store to read it faster, not a backup`, hint);
}

/** How to use a store file given to `itb import`: in place, with ITB_HOME, or through a backup made from it. */
function storeHint(file: string, itb: string, home: string | undefined, lead = ''): string {
  const folder = dirname(resolve(file));
  // A name not taken where the person is, as itb export suggests: the command then writes it.
  const backup = shellPath(unusedName('backup', 'json'));
  if (basename(file) === 'store.json') {
    return (
      // In backquotes, so that a command is not broken across two lines (see ui/wrap.ts).
      `Nothing was imported. ${lead}To use it as it is, point ITB_HOME at its folder (\`${withVariable('ITB_HOME', folder, `${itb} buckets`, home)}\`); ` +
      `to merge it into your own, make a backup from it (\`${withVariable('ITB_HOME', folder, `${itb} export --format json -o ${backup}`, home)}\`) and import that.`
    );
  }
  return (
    'Nothing was imported. itb reads a store only as store.json in the folder ITB_HOME names: copy it under that name into a folder ' +
    `of its own and point ITB_HOME there to use it; to merge it into your own, run \`${itb} export --format json -o ${backup}\` with ` +
    'ITB_HOME pointing there, then import that backup.'
  );
}

/** What holds the fields at a place in a backup, by its path with list positions as *. */
const HOLDERS: Record<string, string> = {
  '': 'an itb backup has',
  period: 'the period has',
  settings: 'settings have',
  'sessions.*': 'a session has',
  'sessions.*.thresholds': 'thresholds have',
  'sessions.*.attempts.*': 'an attempt has',
  'sessions.*.results.*': 'a result has',
  'moves.*': 'a manual move has',
  'screenings.*': 'a red-flag screen has',
  'screenings.*.answers': 'the questions are',
  buckets: 'the buckets have',
  'exercises.*': 'a drill has',
  'exercises.*.dose': 'a dose has',
};

/**
 * One problem per field the backup does not know (a misspelling, most often), at the field
 * itself, with the fields that belong there. A name with spaces or control characters would
 * break the path: the path then stops at what holds it, and the name is quoted.
 */
function unknownFields(path: (string | number)[], keys: string[], place: NamePlace): string[] {
  const fields = fieldsAt(path);
  const holder = HOLDERS[path.map((key) => (typeof key === 'number' ? '*' : key)).join('.')] ?? 'the fields here are';
  const allowed = fields ? `; ${holder}: ${fields.join(', ')}` : '';
  return keys.map((key) => {
    const plain = readsInPath(key);
    const where = place(plain ? [...path, key] : path, [], [...path, key]);
    return `${where}: unknown field${plain ? '' : ` ${JSON.stringify(key)}`}${allowed}`;
  });
}

/** The names of the fields the export schema has at `path`, or undefined where it has none. */
function fieldsAt(path: (string | number)[]): string[] | undefined {
  const bare = (schema: z.ZodType): z.ZodType =>
    schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault ? bare(schema.unwrap() as z.ZodType) : schema;
  let schema: z.ZodType | undefined = exportSchema;
  for (const key of path) {
    const here: z.ZodType = bare(schema);
    if (here instanceof z.ZodArray && typeof key === 'number') schema = here.element as z.ZodType;
    else if (here instanceof z.ZodObject && typeof key === 'string') schema = here.shape[key] as z.ZodType | undefined;
    else return undefined;
    if (schema === undefined) return undefined;
  }
  const here = bare(schema);
  if (here instanceof z.ZodObject) return Object.keys(here.shape);
  // The red-flag answers: one field per question.
  if (here instanceof z.ZodRecord && here.keyType instanceof z.ZodEnum) return here.keyType.options.map(String);
  return undefined;
}

function hasPath(value: unknown, path: (string | number)[]): boolean {
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return false;
    value = (value as Record<string | number, unknown>)[key];
  }
  return true;
}
