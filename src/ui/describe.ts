// How a drill's dose and side read in words, shared by `itb exercises` and the session.
import type { PainfulSide } from '../core/records.js';
import type { Dose, Side } from '../library/schema.js';

export function describeDose(dose: Dose): string {
  const parts: string[] = [];
  if (dose.sets) parts.push(`${dose.sets} ${dose.sets === 1 ? 'set' : 'sets'}`);
  if (dose.reps) parts.push(`${dose.reps} reps`);
  if (dose.holdSeconds) parts.push(`hold ${dose.holdSeconds} s`);
  return parts.join(' × ') + (dose.perSide ? ' per side' : '');
}

/** The side to work, in words; with the painful side known, the actual side is named. */
export function describeSide(side: Side, painful?: PainfulSide): string {
  switch (side) {
    case 'none':
      return 'no particular side';
    case 'both':
      return 'both sides';
    case 'painful':
      if (painful === 'left' || painful === 'right') return `your ${painful} side (the painful side)`;
      return painful === 'both' ? 'each painful side' : 'the painful side';
    case 'opposite':
      if (painful === 'left') return 'your right side (opposite the pain)';
      if (painful === 'right') return 'your left side (opposite the pain)';
      return painful === 'both' ? 'each side in turn, opposite the leg you are working on' : 'the side opposite the pain';
  }
}
