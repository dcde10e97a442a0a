import { MAX_COLUMNS, MAX_ROWS } from './limits';
import type { MessageCode, MessageParams } from './messages';

/** A data row of a table, with the row number a spreadsheet shows for it. */
export interface TableRow {
  readonly line: number;
  /** Raw cells (cleaning and trimming happen in clean-table.ts, the same for CSV and Excel). */
  readonly cells: readonly string[];
}

/** One file's (or one sheet's) rows before they are read as records. */
export interface RawTable {
  /** The first non-blank row. */
  readonly headers: readonly string[];
  readonly headerLine: number;
  /** Non-blank rows after the header. */
  readonly rows: readonly TableRow[];
}

export type TableParse =
  | { ok: true; table: RawTable | null }
  | { ok: false; line: number | null; code: MessageCode; params: MessageParams };

/**
 * Splits CSV text into cells, numbering rows the way Excel/WPS do: every record (blank ones included) is
 * one row, a quoted cell spanning several text lines still counts as one, and Excel's hidden `sep=,`
 * first line is skipped (and sets the delimiter). Line ends may be CRLF, LF or CR. A header with tabs and
 * no comma makes a tab-separated file (WPS's text export, Excel's "Unicode text"). `table` is null when
 * there is no non-blank row. More than {@link MAX_ROWS} rows is refused: splitting stops there.
 *
 * @example
 * readCsvTable('a,b\n\n 1 ,2\n'); // { ok: true, table: { headers: ['a','b'], headerLine: 1, rows: [{ line: 3, cells: [' 1 ','2'] }] } }
 */
export function readCsvTable(input: string): TableParse {
  let text = input;
  let delimiter: string | null = null;
  const hint = /^sep=(.)[ \t]*(\r\n|\n|\r|$)/i.exec(text);
  if (hint !== null) {
    delimiter = hint[1] ?? ',';
    text = text.slice(hint[0].length);
  }
  const parsed = splitRecords(text, delimiter ?? sniffDelimiter(text));
  if (!parsed.ok) return parsed;
  const records = parsed.records;
  if (records.length > MAX_ROWS + 1) {
    return { ok: false, line: null, code: 'FILE_TOO_MANY_ROWS', params: { limit: MAX_ROWS } };
  }
  return { ok: true, table: toTable(records, 1) };
}

/** The table of rows numbered from `firstLine`: the first non-blank is the header, blank ones are dropped. */
export function toTable(records: readonly (readonly string[])[], firstLine: number): RawTable | null {
  const headerIndex = records.findIndex((cells) => !isBlank(cells));
  const headers = records[headerIndex];
  if (headers === undefined) return null;
  const rows: TableRow[] = [];
  for (let index = headerIndex + 1; index < records.length; index++) {
    const cells = records[index];
    if (cells !== undefined && !isBlank(cells)) rows.push({ line: index + firstLine, cells });
  }
  return { headers, headerLine: headerIndex + firstLine, rows };
}

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

type Split =
  | { ok: true; records: string[][] }
  | { ok: false; line: number; code: 'CSV_MALFORMED' | 'FILE_TOO_MANY_COLUMNS'; params: MessageParams };

/**
 * RFC 4180 over the whole text in one synchronous pass: a field starting with `"` is quoted (`""` inside
 * is a quote, delimiters and line breaks are literal), any other field runs to the next delimiter or line
 * end (CRLF, LF or CR). Quotes inside an unquoted field are literal, as Excel reads them.
 *
 * Why not fast-csv: its stream yields to the event loop between chunks (84–334 ms for the fixture, mostly
 * idle), and even its synchronous Parser class takes ~25 ms for the fixture's staff.csv alone, more than
 * the whole loader's budget (issue #8). This loop takes ~2 ms.
 */
function splitRecords(text: string, delimiter: string): Split {
  const records: string[][] = [];
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let row: string[] = [];
  let i = 0;
  while (i <= n) {
    if (i === n) {
      if (row.length > 0) records.push(row);
      break;
    }
    let cell: string;
    if (text.charCodeAt(i) === 34) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) return malformed(records.length + 1, 'a quote (") is never closed');
        value += text.slice(from, q);
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          from = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      const next = text.charCodeAt(i);
      if (i < n && next !== d && next !== 10 && next !== 13) {
        return malformed(records.length + 1, 'text after a closing quote (")');
      }
      cell = value;
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === d || c === 10 || c === 13) break;
        j++;
      }
      cell = text.slice(i, j);
      i = j;
    }
    row.push(cell);
    if (row.length > MAX_COLUMNS) {
      // A row of a million commas would otherwise become a million-slot array.
      const params = { count: `> ${MAX_COLUMNS}`, limit: MAX_COLUMNS };
      return { ok: false, line: records.length + 1, code: 'FILE_TOO_MANY_COLUMNS', params };
    }
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      if (i === n) row.push('');
    } else if (i >= n) {
      records.push(row);
      break;
    } else {
      // A line end: CRLF, LF or CR alone.
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      records.push(row);
      row = [];
      if (records.length > MAX_ROWS + 1) break;
    }
  }
  return { ok: true, records };
}

function malformed(line: number, detail: string): Split {
  return { ok: false, line, code: 'CSV_MALFORMED', params: { detail } };
}

function sniffDelimiter(text: string): string {
  const end = text.search(/[\r\n]/);
  const firstLine = end === -1 ? text : text.slice(0, end);
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
}
