import { type Db, fromJsonText, insertDataset, type JsonText, toJsonText } from '../../db';
import type { Dataset, Rules } from '../../engine/types';
import { type DatasetFileKind, type DatasetIssue, parseDataset } from '../import';
import { FILE_NAMES } from '../import/types';
import type { Actor } from '../plugins/auth';
import { recordWrite, WRITE } from './audit';

export interface DatasetCounts {
  schools: number;
  posts: number;
  staff: number;
  townships: number;
  applications: number;
}

export interface UploadedFile {
  /** The name the client gave the file, kept for provenance; the kind decides how it is read. */
  readonly fileName?: string;
  readonly bytes: Uint8Array;
}

export type ImportOutcome =
  | { ok: true; id: number; counts: DatasetCounts }
  | { ok: false; issues: DatasetIssue[] };

export function countDataset(dataset: Dataset): DatasetCounts {
  return {
    schools: dataset.schools.length,
    posts: dataset.posts.length,
    staff: dataset.staff.length,
    townships: dataset.townships.length,
    applications: dataset.applications.length,
  };
}

/**
 * The one import path, shared by POST /api/datasets and `npm run demo`: parse and validate every file with
 * the loader, then store the dataset, its files and the audit entry in one transaction. A rejected dataset
 * stores nothing at all.
 */
export async function importDataset(
  db: Db,
  files: Partial<Record<DatasetFileKind, UploadedFile>>,
  actor: Actor,
  label: string | null = null,
): Promise<ImportOutcome> {
  const bytes: Partial<Record<DatasetFileKind, Uint8Array>> = {};
  for (const [kind, file] of Object.entries(files) as [DatasetFileKind, UploadedFile][])
    bytes[kind] = file.bytes;
  const loaded = await parseDataset(bytes);
  if (!loaded.ok) return { ok: false, issues: loaded.issues };

  const counts = countDataset(loaded.dataset);
  const fileRows = loaded.files.map((f) => {
    const upload = files[f.kind];
    const content = Buffer.from(upload?.bytes ?? new Uint8Array());
    return {
      kind: f.kind,
      fileName: upload?.fileName || FILE_NAMES[f.kind],
      sha256: f.sha256,
      bytes: content.byteLength,
      rows: f.rows,
      encoding: f.encoding,
      content,
    };
  });
  const meta = db.transaction((tx) => {
    const row = insertDataset(
      tx,
      {
        createdAt: new Date().toISOString(),
        createdBy: actor.id,
        label,
        countsJson: counts,
        datasetJson: toJsonText(loaded.dataset),
        rulesJson: loaded.rules,
      },
      fileRows,
    );
    recordWrite(tx, actor, 'dataset.create', `dataset:${row.id}`, {
      label,
      counts,
      files: fileRows.map(({ kind, fileName, sha256 }) => ({ kind, fileName, sha256 })),
    });
    return row;
  }, WRITE);
  return { ok: true, id: meta.id, counts };
}

/** The parsed dataset and rules stored with a dataset, or null when there is no such dataset. */
export function parseStoredDataset(payload: { datasetJson: JsonText<Dataset>; rulesJson: Rules }): {
  dataset: Dataset;
  rules: Rules;
} {
  return { dataset: fromJsonText(payload.datasetJson), rules: payload.rulesJson };
}
