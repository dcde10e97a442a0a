import type { PlacementTuple } from '../../db';
import type { AllocationResult, Dataset } from '../../engine/types';

/**
 * The placements table's rows for a result, school names filled in (the 公示 lists read them as they are),
 * as positional tuples in the column order of PlacementTuple with the steps already JSON text: made in the
 * allocation worker, they cross to the main thread as flat arrays of primitives (cheap to structured-clone)
 * and bind to the insert statement as they are.
 */
export function placementRows(dataset: Dataset, result: AllocationResult): PlacementTuple[] {
  const names = new Map(dataset.schools.map((s) => [s.code, s.name]));
  return result.placements.map((p) => [
    p.staffId,
    p.name,
    p.outcome,
    p.schoolCode,
    p.schoolCode === null ? null : (names.get(p.schoolCode) ?? null),
    p.subject,
    p.round,
    p.fromSchoolCode,
    names.get(p.fromSchoolCode) ?? '',
    p.choiceRank,
    p.distanceKm,
    '',
    // Encoded as drizzle's JSON mode would (the raw statement bypasses it).
    p.steps === undefined || p.steps === null ? null : JSON.stringify(p.steps),
  ]);
}
