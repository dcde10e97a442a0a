import type { NewPlacementRow } from '../../db';
import { allocate, canonicalInput } from '../../engine';
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

export interface RunOutput {
  readonly result: AllocationResult;
  readonly resultJson: string;
  readonly inputJson: string;
  readonly rows: Omit<NewPlacementRow, 'runId'>[];
}

export function run(task: RunTask): RunOutput {
  const dataset = JSON.parse(task.datasetJson) as Dataset;
  const result = allocate(dataset, task.rules);
  return {
    result,
    resultJson: JSON.stringify(result),
    inputJson: canonicalInput(dataset, task.rules),
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
