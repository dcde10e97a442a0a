import { parseString } from 'fast-csv';

/** A data row of a CSV file, with the line a spreadsheet shows for it. */
export interface CsvRow {
  readonly line: number;
  /** Cells trimmed of surrounding spaces (full-width ones included). */
  readonly cells: readonly string[];
}

export interface CsvTable {
  /** Header cells, trimmed (a BOM is already gone with the decoding). */
  readonly headers: readonly string[];
  /** 1 unless blank lines precede the header. */
  readonly headerLine: number;
  /** Non-blank rows after the header. */
  readonly rows: readonly CsvRow[];
}

export type CsvParse =
  | { ok: true; table: CsvTable | null }
  | { ok: false; line: number | null; message: string };

/**
 * Splits CSV text into trimmed cells, numbering rows the way Excel/WPS do: the first non-blank line is
 * the header, every record (blank ones included) is one line, and a quoted cell spanning several text
 * lines still counts as one spreadsheet row. `table` is null when the text has no non-blank line.
 *
 * @example
 * await readCsvTable('a,b\n\n 1 ,2\n'); // { ok: true, table: { headers: ['a','b'], headerLine: 1, rows: [{ line: 3, cells: ['1','2'] }] } }
 */
export async function readCsvTable(text: string): Promise<CsvParse> {
  const records: string[][] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      parseString<string[], string[]>(text, {
        headers: false,
        ignoreEmpty: false,
        delimiter: sniffDelimiter(text),
      })
        .on('data', (record: string[]) => records.push(record))
        .on('error', reject)
        .on('end', () => resolve());
    });
  } catch (error) {
    // fast-csv emits every complete record before failing, so the bad one is the next line.
    const detail = error instanceof Error ? error.message.replace(/^Parse Error: /, '') : String(error);
    return {
      ok: false,
      line: records.length + 1,
      message: `not valid CSV (${detail}); check the quotes (")`,
    };
  }

  const trimmed = records.map((cells) => cells.map((cell) => cell.trim()));
  const headerIndex = trimmed.findIndex((cells) => !isBlank(cells));
  const header = trimmed[headerIndex];
  if (header === undefined) return { ok: true, table: null };
  const rows: CsvRow[] = [];
  trimmed.forEach((cells, index) => {
    if (index > headerIndex && !isBlank(cells)) rows.push({ line: index + 1, cells });
  });
  return { ok: true, table: { headers: header, headerLine: headerIndex + 1, rows } };
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell === '');
}

/** WPS's "text (tab-separated)" export is common; a header line with tabs but no comma is taken as one. */
function sniffDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
}
