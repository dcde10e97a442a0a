import type { Db, RunMeta } from '../../db';
import { getRun } from '../../db';
import { RunNotFound } from '../errors';
import type { RunResults } from '../services/run-results';

/** What every route plugin is given: the database and the cache of parsed run results. */
export interface RouteDeps {
  readonly db: Db;
  readonly results: RunResults;
}

export function requireRun(db: Db, id: number): RunMeta {
  const run = getRun(db, id);
  if (!run) throw new RunNotFound(id);
  return run;
}
