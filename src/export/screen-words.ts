// The words the reports give a red-flag screen: its questions as a clinician reads them, and what
// the person answered and did next. The person themselves is shown each question as it was asked
// (see session-screen.ts).
import type { RedFlag, Screening } from '../core/records.js';

/** The red-flag questions of the first session, as short labels a clinician reads. */
export const redFlagLabels: Record<RedFlag, string> = {
  'recent-injury': 'Recent fall or injury',
  swelling: 'Marked swelling',
  'locking-or-giving-way': 'Knee locking or giving way',
  'numbness-or-tingling': 'Numbness or tingling',
  'fever-or-unwell': 'Fever or feeling unwell',
  'night-or-rest-pain': 'Pain at night or at rest',
};

/**
 * What each red-flag screen asked, so that "none" says something, and when: a "none" of the first
 * session is not an answer of every one since.
 */
export const RED_FLAG_QUESTIONS_ASKED = `Each screen asks about: ${Object.values(redFlagLabels)
  .map((question) => question.toLowerCase())
  .join('; ')}. They are asked before the first session, and again only after a screen that did not go on: not at every session.`;

/** One red-flag screen: the questions answered yes, and what the person did next. */
export function screenWords(screening: Screening): { yes: string[]; then: string } {
  const flags = Object.keys(redFlagLabels) as RedFlag[];
  const yes = flags.filter((flag) => screening.answers[flag]).map((flag) => redFlagLabels[flag]);
  const answered = flags.filter((flag) => screening.answers[flag] !== undefined).length;
  if (answered < flags.length) return { yes, then: `stopped after ${answered} of ${flags.length} questions; did not go on` };
  const next = screening.proceeded ? 'chose to go on' : 'did not go on';
  return { yes, then: yes.length === 0 ? 'went on' : `advised to see a clinician first; ${next}` };
}

export const anyRedFlag = (screens: Screening[]): boolean => screens.some((screen) => screenWords(screen).yes.length > 0);
