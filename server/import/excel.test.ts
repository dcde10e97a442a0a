import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../engine';
import { parseDataset, parseDatasetInput, readDatasetDir } from './index';
import { files, staffHeader } from './testdata/inline';
import type { LoadResult } from './types';

/** testdata/excel holds the Excel twins of testdata/utf8 (made by testdata/excel/make-excel.ts). */
const testdata = join(import.meta.dirname, 'testdata');

function hashOf(r: LoadResult): string {
  if (!r.ok) throw new Error(`rejected: ${JSON.stringify(r.issues, null, 1)}`);
  return allocate(r.dataset, r.rules).inputHash;
}

async function xlsxOf(rows: (string | number | Date | null)[][], sheetName = 'Sheet1'): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('Excel in', () => {
  it('a folder of .xlsx files (date and number cells, * and （必填） headers) gives the CSV twin’s inputHash', async () => {
    const csv = await readDatasetDir(join(testdata, 'utf8'));
    const xlsx = await readDatasetDir(join(testdata, 'excel', 'xlsx'));
    expect(xlsx.ok && xlsx.files.map((f) => f.encoding)).toEqual(Array(5).fill('xlsx'));
    expect(hashOf(xlsx)).toBe(hashOf(csv));
  });

  it('an .xls staff file next to CSVs gives the same inputHash', async () => {
    const csv = await readDatasetDir(join(testdata, 'utf8'));
    const xls = await readDatasetDir(join(testdata, 'excel', 'xls'));
    expect(xls.ok && xls.files.find((f) => f.kind === 'staff')?.encoding).toBe('xls');
    expect(hashOf(xls)).toBe(hashOf(csv));
  });

  it('one workbook whose sheets are named 学校/岗位/教职工/乡镇/择优 gives the same inputHash', async () => {
    const csv = await readDatasetDir(join(testdata, 'utf8'));
    const book = await readDatasetDir(join(testdata, 'excel', 'workbook'));
    expect(book.ok && book.files.map((f) => f.fileName)).toEqual([
      'dataset.xlsx [学校]',
      'dataset.xlsx [岗位]',
      'dataset.xlsx [教职工]',
      'dataset.xlsx [乡镇]',
      'dataset.xlsx [择优]',
    ]);
    expect(hashOf(book)).toBe(hashOf(csv));
  });

  it('locates problems by Excel row and header; an ID stored as a number is refused as Excel mangled it', async () => {
    const header = staffHeader.split(',');
    const staff = await xlsxOf([
      header,
      [],
      ['T001', '张伟', 'M', new Date(Date.UTC(1975, 2, 8)), 'S01', '语文', 'high', 'senior', 25, 88.5],
      [510322198505112000, '王芳', 'F', '1990-02-30', 'S02', '数学', 'middle', 'first', 8, 79],
    ]);
    const r = await parseDataset(files({ staff }));
    expect(!r.ok && r.issues.map((i) => [i.code, i.file, i.line, i.column])).toEqual([
      ['ID_SCIENTIFIC', 'staff.csv', 4, 'staff_id'],
      ['DATE_NOT_REAL', 'staff.csv', 4, 'birth_date'],
    ]);
  });

  it('names the sheets it wants when a workbook has none of them', async () => {
    const workbook = await xlsxOf([['x']], 'Sheet1');
    const r = await parseDatasetInput({ files: {}, workbook: { name: 'book.xlsx', bytes: workbook } });
    expect(!r.ok && r.issues.map((i) => [i.code, i.file])).toEqual([['WORKBOOK_NO_SHEETS', 'book.xlsx']]);
  });

  it('refuses a zip bomb before exceljs expands it', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/worksheets/sheet1.xml', new Uint8Array(16 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const r = await parseDataset(files({ staff: bomb }));
    expect(!r.ok && r.issues.map((i) => [i.code, i.file])).toEqual([['WORKBOOK_UNREADABLE', 'staff.csv']]);
  });

  it('skips a roster’s title row above the header, keeping Excel’s row numbers', async () => {
    const header = staffHeader.split(',');
    const staff = await xlsxOf([
      ['阳城县2020年教职工花名册'],
      header,
      ['T001', '张伟', 'M', new Date(Date.UTC(1975, 2, 8)), 'S01', '语文', 'high', 'senior', 25, 88.5],
      ['T002', '王芳', 'F', '1990-11-23', 'S02', '数学', 'middle', 'first', 8, 'abc'],
    ]);
    const r = await parseDataset(files({ staff }));
    expect(!r.ok && r.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['NUMBER_INVALID', 4, 'score'],
    ]);
  });
  it('counts rows and columns that hold values, not cells that only carry formatting far below or right', async () => {
    const header = staffHeader.split(',');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Sheet1');
    sheet.addRow(header);
    sheet.addRow(['T001', '张伟', 'M', '1975-03-08', 'S01', '语文', 'high', 'senior', 25, 'abc']);
    sheet.getCell('A150000').border = { top: { style: 'thin' } };
    sheet.getCell(2, 500).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    const staff = new Uint8Array(await book.xlsx.writeBuffer());
    const r = await parseDataset(files({ staff }));
    expect(!r.ok && r.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['NUMBER_INVALID', 2, 'score'],
    ]);
  });

  it('a sheet over the column limit names its count and the limit', async () => {
    const wide = await xlsxOf([Array.from({ length: 250 }, (_, i) => `c${i}`)]);
    const r = await parseDataset(files({ staff: wide }));
    expect(!r.ok && r.issues.map((i) => [i.code, i.message])).toEqual([
      ['FILE_TOO_MANY_COLUMNS', '表头有 250 列，超过上限 200 列'],
    ]);
  });

  it('skips a title in a merged cell (exceljs repeats the master’s value across the merge; Excel does not)', async () => {
    const header = staffHeader.split(',');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Sheet1');
    sheet.addRow(['阳城县2020年教职工花名册']);
    sheet.mergeCells(1, 1, 1, header.length);
    sheet.addRow(header);
    sheet.addRow([
      'T001',
      '张伟',
      'M',
      new Date(Date.UTC(1975, 2, 8)),
      'S01',
      '语文',
      'high',
      'senior',
      25,
      88.5,
    ]);
    sheet.addRow(['T002', '王芳', 'F', '1990-11-23', 'S02', '数学', 'middle', 'first', 8, 'abc']);
    const staff = new Uint8Array(await book.xlsx.writeBuffer());
    const r = await parseDataset(files({ staff }));
    expect(!r.ok && r.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['NUMBER_INVALID', 4, 'score'],
    ]);
  });
});
