import { type Db, insertDataset, toJsonText } from '../../db';
import type { Dataset } from '../../engine/types';
import type { Lang } from '../i18n/lang';
import { type DatasetFileKind, type DatasetIssue, type NamedBytes, parseDatasetInput } from '../import';
import { FILE_NAMES } from '../import/types';
import type { Actor } from '../plugins/auth';
import { recordWrite, WRITE } from './audit';
import { type IdempotencyClaim, type StoredAnswer, storeAnswer } from './idempotency';

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

/** Warnings (first 200, and a count of the rest) come back whether or not the dataset was stored. */
interface Warned {
  warnings: DatasetIssue[];
  moreWarnings: number;
}

export type ImportOutcome =
  | ({ ok: true; id: number; counts: DatasetCounts } & Warned)
  | ({ ok: false; issues: DatasetIssue[]; moreIssues: number } & Warned);

/** A dataset as uploaded: files by kind (CSV, .xlsx or .xls each) and/or one workbook of named sheets. */
export interface Upload {
  readonly files: Partial<Record<DatasetFileKind, UploadedFile>>;
  readonly workbook?: UploadedFile;
}

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
  upload: Upload,
  actor: Actor,
  label: string | null = null,
  lang: Lang = 'zh',
  idempotency: {
    readonly claim: IdempotencyClaim;
    /** Gets the 201 body: id, counts and the warnings. */
    readonly answer: (created: { id: number; counts: DatasetCounts } & Warned) => StoredAnswer;
  } | null = null,
): Promise<ImportOutcome> {
  const loaded = await checkUpload(upload, lang);
  const warned = { warnings: loaded.warnings, moreWarnings: loaded.moreWarnings };
  if (!loaded.ok) return { ok: false, issues: loaded.issues, moreIssues: loaded.moreIssues, ...warned };
  const files = upload.files;

  const counts = countDataset(loaded.dataset);
  const fileRows = loaded.files.map((f) => {
    const given = files[f.kind];
    const content = Buffer.from(f.content ?? given?.bytes ?? new Uint8Array());
    return {
      kind: f.kind,
      fileName: given?.fileName || (given === undefined ? f.fileName : FILE_NAMES[f.kind]),
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
    if (idempotency) {
      storeAnswer(
        tx,
        idempotency.claim,
        `dataset:${row.id}`,
        idempotency.answer({ id: row.id, counts, ...warned }),
      );
    }
    return row;
  }, WRITE);
  return { ok: true, id: meta.id, counts, ...warned };
}

/** Parses and validates an upload without storing anything (the problem report uses it too). */
export function checkUpload(upload: Upload, lang: Lang, redact = false) {
  const named: Partial<Record<DatasetFileKind, NamedBytes>> = {};
  for (const [kind, file] of Object.entries(upload.files) as [DatasetFileKind, UploadedFile][]) {
    named[kind] = { name: file.fileName || FILE_NAMES[kind], bytes: file.bytes };
  }
  const workbook = upload.workbook;
  return parseDatasetInput(
    workbook === undefined
      ? { files: named }
      : { files: named, workbook: { name: workbook.fileName || 'dataset.xlsx', bytes: workbook.bytes } },
    { lang, redact },
  );
}
