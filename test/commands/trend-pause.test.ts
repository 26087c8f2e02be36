import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sparkline } from '../../src/ui/sparkline.js';
import { run, tempHome } from '../helpers/run.js';
import { buildSession, saveSessions } from '../helpers/sessions.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

// Three weeks of sessions in spring, four months away, then a week in autumn, on the same side.
const rated = (day: string, baseline: number, final: number) =>
  buildSession({ startedAt: `${day}T15:00:00.000Z`, baseline, drills: [{ id: 'clamshells', scores: [final] }] });
const spring = [rated('2026-05-25', 6, 5), rated('2026-06-01', 6, 4), rated('2026-06-08', 5, 4), rated('2026-06-13', 4, 3)];
const autumn = [rated('2026-10-19', 7, 6), rated('2026-10-21', 6, 5), rated('2026-10-25', 6, 5)];
const now = new Date('2026-10-26T12:00:00Z');

describe('a trend with months between two of its sessions', () => {
  it('leaves a gap in the bars of itb history there, and says what it marks', async () => {
    await saveSessions(home, ...spring, ...autumn);
    const { stdout } = await run(['history'], { home, now });
    expect(stdout).toContain('  baseline  ▇▇▆▅ █▇▇  6 → 6\n  final     ▆▅▅▄ ▇▆▆  5 → 5\n');
    expect(stdout).toContain('  A gap in the bars marks more than 4 weeks without a session\n  (2026-06-13 to 2026-10-19).\n');
    // Said in words too on a plain terminal, where there are no bars.
    const plain = await run(['history'], { home, now, env: { TERM: 'dumb' } });
    expect(plain.stdout).toContain('  More than 4 weeks without a session (2026-06-13 to 2026-10-19).\n');
  });

  it('leaves the same gap in the bars of the Markdown report, as the HTML chart stops its lines', async () => {
    await saveSessions(home, ...spring, ...autumn);
    const { stdout } = await run(['export'], { home, now });
    expect(stdout).toContain('a bar each (▁ is 0, █ is 7, the highest baseline), a gap where more than 4 weeks passed between two sessions: `▇▇▆▅ █▇▇` (6, 6, 5, 4, 7, 6, 6)');
    const html = await run(['export', '--format', 'html'], { home, now });
    expect(html.stdout).toContain('A line stops where more than 4 weeks passed between two of its scores');
  });

  it('draws weeks of sessions with no pause as before, with nothing more to say', async () => {
    await saveSessions(home, ...spring);
    const { stdout } = await run(['history'], { home, now });
    expect(stdout).toContain('  baseline  ▇▇▆▅  6 → 4\n');
    expect(stdout).not.toContain('without a session');
    expect((await run(['export'], { home, now })).stdout).toContain('a bar each (▁ is 0, █ is 7, above every score): `▇▇▆▅`');
  });

  it('makes room for each gap within the width, keeping the latest sessions', () => {
    const pauses = [false, false, false, true, false, false];
    expect(sparkline([1, 2, 3, 4, 5, 6], 7, 6, pauses)).toBe('…▄ ▅▆▇');
    expect(sparkline([1, 2, 3, 4, 5, 6], 7, 7, pauses)).toBe('▂▃▄ ▅▆▇');
  });
});
