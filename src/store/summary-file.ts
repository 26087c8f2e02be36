// The store's summary (src/core/summary.ts) kept in a file beside it, `store.json.summary`, so that
// `itb buckets` reads tens of kilobytes instead of megabytes of sessions. Each save keeps it, and
// so does `itb buckets` when it found none to use and drew it from the store. The summary names the
// store file it was drawn from by what the file system says about it (device, inode, size, and the
// modification and change times to the nanosecond): any write to the store, by itb or anything
// else, changes those, and the summary no longer counts. (The one write it could miss is a change
// of the same length made in place within the same tick of the file system's clock, a few
// milliseconds, as an itb save: not something a person editing the file does.) While it is
// current it also vouches for the store's bytes, as the fingerprint does (summaryVouchesFor). It is
// only ever a shortcut: a missing, stale or damaged one means the store itself is read, never an
// error.
import { statSync } from 'node:fs';
import type { PainfulSide, StoreData, Symptom } from '../core/records.js';
import { painfulSides, SCHEMA_VERSION, symptoms } from '../core/terms.js';
import { summarize, type StoreSummary } from '../core/summary.js';
import { readSidecar, writeSidecar } from './sidecar.js';
import { storeFile } from './store-path.js';

export const summarySuffix = '.summary';

/** Raised when the shape of the summary, or a rule it is drawn by, changes: summaries made before are not used. */
const SUMMARY_VERSION = 23;

interface SummaryFile {
  summaryVersion: number;
  schemaVersion: number;
  /** identityOf the store file the summary was drawn from. */
  of: string;
  summary: StoreSummary;
}

/** The store file as the file system knows it now, or undefined when there is none. */
export function identityOf(storePath: string): string | undefined {
  try {
    const stat = statSync(storePath, { bigint: true });
    return [stat.dev, stat.ino, stat.size, stat.mtimeNs, stat.ctimeNs].join(':');
  } catch {
    return undefined;
  }
}

/**
 * The summary of the store as it is: the one kept beside it when it is current, else drawn from
 * the store itself and kept for the next command.
 */
export async function readSummary(env: Record<string, string | undefined>): Promise<StoreSummary> {
  const storePath = storeFile(env);
  const kept = readSummaryFile(storePath);
  if (kept) return kept;
  // Loaded only now: reading the whole store may need the hash of its bytes or the schema checker.
  const { readStore } = await import('./store-file.js');
  return drawSummary(storePath, () => readStore(env));
}

/**
 * The summary of the store as `read` gives it. It is kept beside the store when no save came
 * in between and no session is in progress, so that a store with no current summary (copied,
 * restored, or left by a session that was cut off) costs one slow read, not one per command.
 */
export async function drawSummary(storePath: string, read: () => Promise<StoreData>): Promise<StoreSummary> {
  const before = identityOf(storePath);
  const data = await read();
  const summary = summarize(data);
  const inProgress = data.sessions.some((session) => session.status === 'in-progress');
  if (before !== undefined && !inProgress && identityOf(storePath) === before) keepSummary(storePath, summary, before);
  return summary;
}

/**
 * The store as `read` gives it, with its kept summary when there is one and the store file stayed
 * the one it was drawn from all the while (so the two agree).
 */
export async function readWithSummary<T>(storePath: string, read: () => Promise<T>): Promise<{ data: T; summary?: StoreSummary }> {
  const before = identityOf(storePath);
  const summary = readSummaryFile(storePath);
  const data = await read();
  return summary && identityOf(storePath) === before ? { data, summary } : { data };
}

/** The summary of the store at `storePath` as it is now, when one was kept for exactly this file. */
export function readSummaryFile(storePath: string): StoreSummary | undefined {
  const of = identityOf(storePath);
  const text = of === undefined ? undefined : readSidecar(storePath + summarySuffix);
  if (text === undefined) return undefined;
  try {
    const kept = JSON.parse(text) as Partial<SummaryFile> | null;
    if (!kept || kept.of !== of || kept.summaryVersion !== SUMMARY_VERSION || kept.schemaVersion !== SCHEMA_VERSION) return undefined;
    return hasSummaryShape(kept.summary) ? kept.summary : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `summary` as that of the store file as it is now (call it right after writing the store, under its lock). */
export function writeSummaryFile(storePath: string, summary: StoreSummary): void {
  const of = identityOf(storePath);
  if (of !== undefined) keepSummary(storePath, summary, of);
}

/** Keeps `summary` as that of the store file known to the file system as `of` (see identityOf). */
export function keepSummary(storePath: string, summary: StoreSummary, of: string): void {
  writeSidecar(storePath + summarySuffix, `${headOf(of)}"summary":${JSON.stringify(summary)}}`);
}

/** The start of a kept summary's text, up to the summary itself: the SummaryFile's fields in order. */
const headOf = (of: string) => `{"summaryVersion":${SUMMARY_VERSION},"schemaVersion":${SCHEMA_VERSION},"of":${JSON.stringify(of)},`;

/**
 * Whether a summary was kept for the store file that is known to the file system as `of` (taken
 * before its bytes were read) and still is. itb keeps one only for a file it has just written or
 * read in full, so its bytes were checked against the schema then: reading them may skip the hash
 * that the fingerprint compares (./fingerprint.ts) as well as the check. Only the summary's head
 * is read: what it vouches for is the store, not its own content.
 */
export function summaryVouchesFor(storePath: string, of: string | undefined): boolean {
  if (of === undefined || identityOf(storePath) !== of) return false;
  return readSidecar(storePath + summarySuffix)?.startsWith(headOf(of)) === true;
}

/**
 * Only itb writes a summary, for the file it has just written; this guards against one damaged
 * or left by another version that kept the right name, so that it is passed over rather than
 * shown wrong or failing halfway. (Checked by hand: the schema checker is what this file spares.)
 */
function hasSummaryShape(value: unknown): value is StoreSummary {
  const summary = value as StoreSummary | undefined;
  const buckets = summary?.buckets;
  return (
    isObject(buckets) &&
    Array.isArray(buckets.entries) &&
    buckets.entries.every(isEntry) &&
    Array.isArray(buckets.observed) &&
    buckets.observed.every(isObservedPair) &&
    Number.isInteger(buckets.retestAfterDays) &&
    typeof buckets.sidesApart === 'boolean' &&
    isObject(buckets.thresholdsUsed) &&
    [buckets.thresholdsUsed.minImprovement, buckets.thresholdsUsed.flareRise].every((values) => Array.isArray(values) && values.every(isCount)) &&
    Array.isArray(buckets.earlierMoves) &&
    buckets.earlierMoves.every(isEarlierMovePair) &&
    isAdviceLog(summary!.advice) &&
    Number.isInteger(summary!.sessionCount) &&
    Number.isInteger(summary!.moveCount)
  );
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isInstant = (value: unknown) => typeof value === 'string' && !Number.isNaN(Date.parse(value));
const isCount = (value: unknown) => Number.isInteger(value);
const isNumberOrNull = (value: unknown) => value === null || typeof value === 'number';
const isInstantOrNull = (value: unknown) => value === null || isInstant(value);

function isEntry(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.exerciseId === 'string' &&
    (value.bucket === 'rehab' || value.bucket === 'avoid') &&
    isInstant(value.decidedAt) &&
    (value.source === 'session' || value.source === 'manual') &&
    typeof value.flare === 'boolean' &&
    (value.note === undefined || typeof value.note === 'string')
  );
}

function isEarlierMovePair(value: unknown): boolean {
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || !isObject(value[1])) return false;
  const move = value[1];
  return (move.bucket === 'rehab' || move.bucket === 'avoid') && isInstant(move.at) && typeof move.note === 'string' && isCount(move.testedSince);
}

function isObservedPair(value: unknown): boolean {
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || !isObject(value[1])) return false;
  const seen = value[1];
  return (
    [seen.tested, seen.helped, seen.helpedOnRetry, seen.changeCount, seen.flares, seen.tooLowToShowHelp].every(isCount) &&
    (seen.newestCouldNotShow === null || isCouldNotShow(seen.newestCouldNotShow)) &&
    (seen.newestFallNeeded === null || isCount(seen.newestFallNeeded)) &&
    typeof seen.changeSum === 'number' &&
    isNumberOrNull(seen.newestChange) &&
    isInstantOrNull(seen.newestAt) &&
    isInstantOrNull(seen.newestTestedAt) &&
    isInstantOrNull(seen.newestFlareAt) &&
    (seen.newestFlareSide === null || isSide(seen.newestFlareSide)) &&
    isInstantOrNull(seen.lastNameAt) &&
    (seen.lastName === null || typeof seen.lastName === 'string') &&
    isObject(seen.sides) &&
    Object.entries(seen.sides).every(([side, count]) => isSide(side) && isSideCount(count)) &&
    (seen.newestSide === null || isSide(seen.newestSide)) &&
    (seen.newestSymptom === null || symptoms.includes(seen.newestSymptom as Symptom)) &&
    (seen.newestMovement === null || typeof seen.newestMovement === 'string')
  );
}

const isSide = (value: unknown) => painfulSides.includes(value as PainfulSide);

/** [tested, helped, changeSum, changeCount], as Observed keeps them by side. */
function isSideCount(value: unknown): boolean {
  if (!Array.isArray(value) || value.length !== 4) return false;
  const [tested, helped, changeSum, changeCount] = value as unknown[];
  return [tested, helped, changeCount].every(isCount) && typeof changeSum === 'number';
}

function isCouldNotShow(value: unknown): boolean {
  return isObject(value) && (value.what === 'help' || value.what === 'flare-up') && isCount(value.from) && isCount(value.points);
}

function isAdviceLog(value: unknown): boolean {
  if (!isObject(value) || !isNumbers(value.loadedMs) || !isNumbers(value.flareUpsMs) || !Array.isArray(value.baselines)) return false;
  if (!Array.isArray(value.routines) || !value.routines.every(isRoutineLog)) return false;
  return value.baselines.every(
    (group: unknown) =>
      isObject(group) &&
      typeof group.rated === 'string' &&
      isSide(group.side) &&
      typeof group.said === 'string' &&
      isNumbers(group.startedMs) &&
      Array.isArray(group.scores) &&
      group.scores.length === group.startedMs.length &&
      group.scores.every(isCount),
  );
}

function isRoutineLog(value: unknown): boolean {
  if (!isObject(value) || typeof value.routine !== 'string' || !isSide(value.side) || !isNumbers(value.startedMs)) return false;
  const { startedMs, completed, gotThrough, tried } = value;
  return (
    Array.isArray(completed) &&
    completed.length === startedMs.length &&
    completed.every((done) => typeof done === 'boolean') &&
    Array.isArray(gotThrough) &&
    gotThrough.length === startedMs.length &&
    gotThrough.every(isCount) &&
    Array.isArray(tried) &&
    tried.length === startedMs.length &&
    tried.every((ids) => Array.isArray(ids) && ids.every((id) => typeof id === 'string'))
  );
}

const isNumbers = (value: unknown): value is number[] => Array.isArray(value) && value.every(Number.isFinite);
