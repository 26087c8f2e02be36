// A test movement done on one leg, with both sides painful: the leg it is done on is part of what
// was rated ("step-down on the left leg"). Kept in the movement's words, the scores on one leg are
// never compared with those on the other, in a trend, the evidence or the advice, and every report
// says which leg it was without a field of its own.
import { compareInstants } from './instant.js';
import { movementKey } from './history.js';
import type { Session } from './records.js';

export const legs = ['left', 'right'] as const;
export type Leg = (typeof legs)[number];

/** What " on the right leg" adds to a movement's name: a one-leg movement's name leaves room for it. */
export const LEG_WORDS = ' on the right leg'.length;

/** A movement as recorded when done on one leg: "step-down on the left leg". */
export function onLeg(movement: string, leg: Leg): string {
  return `${movement} on the ${leg} leg`;
}

// "… on the left leg", "… on my Right leg", "… on left leg", in any capitals and spacing.
const LEG_AT_END = /^(.*\S)\s+on\s+(?:(?:the|my|your)\s+)?(left|right)\s+leg$/i;

/** The movement and the leg that `movement` names at its end ("step-down on the left leg"), if it names one. */
export function legNamed(movement: string): { movement: string; leg: Leg } | undefined {
  const match = LEG_AT_END.exec(movement.trim());
  return match ? { movement: match[1]!, leg: match[2]!.toLowerCase() as Leg } : undefined;
}

/**
 * The leg of the latest session that did `movement` on one leg with both sides painful: the leg
 * to offer first, so that it stays the same from one session to the next.
 */
export function lastLeg(sessions: readonly Session[], movement: string): Leg | undefined {
  const key = movementKey(movement);
  let latest: { at: string; leg: Leg } | undefined;
  for (const session of sessions) {
    if (session.side !== 'both') continue;
    const named = legNamed(session.movement);
    if (named === undefined || movementKey(named.movement) !== key) continue;
    if (latest === undefined || compareInstants(session.startedAt, latest.at) > 0) latest = { at: session.startedAt, leg: named.leg };
  }
  return latest?.leg;
}
