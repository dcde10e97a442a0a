import { desc, eq } from 'drizzle-orm';
import type { DbExecutor } from '../client';
import { type NewPlacementRow, type NewRunRow, placements, type RunRow, runs } from '../schema';

export type RunMeta = Omit<RunRow, 'inputJson' | 'resultJson'>;

const metaColumns = {
  id: runs.id,
  datasetId: runs.datasetId,
  createdAt: runs.createdAt,
  createdBy: runs.createdBy,
  engineVersion: runs.engineVersion,
  inputHash: runs.inputHash,
  outputHash: runs.outputHash,
  rulesJson: runs.rulesJson,
  summaryJson: runs.summaryJson,
  fairnessJson: runs.fairnessJson,
};

/** SQLite caps bound parameters per statement; 14 columns × 500 rows stays well under it. */
const PLACEMENT_CHUNK = 500;

/** Inserts a run and its placements; the caller wraps it in a transaction with its audit entry. */
export function insertRun(
  db: DbExecutor,
  row: NewRunRow,
  rows: readonly Omit<NewPlacementRow, 'runId'>[],
): RunMeta {
  const inserted = db.insert(runs).values(row).returning(metaColumns).get();
  for (let i = 0; i < rows.length; i += PLACEMENT_CHUNK) {
    db.insert(placements)
      .values(rows.slice(i, i + PLACEMENT_CHUNK).map((p) => ({ ...p, runId: inserted.id })))
      .run();
  }
  return inserted;
}

export function listRuns(db: DbExecutor): RunMeta[] {
  return db.select(metaColumns).from(runs).orderBy(desc(runs.id)).all();
}

export function getRun(db: DbExecutor, id: number): RunMeta | null {
  return db.select(metaColumns).from(runs).where(eq(runs.id, id)).get() ?? null;
}

export function getRunResultJson(db: DbExecutor, id: number): string | null {
  return (
    db.select({ resultJson: runs.resultJson }).from(runs).where(eq(runs.id, id)).get()?.resultJson ?? null
  );
}

export function getRunInputJson(db: DbExecutor, id: number): string | null {
  return db.select({ inputJson: runs.inputJson }).from(runs).where(eq(runs.id, id)).get()?.inputJson ?? null;
}
