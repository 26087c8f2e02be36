// The settings a user can change, what each means, and how a typed value is checked.
import { closest } from './closest.js';
import type { Settings } from './records.js';
import { defaultSettings, orList, painfulSides, sideNamed, symptomNamed, symptoms } from './terms.js';
import { controlCharacterIn, oneLineProblem, plainDigits } from './text.js';

export type SettingKey = keyof Settings;

interface Definition {
  meaning: string;
  allowed: string;
  parse: (text: string) => Settings[SettingKey] | undefined;
  /** Remembered answers may be cleared; the method's thresholds always have a value. */
  remembered: boolean;
}

/** The value a threshold has until it is changed, and goes back to when set to it again. */
export const settingDefault = (key: SettingKey): number | undefined => (Object.hasOwn(defaultSettings, key) ? defaultSettings[key as keyof typeof defaultSettings] : undefined);

// Full-width digits and letters (from a Japanese or Chinese keyboard) and the digits of other
// scripts are read as the plain ones they are, as a score typed in a session is; so is "2.0" or
// "2,0" (but not "1e2").
const plain = (text: string) => plainDigits(text).trim();
const wholeNumber = (min: number, max: number) => (text: string) => {
  const digits = /^(\d+)(?:[.,]0*)?$/.exec(plain(text))?.[1];
  const value = digits === undefined ? Number.NaN : Number(digits);
  return Number.isInteger(value) && value >= min && value <= max ? value : undefined;
};

export const settingDefinitions: Record<SettingKey, Definition> = {
  minImprovement: {
    meaning: 'points a score must fall for a drill to count as helping',
    allowed: 'a whole number from 1 to 3',
    parse: wholeNumber(1, 3),
    remembered: false,
  },
  flareRise: {
    meaning: 'a rise of this many points or more stops the drill as a flare-up',
    allowed: 'a whole number from 2 to 5',
    parse: wholeNumber(2, 5),
    remembered: false,
  },
  retestAfterDays: {
    meaning: 'days before a drill set aside is offered for a re-test',
    allowed: 'a whole number of days from 1 to 365',
    parse: wholeNumber(1, 365),
    remembered: false,
  },
  side: { meaning: 'your painful side', allowed: orList(painfulSides), parse: sideNamed, remembered: true },
  symptom: { meaning: 'what you rate', allowed: orList(symptoms), parse: symptomNamed, remembered: true },
  movement: {
    meaning: 'your test movement',
    allowed: 'a short description in plain text on one line, up to 200 characters',
    parse: movementText,
    remembered: true,
  },
};

/**
 * A test movement as typed, trimmed, when it is one: plain text on one line, up to 200
 * characters (as the store's schema counts them). Undefined otherwise.
 */
export function movementText(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed.length > 0 && trimmed.length <= 200 && !controlCharacterIn(trimmed, { oneLine: true }) ? trimmed : undefined;
}

// A score as it may be typed: "4", "4.5", "4/10", "4 / 10" (full-width digits too).
const SCORE_ALONE = /^\d+(?:[.,]\d+)?(?:\s*\/\s*10)?$/;

/**
 * Whether a test movement typed is a number alone ("4", "4/10"): most likely the score, typed
 * before it is asked for, or a place in a list, and never a movement a person means.
 */
export function scoreAlone(text: string): boolean {
  return SCORE_ALONE.test(plainDigits(text).trim());
}

export const settingKeys = Object.keys(settingDefinitions) as SettingKey[];

/** The setting `text` names, or why there is none, with the settings it is near as advice. */
export function findSettingKey(text: string): { ok: true; key: SettingKey } | { ok: false; reason: string; hint: string } {
  const key = settingKeys.find((candidate) => candidate.toLowerCase() === text.toLowerCase());
  if (key) return { ok: true, key };
  const near = closest(text, settingKeys);
  const suggestion = near.length > 0 ? `Did you mean ${near.join(' or ')}? ` : '';
  return { ok: false, reason: `there is no setting "${text}"`, hint: `${suggestion}The settings are: ${settingKeys.join(', ')}.` };
}

export function parseSetting(key: SettingKey, text: string): { ok: true; value: Settings[SettingKey] } | { ok: false; reason: string } {
  const definition = settingDefinitions[key];
  const value = definition.parse(text);
  // A long text is quoted by its start only: the error must stay readable. The cut never splits
  // an emoji (two UTF-16 units) in half.
  const quoted = text.length > 40 ? `${text.slice(0, 39).replace(/[\uD800-\uDBFF]$/, '')}…" (${text.length} characters)` : `${text}"`;
  if (value === undefined) {
    // A line break or tab (a pasted value) is named, as `itb session --movement` names it: quoted,
    // it would break the error's line. Other control characters are quoted as escapes.
    const problem = /[\t\n]/.test(text.trim()) ? oneLineProblem(text.trim()) : undefined;
    if (problem) return { ok: false, reason: `the ${key} holds ${problem}: use ${definition.allowed}` };
    // Nothing to quote: `"" is not a valid side` reads as a typo in the message itself.
    if (text.trim() === '') return { ok: false, reason: `the ${key} was left empty: use ${definition.allowed}` };
    return { ok: false, reason: `"${quoted} is not a valid ${key}: use ${definition.allowed}` };
  }
  return { ok: true, value };
}
