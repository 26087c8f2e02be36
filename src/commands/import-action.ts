// What `itb import` does (declared in import.ts).
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { localDate, localDateTime } from '../core/history.js';
import { andList, redFlags } from '../core/terms.js';
import { screenDue } from '../core/screening.js';
import { screenWords } from '../export/screen-words.js';
import type { Screening, StoreData } from '../core/records.js';
import { UserError } from '../errors.js';
import { differingFields, editedBucketLists, mergeExport, sameMove, type ListedElsewhere, type MergeOutcome } from '../export/merge.js';
import type { ParsedExport } from '../export/schema.js';
import { plural } from '../export/words.js';
import { StoreError } from '../store/store-errors.js';
import { StoppedWaiting, Store } from '../store/store.js';
import { dayIn } from '../time-zone.js';
import { sessionWords } from './import-checks.js';
import { listed, SHOWN_PROBLEMS, type Places } from './import-places.js';
import { readExport } from './import-read.js';
import { listenForCtrlC, stoppedAfterSaving, stoppedBeforeSaving, type CtrlC } from './import-stop.js';
import { shellPath } from '../shell-word.js';
import { itbAsTyped, itbWithLibrary, libraryFor, notice, notInLibraryWords, paint } from './shared.js';
import { beforeResetWords, changeLines, drillNames, importChanges, restoredWords } from './import-changes.js';
import { summary } from './import-summary.js';
import { HOUR_MS } from '../core/durations.js';

export async function importExport(ctx: Context, file: string, options: { dryRun?: boolean }, command: Command) {
  const ctrlC = listenForCtrlC();
  try {
    const store = Store.open(ctx.env, ctx);
    const { backup, places } = await readExport(file, itbAsTyped(ctx, command), ctx.env.ITB_HOME, store.path, ctx.env);
    await importInto(store, ctx, file, backup, places, options, command, ctrlC);
  } catch (error) {
    // Ctrl-C while another itb held the store: the wait ended, and nothing was saved.
    if (error instanceof StoppedWaiting) throw stoppedBeforeSaving(file, itbWithLibrary(ctx, command), false);
    // A damaged store's advice ends in `itb import FILE`: here FILE is the one just given.
    if (error instanceof StoreError && error.hint?.includes(IMPORT_FILE)) {
      throw new StoreError(error.message, error.hint.replace(IMPORT_FILE, `\`itb import ${shellPath(file)}\``), error.exitCode, error.details);
    }
    throw error;
  } finally {
    ctrlC.end();
  }
}

const IMPORT_FILE = '`itb import FILE`';

async function importInto(store: Store, ctx: Context, file: string, backup: ParsedExport, places: Places, options: { dryRun?: boolean }, command: Command, ctrlC: CtrlC) {
  // The commands it suggests go with the library in use: buckets and advice go by it.
  const itb = itbWithLibrary(ctx, command);
  let outcome: MergeOutcome | undefined;
  // Whether the safety questions were due before the import (screenDue), to say when it brings them back.
  let screenDueBefore = true;
  // The store as it was, to name each drill whose bucket the import changes, and each setting a
  // restore replaces (said, so that none is changed unseen).
  let before: StoreData | undefined;
  // An import saves the store even when it adds nothing: where there was none, it makes one.
  let madeStore = false;
  const refuseConflicts = (data: StoreData, merged: MergeOutcome) => {
    if (merged.conflicts.length > 0 || merged.moveConflicts.length > 0) throw conflictError(file, merged, backup, places, data, store.path);
  };
  if (options.dryRun) {
    const data = store.read();
    outcome = mergeExport(data, backup);
    screenDueBefore = screenDue(data.screenings);
    before = data;
    refuseConflicts(data, outcome);
  } else {
    // Ctrl-C while the file was read: nothing is saved.
    if (await ctrlC.heardBy()) throw stoppedBeforeSaving(file, itb, false);
    madeStore = !existsSync(store.path);
    // One locked update: the merge runs on what is on disk at that moment, and a conflict
    // throws before anything is written. So does a Ctrl-C heard while the lock was taken; from
    // the merge to the end of the save nothing pauses, so none is heard in between.
    await store.update((data) => {
      if (ctrlC.heard()) throw stoppedBeforeSaving(file, itb, false);
      outcome = mergeExport(data, backup);
      screenDueBefore = screenDue(data.screenings);
      before = data;
      refuseConflicts(data, outcome);
      return outcome.data;
    });
  }
  for (const line of summary(outcome!, before!, { dryRun: Boolean(options.dryRun), madeStore }, backup.settings, itb)) notice(ctx, line);
  // A library that cannot be read is said by the commands that use it; the import is done.
  const library = await libraryFor(ctx, command).catch(() => undefined);
  const nameOf = drillNames(outcome!.data, library);
  if (outcome!.beforeOwnReset !== undefined) notice(ctx, beforeResetWords(outcome!.beforeOwnReset, nameOf, Boolean(options.dryRun), itb));
  const changes = importChanges(before!, outcome!.data, nameOf);
  const restored = changes.length === 0 ? undefined : restoredWords(before!, outcome!.data, backup.buckets, Boolean(options.dryRun), itb);
  if (restored !== undefined) notice(ctx, restored);
  else if (changes.length > 0) ctx.stderr.write(`${changeLines(changes, paint(ctx, command, ctx.stderr), Boolean(options.dryRun), itb).join('\n')}\n`);
  if (!screenDueBefore && screenDue(outcome!.data.screenings)) notice(ctx, screenAgainWords(outcome!.data.screenings.at(-1)!, Boolean(options.dryRun)));
  const edited = editedBucketLists(backup);
  if (edited.length > 0) notice(ctx, editedListsWords(edited, nameOf, Boolean(options.dryRun), itb));
  // Merged into a history, the file adds to it; restored, what it leaves out is missing.
  const zoneHere = () => ctx.timeZone?.() ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const partial = outcome!.intoEmpty ? partialWords(backup, Boolean(options.dryRun), zoneHere) : undefined;
  if (partial !== undefined) notice(ctx, partial);
  const ahead = datedAheadWords(backup, ctx.now(), Boolean(options.dryRun), itb);
  if (ahead !== undefined) notice(ctx, ahead);
  const strangers = library === undefined ? undefined : strangerWords(backup, new Set(library.exercises.map((exercise) => exercise.id)), Boolean(options.dryRun), itb, notInLibraryWords(ctx, command));
  if (strangers !== undefined) notice(ctx, strangers);
  if (options.dryRun) notice(ctx, 'Dry run: nothing was changed.');
  // Heard after the save (or in a dry run, which saves nothing): what was said above stands.
  if (await ctrlC.heardBy()) throw options.dryRun ? stoppedBeforeSaving(file, itb, true) : stoppedAfterSaving();
}

/**
 * That the file's bucket lists are not what its records give, and how to move a drill. Either side
 * may be the edit: lists changed, or sessions and moves taken out. Drills go by their names, as
 * the import's other words say them; the id only in the command to copy.
 */
function editedListsWords(edited: ListedElsewhere[], nameOf: (exerciseId: string) => string, dryRun: boolean, itb: string): string {
  const where = (bucket: ListedElsewhere['listed']) => (bucket === 'untested' ? 'untested' : bucket === 'avoid' ? 'in avoid for now' : 'in rehab');
  const drills = edited.slice(0, SHOWN_PROBLEMS).map(({ exerciseId, listed, decided }) => `${nameOf(exerciseId)} is ${where(decided)} (the file has it ${where(listed)})`);
  if (edited.length > SHOWN_PROBLEMS) drills.push(`and ${edited.length - SHOWN_PROBLEMS} more`);
  const move = edited.find((drill) => drill.listed !== 'untested');
  return (
    `The bucket lists in the file do not agree with its sessions and manual moves (the file was edited by hand), so they ${dryRun ? 'would not be' : 'were not'} taken: itb works out the buckets from those records, by which ${drills.join(', ')}.` +
    (move === undefined ? '' : ` To move a drill yourself, run \`${itb} buckets move ${move.exerciseId} ${move.listed}\`.`)
  );
}

/**
 * That the file's latest red-flag screen did not go on, and is later than the one here that did:
 * the person was told on the other computer that the questions come again, so they do here.
 */
function screenAgainWords(latest: Screening, dryRun: boolean): string {
  const { yes } = screenWords(latest);
  const answered = Object.keys(latest.answers).length;
  const what = yes.length > 0 ? `yes to ${andList(yes.map((label) => label.toLowerCase()))}` : `stopped after ${answered} of ${redFlags.length} questions`;
  return (
    `The file's red-flag screen of ${localDateTime(new Date(latest.at))} (${what}) did not go on, and is the latest: ` +
    `the safety questions ${dryRun ? 'would come' : 'come'} again before your next session.`
  );
}

/**
 * What a backup of a period gives back when restored (or would, in a dry run); undefined for a
 * full backup. `zoneHere`: this computer's time zone, as a report names it.
 */
function partialWords(backup: ParsedExport, dryRun: boolean, zoneHere: () => string): string | undefined {
  const [are, shows] = dryRun ? ['would be', 'would show'] : ['are', 'shows'];
  const { since, timeZone } = backup.period;
  // The period's days are those of the computer that made the file: so is the day it was made
  // (this computer's day, for a file that does not name its zone or names one unknown here).
  const exportedAt = new Date(backup.exportedAt);
  const madeOn = (timeZone === undefined ? undefined : dayIn(exportedAt, timeZone)) ?? localDate(exportedAt);
  // A period up to the day the backup was made, or later, left nothing out at its end.
  const until = backup.period.until !== null && backup.period.until < madeOn ? backup.period.until : null;
  if (since === null && until === null) return undefined;
  // Midnight there is not midnight here: days of another zone say which.
  const days = timeZone === undefined || timeZone === zoneHere() ? '' : ` (days in ${timeZone})`;
  // Nothing before the period is in the file, so the buckets start again from its sessions.
  const untestedBefore = (day: string) => `a drill set aside or kept before ${day} is not in it, so it ${shows} as untested until tried again`;
  if (since !== null && until !== null) {
    return `The file holds only the records from ${since} to ${until}${days}: your buckets ${are} restored as they stood at its end, except that ${untestedBefore(since)}.`;
  }
  if (since !== null) return `The file holds only the records from ${since} on${days}: ${untestedBefore('then')}.`;
  return `The file holds the records up to ${until} only${days}: your buckets ${are} restored as they stood then.`;
}

/**
 * Drills of the file that the library in use does not have: tested with a library of one's own on
 * the other computer, which a backup does not hold. Their results are kept all the same, and
 * `itb buckets` marks them with `marked` (notInLibraryWords).
 */
function strangerWords(backup: ParsedExport, known: Set<string>, dryRun: boolean, itb: string, marked: string): string | undefined {
  const ids = [...backup.sessions.flatMap((session) => [...session.attempts, ...session.results]), ...backup.moves].map((record) => record.exerciseId);
  const missing = [...new Set(ids)].filter((id) => !known.has(id));
  if (missing.length === 0) return undefined;
  const named = missing.slice(0, SHOWN_PROBLEMS).join(', ') + (missing.length > SHOWN_PROBLEMS ? ` and ${missing.length - SHOWN_PROBLEMS} more` : '');
  const [drills, its, it] = missing.length === 1 ? ['1 drill of the file is', 'its', 'it'] : [`${missing.length} drills of the file are`, 'their', 'them'];
  return (
    `${drills} not in the exercise library in use here (${named}): ${its} results ${dryRun ? 'would be' : 'are'} kept, and \`${itb} buckets\` ${dryRun ? 'would mark' : 'marks'} ${it} "${marked}". ` +
    `A backup does not hold a library of your own: if you used one on the other computer, copy that file too and use it with --data or ITB_DATA.`
  );
}

/**
 * Records of the file dated ahead of this computer's clock (by more than an hour, beyond any
 * difference between two clocks): made on a computer whose clock ran ahead, or this one's is
 * behind. Buckets go by the latest decision, so until that time comes a drill they decided keeps
 * that decision whatever a session here finds.
 */
function datedAheadWords(backup: ParsedExport, now: Date, dryRun: boolean, itb: string): string | undefined {
  const after = now.getTime() + HOUR_MS;
  const times = [...backup.sessions.map((session) => session.startedAt), ...backup.moves.map((move) => move.at)].filter((at) => Date.parse(at) > after);
  if (times.length === 0) return undefined;
  const latest = times.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
  const [records, it, It, was] = times.length === 1 ? ['1 record in the file is', 'it', 'It', 'was'] : [`${times.length} records in the file are`, 'them', 'They', 'were'];
  const imported = dryRun ? `${It} would be imported` : `${It} ${was} imported`;
  return (
    `${records} dated after now, up to ${localDateTime(new Date(latest))}: the clock of the computer that made ${it} was likely ahead, or this one's is behind. ` +
    `${imported} as dated. A later session or \`${itb} buckets move\` still changes a drill ${it === 'it' ? 'it' : 'they'} decided, dated just after ${it === 'it' ? 'it' : 'them'}: a drill set aside by hand is then offered for a re-test only after that time, one a session set aside from the day it was tested.`
  );
}

/**
 * Sessions of the file whose id the store holds with other contents, each named as `itb history`
 * shows it (start and routine), and moves that differ from the store's move of the same drill at
 * the same instant; each by its place in the file, with the fields that differ.
 */
function conflictError(file: string, outcome: MergeOutcome, backup: ParsedExport, places: Places, data: StoreData, storePath: string): UserError {
  const sessionsAt = outcome.conflicts.map((id) => backup.sessions.findIndex((session) => session.id === id));
  const movesAt = outcome.moveConflicts.map((theirs) => backup.moves.indexOf(theirs));
  const place = places([...sessionsAt.map((index) => ['sessions', index]), ...movesAt.map((index) => ['moves', index])]);
  const differ = (where: string, fields: string[]) => `${where}: ${andList(fields)} ${fields.length === 1 ? 'differs' : 'differ'} from your store's`;
  const sessionLines = sessionsAt.map((index) => {
    const theirs = backup.sessions[index]!;
    const mine = data.sessions.find((session) => session.id === theirs.id)!;
    return differ(place(['sessions', index], sessionWords(theirs)), differingFields(mine, theirs));
  });
  const moveLines = movesAt.map((index) => {
    const theirs = backup.moves[index]!;
    const mine = data.moves.find((move) => sameMove(move, theirs))!;
    return differ(place(['moves', index], [localDateTime(new Date(theirs.at)), theirs.exerciseId]), differingFields(mine, theirs));
  });
  const sessions = outcome.conflicts.length;
  const moves = outcome.moveConflicts.length;
  const what = [
    sessions === 0 ? '' : sessions === 1 ? 'a session' : `${sessions} sessions`,
    moves === 0 ? '' : moves === 1 ? 'a manual move' : `${moves} manual moves`,
  ].filter(Boolean);
  const one = sessions + moves === 1;
  // Started afresh from the file, the store would lack what only it holds: said, with how much, so
  // that the way out offered loses nothing unseen (it stays in the store moved away).
  const onlyHere = [
    plural(data.sessions.filter((mine) => !backup.sessions.some((theirs) => theirs.id === mine.id)).length, 'session'),
    plural(data.moves.filter((mine) => !backup.moves.some((theirs) => sameMove(mine, theirs))).length, 'manual move'),
  ].filter((words) => !words.startsWith('0 '));
  const leftOut = onlyHere.length === 0 ? '' : ` Your store also holds ${onlyHere.join(' and ')} that the file does not: the new store would not have them, though the one moved away keeps them.`;
  return new UserError(
    `${file} holds ${what.join(' and ')} that ${one ? 'differs' : 'differ'} from your store's own record${one ? '' : 's'} of ${one ? 'it' : 'them'}`,
    `Nothing was imported: your store keeps its own version. If the file's is the one to trust, move your store (${storePath}) away and import the file into an empty one.${leftOut}`,
    undefined,
    listed([...sessionLines, ...moveLines]),
  );
}
