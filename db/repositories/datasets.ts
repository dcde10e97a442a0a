import { desc, eq } from 'drizzle-orm';
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
