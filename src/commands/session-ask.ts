// One question of the session's state machine put to the person: what to do first (the drill's
// card, the test movement), then the prompt, its answer returned in the state machine's terms.
import type { ExerciseStatus } from '../core/buckets.js';
import { localDate, movementKey, movementWords } from '../core/history.js';
import { judge, parseScore, type Answer, type Ask } from '../core/session.js';
import type { Thresholds } from '../core/records.js';
import type { Exercise } from '../library/schema.js';
import type { Colours } from '../ui/colour.js';
import type { Prompter } from '../ui/prompter.js';
import { holdPlace } from '../ui/describe.js';
import { drillCard, drillHeading } from '../ui/session-view.js';
import { width } from '../ui/width.js';
import { onScreen, wrap } from '../ui/wrap.js';
import { plural, yourSide } from '../export/words.js';
import type { Plan } from './session-setup.js';
import type { SessionOptions } from './session.js';

interface Turn {
  plan: Plan;
  exercises: Map<string, Exercise>;
  prompter: Prompter;
  options: SessionOptions;
  colour: Colours;
  say: (text: string) => void;
  thresholds: Thresholds;
}

/** Puts one question of the state machine to the user and returns the answer in its terms. */
export async function ask(question: Exclude<Ask, { kind: 'finished' }>, turn: Turn): Promise<Answer> {
  const { plan, exercises, prompter, options, colour, say, thresholds } = turn;
  const rate = async (message: string, reminder?: () => string[]): Promise<number> => {
    const text = await prompter.input({
      message,
      reminder,
      validate: (typed) => {
        const read = parseScore(typed);
        return read.ok ? true : read.reason;
      },
      // " 7 " or "+7" stays on screen as the 7 it is read as.
      shown: (typed) => {
        const read = parseScore(typed);
        return read.ok ? String(read.score) : typed;
      },
    });
    const parsed = parseScore(text);
    if (!parsed.ok) throw new Error(parsed.reason); // the prompt validated it already
    return parsed.score;
  };
  // What to do, then the question on a line of its own: short enough for the prompt never to
  // wrap in the middle of a word.
  const doMovement = (when: string) => say(`${wrap(`Do your test movement (${plan.movement}) ${when}.`, 78).join('\n')}\n`);
  // Which drill a question is about, said again when it is asked again after Ctrl-Z and fg: its
  // card, above, may have gone off the screen during the pause (a phone call, say).
  const which = (at: { exercise: { id: string }; index: number; total: number; attempt: 1 | 2 }) => () =>
    drillHeading({ exercise: exercises.get(at.exercise.id)!, index: at.index, total: at.total, attempt: at.attempt }, colour);
  switch (question.kind) {
    case 'baseline':
      doMovement('now');
      // Done the same way every time, the scores compare: the library's way, where it has one.
      if (plan.movementInstructions) say(`${wrap(plan.movementInstructions, 78, '  ').map((line) => colour.dim(line)).join('\n')}\n`);
      if (plan.movementLeg) say(`${wrap(plan.movementLeg, 78, '  ').join('\n')}\n`);
      return { kind: 'score', score: await rate(`Rate your ${plan.symptom} (0 = none, 10 = worst imaginable):`) };
    case 'score': {
      doMovement('again, the same way as before');
      // The second try is judged against the score from before the first, not the one just given.
      const before = question.attempt === 1 ? `(before: ${question.before})` : `(before the first try: ${question.before})`;
      const reminder = which(question);
      for (;;) {
        const score = await rate(`Rate your ${plan.symptom} now ${colour.dim(before)}:`, reminder);
        // A flare-up sets the drill aside and calls for rest for the day: a number typed wrong
        // (on a keypad the key above is 3 more) would do so too. Asked before anything is saved;
        // answered no, the score is asked for again.
        if (judge(question.before, score, thresholds) !== 'flare') return { kind: 'score', score };
        const meant = await prompter.confirm({
          message: `Up ${score - question.before} points, from ${question.before} to ${score}: a flare-up. Is ${score} right?`,
          default: true,
          // The score meant, typed at once, is no yes or no: what to answer to give it.
          numberTyped: `Answer n to give another score, or y to keep ${score}.`,
          reminder,
        });
        if (meant) return { kind: 'score', score };
      }
    }
    case 'after-flare': {
      // After the last drill there is nothing to go on to: the session simply ends.
      if (question.index + 1 >= plan.exercises.length) return { kind: 'after-flare', goOn: true };
      const goOn = await prompter.confirm({ message: 'Go on with the next drill? (Say no to stop here for today.)', default: false });
      return { kind: 'after-flare', goOn };
    }
    case 'exercise': {
      const exercise = exercises.get(question.exercise.id)!;
      say(drillCard({ exercise, index: question.index, total: question.total, attempt: question.attempt, side: plan.side }, colour));
      // Back after being set aside, perhaps after a flare-up: any routine says so at the drill,
      // but the re-test routine, whose drills all are, says it before it starts, and at a drill
      // only a flare-up, or a choice of the person's own (a therapist's advice, say) with its note.
      const earlier = question.attempt === 2 ? undefined : plan.retesting.find((status) => status.exerciseId === exercise.id);
      const byHand = earlier?.source === 'manual';
      const testThen = earlier && otherTest(earlier, plan);
      if (earlier && (plan.routine !== 'retest' || earlier.flare || byHand || testThen !== '')) {
        const gently = `start gently, with a smaller range, and stop at once if your ${plan.symptom} rises.`;
        const why = byHand
          ? `Set aside by your choice on ${localDate(new Date(earlier.decidedAt!))}${earlier.note === undefined ? '' : ` (your note: ${earlier.note})`}, back today for its re-test: if your reason still holds, skip it; otherwise ${gently}`
          : `Set aside ${earlier.flare ? 'after a flare-up' : 'earlier'}${testThen}, back today for its re-test: ${gently}`;
        say(`${wrap(why, 80, '  ').map((line) => colour.bold(line)).join('\n')}\n`);
      }
      // Tested before and kept: worth knowing when a long routine is done a few drills a day.
      const inRehab = plan.inRehab.find((status) => status.exerciseId === exercise.id);
      const kept = question.attempt === 2 ? undefined : inRehab;
      const keptThen = kept && otherTest(kept, plan);
      // A note given with a move by hand (a therapist's "with smaller circles", say) is for the
      // moment the drill is done: it is said there, in the rehab routine too.
      const keptNote = kept?.source === 'manual' && kept.note !== undefined ? ` (your note: ${kept.note})` : '';
      // The rehab routine is made of such drills: there, said only of one a test unlike today's
      // (another painful side, symptom or test movement) put in it, or one with such a note.
      if (kept && (plan.routine !== 'rehab' || keptThen !== '' || keptNote !== '')) {
        // A session's decision is re-made at each test that helps: its day is when the drill last
        // helped, not when it went into the bucket; a move by hand is dated by the move.
        const day = kept.decidedAt === undefined ? undefined : localDate(new Date(kept.decidedAt));
        const how = day === undefined ? '' : kept.source === 'manual' ? `, by your choice since ${day}${keptNote}` : ` (it last helped on ${day})`;
        // Skipping gets on to untested drills only when some come later in the routine.
        const tested = [...plan.inRehab, ...plan.retesting].map((status) => status.exerciseId);
        const untestedLater = plan.exercises.slice(question.index + 1).some((later) => !tested.includes(later.id));
        const choice = untestedLater ? 'test it again, or skip it to get on to the drills you have not tested yet' : 'test it again to check it still helps, or skip it';
        const which = `Already in your rehab bucket${how}${keptThen}: ${choice}.`;
        say(`${wrap(which, 80, '  ').map((line) => colour.dim(line)).join('\n')}\n`);
      }
      for (const warning of warnings(question.before, question.attempt, plan.symptom, thresholds)) {
        say(`${wrap(warning, 80, '  ').map((line) => colour.bold(line)).join('\n')}\n`);
      }
      const hold = options.timer ? exercise.dose.holdSeconds : undefined;
      // Holds come in sets, and often on each side: the timer stays on offer for every one, and
      // counts them, so the person need not (the drill's name is on its card, just above).
      // A one-sided drill is done on each side in turn when both sides are painful. A drill of
      // both sides without a dose per side is done on both at once: a hold for each set.
      const wholeDoseEachSide = !exercise.dose.perSide && plan.side === 'both' && (exercise.side === 'painful' || exercise.side === 'opposite');
      const eachSide = exercise.dose.perSide || wholeDoseEachSide;
      const sets = exercise.dose.sets ?? 1;
      const holds = sets * (eachSide ? 2 : 1);
      // Hold 3 of 6 of a dose done on each side: which set, and which side, it is.
      const place = (n: number) => (eachSide ? ` · ${holdPlace(n, sets, wholeDoseEachSide)}` : '');
      // A drill already in the rehab bucket may be skipped to get on to others, as its card says,
      // and one back for its re-test when the reason it was set aside still holds: the choice says
      // what skipping keeps rather than a reason that may not be the person's.
      const backForRetest = plan.retesting.some((status) => status.exerciseId === exercise.id);
      // In the rehab routine, made of such drills, a skip is for a drill that cannot be done now.
      const skipChoice = inRehab && plan.routine !== 'rehab'
        ? 'Skip this drill (it stays in your rehab bucket)'
        : backForRetest
          ? 'Skip this drill (it stays set aside for now)'
          : 'Skip this drill (I cannot do it now)';
      for (let timed = 0; ; ) {
        const done = { value: 'done' as const, name: `Done — rate my ${plan.symptom} now` };
        const timer = hold === undefined ? undefined : { value: 'timer' as const, name: timerChoice(hold, timed, holds, place(timed + 1)) };
        // While holds remain, the next one comes first, so that Enter out of habit starts it
        // rather than ending the drill; once all are done, Done does.
        const first = timer === undefined ? [done] : timed < holds ? [timer, done] : [done, timer];
        const choices = [
          ...first,
          { value: 'skip' as const, name: skipChoice, confirm: 'Skip this drill?' },
          { value: 'stop' as const, name: 'Stop the session here', confirm: 'Stop the session here?' },
        ];
        // A number typed here is most likely the score, typed before it is asked for: it picks
        // no choice, which would start a hold, end the drill or stop the session.
        const numberTyped = 'Rate after the drill: choose Done first (arrow keys, then Enter), then type your score.';
        // In a plain terminal's numbered list, Done is chosen by its number.
        const numberNotListed = `Rate after the drill: choose Done first (${choices.indexOf(done) + 1}), then type your score.`;
        // "st", typed to start a timed hold at the drills that have one, must not stop the
        // session at one without: taken for neither, said to be either.
        const elsewhere = timer === undefined ? [{ value: 'timer', name: `Start a timer (${exercise.dose.holdSeconds === undefined ? 'this drill has none' : 'timers are off this session'})` }] : [];
        const choice = await prompter.select({ message: 'When you have done the drill:', choices, default: first[0]!.value, numberTyped, numberNotListed, elsewhere, reminder: which(question) });
        // Done after some of the holds were timed, not all: the rest may have been done without
        // the timer, or not at all. Said, and kept with the score for the therapist's report.
        if (choice === 'done' && timed > 0 && timed < holds) {
          say(`${wrap(fewerHolds(timed, holds), 78).join('\n')}\n`);
          return { kind: 'exercise', choice, holds: { timed, of: holds } };
        }
        if (choice !== 'timer') return { kind: 'exercise', choice };
        timed += 1;
        await prompter.countdown(hold!, timed <= holds ? `Hold ${timed} of ${holds}${place(timed)}` : `Hold ${timed}`, which(question));
      }
    }
  }
}

/** Said when Done is chosen after `timed` of the drill's `holds` were timed. */
function fewerHolds(timed: number, holds: number): string {
  return (
    `You timed ${timed} of the ${holds} holds. If that is all you did, your score is for ${timed === 1 ? 'that one' : `those ${timed}`}, not the full dose. ` +
    `itb keeps that with your score, and your therapist's report says so: ${timed} of ${holds} holds timed.`
  );
}

/**
 * The timer's choice before hold `timed + 1` of `holds` (`place`: " · set 2, first side", or
 * nothing): short, as the answered prompt repeats it on its line.
 */
function timerChoice(seconds: number, timed: number, holds: number, place: string): string {
  if (timed >= holds) return `Start another ${seconds} s hold`;
  const next = `Start hold ${timed + 1} of ${holds}${place}`;
  // With its set and side, "timer" would take the answered line past 80 columns: left out.
  const label = holds === 1 ? `Start a ${seconds} s timer for the hold` : place === '' ? `${next} (${seconds} s timer)` : `${next} (${seconds} s)`;
  // On one line after the list's pointer, and under the question once picked, on a narrow terminal too.
  if (2 + width(label) <= onScreen(80)) return label;
  return holds === 1 ? `Start a ${seconds} s hold` : `${next} (${seconds} s)`;
}

/**
 * ", from a test when your left side hurt (today: your right side)": said of a drill whose bucket
 * comes from a test unlike today's, since how it did then need not hold today. Whatever differs is
 * named: the painful side, the symptom rated, the test movement (", from a test rating your
 * tightness during walking (today: your pain during single-leg squat)"). Nothing for a drill moved
 * by hand or last tested as today.
 */
function otherTest(status: ExerciseStatus, today: Pick<Plan, 'side' | 'symptom' | 'movement'>): string {
  if (status.source !== 'session') return '';
  const { lastSide, lastSymptom, lastMovement } = status.evidence;
  const then: string[] = [];
  const now: string[] = [];
  const symptom = lastSymptom !== null && lastSymptom !== today.symptom;
  // "Walking" and "walking " typed on different days are the same movement (movementKey).
  const movement = lastMovement !== null && movementKey(lastMovement) !== movementKey(today.movement);
  // What was rated, the symptom and the movement each named only when it differs.
  if (symptom || movement) {
    const rated = (what: string, how: string) => [symptom ? what : '', movement ? `during ${movementWords(how)}` : ''].filter((part) => part !== '').join(' ');
    then.push(rated(`rating your ${lastSymptom}`, lastMovement ?? ''));
    now.push(rated(`your ${today.symptom}`, today.movement));
  }
  if (lastSide !== null && lastSide !== today.side) {
    then.push(`when ${yourSide(lastSide)} hurt`);
    now.push(yourSide(today.side));
  }
  return then.length === 0 ? '' : `, from a test ${then.join(' ')} (today: ${now.join(', ')})`;
}

/**
 * What the method cannot see from this score, said before the drill: a fall too small to count
 * from near 0, or a flare-up from near 10. In full before the first try; on the second, which is
 * judged against the same score, a short reminder.
 */
function warnings(before: number, attempt: 1 | 2, symptom: string, { minImprovement, flareRise }: Thresholds): string[] {
  const said: string[] = [];
  const points = `${plural(minImprovement, 'point')} that ${minImprovement === 1 ? 'counts' : 'count'} as helping`;
  if (before < minImprovement) {
    // At 1 or 2 the symptom shows, just too little for the fall that counts: say how much is needed.
    const testDay = before === 0 ? 'your symptom shows' : `your ${symptom} is at ${minImprovement} or more`;
    said.push(
      attempt === 1
        ? `Your ${symptom} is at ${before}, so no drill can lower it by the ${points}: ` +
            `if you go on, each drill you finish is set aside for now. Better to stop here and test again on a day ${testDay}.`
        : `A reminder: from ${before}, your ${symptom} cannot fall by the ${points}, so this try cannot show that the drill helps.`,
    );
  }
  if (before + flareRise > 10) {
    // What to do comes first, for a person already in a lot of pain; why, after it, in words
    // that say it is the score that has no room to rise, not the pain.
    const unseen = `a flare-up (a rise of ${plural(flareRise, 'point')}) would go past 10, so itb cannot spot one for you.`;
    said.push(
      attempt === 1
        ? `Your ${symptom} is at ${before}, which is high: resting today and testing again another day is a sound choice. ` +
            `If you go on, go very gently and stop at once if it hurts more. From ${before}, ${unseen}`
        : `A reminder: go very gently and stop at once if it hurts more. From ${before}, ${unseen}`,
    );
  }
  return said;
}
