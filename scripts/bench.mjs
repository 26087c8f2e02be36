// `npm run bench`: how fast itb starts and works on ten years of history, against bare node.
//
// Writes a synthetic 10-year store (scripts/synthetic-history.ts, made by the real session state
// machine and checked against the real store schema) into a temporary ITB_HOME, then times each
// command as a whole process, interleaved round by round with `node -e 0`, and reports medians,
// the ratio to bare node and peak memory beside the targets. It also times the pause after a score
// is answered in a session: one Store.update appending an attempt, in this process.
// It is a report: it exits 0 even when a target is missed (1, saying why, only when a command
// fails, an option is wrong or dist/ is not built).
//
//   npm run bench -- [--runs N] [--years N] [--keep]   (`-- --help` lists them)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { peakMemory } from './peak-memory.mjs';

const USAGE = `Usage: npm run bench -- [--runs N] [--years N] [--keep]
  --runs N   rounds of timing, each command once a round in turns with bare node (default 25;
             medians of fewer than 10 are rough)
  --years N  years of made-up history, one session a day (default 10)
  --keep     keep the made-up history and the reports written, and say where they are`;
const root = fileURLToPath(new URL('..', import.meta.url));
const { runs, years, keep } = readOptions(process.argv.slice(2));
if (runs < 10) console.warn(`Only ${runs} runs: medians of fewer than 10 runs are rough.`);
const SAVE_RUNS = 20;
const MEMORY_RUNS = 3;

/** A command that fails makes every figure meaningless: stop, say which and why. */
class BenchFailure extends Error {}

const bin = join(root, 'bin/itb.js');
if (!existsSync(join(root, 'dist/cli.cjs'))) fail('dist/cli.cjs is missing: run `npm run bench` (it builds first) or `npm run build`.');

const work = mkdtempSync(join(tmpdir(), 'itb-bench-'));
try {
  await main();
} catch (error) {
  console.error(`bench: ${error instanceof BenchFailure ? error.message : error?.stack ?? error}`);
  process.exitCode = 1;
} finally {
  if (keep) console.log(`\nKept the made-up history and the reports in ${work}\nTry it: ITB_HOME=${join(work, 'home')} npx itb history`);
  else rmSync(work, { recursive: true, force: true });
}

async function main() {
  const kit = await bundleKit();
  const library = JSON.parse(readFileSync(join(root, 'dist/library.json'), 'utf8'));
  const { data, counts } = kit.syntheticHistory(library, { days: Math.round(years * 365) });
  kit.storeSchema.parse(data); // the history must be one the app accepts, or the figures mean nothing

  const home = join(work, 'home');
  mkdirSync(home, { mode: 0o700 });
  const storePath = join(home, 'store.json');
  // Saved by itb's own store, so the file is what itb writes (compact JSON, private, with the
  // fingerprint that lets reads skip re-checking bytes itb checked when it wrote them).
  await kit.Store.open({ ITB_HOME: home }).update(() => data);
  const megabytes = (statSync(storePath).size / 1e6).toFixed(1);

  console.log(`itb benchmark · ${new Date().toISOString().slice(0, 10)} · node ${process.version} · ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}`);
  console.log(
    `History (${years} year${years === 1 ? '' : 's'}, one session a day): ${counts.sessions} sessions, ${counts.attempts} attempts, ${counts.results} drill results ` +
      `(${counts.skips} skips, ${counts.flares} flare-ups), ${counts.interrupted} interrupted, ${counts.stopped} stopped early, ` +
      `${counts.moves} manual moves, ${counts.screenings} screenings · store.json ${megabytes} MB`,
  );
  console.log(`Timing: ${runs} interleaved runs of each command after one warm-up round; medians.\n`);
  const loadAtStart = loadNow();

  const out = (format) => ['export', '--format', format, '-o', join(work, `report.${format}`), '--force'];
  const commands = [
    { label: 'node -e 0 (bare node)', argv: ['-e', '0'], bare: true },
    { label: 'itb --version', argv: [bin, '--version'], limit: 1.3 },
    { label: 'itb --help', argv: [bin, '--help'], limit: 1.3 },
    { label: 'itb buckets', argv: [bin, 'buckets'], limit: 1.5 },
    { label: 'itb buckets --json', argv: [bin, 'buckets', '--json'], limit: 1.5 },
    { label: 'itb history', argv: [bin, 'history'] },
    ...['md', 'csv', 'json', 'html', 'fhir'].map((format) => ({ label: `itb export --format ${format}`, argv: [bin, ...out(format)], limit: 3 })),
  ];
  const env = { ...process.env, ITB_HOME: home, NO_COLOR: '1' };
  delete env.ITB_DATA;

  // Round-robin: every round runs each command once, starting one further along each time, so
  // a busy moment on the machine is shared out instead of landing on one command.
  const times = commands.map(() => []);
  for (let round = -1; round < runs; round++) {
    for (let offset = 0; offset < commands.length; offset++) {
      const index = (offset + Math.max(round, 0)) % commands.length;
      const elapsed = timeOnce(commands[index], env);
      if (round >= 0) times[index].push(elapsed);
    }
  }
  const memory = peakMemories(commands, env);
  const save = await timeScoreSave(kit, home);

  // One row per command: the figures, each target beside the figure it is about, ✓ or ✗.
  const bareMs = median(times[0]);
  const mark = (ok) => (ok ? '✓' : '✗');
  const missed = [];
  let targets = 0;
  const check = (ok, what) => {
    targets++;
    if (!ok) missed.push(what);
    return mark(ok);
  };
  // "+ ms" is the median less bare node's: on a shared machine it moves less than the ratio,
  // whose divisor (bare node's own start-up) moves the most.
  const rows = [['command', 'median ms', '× node', '+ ms', 'target', '', 'peak RSS MB', 'target', '']];
  commands.forEach((command, index) => {
    const ms = median(times[index]);
    const ratio = ms / bareMs;
    const rss = memory[index];
    if (command.bare) return rows.push([command.label, ms.toFixed(1), '1.00', '', '', '', rss.toFixed(0), '', '']);
    rows.push([
      command.label,
      ms.toFixed(1),
      ratio.toFixed(2),
      (ms - bareMs).toFixed(0),
      command.limit === undefined ? '(none)' : `≤ ${command.limit}×`,
      command.limit === undefined ? '' : check(ratio <= command.limit, `${command.label} (time)`),
      rss.toFixed(0),
      '< 150 MB',
      check(rss < 150, `${command.label} (memory)`),
    ]);
  });
  rows.push([`score save (Store.update, median of ${SAVE_RUNS})`, save.score.toFixed(1), '', '', '< 50 ms', check(save.score < 50, 'score save'), '', '', '']);
  rows.push([`last score, ending the session (median of ${SAVE_RUNS})`, save.end.toFixed(1), '', '', '< 50 ms', check(save.end < 50, 'session-ending save'), '', '', '']);

  printTable(rows);
  console.log(`\nLoad average during the run: ${loadAtStart} at the start, ${loadNow()} at the end (the figures move with it).`);
  console.log(missed.length === 0 ? `All ${targets} targets met.` : `Missed ${missed.length} of ${targets} targets: ${missed.join(', ')}.`);
}

/** The generator, the store and the core, bundled from source so the bench uses the real code. */
async function bundleKit() {
  const outfile = join(work, 'bench-kit.mjs');
  await build({
    stdin: {
      contents: [
        "export { syntheticHistory } from './scripts/synthetic-history.ts';",
        "export { storeSchema } from './src/core/records.ts';",
        "export { applySessionResults, projectBuckets } from './src/core/projection.ts';",
        "export { Store } from './src/store/store.ts';",
      ].join('\n'),
      resolveDir: root,
      sourcefile: 'bench-kit.ts',
      loader: 'ts',
    },
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Bundled CommonJS dependencies (proper-lockfile) call require() for Node's own modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}

function timeOnce(command, env) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, command.argv, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  checkResult(command, result);
  return elapsed;
}

/** Peak resident memory of each command in MB: the largest of a few runs (scripts/peak-memory.mjs). */
function peakMemories(commands, env) {
  return commands.map((command) => {
    const { megabytes, result } = peakMemory(command.argv, { env, folder: work, runs: MEMORY_RUNS });
    checkResult(command, result);
    return megabytes;
  });
}

/**
 * The pause after a score is answered in a session: the session flow saves the whole session
 * with Store.update (lock, re-read, apply the session's results to the buckets, validate what
 * changed, write, unlock), as src/commands/session-action.ts does. Starting the session is the
 * first save and is not timed (it also loads conf and reads the whole store), as in real use.
 */
async function timeScoreSave(kit, home) {
  const copy = join(work, 'save-home');
  cpSync(home, copy, { recursive: true });
  const store = kit.Store.open({ ITB_HOME: copy });
  const at = () => new Date().toISOString();
  const session = {
    id: 'bench-session',
    startedAt: at(),
    status: 'in-progress',
    routine: 'joint-chain',
    side: 'right',
    symptom: 'pain',
    movement: 'Single-leg squat',
    thresholds: { minImprovement: 1, flareRise: 3 },
    loading: false,
    baseline: 6,
    attempts: [],
    results: [],
  };
  const save = (options) =>
    store.update((data) => {
      const index = data.sessions.findIndex((s) => s.id === session.id);
      if (index >= 0) {
        data.sessions[index] = structuredClone(session);
        data.buckets = kit.applySessionResults(data.buckets, session, data.bucketsResetAt);
      } else {
        data.sessions.push(structuredClone(session));
        data.buckets = kit.projectBuckets(data.sessions, data.moves, data.bucketsResetAt);
      }
    }, options);
  await save();
  const times = [];
  for (let run = 0; run < SAVE_RUNS; run++) {
    const before = session.attempts.at(-1)?.after ?? session.baseline;
    session.attempts.push({ exerciseId: 'lateral-ankle-tilts', attempt: 1, before, after: before, verdict: 'not-improved', at: at() });
    const started = performance.now();
    await save();
    times.push(performance.now() - started);
  }
  // The last score of a session also ends it. Its save leaves the store's summary due, and the
  // session writes that once its closing is on the screen (not timed: the person is reading it).
  const endTimes = [];
  for (let run = 0; run < SAVE_RUNS; run++) {
    session.status = 'completed';
    session.endedAt = at();
    session.results.push({ exerciseId: 'lateral-ankle-tilts', name: 'Lateral ankle tilts', outcome: 'avoid', flare: false, at: session.endedAt });
    const started = performance.now();
    await save({ summaryLater: true });
    endTimes.push(performance.now() - started);
    store.writeDueSummary();
    Object.assign(session, { id: `bench-session-${run}`, startedAt: at(), status: 'in-progress', results: [] });
    delete session.endedAt;
    await save();
  }
  return { score: median(times), end: median(endTimes) };
}

function checkResult(command, result) {
  if (result.error) throw new BenchFailure(`${command.label} could not be run: ${result.error.message}`);
  if (result.status !== 0) {
    throw new BenchFailure(`${command.label} failed (exit ${result.status ?? result.signal}):\n${result.stderr?.toString().trim() ?? ''}`);
  }
}

function loadNow() {
  return loadavg()[0].toFixed(1);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function printTable(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => [...row[column]].length)));
  const numeric = new Set([1, 2, 3, 6]);
  for (const [index, row] of rows.entries()) {
    const cells = row.map((cell, column) => (numeric.has(column) && index > 0 ? cell.padStart(widths[column]) : cell.padEnd(widths[column])));
    console.log(cells.join('  ').trimEnd());
  }
}

/** The options, each checked: one mistyped or left to npm would run the whole benchmark without it. */
function readOptions(argv) {
  // `npm run bench --runs 5`, with no -- between: npm keeps --runs as a setting of its own, and
  // only the 5 reaches the benchmark.
  for (const name of ['runs', 'years', 'keep']) {
    if (process.env[`npm_config_${name}`] !== undefined) {
      fail(`npm took --${name} as its own setting: put -- before the benchmark's options, as in npm run bench -- --${name}${name === 'keep' ? '' : ' 5'}`);
    }
  }
  const options = { runs: 25, years: 10, keep: false };
  for (let index = 0; index < argv.length; index++) {
    const [flag, inline] = argv[index].startsWith('--') && argv[index].includes('=') ? argv[index].split(/=(.*)/s) : [argv[index], undefined];
    if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (flag === '--keep' && inline === undefined) {
      options.keep = true;
    } else if (flag === '--runs' || flag === '--years') {
      const text = inline ?? argv[++index];
      const value = Number(text);
      if (!text?.trim() || !Number.isInteger(value) || value < 1) fail(`${flag} wants a whole number of 1 or more, such as ${flag} ${flag === '--runs' ? 25 : 1}`);
      options[flag.slice(2)] = value;
    } else {
      fail(`${argv[index]} is not an option of the benchmark.\n${USAGE}`);
    }
  }
  return options;
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}
