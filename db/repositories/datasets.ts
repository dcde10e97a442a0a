import { desc, eq, sql } from 'drizzle-orm';
import type { DbExecutor } from '../client';
import {
  type DatasetRow,
  datasetFiles,
  datasets,
  type NewDatasetFileRow,
  type NewDatasetRow,
} from '../schema';

export type DatasetMeta = Omit<DatasetRow, 'datasetJson' | 'rulesJson'>;
export type DatasetFileMeta = Omit<typeof datasetFiles.$inferSelect, 'content' | 'datasetId'>;

const metaColumns = {
  id: datasets.id,
  createdAt: datasets.createdAt,
  createdBy: datasets.createdBy,
  label: datasets.label,
  countsJson: datasets.countsJson,
};

const fileMetaColumns = {
  id: datasetFiles.id,
  kind: datasetFiles.kind,
  fileName: datasetFiles.fileName,
  sha256: datasetFiles.sha256,
  bytes: datasetFiles.bytes,
  rows: datasetFiles.rows,
  encoding: datasetFiles.encoding,
};

/** Inserts a dataset and its files; the caller wraps it in a transaction with its audit entry. */
export function insertDataset(
  db: DbExecutor,
  row: NewDatasetRow,
  files: readonly Omit<NewDatasetFileRow, 'datasetId'>[],
): DatasetMeta {
  const inserted = db.insert(datasets).values(row).returning(metaColumns).get();
  if (files.length > 0) {
    db.insert(datasetFiles)
      .values(files.map((f) => ({ ...f, datasetId: inserted.id })))
      .run();
  }
  return inserted;
}

export function listDatasets(db: DbExecutor): DatasetMeta[] {
  return db.select(metaColumns).from(datasets).orderBy(desc(datasets.id)).all();
}

export function getDataset(db: DbExecutor, id: number): (DatasetMeta & { files: DatasetFileMeta[] }) | null {
  const meta = db.select(metaColumns).from(datasets).where(eq(datasets.id, id)).get();
  if (!meta) return null;
  const files = db.select(fileMetaColumns).from(datasetFiles).where(eq(datasetFiles.datasetId, id)).all();
  return { ...meta, files };
}

/** The parsed dataset and its rules as stored, for a run. */
export function getDatasetPayload(
  db: DbExecutor,
  id: number,
): Pick<DatasetRow, 'datasetJson' | 'rulesJson'> | null {
  return (
    db
      .select({ datasetJson: datasets.datasetJson, rulesJson: datasets.rulesJson })
      .from(datasets)
      .where(eq(datasets.id, id))
      .get() ?? null
  );
}

/**
 * Whether a school code can be bound to an account: true when it is a school of some stored dataset, or
 * when no dataset is stored yet (accounts are set up before the data arrives). SQLite's JSON functions
 * look inside the stored datasets without parsing them in JavaScript.
 */
export function schoolCodeKnown(db: DbExecutor, schoolCode: string): boolean {
  const any = db.select({ id: datasets.id }).from(datasets).limit(1).get();
  if (any === undefined) return true;
  const hit = db
    .select({ id: datasets.id })
    .from(datasets)
    .where(
      sql`exists (select 1 from json_each(${datasets.datasetJson}, '$.schools') where json_extract(value, '$.code') = ${schoolCode})`,
    )
    .limit(1)
    .get();
  return hit !== undefined;
}
