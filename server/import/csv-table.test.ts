import { describe, expect, it } from 'vitest';
import { readCsvTable } from './csv-table';

/** The failure's row and code, or the rows' numbers and cells. */
function outcome(text: string): unknown {
  const r = readCsvTable(text);
  if (!r.ok) return [r.code, r.line];
  return r.table?.rows.map((row) => [row.line, ...row.cells]);
}

describe('readCsvTable (fast-csv underneath)', () => {
  it('numbers rows as a spreadsheet does across CRLF, LF, lone CR and quoted line breaks', () => {
    expect(outcome('a,b\r\n"x\ry",1\r\r2,"3\n""q"""\n4,5')).toEqual([
      [2, 'x\ry', '1'],
      [4, '2', '3\n"q"'],
      [5, '4', '5'],
    ]);
  });

  it('locates an unclosed quote at the row that opens it, after a multi-line cell', () => {
    expect(outcome('a,b\n"x\ny",1\n2,"3\n4,5\n')).toEqual(['CSV_MALFORMED', 3]);
  });

  it('locates text after a closing quote, with lone CR line ends', () => {
    expect(outcome('a,b\r"x\ry",1\r2,"3"z\r4,5\r')).toEqual(['CSV_MALFORMED', 3]);
  });

  it('refuses a row of a million commas at its spreadsheet row, after a multi-line cell', () => {
    expect(outcome(`a,b\n"x\ny",1\nq${','.repeat(1_000_000)}\n`)).toEqual(['FILE_TOO_MANY_COLUMNS', 3]);
  });

  it('says at once where a quote never closes after a megabytes-long open row, not after a search', () => {
    // 4 MB of one quoted "cell" over two million line breaks, then text after a closing quote.
    const text = `a,b\n1,2\n"${'x\n'.repeat(2_000_000)}"z\n3,4\n`;
    expect(outcome(text)).toEqual(['CSV_MALFORMED', 3]);
  });

  it('keeps 200 cells and refuses 201', () => {
    expect(outcome(`a\n${','.repeat(199)}1\n`)).toEqual([[2, ...Array(199).fill(''), '1']]);
    expect(outcome(`a\n${','.repeat(200)}\n`)).toEqual(['FILE_TOO_MANY_COLUMNS', 2]);
  });

  it('refuses more than 100,000 data rows and keeps exactly 100,000', () => {
    expect(outcome(`a\n${'1\n'.repeat(1_000_000)}`)).toEqual(['FILE_TOO_MANY_ROWS', null]);
    expect(outcome(`a\n${'1\n'.repeat(100_000)}`)).toHaveLength(100_000);
  });
});
