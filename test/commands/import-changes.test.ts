// What an import says of sessions from before this computer's reset, in the words alone.
import { describe, expect, it } from 'vitest';
import { beforeResetWords } from '../../src/commands/import-changes.js';
import { sessionThree } from '../export/fixtures.js';

const entry = (exerciseId: string, bucket: 'rehab' | 'avoid') => ({ exerciseId, bucket, decidedAt: '2026-10-20T12:00:00.000Z', source: 'session' as const, flare: false });
const names: Record<string, string> = { 'banded-side-steps': 'Banded side steps', clamshells: 'Clamshells', 'hip-hikes': 'Hip hikes' };

describe('the drills left untested by a reset here', () => {
  it('gives as its example a drill that helped there, the one most worth putting back, though another comes first by name', () => {
    const hidden = { resetAt: '2026-11-20T12:00:00.000Z', sessions: [sessionThree], untested: [entry('hip-hikes', 'avoid'), entry('clamshells', 'rehab'), entry('banded-side-steps', 'avoid')] };
    const said = beforeResetWords(hidden, (id) => names[id] ?? id, false, 'itb');
    expect(said).toContain('So Banded side steps (avoid for now there), Clamshells (rehab there) and Hip hikes (avoid for now there) show as untested here.');
    expect(said).toMatch(/To put one back where it was there: `itb buckets move clamshells rehab`\.$/);
  });

  it('gives the first by name when none helped there', () => {
    const hidden = { resetAt: '2026-11-20T12:00:00.000Z', sessions: [sessionThree], untested: [entry('hip-hikes', 'avoid'), entry('banded-side-steps', 'avoid')] };
    expect(beforeResetWords(hidden, (id) => names[id] ?? id, true, 'npx itb')).toMatch(/`npx itb buckets move banded-side-steps avoid`\.$/);
  });
});
