// The peak memory of a Node command, measured by Node itself: the command runs with a file loaded
// before it (--require) that writes process.resourceUsage().maxRSS (in KB) as the process exits.
// No tool beyond Node is needed, on any system.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The largest peak resident memory, in MB, of `runs` runs of `node ...argv`. `folder` holds the
 * two small files it needs. Returns the result of the last run too, for its exit status and stderr.
 */
export function peakMemory(argv, { env, folder, runs }) {
  const report = join(folder, 'peak-memory.txt');
  const reporter = join(folder, 'peak-memory.cjs');
  writeFileSync(reporter, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, String(process.resourceUsage().maxRSS)));\n`);
  let megabytes = 0;
  let result;
  for (let run = 0; run < runs; run++) {
    rmSync(report, { force: true });
    result = spawnSync(process.execPath, ['--require', reporter, ...argv], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    if (result.error || result.status !== 0) break;
    if (!existsSync(report)) throw new Error(`node ${argv.join(' ')} ended without saying how much memory it used`);
    megabytes = Math.max(megabytes, Number(readFileSync(report, 'utf8')) / 1024);
  }
  return { megabytes, result };
}
