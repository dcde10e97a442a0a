import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { type RawTable, toTable } from './csv-table';
import { MAX_COLUMNS, MAX_ROWS, MAX_XLS_BYTES, MAX_XLSX_UNZIPPED_BYTES } from './limits';
import type { MessageParams } from './messages';

/** A workbook's sheets by name, each read as a table (null: the sheet has no non-blank row). */
export type WorkbookRead =
  | { ok: true; sheets: ReadonlyMap<string, RawTable | null> }
  | {
      ok: false;
      code: 'WORKBOOK_UNREADABLE' | 'FILE_TOO_MANY_ROWS' | 'FILE_TOO_MANY_COLUMNS';
      detail: string;
    };

export type SpreadsheetKind = 'xlsx' | 'xls';

/** .xlsx is a zip (PK\3\4); .xls is an OLE2 compound file (D0 CF 11 E0). Judged by content, not name. */
export function spreadsheetKind(bytes: Uint8Array): SpreadsheetKind | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  return null;
}

/**
 * Reads every sheet of an .xlsx (exceljs) or .xls (SheetJS CE) workbook into tables of text cells, keeping
 * what Excel's types mean: a date cell becomes YYYY-MM-DD, a number its shortest decimal (as Excel shows
 * it, 15 significant digits), text stays text. A number of 10^15 or more cannot be an exact ID (Excel
 * keeps 15 digits), so it is written in scientific notation, which the ID columns then reject with advice.
 * Row numbers are Excel's own.
 */
export async function readWorkbook(bytes: Uint8Array, kind: SpreadsheetKind): Promise<WorkbookRead> {
  try {
    return kind === 'xlsx' ? await readXlsx(bytes) : readXls(bytes);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, code: 'WORKBOOK_UNREADABLE', detail: detail.slice(0, 120) };
  }
}

async function readXlsx(bytes: Uint8Array): Promise<WorkbookRead> {
  const unzipped = await unzippedSize(bytes, MAX_XLSX_UNZIPPED_BYTES);
  if (unzipped > MAX_XLSX_UNZIPPED_BYTES) {
    return {
      ok: false,
      code: 'WORKBOOK_UNREADABLE',
      detail: `more than ${MAX_XLSX_UNZIPPED_BYTES} bytes unzipped`,
    };
  }
  const workbook = new ExcelJS.Workbook();
  // exceljs's typings want its own Buffer type; a Node Buffer over the same memory is what it reads.
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  const sheets = new Map<string, RawTable | null>();
  for (const sheet of workbook.worksheets) {
    // Bounded by the cells that hold a value: exceljs's rowCount/columnCount also count cells that only carry
    // formatting (a border drawn down to row 65536, a coloured column far right), common in rosters.
    let lastRow = 0;
    let lastColumn = 0;
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      lastRow = rowNumber;
      row.eachCell({ includeEmpty: false }, (_cell, col) => {
        if (col > lastColumn) lastColumn = col;
      });
    });
    const bounds = checkBounds(lastRow, lastColumn);
    if (bounds !== null) return bounds;
    const records: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        if (col > lastColumn) return;
        // A merged range holds its value in its first cell only; exceljs repeats it in every other cell,
        // which would make a title merged across the header's width look like a row of headers. Read
        // them empty, as Excel (and SheetJS, for .xls) does.
        cells[col - 1] = cell.type === ExcelJS.ValueType.Merge ? '' : xlsxCellText(cell.value);
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= '';
      records[rowNumber - 1] = cells;
    });
    for (let i = 0; i < records.length; i++) records[i] ??= [];
    sheets.set(sheet.name, toTable(records, 1));
  }
  return { ok: true, sheets };
}

/**
 * The bytes the workbook's parts unzip to, counted by actually inflating them (a zip's declared sizes can
 * lie) and stopping once past `limit`: a 20 MB upload must not be a zip bomb that exceljs would expand into
 * gigabytes of XML.
 */
async function unzippedSize(bytes: Uint8Array, limit: number): Promise<number> {
  const zip = await JSZip.loadAsync(bytes);
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    total += await new Promise<number>((resolve, reject) => {
      let size = 0;
      const stream = entry.nodeStream('nodebuffer');
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (total + size > limit) {
          stream.pause();
          stream.removeAllListeners();
          resolve(size);
        }
      });
      stream.on('end', () => resolve(size));
      stream.on('error', reject);
    });
    if (total > limit) break;
  }
  return total;
}

function xlsxCellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date)
    return isoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return String(value.error);
  if ('result' in value)
    return value.result === undefined ? '' : xlsxCellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return '';
}

function readXls(bytes: Uint8Array): WorkbookRead {
  if (bytes.byteLength > MAX_XLS_BYTES) {
    return {
      ok: false,
      code: 'WORKBOOK_UNREADABLE',
      detail: `.xls over ${MAX_XLS_BYTES} bytes; save it as .xlsx`,
    };
  }
  const workbook = XLSX.read(bytes, {
    type: 'array',
    dense: true,
    cellDates: false,
    cellNF: true,
    cellText: false,
  });
  const sheets = new Map<string, RawTable | null>();
  for (const name of workbook.SheetNames) {
    const sheet = workbook.Sheets[name];
    const ref = sheet?.['!ref'];
    if (sheet === undefined || ref === undefined) {
      sheets.set(name, null);
      continue;
    }
    const range = XLSX.utils.decode_range(ref);
    const bounds = checkBounds(range.e.r + 1, range.e.c + 1);
    if (bounds !== null) return bounds;
    const data = sheet['!data'] ?? [];
    const records: string[][] = [];
    for (let r = 0; r <= range.e.r; r++) {
      const row = data[r] ?? [];
      const cells: string[] = [];
      for (let c = 0; c < row.length; c++) cells.push(xlsCellText(row[c]));
      records.push(cells);
    }
    sheets.set(name, toTable(records, 1));
  }
  return { ok: true, sheets };
}

function xlsCellText(cell: XLSX.CellObject | undefined): string {
  if (cell === undefined || cell.v === undefined || cell.v === null) return '';
  if (cell.t === 'n' && typeof cell.v === 'number') {
    if (cell.z !== undefined && XLSX.SSF.is_date(cell.z)) {
      const d = XLSX.SSF.parse_date_code(cell.v);
      return isoDate(d.y, d.m, d.d);
    }
    return numberText(cell.v);
  }
  if (cell.v instanceof Date)
    return isoDate(cell.v.getUTCFullYear(), cell.v.getUTCMonth() + 1, cell.v.getUTCDate());
  if (cell.t === 'b') return cell.v ? 'TRUE' : 'FALSE';
  return String(cell.v);
}

function checkBounds(rows: number, columns: number): WorkbookRead | null {
  if (rows > MAX_ROWS + 1) return { ok: false, code: 'FILE_TOO_MANY_ROWS', detail: String(rows) };
  if (columns > MAX_COLUMNS) return { ok: false, code: 'FILE_TOO_MANY_COLUMNS', detail: String(columns) };
  return null;
}

/** The message params of a workbook that could not be read: a bound's count and limit, else the detail. */
export function workbookProblemParams(book: { code: string; detail: string }): MessageParams {
  if (book.code === 'FILE_TOO_MANY_ROWS') return { count: book.detail, limit: MAX_ROWS };
  if (book.code === 'FILE_TOO_MANY_COLUMNS') return { count: book.detail, limit: MAX_COLUMNS };
  return { detail: book.detail };
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 1e15) return n.toExponential().toUpperCase();
  return String(Number(n.toPrecision(15)));
}

function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
