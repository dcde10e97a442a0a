import type { CsvKind } from './columns';
import { type RawTable, readCsvTable } from './csv-table';
import { decodeText, sha256Hex } from './decode';
import { readWorkbook, spreadsheetKind, workbookProblemParams } from './excel-table';
import type { Problems } from './problems';
import type { DatasetFileKind, Encoding } from './types';

/** One uploaded or found file: its name (for messages and provenance) and its bytes. */
export interface NamedBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * What a dataset arrives as: files by kind (each a CSV, .xlsx or .xls, judged by content) and/or one
 * workbook whose sheets are named for the kinds.
 */
export interface DatasetInput {
  readonly files: Partial<Record<DatasetFileKind, NamedBytes>>;
  readonly workbook?: NamedBytes;
}

/** A kind's table with where it came from. */
export interface SourcedTable {
  readonly kind: CsvKind;
  /** The file name, or `book.xlsx [staff]` for a sheet of a one-workbook dataset. */
  readonly fileName: string;
  readonly sha256: string;
  readonly encoding: Encoding;
  readonly table: RawTable | null;
  /** The bytes to keep for provenance: the file, or the workbook (on the first sheet read from it). */
  readonly content: Uint8Array;
}

export const CSV_KINDS: readonly CsvKind[] = ['schools', 'posts', 'staff', 'townships', 'applications'];

/** The sheet (or file) names each kind may have, English and Chinese, compared case-insensitively. */
export const SHEET_NAMES: Readonly<Record<CsvKind, readonly string[]>> = {
  schools: ['schools', '学校'],
  posts: ['posts', '岗位', '岗位设置'],
  staff: ['staff', '教职工', '教职工名单'],
  townships: ['townships', '乡镇'],
  applications: ['applications', '择优'],
};

/** The kind a sheet or file base name stands for, or null. */
export function kindOfName(name: string): CsvKind | null {
  const base = name
    .trim()
    .replace(/\.(csv|txt|xlsx|xls)$/i, '')
    .toLowerCase();
  return CSV_KINDS.find((kind) => SHEET_NAMES[kind].includes(base)) ?? null;
}

/**
 * Reads every table of a dataset input, reporting each file that cannot be read. A kind given both as a
 * file and as a sheet of the workbook is an error (which one was meant?).
 */
export async function readTables(
  input: DatasetInput,
  problems: Problems,
): Promise<Partial<Record<CsvKind, SourcedTable>>> {
  const out: Partial<Record<CsvKind, SourcedTable>> = {};
  for (const kind of CSV_KINDS) {
    const file = input.files[kind];
    if (file === undefined) continue;
    const sourced = await readFileTable(kind, file, problems);
    if (sourced !== null) out[kind] = sourced;
  }
  if (input.workbook !== undefined) await readWorkbookTables(input, out, problems);
  return out;
}

async function readFileTable(
  kind: CsvKind,
  file: NamedBytes,
  problems: Problems,
): Promise<SourcedTable | null> {
  const where = { file: file.name, line: null, column: null };
  const sha256 = sha256Hex(file.bytes);
  const spreadsheet = spreadsheetKind(file.bytes);
  if (spreadsheet !== null) {
    const book = await readWorkbook(file.bytes, spreadsheet);
    if (!book.ok) {
      problems.error(where, book.code, workbookProblemParams(book));
      return null;
    }
    // A file named for its kind: its sheet named for the kind, else its first sheet.
    const sheets = [...book.sheets];
    const named = sheets.find(([name]) => kindOfName(name) === kind) ?? sheets[0];
    return {
      kind,
      fileName: file.name,
      sha256,
      encoding: spreadsheet,
      table: named?.[1] ?? null,
      content: file.bytes,
    };
  }
  const decoded = decodeText(file.bytes);
  if (!decoded.ok) {
    for (const p of decoded.problems) problems.error({ ...where, line: p.line }, p.code, p.params);
    return null;
  }
  const parsed = readCsvTable(decoded.text);
  if (!parsed.ok) {
    problems.error({ ...where, line: parsed.line }, parsed.code, parsed.params);
    return null;
  }
  return {
    kind,
    fileName: file.name,
    sha256,
    encoding: decoded.encoding,
    table: parsed.table,
    content: file.bytes,
  };
}

async function readWorkbookTables(
  input: DatasetInput,
  out: Partial<Record<CsvKind, SourcedTable>>,
  problems: Problems,
): Promise<void> {
  const workbook = input.workbook;
  if (workbook === undefined) return;
  const where = { file: workbook.name, line: null, column: null };
  const spreadsheet = spreadsheetKind(workbook.bytes);
  if (spreadsheet === null) {
    problems.error(where, 'WORKBOOK_UNREADABLE', { detail: 'not an .xlsx or .xls file' });
    return;
  }
  const book = await readWorkbook(workbook.bytes, spreadsheet);
  if (!book.ok) {
    problems.error(where, book.code, workbookProblemParams(book));
    return;
  }
  const sha256 = sha256Hex(workbook.bytes);
  let first = true;
  let found = 0;
  for (const [sheet, table] of book.sheets) {
    const kind = kindOfName(sheet);
    if (kind === null) continue;
    found++;
    const fileName = `${workbook.name} [${sheet}]`;
    const earlier = out[kind];
    if (earlier !== undefined) {
      problems.error(where, 'FILE_GIVEN_TWICE', { kind, first: earlier.fileName, second: fileName });
      continue;
    }
    out[kind] = {
      kind,
      fileName,
      sha256,
      encoding: spreadsheet,
      table,
      content: first ? workbook.bytes : new Uint8Array(),
    };
    first = false;
  }
  if (found === 0) problems.error(where, 'WORKBOOK_NO_SHEETS', { sheets: sheetList() });
}

/** "schools/学校, posts/岗位, …" for messages. */
export function sheetList(): string {
  return CSV_KINDS.map((kind) => SHEET_NAMES[kind].slice(0, 2).join('/')).join(', ');
}
