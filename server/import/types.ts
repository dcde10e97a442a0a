import type { Dataset, Rules } from '../../engine/types';

/** The files of a dataset, by kind; each kind has one file name ({@link FILE_NAMES}). */
export const DATASET_FILES = ['schools', 'posts', 'staff', 'townships', 'applications', 'rules'] as const;
export type DatasetFileKind = (typeof DATASET_FILES)[number];

export const FILE_NAMES: Readonly<Record<DatasetFileKind, string>> = {
  schools: 'schools.csv',
  posts: 'posts.csv',
  staff: 'staff.csv',
  townships: 'townships.csv',
  applications: 'applications.csv',
  rules: 'rules.json',
};

export const REQUIRED_FILES: readonly DatasetFileKind[] = ['schools', 'posts', 'staff'];

/**
 * One problem with the uploaded data, precise enough for an HR clerk to find it in Excel/WPS.
 *
 * - `line`: the spreadsheet row (the header is line 1, blank lines counted); null for whole-file problems.
 * - `column`: the header as written in the file (the canonical English name when the column is missing).
 *   For rules.json it is the field path (e.g. `crossSchool.maxChoices`), or the character column of a
 *   JSON syntax error.
 */
export interface DatasetIssue {
  /** Stable code (server/import/messages.ts, docs/DATASET.md); clients branch on it, never on `message`. */
  code: string;
  file: string;
  line: number | null;
  column: string | null;
  /** In Chinese unless English was asked for. */
  message: string;
}

/** How a file was read: a text encoding, or the workbook format. */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'xlsx' | 'xls';

export interface LoadedFile {
  kind: DatasetFileKind;
  fileName: string;
  /** SHA-256 hex of the bytes exactly as uploaded, so an auditor can match a run to its files. */
  sha256: string;
  /** Data rows (blank lines not counted); 1 for rules.json. */
  rows: number;
  encoding: Encoding;
  /** The bytes to keep for provenance (a workbook's bytes go with the first sheet read from it). */
  content?: Uint8Array;
}

/** Warnings never stop an import; both lists hold the first 200, and `more…` counts the rest. */
export interface ImportWarnings {
  warnings: DatasetIssue[];
  moreWarnings: number;
}

export type LoadResult =
  | ({ ok: true; dataset: Dataset; rules: Rules; files: LoadedFile[] } & ImportWarnings)
  | ({ ok: false; issues: DatasetIssue[]; moreIssues: number } & ImportWarnings);
