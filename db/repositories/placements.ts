import { and, asc, eq, or, type SQL } from 'drizzle-orm';
import type { Outcome } from '../../engine/types';
import type { DbExecutor } from '../client';
import { type PlacementRow, placements } from '../schema';

export interface PlacementFilter {
  /** Placed at this school after the run. */
  readonly schoolCode?: string;
  readonly outcome?: Outcome;
  /** Everyone a school is concerned with: its own staff wherever they went, and those who arrived. */
  readonly concerningSchool?: string;
}

/** A run's placements in staff-id order, filtered through the indexes on (run, school|outcome). */
export function queryPlacements(db: DbExecutor, runId: number, filter: PlacementFilter = {}): PlacementRow[] {
  const conditions: SQL[] = [eq(placements.runId, runId)];
  if (filter.schoolCode !== undefined) conditions.push(eq(placements.schoolCode, filter.schoolCode));
  if (filter.outcome !== undefined) conditions.push(eq(placements.outcome, filter.outcome));
  if (filter.concerningSchool !== undefined) {
    const either = or(
      eq(placements.schoolCode, filter.concerningSchool),
      eq(placements.fromSchoolCode, filter.concerningSchool),
    );
    if (either) conditions.push(either);
  }
  return db
    .select()
    .from(placements)
    .where(and(...conditions))
    .orderBy(asc(placements.staffId))
    .all();
}

export function getPlacement(db: DbExecutor, runId: number, staffId: string): PlacementRow | null {
  return (
    db
      .select()
      .from(placements)
      .where(and(eq(placements.runId, runId), eq(placements.staffId, staffId)))
      .get() ?? null
  );
}

/** A run's decisions as stored (who, outcome, where, subject, round), for its decisionHash. */
export function getRunDecisions(db: DbExecutor, runId: number) {
  return db
    .select({
      staffId: placements.staffId,
      outcome: placements.outcome,
      schoolCode: placements.schoolCode,
      subject: placements.subject,
      round: placements.round,
    })
    .from(placements)
    .where(eq(placements.runId, runId))
    .all();
}
