import type { NewPlacementRow } from '../../db';
import type { AllocationResult, Dataset } from '../../engine/types';

/** The placements table's rows for a result, school names filled in (the 公示 lists read them as they are). */
export function placementRows(dataset: Dataset, result: AllocationResult): Omit<NewPlacementRow, 'runId'>[] {
  const names = new Map(dataset.schools.map((s) => [s.code, s.name]));
  return result.placements.map((p) => ({
    staffId: p.staffId,
    name: p.name,
    outcome: p.outcome,
    schoolCode: p.schoolCode,
    schoolName: p.schoolCode === null ? null : (names.get(p.schoolCode) ?? null),
    subject: p.subject,
    round: p.round,
    fromSchoolCode: p.fromSchoolCode,
    fromSchoolName: names.get(p.fromSchoolCode) ?? '',
    choiceRank: p.choiceRank,
    distanceKm: p.distanceKm,
    explanation: '',
    steps: p.steps,
  }));
}
