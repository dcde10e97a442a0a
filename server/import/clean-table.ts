import type { RawTable } from './csv-table';
import { MAX_CELL_CHARS, MAX_COLUMNS } from './limits';
import type { Problems } from './problems';

/** A table whose cells are cleaned: invisible characters removed, surrounding spaces trimmed. */
export interface Table {
  readonly headers: readonly string[];
  readonly headerLine: number;
  readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
}

/**
 * Zero-width and invisible characters (ZWSP, ZWNJ, ZWJ, word joiner, a BOM inside the text) come with
 * text copied from web pages and chat; they make 学科 and 学科\u200B different headers. U+00A0 and
 * U+3000 need no entry: String.prototype.trim removes them with the other spaces.
 */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/;
const INVISIBLE_ALL = /[\u200B-\u200D\u2060\uFEFF]/g;

/**
 * Cleans a table read from CSV or Excel in one pass: each invisible character removed with a warning
 * naming its code point, each cell trimmed, and cells over {@link MAX_CELL_CHARS} characters (or a
 * header over {@link MAX_COLUMNS} columns) reported. Returns null when the header itself is unusable.
 */
export function cleanTable(raw: RawTable, file: string, problems: Problems): Table | null {
  if (raw.headers.length > MAX_COLUMNS) {
    problems.error({ file, line: raw.headerLine, column: null }, 'FILE_TOO_MANY_COLUMNS', {
      count: raw.headers.length,
      limit: MAX_COLUMNS,
    });
    return null;
  }
  const headers = raw.headers.map((cell) => clean(cell, file, raw.headerLine, null, problems));
  for (const row of raw.rows) {
    // In place: the raw rows are this import's own arrays, and a copy per row is garbage for nothing.
    const cells = row.cells as string[];
    for (let i = 0; i < cells.length; i++) {
      cells[i] = clean(cells[i] ?? '', file, row.line, headers[i] ?? null, problems);
    }
  }
  return { headers, headerLine: raw.headerLine, rows: raw.rows };
}

function clean(cell: string, file: string, line: number, header: string | null, problems: Problems): string {
  let text = cell;
  if (INVISIBLE.test(text)) {
    const found = [...new Set(text.match(INVISIBLE_ALL) ?? [])].map(
      (c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
    );
    text = text.replace(INVISIBLE_ALL, '');
    const column = header ?? text.trim();
    problems.warn({ file, line, column }, 'INVISIBLE_CHAR_REMOVED', { codePoints: found.join(', ') });
  }
  text = text.trim();
  if (text.length > MAX_CELL_CHARS) {
    problems.error({ file, line, column: header }, 'CELL_TOO_LONG', {
      length: text.length,
      limit: MAX_CELL_CHARS,
    });
    return text.slice(0, MAX_CELL_CHARS);
  }
  return text;
}
