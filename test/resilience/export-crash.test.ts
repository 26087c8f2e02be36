// A real `itb export`, killed with SIGKILL at random moments: while it reads the store, while it
// writes the new report, just before the report takes its name. Over an existing report
// (--force), after every kill the report is the old one, byte for byte, or the whole new one; as
// a new file, there is no report or the whole new one, never half of one. What a kill can leave
// beside it is a hidden temporary file, private like the report.
// Needs `npm run build` first (`npm test` does it).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itb, killedRun, Random, requireBuild, SEED, sessionsFor, tempFolder, writeExport } from '../fixtures/resilience.js';

const SESSIONS = 600;
const REPORT = 'report.json';
const LEFTOVER = /^\.report\.json\.[0-9a-f]{12}\.tmp$/;

let scratch: ReturnType<typeof tempFolder>;
let home: string;
/** How long one export takes here: kills at "any time" are spread over it. */
let exportMs = 1000;

beforeAll(async () => {
  requireBuild();
  scratch = tempFolder('itb-export-crash-');
  home = join(scratch.path, 'home');
  const backup = join(scratch.path, 'backup.json');
  await writeExport(backup, sessionsFor('export-crash', SESSIONS, new Random(SEED)));
  expect((await itb(['import', backup], home)).code).toBe(0);
  const started = Date.now();
  const timing = await itb(['export', '--format', 'json', '-o', join(scratch.path, 'timing.json')], home);
  expect(timing.code, timing.stderr).toBe(0);
  exportMs = Date.now() - started;
});
afterAll(() => scratch?.remove());

type Moment = 'any time' | 'writing' | 'never';
type Target = 'over an old report' | 'a new file';

/** Runs `itb export` into `folder` and kills it at the chosen moment (unless it finishes first). */
function exportKilled(folder: string, target: Target, moment: Moment, delayMs: number): Promise<{ killed: boolean }> {
  const args = ['export', '--format', 'json', '-o', join(folder, REPORT), ...(target === 'over an old report' ? ['--force'] : [])];
  if (moment === 'any time') return killedRun(args, home, delayMs);
  // Left to finish: a whole new report, whatever the timing.
  if (moment === 'never') return killedRun(args, home, 600_000);
  // The first sign of anything changing in the report's folder: the hidden temporary file the
  // new report is written to (an exporter that wrote over the old report in place would show
  // here too, and leave half a report).
  return killedRun(args, home, delayMs, { folder, seen: () => true });
}

// For each target: kills as soon as the temporary file shows (inside the write, however fast the
// machine), kills at any time, and one export left to finish; in an order of the seed's.
const targets: Target[] = ['over an old report', 'a new file'];
const MOMENTS: Moment[] = ['writing', 'writing', 'writing', 'writing', 'any time', 'any time', 'any time', 'never'];
const KILLS = targets.length * MOMENTS.length;

describe(`itb export killed with SIGKILL at random moments (seed ${SEED}; ITB_SEED=${SEED} replays it)`, () => {
  it(`leaves the old report (or none) or the whole new one, ${KILLS} times over`, async () => {
    const random = new Random(SEED);
    const plan = targets.flatMap((target) => MOMENTS.map((moment) => ({ target, moment })));
    for (let i = plan.length - 1; i > 0; i--) {
      const j = random.int(0, i);
      [plan[i], plan[j]] = [plan[j]!, plan[i]!];
    }
    const folder = join(scratch.path, 'reports');
    const oldReport = Buffer.from('# An earlier report\n\nKept until a whole new one replaces it.\n');
    let killed = 0;
    const leftTemp: Record<Target, number> = { 'over an old report': 0, 'a new file': 0 };
    const made: Record<Target, number> = { 'over an old report': 0, 'a new file': 0 };
    for (const [kill, { target, moment }] of plan.entries()) {
      const where = `kill ${kill}, ${target} (seed ${SEED})`;
      const delayMs = moment === 'any time' ? random.int(0, Math.round(exportMs * 1.2)) : random.int(0, 2);
      // Each round starts from the old report alone, or from an empty folder.
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder);
      if (target === 'over an old report') writeFileSync(join(folder, REPORT), oldReport, { mode: 0o600 });

      const outcome = await exportKilled(folder, target, moment, delayMs);
      if (outcome.killed) killed++;

      const path = join(folder, REPORT);
      if (!existsSync(path)) {
        expect(target, `${where}: the old report is gone`).toBe('a new file');
      } else {
        expect(statSync(path).mode & 0o777, where).toBe(0o600);
        const report = readFileSync(path);
        if (!report.equals(oldReport)) {
          made[target]++;
          let exported: { sessions?: unknown[] };
          try {
            exported = JSON.parse(report.toString('utf8')) as typeof exported;
          } catch {
            expect.fail(`${where}: the report changed and is not whole JSON (${moment} +${delayMs} ms; ${report.length} bytes)`);
          }
          expect(exported.sessions, where).toHaveLength(SESSIONS);
        }
      }
      const others = readdirSync(folder).filter((name) => name !== REPORT);
      for (const name of others) {
        expect(name, `${where}: only a temporary file of the export may be left`).toMatch(LEFTOVER);
        expect(statSync(join(folder, name)).mode & 0o777, `${where}: ${name}`).toBe(0o600);
      }
      if (others.length > 0) leftTemp[target]++;
    }
    // Kills must land inside the write, or this proves little; the counts depend on the
    // machine's speed, so only loosely.
    expect(killed, `exports killed (seed ${SEED})`).toBeGreaterThanOrEqual(KILLS * 0.4);
    expect(killed, `the exports left to finish (seed ${SEED})`).toBeLessThanOrEqual(KILLS - targets.length);
    // Of each kind, kills in the middle of writing, and reports that finished or were killed once
    // the report had its name.
    for (const target of Object.keys(made) as Target[]) {
      expect(leftTemp[target], `kills in the middle of writing, ${target} (seed ${SEED})`).toBeGreaterThan(0);
      expect(made[target], `whole reports, ${target} (seed ${SEED})`).toBeGreaterThan(0);
    }
  }, 120_000);
});
