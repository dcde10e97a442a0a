import type Database from 'better-sqlite3';
import { desc, eq } from 'drizzle-orm';
import type { Db, DbExecutor } from '../client';
import type { NewPlacementRow, NewRunRow, RunRow } from '../schema';
import { runs } from '../schema';

export type RunMeta = Omit<RunRow, 'inputJson' | 'resultJson'>;

const metaColumns = {
  id: runs.id,
  datasetId: runs.datasetId,
  createdAt: runs.createdAt,
  createdBy: runs.createdBy,
  engineVersion: runs.engineVersion,
  inputHash: runs.inputHash,
  outputHash: runs.outputHash,
  decisionHash: runs.decisionHash,
  rulesJson: runs.rulesJson,
  summaryJson: runs.summaryJson,
  fairnessJson: runs.fairnessJson,
};

const INSERT_PLACEMENT = `INSERT INTO placements (run_id, staff_id, name, outcome, school_code, school_name, subject,
  round, from_school_code, from_school_name, choice_rank, distance_km, explanation, steps)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const insertStatements = new WeakMap<Database.Database, Database.Statement<unknown[]>>();

/**
 * One placements row without its run id, positionally in the columns' order (staff_id … steps), `steps` as
 * the JSON text drizzle's JSON mode would store. Flat primitives: made in the allocation worker, they cross
 * threads cheaply and bind to the prepared insert as they are.
 */
export type PlacementTuple = readonly [
  staffId: NewPlacementRow['staffId'],
  name: NewPlacementRow['name'],
  outcome: NewPlacementRow['outcome'],
  schoolCode: string | null,
  schoolName: string | null,
  subject: string | null,
  round: NonNullable<NewPlacementRow['round']> | null,
  fromSchoolCode: string,
  fromSchoolName: string,
  choiceRank: number | null,
  distanceKm: number | null,
  explanation: string,
  stepsJson: string | null,
];

/**
 * Inserts a run and its placements. Call it inside the transaction that also records the audit entry.
 *
 * The placements go through one prepared statement (per connection, positional parameters) on the raw
 * connection rather than drizzle's multi-row insert: for a county's 3,500 rows that is several times faster,
 * and on the same connection it joins the open transaction all the same.
 */
export function insertRun(db: Db, row: NewRunRow, rows: readonly PlacementTuple[]): RunMeta {
  const inserted = db.insert(runs).values(row).returning(metaColumns).get();
  const client = db.$client;
  let statement = insertStatements.get(client);
  if (!statement) {
    statement = client.prepare<unknown[]>(INSERT_PLACEMENT);
    insertStatements.set(client, statement);
  }
  const runId = inserted.id;
  for (const p of rows) statement.run(runId, ...p);
  return inserted;
}

export function listRuns(db: DbExecutor): RunMeta[] {
  return db.select(metaColumns).from(runs).orderBy(desc(runs.id)).all();
}

export function getRun(db: DbExecutor, id: number): RunMeta | null {
  return db.select(metaColumns).from(runs).where(eq(runs.id, id)).get() ?? null;
}

/** The stored AllocationResult as text (runs of engines < 1.1.0 hold that version's shape). */
export function getRunResultJson(db: DbExecutor, id: number): RunRow['resultJson'] | null {
  return (
    db.select({ resultJson: runs.resultJson }).from(runs).where(eq(runs.id, id)).get()?.resultJson ?? null
  );
}

export function getRunInputJson(db: DbExecutor, id: number): string | null {
  return db.select({ inputJson: runs.inputJson }).from(runs).where(eq(runs.id, id)).get()?.inputJson ?? null;
}
