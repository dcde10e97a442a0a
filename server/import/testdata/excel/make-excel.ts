/**
 * Writes the Excel twins of testdata/utf8 that the loader tests read (run once, outputs committed):
 *   xlsx/      each file as an .xlsx (exceljs), with real date and number cells and template-style headers
 *   xls/       staff as an .xls (SheetJS, BIFF8) with real date cells; the other files stay CSV
 *   workbook/  the whole dataset as one .xlsx whose sheets are 学校/岗位/教职工/乡镇/择优
 *
 * `npx tsx server/import/testdata/excel/make-excel.ts`
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';

const here = import.meta.dirname;
const source = join(here, '..', 'utf8');
const KINDS = {
  schools: '学校',
  posts: '岗位',
  staff: '教职工',
  townships: '乡镇',
  applications: '择优',
} as const;
const NUMBERS = new Set(['岗位数', '跨校预留', '教龄', '综合得分', '纬度', '经度', '学校评分']);
const REQUIRED_MARK = new Set(['工号', '姓名', '学校代码']);

function rows(kind: string): string[][] {
  return readFileSync(join(source, `${kind}.csv`), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line !== '')
    .map((line) => line.split(','));
}

/** A cell as Excel would hold it: a real date, a number, or text. */
function typed(header: string, text: string): string | number | Date | null {
  if (text === '') return null;
  if (header === '出生日期') {
    const [y, m, d] = text.split(/[-/.]/).map(Number);
    return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1));
  }
  return NUMBERS.has(header) ? Number(text) : text;
}

function fillSheet(sheet: ExcelJS.Worksheet, table: string[][]): void {
  const [header = [], ...body] = table;
  // The national template's conventions: a leading * and a （必填） suffix on required headers.
  sheet.addRow(
    header.map((h) => (REQUIRED_MARK.has(h) ? `*${h}` : h === '出生日期' ? '出生日期（必填）' : h)),
  );
  for (const cells of body) {
    const row = sheet.addRow(cells.map((text, i) => typed(header[i] ?? '', text)));
    header.forEach((h, i) => {
      if (h === '出生日期') row.getCell(i + 1).numFmt = 'yyyy/m/d';
    });
  }
}

async function main(): Promise<void> {
  for (const dir of ['xlsx', 'xls', 'workbook']) mkdirSync(join(here, dir), { recursive: true });
  const book = new ExcelJS.Workbook();
  for (const [kind, zh] of Object.entries(KINDS)) {
    const one = new ExcelJS.Workbook();
    fillSheet(one.addWorksheet('Sheet1'), rows(kind));
    await one.xlsx.writeFile(join(here, 'xlsx', `${kind}.xlsx`));
    fillSheet(book.addWorksheet(zh), rows(kind));
    if (kind !== 'staff') copyFileSync(join(source, `${kind}.csv`), join(here, 'xls', `${kind}.csv`));
  }
  book.addWorksheet('说明').addRow(['本工作簿由测试生成']);
  await book.xlsx.writeFile(join(here, 'workbook', 'dataset.xlsx'));

  const staff = rows('staff');
  const header = staff[0] ?? [];
  const aoa = staff.map((cells, r) =>
    r === 0 ? cells : cells.map((text, i) => typed(header[i] ?? '', text)),
  );
  const sheet = XLSX.utils.aoa_to_sheet(aoa, { cellDates: true, dateNF: 'yyyy/m/d', UTC: true });
  const xls = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(xls, sheet, '教职工');
  writeFileSync(join(here, 'xls', 'staff.xls'), XLSX.write(xls, { type: 'buffer', bookType: 'biff8' }));
}

await main();
