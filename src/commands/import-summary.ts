// What an import did, or would do, to the store, in words: what it added, what it brought up to
// date, whether the buckets were cleared, and the settings taken or kept.
import type { Settings, StoreData } from '../core/records.js';
import { localDate } from '../core/history.js';
import { settingKeys } from '../core/settings.js';
import { andList } from '../core/terms.js';
import type { MergeOutcome } from '../export/merge.js';
import { plural } from '../export/words.js';
import { settingChange, settingWords } from './shared.js';

/**
 * What an import did (or would do) to the store as it was `before`; `madeStore`: there was none,
 * and the import made it; `fileSettings`: the file's; `itb`: how to start it (itbAsStarted).
 */
export function summary(outcome: MergeOutcome, before: StoreData, { dryRun, madeStore }: { dryRun: boolean; madeStore: boolean }, fileSettings: Settings, itb: string): string[] {
  const settingsBefore = before.settings;
  const { sessionsAdded, sessionsPresent, movesAdded, movesPresent, screeningsAdded } = outcome;
  const present = (n: number) => (n > 0 ? ` (${n} already present)` : '');
  const parts = [`${plural(sessionsAdded, 'session')}${present(sessionsPresent)}`, `${plural(movesAdded, 'manual move')}${present(movesPresent)}`];
  if (screeningsAdded > 0) parts.push(plural(screeningsAdded, 'red-flag screen'));
  // Nothing new: said first, in plain words, rather than as "Imported 0 sessions", which reads as
  // if something went wrong; then what the file holds, all of it already in the store.
  const lines = [changesNothing(outcome, before) ? nothingNewWords(outcome, dryRun, madeStore) : `${dryRun ? 'Would import' : 'Imported'} ${parts.join(', ')}.`];
  if (outcome.sessionsUpdated > 0) {
    const held = outcome.sessionsUpdated === 1 ? '1 session your store held unfinished' : `${outcome.sessionsUpdated} sessions your store held unfinished`;
    lines.push(`${held} ${dryRun ? 'would be' : outcome.sessionsUpdated === 1 ? 'was' : 'were'} brought up to date from the file.`);
  }
  if (outcome.resetTaken !== undefined) {
    const when = localDate(new Date(outcome.resetTaken));
    lines.push(
      `The file's buckets were cleared on ${when}, so yours ${dryRun ? 'would be' : 'are'} too: only what was decided since then puts a drill in a list (the evidence keeps every test; \`${itb} buckets\` shows them).`,
    );
  }
  if (outcome.settings === 'restored') {
    const changes = settingChanges(settingsBefore, outcome.data.settings);
    lines.push(`${dryRun ? 'Your settings would be restored from the file' : 'Settings restored from the file'} (${changes.join('; ')}).`);
  }
  if (outcome.settings === 'kept') {
    // Each named with both values: a threshold kept apart means this computer judges drills (or
    // dates re-tests) otherwise than the one that made the file, which the person may not want.
    const differ = settingKeys.filter((key) => settingsBefore[key] !== fileSettings[key]);
    const both = differ.map((key) => `${key} ${settingWords(settingsBefore[key])} (the file has ${settingWords(fileSettings[key])})`);
    lines.push(
      `Your own settings ${dryRun ? 'would be' : 'were'} kept: ${both.join(', ')}. A file's settings are taken only into a store with no sessions yet; \`${itb} settings KEY VALUE\` changes one.`,
    );
  }
  return lines;
}

/** Whether the import leaves the store as it was: nothing added, brought up to date, cleared or restored. */
function changesNothing(outcome: MergeOutcome, before: StoreData): boolean {
  const added = outcome.sessionsAdded + outcome.sessionsUpdated + outcome.movesAdded + outcome.screeningsAdded;
  return added === 0 && outcome.settings !== 'restored' && outcome.data.bucketsResetAt === before.bucketsResetAt;
}

/**
 * "Nothing changed", then what the file holds that the store has already. Where there was no
 * store (`madeStore`), there is now an empty one: it was not "as it was".
 */
function nothingNewWords(outcome: MergeOutcome, dryRun: boolean, madeStore: boolean): string {
  const held = [plural(outcome.sessionsPresent, 'session'), plural(outcome.movesPresent, 'manual move'), plural(outcome.screeningsPresent, 'red-flag screen')].filter((words) => !words.startsWith('0 '));
  if (madeStore) return 'Nothing was imported: the file holds no sessions and no manual moves. You had no store here yet: the import made an empty one.';
  if (dryRun) return held.length === 0 ? 'Nothing would change: the file holds no sessions and no manual moves.' : `Nothing would change: your store already holds all the file has: ${andList(held)}.`;
  return `Nothing changed: your store is as it was. ${held.length === 0 ? 'The file holds no sessions and no manual moves.' : `It already held all the file has: ${andList(held)}.`}`;
}

/** Each setting that differs, as `itb settings` says a change: `minImprovement: 2 → 1`. */
function settingChanges(before: Settings, after: Settings): string[] {
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])] as (keyof Settings)[];
  return keys.filter((key) => before[key] !== after[key]).map((key) => settingChange(key, before[key], after[key]));
}
