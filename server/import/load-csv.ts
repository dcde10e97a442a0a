import type { CsvKind } from './columns';
import { readCsvTable } from './csv-table';
import { decodeText, sha256Hex } from './decode';
import { bindHeaders } from './header-binding';
import { type Located, READERS, type RecordTypes } from './records';
import { RowReader } from './row-reader';
import type { DatasetIssue, LoadedFile } from './types';

export interface LoadedCsv<K extends CsvKind> {
  readonly file: LoadedFile;
  /** Every data row, bad ones included (their problems are already in the issues). */
  readonly rows: readonly Located<RecordTypes[K]>[];
}

/**
 * Decodes one CSV file and reads its rows into domain records, appending every problem to `issues`.
 * Returns null when the file as a whole is unusable (undecodable, empty, bad header), in which case
 * cross-file checks against it would only repeat the same problem.
 *
 * @example
 * const issues: DatasetIssue[] = [];
 * const posts = await loadCsvFile('posts', 'posts.csv', bytes, true, issues);
 */
export async function loadCsvFile<K extends CsvKind>(
  kind: K,
  fileName: string,
  bytes: Uint8Array,
  required: boolean,
  issues: DatasetIssue[],
): Promise<LoadedCsv<K> | null> {
  const fileIssue = (line: number | null, message: string): null => {
    issues.push({ file: fileName, line, column: null, message });
    return null;
  };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return fileIssue(null, decoded.message);
  const parsed = await readCsvTable(decoded.text);
  if (!parsed.ok) return fileIssue(parsed.line, parsed.message);
  const table = parsed.table;
  if (table === null) return fileIssue(null, 'file is empty; expected a header row and data rows');

  const bound = bindHeaders(fileName, kind, table.headers, table.headerLine);
  if (!bound.ok) {
    issues.push(...bound.issues);
    return null;
  }
  if (required && table.rows.length === 0) {
    return fileIssue(null, 'file has a header but no data rows');
  }

  const read: (r: RowReader) => RecordTypes[K] = READERS[kind];
  const rows = table.rows.map((row) => {
    const at = new RowReader(fileName, row.line, bound.binding, row.cells, issues);
    return { value: read(at), at };
  });
  const file: LoadedFile = {
    kind,
    fileName,
    sha256: sha256Hex(bytes),
    rows: rows.length,
    encoding: decoded.encoding,
  };
  return { file, rows };
}
