// How a drill's dose and side read in words, shared by `itb exercises` and the session.
import type { PainfulSide } from '../core/records.js';
import type { Dose, Side } from '../library/schema.js';

export function describeDose(dose: Dose): string {
  const parts: string[] = [];
  if (dose.sets) parts.push(`${dose.sets} ${dose.sets === 1 ? 'set' : 'sets'}`);
  if (dose.reps) parts.push(`${dose.reps} ${dose.reps === 1 ? 'rep' : 'reps'}`);
  if (dose.holdSeconds) parts.push(`hold ${dose.holdSeconds} s`);
  return parts.join(' × ') + (dose.perSide ? ' per side' : '');
}

/**
 * The side to work, in words; with the painful side known, the actual side is named. With pain
 * on both sides a one-sided drill is done on each side in turn, since each side is the painful
 * side of one and the opposite side of the other; the dose, given for one side, then holds for
 * each. A drill of both sides is done on each in turn when its dose is per side, a set at a time
 * as its steps say ("Switch sides and repeat"); without, its dose is one, for both sides at once
 * (a squat held on both legs), and the session's timer counts its holds so.
 */
export function describeSide(side: Side, painful: PainfulSide | undefined, dose: Pick<Dose, 'sets' | 'perSide'>): string {
  const eachInTurn = 'each side in turn, the full dose on each';
  switch (side) {
    case 'none':
      return 'no particular side';
    case 'both':
      if (!dose.perSide) return 'both sides at once';
      return (dose.sets ?? 1) > 1 ? 'each side in turn, a set at a time' : 'each side in turn';
    case 'painful':
      if (painful === 'left' || painful === 'right') return `your ${painful} side (the painful side)`;
      return painful === 'both' ? `${eachInTurn} (both sides are painful)` : `the painful side; when both sides are, ${eachInTurn}`;
    case 'opposite':
      if (painful === 'left') return 'your right side (opposite the pain)';
      if (painful === 'right') return 'your left side (opposite the pain)';
      return painful === 'both' ? `${eachInTurn} (both sides are painful)` : `the side opposite the pain; when both sides are painful, ${eachInTurn}`;
  }
}

/**
 * Where hold `n` of a dose of `sets` done on each side falls, for the timer to say: ", set 2,
 * first side". A per-side dose alternates, a set being a hold on one side and then the other, as
 * the drills' steps say ("Switch sides and repeat"); a drill done on each side in turn because
 * both sides are painful has its whole dose on one side, then on the other. Which side comes
 * first is the person's choice, so the sides are "first" and "second", not left and right.
 */
export function holdPlace(n: number, sets: number, wholeDoseEachSide: boolean): string {
  const first = wholeDoseEachSide ? n <= sets : n % 2 === 1;
  const set = wholeDoseEachSide ? ((n - 1) % sets) + 1 : Math.ceil(n / 2);
  return `${sets === 1 ? '' : `set ${set}, `}${first ? 'first' : 'second'} side`;
}
