import { cleanTable } from './clean-table';
import type { CsvKind } from './columns';
import type { RawTable } from './csv-table';
import { bindHeaders } from './header-binding';
import type { Problems } from './problems';
import { type Located, READERS, type RecordTypes } from './records';
import { RowReader } from './row-reader';
import type { SourcedTable } from './sources';
import type { LoadedFile } from './types';

export interface LoadedCsv<K extends CsvKind> {
  readonly file: LoadedFile;
  /** Every data row, bad ones included (their problems are already reported). */
  readonly rows: readonly Located<RecordTypes[K]>[];
}

/**
 * Reads one table (a CSV file or a sheet) into domain records, reporting every problem. Returns null
 * when the table as a whole is unusable (empty, bad header), in which case cross-file checks against it
 * would only repeat the same problem.
 *
 * @example
 * const posts = loadTable(sourced, true, problems);
 */
export function loadTable<K extends CsvKind>(
  source: SourcedTable & { kind: K },
  required: boolean,
  problems: Problems,
): LoadedCsv<K> | null {
  const fileName = source.fileName;
  const whole = { file: fileName, line: null, column: null };
  if (source.table === null) {
    problems.error(whole, 'FILE_EMPTY');
    return null;
  }
  const table = cleanTable(withoutTitleRow(source.table), fileName, problems);
  if (table === null) return null;
  const binding = bindHeaders(fileName, source.kind, table.headers, table.headerLine, problems);
  if (binding === null) return null;
  if (required && table.rows.length === 0) {
    problems.error(whole, 'FILE_NO_ROWS');
    return null;
  }

  const read: (r: RowReader) => RecordTypes[K] = READERS[source.kind];
  const rows: Located<RecordTypes[K]>[] = [];
  for (const row of table.rows) {
    const at = new RowReader(fileName, row.line, binding, row.cells, problems);
    rows.push({ value: read(at), at });
  }
  const file: LoadedFile = {
    kind: source.kind,
    fileName,
    sha256: source.sha256,
    rows: rows.length,
    encoding: source.encoding,
  };
  return { file, rows };
}

/**
 * A roster (花名册) often opens with a title row above the header — 阳城县2020年教职工花名册 in one merged
 * cell. A first row with a single filled cell, followed by a row with several, is that title: the row
 * after it is the header. (No dataset file has fewer than three columns.) Row numbers stay Excel's.
 */
function withoutTitleRow(table: RawTable): RawTable {
  const filled = (cells: readonly string[]) => cells.filter((cell) => cell.trim() !== '').length;
  const next = table.rows[0];
  if (filled(table.headers) !== 1 || next === undefined || filled(next.cells) < 3) return table;
  return { headers: next.cells, headerLine: next.line, rows: table.rows.slice(1) };
}
