// A choice typed at a list, read the same way by the numbered lines of a plain terminal and the
// arrow-key list: by its whole name first, then by the start of one name alone.
import { describe, expect, it } from 'vitest';
import { couldBe, typedChoice } from '../../src/ui/typed-choice.js';

const routines = [
  { value: 'warm-up', name: 'Warm-up (3 drills)' },
  { value: 'warm-up-strength', name: 'Warm-up and strength (8 drills)' },
  { value: 'side-plank', name: 'Side plank (knees) hold (2 drills)' },
];

describe('a choice typed by name', () => {
  it('a whole name picks its choice, though it is also the start of another', () => {
    expect(typedChoice(routines, 'warm up')).toBe(0);
    expect(typedChoice(routines, 'Warm-up (3 drills)')).toBe(0);
  });

  it('reads a hyphen of any kind in a name as a space: "single leg" for "Single\u2011leg"', () => {
    const drills = [
      { value: 'single-leg-stand', name: 'Single\u2011leg stand' },
      { value: 'side-lying', name: 'Side\u2010lying leg lift' },
    ];
    expect(typedChoice(drills, 'single leg stand')).toBe(0);
    expect(typedChoice(drills, 'side lying leg lift')).toBe(1);
  });

  it('leaves out only what a name ends with in brackets', () => {
    expect(typedChoice(routines, 'side plank (knees) hold')).toBe(2);
    expect(typedChoice(routines, 'side plank hold')).toBe(-1);
  });

  it('a name that starts or ends with a number is its name, not the number of a place in the list', () => {
    const holds = [
      { value: 'phase-1', name: 'Phase 1' },
      { value: 'phase-2', name: 'Phase 2' },
      { value: 'short', name: '3 short holds' },
    ];
    expect(typedChoice(holds, 'phase 2')).toBe(1);
    expect(typedChoice(holds, '3 short holds')).toBe(2);
    expect(typedChoice(holds, '2')).toBe(1);
  });
});

describe('the choices a start could be', () => {
  it('names them by name, without only what a name ends with in brackets', () => {
    expect(couldBe(routines, 'w')).toBe('Warm-up or Warm-up and strength');
    expect(couldBe([...routines, { value: 'side-lying', name: 'Side-lying leg lift (1 drill)' }], 'side')).toBe('Side plank (knees) hold or Side-lying leg lift');
  });

  it('names four; of five or more, the first three and how many more', () => {
    const names = ['Stand', 'Step', 'Squat', 'Stretch', 'Stop'].map((name) => ({ value: name.toLowerCase(), name }));
    expect(couldBe(names.slice(0, 4), 's')).toBe('Stand, Step, Squat or Stretch');
    expect(couldBe(names, 's')).toBe('Stand, Step, Squat or 2 more');
  });
});

describe('a start also typed at other lists of the session', () => {
  const drill = [
    { value: 'done', name: 'Done — rate my pain now' },
    { value: 'skip', name: 'Skip this drill (I cannot do it now)', confirm: 'Skip this drill?' },
    { value: 'stop', name: 'Stop the session here', confirm: 'Stop the session here?' },
  ];
  const elsewhere = [{ value: 'timer', name: 'Start a timer (this drill has none)' }];

  it('picks no choice that asks first when it also starts one elsewhere, and names both', () => {
    expect(typedChoice(drill, 'st', elsewhere)).toBe(-1);
    expect(couldBe(drill, 'st', elsewhere)).toBe('Stop the session here or Start a timer (this drill has none)');
    // Without the other list, as before: the one choice it starts.
    expect(typedChoice(drill, 'st')).toBe(2);
  });

  it('picks a choice it starts alone, among those elsewhere too, and one that asks nothing', () => {
    expect(typedChoice(drill, 'sto', elsewhere)).toBe(2);
    expect(typedChoice(drill, 'sk', elsewhere)).toBe(1);
    expect(couldBe(drill, 'sto', elsewhere)).toBeUndefined();
    const done = [{ value: 'done', name: 'Done — rate my pain now' }];
    expect(typedChoice(done, 'd', [{ value: 'down', name: 'Down a level' }])).toBe(0);
  });
});
