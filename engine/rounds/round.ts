import type { Context, RunState } from '../context';
import type { EngineWarning, Round1List, Round2List } from '../types';

/** What the rounds hand back besides the people's state: the lists a principal reads, and the warnings. */
export interface RoundOutput {
  readonly warnings: EngineWarning[];
  readonly round1Lists: Round1List[];
  readonly round2Lists: Round2List[];
}

/**
 * The one signature of every round (and of the step before round 1): it reads the run's context, places
 * people in `state` (writing their steps) and appends to `out`. allocate() runs them in the order of
 * engine/rounds/index.ts; see engine/README.md for adding one.
 */
export type Round = (ctx: Context, state: RunState, out: RoundOutput) => void;
