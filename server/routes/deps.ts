import type { onRequestAsyncHookHandler } from 'fastify';
import type { Db, RunMeta } from '../../db';
import { getRun } from '../../db';
import { RunNotFound } from '../errors';
import type { Limits } from '../limits';
import type { AllocationPool } from '../services/allocation-pool';
import type { RunResults } from '../services/run-results';

/** What every route plugin is given: the database, the cache of parsed run results, the allocation pool. */
export interface RouteDeps {
  readonly db: Db;
  readonly results: RunResults;
  readonly pool: AllocationPool;
  /** The per-token write limit, one counter for every write route: add it as the route's onRequest hook. */
  readonly writeLimit: onRequestAsyncHookHandler;
  readonly limits: Limits;
}

export function requireRun(db: Db, id: number): RunMeta {
  const run = getRun(db, id);
  if (!run) throw new RunNotFound(id);
  return run;
}
