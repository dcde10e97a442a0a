import { ParserOptions } from '@fast-csv/parse';
import { Parser } from '@fast-csv/parse/build/src/parser/index.js';
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS } from './limits';
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
 * RFC 4180 by fast-csv's synchronous Parser over the whole text at once (no stream, so no event-loop hop
 * per chunk): `""` inside a quoted field is a quote, delimiters and line breaks (CRLF, LF or a lone CR,
 * which fast-csv's row delimiter accepts as is, so no normalising) are literal there.
 *
 * Cost: fast-csv walks the text token by token; the fixture's staff.csv (340 KB) takes ~22–30 ms against
 * ~2 ms for the hand-written loop this replaced: `npm run bench -- loader` went from min 16 / median 44 ms
 * to min 38 / median 75 ms on a loaded 2-core machine, missing the 20 ms target. The design card prefers
 * the well-kept library even when slower.
 *
 * fast-csv builds a whole row before returning it, so a row of a million commas would become a
 * million-cell array: a cheap pre-scan refuses any text line with more than {@link MAX_COLUMNS}
 * delimiters first (a quoted cell of 200 commas is refused too; no real field is that long), and parsing
 * stops after {@link MAX_ROWS} + 2 text lines once the rows are known to be too many.
 */
function splitRecords(text: string, delimiter: string): Split {
  const scan = prescan(text, delimiter);
  if (scan.wideLineStart !== -1) {
    const params = { count: `> ${MAX_COLUMNS}`, limit: MAX_COLUMNS };
    return {
      ok: false,
      line: recordAt(text, scan.wideLineStart, delimiter),
      code: 'FILE_TOO_MANY_COLUMNS',
      params,
    };
  }
  if (scan.rowsCut !== -1) {
    // Only quoted line breaks could make these lines fewer rows; parse just enough lines to know.
    const head = parseCsv(text.slice(0, scan.rowsCut), delimiter, true);
    if (head.ok && head.records.length > MAX_ROWS + 1) return head;
  }
  const parsed = parseCsv(text, delimiter, false);
  if (parsed.ok) return parsed;
  // The located problem: fast-csv's error names no line, so the rows before the bad one are counted.
  return locateMalformed(text, delimiter);
}

type Parsed = { ok: true; records: string[][] } | { ok: false };

function parseCsv(text: string, delimiter: string, hasMoreData: boolean): Parsed {
  const parser = new Parser(new ParserOptions({ delimiter }));
  try {
    return { ok: true, records: parser.parse(text, hasMoreData).rows };
  } catch {
    // fast-csv throws a plain Error for an unclosed quote or text after a closing quote.
    return { ok: false };
  }
}

/** The spreadsheet row (1-based) holding the text line that starts at `offset`. */
function recordAt(text: string, offset: number, delimiter: string): number {
  const before = text.slice(0, offset);
  const whole = parseCsv(before, delimiter, false);
  if (whole.ok) return whole.records.length + 1;
  // The line is inside a quoted cell opened on an earlier line: that cell's row.
  const partial = parseCsv(before, delimiter, true);
  return partial.ok ? partial.records.length + 1 : 1;
}

/** 64 Ki characters: a block fast-csv parses in a few milliseconds. */
const BLOCK = 64 * 1024;
/** The longest text a legal row can take: every cell at its limit, quoted, with its delimiter. */
const MAX_ROW_CHARS = MAX_COLUMNS * (2 * MAX_CELL_CHARS + 3);

/**
 * Where fast-csv failed: the text is fed to it block by block as its stream would (the unfinished row
 * carried over, the block growing with it so a huge quoted cell is not re-parsed again and again),
 * counting rows. Text after a closing quote throws in its block, which is then searched alone; an
 * unclosed quote never throws while more data may come, so it is the row left over at the end. About one
 * parse of the text (3 s for 5 MB on a loaded machine, against 12 s for a search over the whole text).
 */
function locateMalformed(text: string, delimiter: string): Split {
  let rows = 0;
  let rest = '';
  let at = 0;
  while (at < text.length) {
    // A row still open after more text than its widest legal form (every cell at its limit) can only be a
    // quote that never closes: say so at once, rather than search megabytes of one "row" line by line.
    if (rest.length > MAX_ROW_CHARS) return malformed(rows + 1, 'a quote (") is never closed');
    const size = Math.max(BLOCK, rest.length);
    const block = rest + text.slice(at, at + size);
    at += size;
    const parser = new Parser(new ParserOptions({ delimiter }));
    try {
      const result = parser.parse(block, true);
      rows += result.rows.length;
      rest = result.line;
    } catch {
      const line = rows + recordAt(block, firstFailingLine(block, delimiter), delimiter);
      return malformed(line, 'text after a closing quote (")');
    }
  }
  return malformed(rows + 1, 'a quote (") is never closed');
}

/**
 * The start of the first text line whose end makes fast-csv throw: a binary search over line ends, each
 * probe one parse of a prefix of `text` (one block).
 */
function firstFailingLine(text: string, delimiter: string): number {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\n|\r/g)) starts.push(m.index + m[0].length);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const end = starts[mid + 1] ?? text.length;
    if (parseCsv(text.slice(0, end), delimiter, true).ok) lo = mid + 1;
    else hi = mid;
  }
  return starts[lo] ?? 0;
}

interface Prescan {
  /** Start of the first text line with more than MAX_COLUMNS delimiters, or -1. */
  readonly wideLineStart: number;
  /** Offset just after the (MAX_ROWS + 2)th line end, or -1 when there are fewer lines. */
  readonly rowsCut: number;
}

/** One pass over the character codes, building nothing. */
function prescan(text: string, delimiter: string): Prescan {
  const d = delimiter.charCodeAt(0);
  let lineStart = 0;
  let delimiters = 0;
  let lines = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === d) {
      if (++delimiters >= MAX_COLUMNS) return { wideLineStart: lineStart, rowsCut: -1 };
    } else if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      lineStart = i + 1;
      delimiters = 0;
      if (++lines === MAX_ROWS + 2) {
        const rest = prescan(text.slice(lineStart), delimiter);
        const wide = rest.wideLineStart === -1 ? -1 : lineStart + rest.wideLineStart;
        return { wideLineStart: wide, rowsCut: lineStart };
      }
    }
  }
  return { wideLineStart: -1, rowsCut: -1 };
}

function malformed(line: number, detail: string): Split {
  return { ok: false, line, code: 'CSV_MALFORMED', params: { detail } };
}

function sniffDelimiter(text: string): string {
  const end = text.search(/[\r\n]/);
  const firstLine = end === -1 ? text : text.slice(0, end);
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
}
