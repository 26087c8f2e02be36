// The library itb ships (data/library.yaml): it parses cleanly and holds what the seed articles
// describe, in the order they describe it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLibrary } from '../../src/library/load.js';
import type { Library } from '../../src/library/schema.js';

const file = join(import.meta.dirname, '../../data/library.yaml');

function shipped(): Library {
  const result = parseLibrary(readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}:${p.col}  ${p.path}  ${p.message}`).join('\n'));
  const { library } = result;
  return library;
}

const exercise = (library: Library, id: string) => {
  const found = library.exercises.find((e) => e.id === id);
  if (!found) throw new Error(`no drill "${id}" in the shipped library`);
  return found;
};
const routine = (library: Library, id: string) => {
  const found = library.routines.find((r) => r.id === id);
  if (!found) throw new Error(`no routine "${id}" in the shipped library`);
  return found;
};

describe('the shipped library', () => {
  it('parses with no problems, and no warnings', () => {
    expect(parseLibrary(readFileSync(file, 'utf8'))).toMatchObject({ ok: true, warnings: [] });
  });

  it('has at least 25 drills', () => {
    expect(shipped().exercises.length).toBeGreaterThanOrEqual(25);
  });

  it('has the six routines of the seed articles', () => {
    expect(shipped().routines.map((r) => r.id)).toEqual(
      expect.arrayContaining(['joint-chain', 'hip-rotation', 'strength', 'mobility', 'balance', 'warm-up']),
    );
  });

  it('runs the joint chain from the feet upward, in the order of the article', () => {
    const library = shipped();
    const chain = routine(library, 'joint-chain').exercises;
    expect(chain).toEqual([
      'lateral-ankle-tilts',
      'lunge-knee-circles',
      'rehab-hip-circles',
      'pelvis-tucks-tilts',
      'opposite-scapular-camshafts',
    ]);
    expect(chain.map((id) => exercise(library, id).region)).toEqual(['ankle', 'knee', 'hip', 'pelvis', 'shoulder']);
  });

  it('rolls the outer thigh lightly before the gentle IT band stretch, then works hip rotation and the adductors, as the article orders them', () => {
    const mobility = routine(shipped(), 'mobility').exercises;
    const at = (id: string) => mobility.indexOf(id);
    for (const id of ['lateral-thigh-foam-rolling', 'it-band-stretch', 'hip-internal-rotation-mobility', 'adductor-mobility']) expect(at(id), id).toBeGreaterThanOrEqual(0);
    expect(at('lateral-thigh-foam-rolling')).toBe(at('it-band-stretch') - 1);
    expect(at('it-band-stretch')).toBeLessThan(at('hip-internal-rotation-mobility'));
    expect(at('hip-internal-rotation-mobility')).toBeLessThan(at('adductor-mobility'));
  });

  it('doses foam rolling in slow passes, not as a hold: the roller keeps moving, never resting on one spot', () => {
    const library = shipped();
    const rolling = library.exercises.filter((drill) => drill.category === 'soft-tissue');
    expect(rolling.map((drill) => drill.id)).toContain('lateral-thigh-foam-rolling');
    for (const drill of rolling) {
      expect({ id: drill.id, holdSeconds: drill.dose.holdSeconds }).toEqual({ id: drill.id, holdSeconds: undefined });
      expect(drill.dose.reps, drill.id).toBeGreaterThan(0);
      expect(drill.steps.join(' '), drill.id).toMatch(/one rep/);
    }
  });

  it('says which thigh to hold in the piriformis stretch: the uncrossed one, lifted off the floor', () => {
    const steps = exercise(shipped(), 'piriformis-stretch').steps.join(' ');
    expect(steps).not.toMatch(/lower thigh/);
    expect(steps).toContain('Lift the uncrossed foot off the floor');
    expect(steps).toContain('hold the back of the uncrossed thigh');
  });

  it('says which leg the gentle IT band stretch stretches', () => {
    const steps = exercise(shipped(), 'it-band-stretch').steps.join(' ').replace(/\s+/g, ' ');
    expect(steps).toContain('The leg nearest the wall is the one you stretch');
    expect(steps).toContain("along the outside of that leg's hip and thigh");
  });

  it('gives leg swings their reps in each direction, forward and back and then side to side', () => {
    const steps = exercise(shipped(), 'leg-swings').steps;
    expect(steps.find((step) => step.includes('forward and back'))).toContain('one swing there and back is one rep');
    expect(steps.find((step) => step.includes('side to side'))).toContain('the same number of times');
  });

  it('counts every step of a band walk, both ways, in its reps: the dose read alone is the whole set, not the steps one way', () => {
    for (const id of ['banded-side-steps', 'monster-walks']) {
      const drill = exercise(shipped(), id);
      const set = drill.steps.find((step) => /\bset\b/.test(step))!;
      const eachWay = [...set.matchAll(/\b(\d+) (?:steps )?(?:one way|back|forward|backward)\b/g)].map((match) => Number(match[1]));
      expect(eachWay, id).toEqual([10, 10]);
      expect(set, id).toContain('Each step is one rep, so a set is 20.');
      expect(drill.dose, id).toMatchObject({ sets: 3, reps: 20, perSide: false });
    }
  });

  it('orders hip rotation as its article does: explore the range, external rotation with extension before internal rotation (IT band first), then hip CARs', () => {
    expect(routine(shipped(), 'hip-rotation').exercises).toEqual(['hip-range-exploration', 'hip-external-rotation-extension', 'hip-internal-rotation', 'hip-cars']);
  });

  it('says its hip rotation runs external rotation first, for IT band pain, rather than tell a hamstring complaint to lead with a drill that comes later', () => {
    const description = routine(shipped(), 'hip-rotation').description.replace(/\s+/g, ' ');
    expect(description).not.toContain('lead with internal rotation');
    expect(description).toContain('External rotation comes before internal rotation here, the order for IT band pain');
    expect(description).toContain('internal rotation first, which a library of your own can set');
  });

  it('starts strength with isometric holds and two-leg bridges, and ends with the band walks', () => {
    const strength = routine(shipped(), 'strength').exercises;
    expect(strength[0]).toBe('isometric-glute-holds');
    expect(strength.indexOf('bridges')).toBeLessThan(strength.indexOf('single-leg-bridges'));
    expect(strength.indexOf('bridges')).toBeLessThan(strength.indexOf('elevated-bridges'));
    expect(strength.slice(-2)).toEqual(['banded-side-steps', 'monster-walks']);
  });

  it('stands on firm ground before the foam pad, and warms up with leg swings, ankles, then glutes', () => {
    const library = shipped();
    expect(routine(library, 'balance').exercises).toEqual(['single-leg-stand', 'single-leg-stand-foam-pad']);
    expect(routine(library, 'warm-up').exercises).toEqual(['leg-swings', 'ankle-mobilisations', 'glute-activation']);
  });

  it('works the painful leg in the joint chain, the pelvis in the middle, and the shoulder opposite', () => {
    const library = shipped();
    const sides = Object.fromEntries(routine(library, 'joint-chain').exercises.map((id) => [id, exercise(library, id).side]));
    expect(sides).toEqual({
      'lateral-ankle-tilts': 'painful',
      'lunge-knee-circles': 'painful',
      'rehab-hip-circles': 'painful',
      'pelvis-tucks-tilts': 'none',
      'opposite-scapular-camshafts': 'opposite',
    });
    // A one-sided drill names the side in its steps, with the dose given for that one side.
    for (const drill of library.exercises.filter((each) => each.side === 'painful' || each.side === 'opposite')) {
      expect(drill.steps.join(' '), drill.id).toMatch(/painful|opposite/);
      expect(drill.dose.perSide, drill.id).toBe(false);
    }
  });

  it('cushions the lower outer knee and hip in the side-lying drills, which lie on the painful side half the time', () => {
    for (const id of ['clamshells', 'side-lying-leg-raises']) {
      const first = exercise(shipped(), id).steps[0]!.replace(/\s+/g, ' ');
      expect(first, id).toContain('Lie on your side on a mat or folded blanket, which cushions the outer knee and hip underneath');
    }
  });

  it('offers a chair in place of a wall only where the steps can use one: the knee-to-wall ankle bend and the IT band stretch lean on the wall itself', () => {
    for (const drill of shipped().exercises) {
      if (drill.equipment.some((item) => /chair/.test(item))) expect(drill.steps.join(' '), drill.id).toMatch(/chair/);
    }
    expect(exercise(shipped(), 'ankle-mobilisations').equipment).toEqual(['wall']);
    expect(exercise(shipped(), 'it-band-stretch').equipment).toEqual(['wall']);
  });

  it('lists what the steps ask for under "You need": the mat under the knees on hands and knees, the towel under the 90/90 front knee', () => {
    for (const drill of shipped().exercises) {
      const steps = drill.steps.join(' ').replace(/\s+/g, ' ');
      if (/on a mat/.test(steps)) expect(drill.equipment.join(', '), drill.id).toMatch(/\bmat\b/);
      if (/put a folded towel under/.test(steps)) expect(drill.equipment.join(', '), drill.id).toMatch(/towel/);
    }
    expect(exercise(shipped(), 'hip-cars').equipment).toEqual(['mat or folded blanket']);
    expect(exercise(shipped(), 'adductor-mobility').equipment).toEqual(['mat or folded blanket']);
    expect(exercise(shipped(), 'hip-external-rotation-extension').equipment).toEqual(['cushion or folded towel']);
  });

  it('presses the outer thigh, not the outer knee where IT band pain often sits, into the wall in the isometric glute hold', () => {
    const steps = exercise(shipped(), 'isometric-glute-holds').steps.join(' ').replace(/\s+/g, ' ');
    expect(steps).not.toContain('outside of that knee rests on the wall');
    expect(steps).not.toContain('Press the knee into the wall');
    expect(steps).toContain('outside of that thigh, just above the knee, rests on the wall');
    expect(steps).toContain('Keep the bony outer side of the knee itself off the wall');
  });

  it('cushions the bony outer side of the front knee in the 90/90 hip lift, and presses the shin, not that knee, into the floor', () => {
    const steps = exercise(shipped(), 'hip-external-rotation-extension').steps.join(' ').replace(/\s+/g, ' ');
    expect(steps).not.toContain('shin and knee into the floor');
    expect(steps).toContain('press the outside of your front shin into the floor');
    expect(steps).toContain('The front knee rests on its bony outer side, often the sore spot: put a folded towel under it.');
  });

  it('holds the ankle in the quadriceps stretch with the hand on its own side, not across the body, which twists the knee', () => {
    const steps = exercise(shipped(), 'quadriceps-stretch').steps.join(' ').replace(/\s+/g, ' ');
    expect(steps).not.toContain('Bend one knee and hold that ankle behind you with the other hand');
    expect(steps).toContain('Bend the knee of the leg further from the support and hold that ankle behind you with the hand on the same side');
  });

  it('does the scapular camshafts on the side opposite the pain, and says so in the steps', () => {
    const camshafts = exercise(shipped(), 'opposite-scapular-camshafts');
    expect(camshafts.side).toBe('opposite');
    expect(camshafts.steps.join(' ')).toMatch(/opposite/i);
    // With pain on both sides, each shoulder is opposite one of them.
    expect(camshafts.steps.join(' ')).toContain('If both IT bands hurt, do all the reps with one shoulder, then all of them with the other.');
    // The card's short cue says which shoulder in everyday words too.
    expect(camshafts.cues[0]).toBe('Use the shoulder blade on the other side from your sore IT band.');
  });

  it('says which leg a one-legged test movement is done on when both legs hurt, the same each time', () => {
    const library = shipped();
    for (const id of ['single-leg-squat', 'step-down', 'forward-lunge']) {
      const { instructions } = library.movements.find((movement) => movement.id === id)!;
      expect(instructions, id).toContain('the leg that hurts');
      expect(instructions, id).toMatch(/if both legs hurt, (use )?the one that hurts more, and that same leg every time/);
      expect(instructions, id).not.toContain('painful-side');
    }
    // Marked as done on one leg, so that a session asks which leg with both sides painful; the
    // others are done on both legs alike.
    expect(library.movements.filter((movement) => movement.oneLeg).map((movement) => movement.id)).toEqual(['single-leg-squat', 'step-down', 'forward-lunge']);
  });

  it('describes each test movement so that it is done the same way every time', () => {
    const library = shipped();
    const instructions = (id: string) => library.movements.find((movement) => movement.id === id)!.instructions.replace(/\s+/g, ' ');
    // The lunge's step length and depth, and the use of a rail on the stairs, stay fixed.
    expect(instructions('forward-lunge')).toContain('the step is the same length every time');
    expect(instructions('forward-lunge')).toContain('lower to the same comfortable depth every time');
    expect(instructions('forward-lunge')).not.toContain('a mark on the floor helps');
    expect(instructions('stairs')).toContain('using the rail or not, the same way each time');
  });

  it('warms up before strength work and stretches after it, in the order of the article', () => {
    const library = shipped();
    const description = (id: string) => routine(library, id).description.replace(/\s+/g, ' ');
    expect(description('strength')).toContain('Warm up first, with the warm-up routine.');
    expect(description('mobility')).toContain('on a strength day, they come after the strength drills');
    expect(description('warm-up')).toContain('before strength work');
  });

  it('gives ten to fifteen minutes of mobility on most days as the aim, not as a limit', () => {
    const description = routine(shipped(), 'mobility').description.replace(/\s+/g, ' ');
    expect(description).toContain('Aim for ten to fifteen unhurried minutes on most days');
    expect(description).not.toMatch(/plenty|at most|no more than|enough/i);
  });

  it('marks every strength drill as loading and no joint-chain drill as loading', () => {
    const library = shipped();
    const strength = routine(library, 'strength').exercises.map((id) => exercise(library, id));
    expect(strength.length).toBeGreaterThan(0);
    for (const drill of strength) expect({ id: drill.id, loading: drill.loading }).toEqual({ id: drill.id, loading: true });
    for (const id of routine(library, 'joint-chain').exercises) {
      expect({ id, loading: exercise(library, id).loading }).toEqual({ id, loading: false });
    }
  });

  it('asks for two or three strength drills a day, not the whole strength routine at once', () => {
    const strength = routine(shipped(), 'strength');
    expect(strength.exercises.length).toBeGreaterThan(3);
    expect(strength.description.replace(/\s+/g, ' ')).toContain('Two or three of these drills are enough for one day');
    // The 48 hours between strength sessions are the app's words, said once where they apply: not here too.
    expect(strength.description).not.toMatch(/48 hours/);
  });

  it('marks as loading the strength drills only: no stretch, mobility, balance or warm-up drill counts toward the 48 hours', () => {
    const library = shipped();
    const strength = new Set(routine(library, 'strength').exercises);
    for (const drill of library.exercises) {
      expect({ id: drill.id, loading: drill.loading }).toEqual({ id: drill.id, loading: strength.has(drill.id) });
      expect({ id: drill.id, strength: drill.category === 'strength' }).toEqual({ id: drill.id, strength: drill.loading });
    }
  });

  it('gives every drill short cues of its own for its card, each on one line of the card', () => {
    for (const drill of shipped().exercises) {
      expect(drill.cues.length, drill.id).toBeGreaterThan(0);
      // "  › " and the cue within 78 columns: a cue never wraps.
      for (const cue of drill.cues) expect(cue.length, `${drill.id}: ${cue}`).toBeLessThanOrEqual(74);
    }
  });

  it('names its source article by that article\'s own title, so a therapist can look it up', () => {
    const titles = [
      'Movement Strategies for IT Band Pain',
      'Targeted strengthening and stretching to address iliotibial band syndrome and reduce lateral knee pain',
      'Exercises for High Hamstring, IT Band, and Hip Pain',
    ];
    const { exercises, routines } = shipped();
    for (const item of [...exercises, ...routines]) expect(titles, item.id).toContain(item.source);
  });

  it('invents no videos: the sources gave none', () => {
    expect(shipped().exercises.filter((e) => e.video !== undefined).map((e) => e.id)).toEqual([]);
  });

  it('puts every drill in at least one routine, and only drills that exist', () => {
    const library = shipped();
    const inRoutines = new Set(library.routines.flatMap((r) => r.exercises));
    expect(library.exercises.filter((e) => !inRoutines.has(e.id)).map((e) => e.id)).toEqual([]);
    for (const id of inRoutines) exercise(library, id);
  });

  it('gives the rules it takes from the articles in words of its own, not theirs', () => {
    const { cues, routines, exercises, movements } = shipped();
    const texts = [
      ...cues.map((cue) => cue.text),
      ...routines.map((r) => r.description),
      ...exercises.flatMap((drill) => [...drill.steps, ...drill.cues]),
      ...movements.map((movement) => movement.instructions),
    ].map((text) => text.replace(/\s+/g, ' '));
    // Phrases the articles use word for word.
    for (const phrase of [/never move into pain/i, /there should be no pain/i, /joints above and below/i, /with your eyes forward/i, /pelvis and sacrum/i]) {
      expect(texts.filter((text) => phrase.test(text)), String(phrase)).toEqual([]);
    }
  });

  it('says the advice of the articles its own way, not in their phrases lightly reworded', () => {
    const { cues, routines, exercises } = shipped();
    const texts = [
      ...cues.map((cue) => cue.text),
      ...routines.map((r) => r.description),
      ...exercises.flatMap((drill) => [...drill.steps, ...drill.cues]),
    ].map((text) => text.replace(/\s+/g, ' '));
    const closeToTheArticles = [
      /eyes forward/i,
      /spine and hips in a/i,
      /slow down and (make|decrease)/i,
      /snapping or bouncing|bouncing, snapping/i,
      /sharp pain at the knee/i,
      /reset (your )?posture/i,
      /neutral pelvis|pelvis neutral/i,
      /core (steady|stable)/i,
      /as (your )?(hip )?tolerates/i,
      /precise (control|reps|activation)/i,
      /slow, controlled (reps|steps|tempos)/i,
      /through your full range/i,
      /over heavy loads/i,
      /10 to 15 minutes on most days/i,
      /within a comfortable range/i,
      /daily as a warm-up/i,
      /hip, knee and ankle/i,
      /light glute activation/i,
      /shorten the hold or touch a support whenever/i,
    ];
    for (const phrase of closeToTheArticles) {
      expect(texts.filter((text) => phrase.test(text)), String(phrase)).toEqual([]);
    }
  });

  it('keeps the pelvis level in its cues except where a drill moves it on purpose, as hip hikes drop and lift it', () => {
    const library = shipped();
    const hikes = exercise(library, 'hip-hikes');
    expect(hikes.steps.join(' ')).toMatch(/pelvis drop/);
    for (const r of library.routines.filter((each) => each.exercises.includes('hip-hikes'))) {
      for (const id of r.cues) {
        const text = library.cues.find((cue) => cue.id === id)!.text;
        if (/drop|hitch/.test(text)) expect(text, `${r.id}: ${id}`).toMatch(/unless the drill asks for it/);
      }
    }
  });

  it('keeps back and hips neutral in its cues except where a drill moves them on purpose, as pelvis tucks and tilts do', () => {
    const library = shipped();
    for (const r of library.routines.filter((each) => each.exercises.includes('pelvis-tucks-tilts'))) {
      for (const id of r.cues) {
        const text = library.cues.find((cue) => cue.id === id)!.text.replace(/\s+/g, ' ');
        if (/neutral/.test(text)) expect(text, `${r.id}: ${id}`).toMatch(/unless a drill moves them on purpose/);
      }
    }
  });

  it('carries into hip rotation, a joint mobility sequence too, the cues of the joint-chain article that fit drills done lying, sitting or on hands and knees, with the rule of the hip article', () => {
    // Standing tall and a neutral back and hips fit neither the floor nor drills that turn the hips on purpose.
    expect(routine(shipped(), 'hip-rotation').cues).toEqual(
      expect.arrayContaining(['long-tissue-not-pinch', 'breathe', 'never-into-pain', 'slow-and-smaller', 'quality-over-quantity']),
    );
  });

  it('carries the session cues of the joint-chain article', () => {
    const cues = routine(shipped(), 'joint-chain').cues;
    expect(cues).toEqual(expect.arrayContaining(['stand-tall', 'neutral-spine', 'breathe', 'never-into-pain', 'slow-and-smaller', 'quality-over-quantity']));
  });
});
