import type { PlacementTuple } from '../../db';
import { allocate, allocateSerialised } from '../../engine';
import type { AllocationResult, Dataset, Rules } from '../../engine/types';
import { placementRows } from '../services/placement-rows';

/**
 * The allocation tasks the worker pool runs (server/services/allocation-pool.ts), off the server's event
 * loop. Inputs and outputs are plain data (structured clone); the JSON the database keeps is made here
 * too, so the main thread only parses nothing and writes rows.
 */

export interface RunTask {
  /** The dataset as stored (datasets.dataset_json). */
  readonly datasetJson: string;
  readonly rules: Rules;
}

/**
 * What a run sends back: the texts the database keeps and the few small pieces the route answers with, not
 * the AllocationResult itself — structured-cloning that object costs the main thread ~27 ms on the fixture,
 * these ~4 ms. Readers get the result by parsing `resultJson` (server/services/run-results.ts).
 */
export interface RunOutput {
  /** The run's canonical input (runs.input_json); inputHash is its SHA-256. */
  readonly inputJson: string;
  /** The AllocationResult as stored (runs.result_json); outputHash is taken from it. */
  readonly resultJson: string;
  readonly engineVersion: AllocationResult['engineVersion'];
  readonly inputHash: string;
  readonly outputHash: string;
  readonly decisionHash: string;
  readonly summary: AllocationResult['summary'];
  readonly fairness: AllocationResult['fairness'];
  /** Every school's code and name (the 公示 words the steps' schools with them). */
  readonly schools: readonly { readonly schoolCode: string; readonly name: string }[];
  /** The placements table's rows, positional (see PlacementTuple). */
  readonly rows: PlacementTuple[];
}

export function run(task: RunTask): RunOutput {
  const dataset = JSON.parse(task.datasetJson) as Dataset;
  // Serialised once: the hashes are taken from the very texts stored.
  const { result, resultJson, inputJson } = allocateSerialised(dataset, task.rules);
  return {
    inputJson,
    resultJson,
    engineVersion: result.engineVersion,
    inputHash: result.inputHash,
    outputHash: result.outputHash,
    decisionHash: result.decisionHash,
    summary: result.summary,
    fairness: result.fairness,
    schools: result.schools.map((s) => ({ schoolCode: s.schoolCode, name: s.name })),
    rows: placementRows(dataset, result),
  };
}

export interface ReplayOutput {
  readonly engineVersion: string;
  readonly inputHash: string;
  readonly outputHash: string;
  readonly decisionHash: string;
}

/** Recomputes a run from its stored canonical input (runs.input_json); only the hashes come back. */
export function replay(inputJson: string): ReplayOutput {
  const input = JSON.parse(inputJson) as { dataset: Dataset; rules: Rules };
  const again = allocate(input.dataset, input.rules);
  return {
    engineVersion: again.engineVersion,
    inputHash: again.inputHash,
    outputHash: again.outputHash,
    decisionHash: again.decisionHash,
  };
}
