import { describe, expect, it } from 'vitest';
import type { Screening } from '../../src/core/records.js';
import { screenDue } from '../../src/core/screening.js';
import { noRedFlags } from '../helpers/sessions.js';

const screen = (at: string, proceeded: boolean, answers: Screening['answers'] = noRedFlags): Screening => ({ at, answers, proceeded });

describe('screenDue', () => {
  it('asks before the first session, and again until a screen goes on', () => {
    expect(screenDue([])).toBe(true);
    const declined = screen('2026-10-01T08:00:00.000Z', false, { ...noRedFlags, swelling: true });
    expect(screenDue([declined])).toBe(true);
    expect(screenDue([declined, screen('2026-10-03T08:00:00.000Z', true)])).toBe(false);
  });

  it('asks again when the latest screen, brought from another computer, did not go on', () => {
    const wentOn = screen('2026-10-01T08:00:00.000Z', true);
    expect(screenDue([wentOn, screen('2026-10-05T08:00:00.000Z', false, { ...noRedFlags, swelling: true })])).toBe(true);
    // Stopped part way there, with no yes: the person was told the questions come again.
    expect(screenDue([wentOn, screen('2026-10-05T08:00:00.000Z', false, { 'recent-injury': false })])).toBe(true);
  });
});
