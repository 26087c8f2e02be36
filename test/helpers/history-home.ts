// A temporary ITB_HOME holding a made-up history of daily sessions (the benchmark's), for tests
// that look at what years of records look like on screen.
import { syntheticHistory } from '../../scripts/synthetic-history.js';
import type { Library } from '../../src/library/schema.js';
import { Store } from '../../src/store/store.js';
import { tempHome } from './run.js';

/** A temporary ITB_HOME with `days` days of sessions up to `now`; call cleanup() when done. */
export async function historyHome(library: Library, days: number, now: Date): Promise<ReturnType<typeof tempHome>> {
  const home = tempHome();
  const { data } = syntheticHistory(library, { days, now });
  await Store.open({ ITB_HOME: home.home }).update(() => data);
  return home;
}

/** The commands that show a history on screen, as argv: what the layout tests run on one. */
export const screenCommands: string[][] = [['buckets'], ['history'], ['history', '--all'], ['exercises'], ['routines'], ['settings']];
