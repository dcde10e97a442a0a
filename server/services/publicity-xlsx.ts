import ExcelJS from 'exceljs';
import type { PlacementRow } from '../../db';
import type { Names } from '../render';
import { PUBLICITY_HEADERS, publicityCells } from './publicity-csv';

/** The media type of an .xlsx workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One sheet of the 公示 workbook: its tab name and its rows (the same row objects as the CSV). */
export interface PublicitySheet {
  readonly name: string;
  readonly rows: readonly PlacementRow[];
}

/** Widths in characters (a CJK character counts two), by header: IDs and codes narrow, the 说明 wide. */
const WIDTHS: Readonly<Record<string, number>> = {
  工号: 12,
  姓名: 10,
  原学校代码: 11,
  原学校: 18,
  聘用结果: 10,
  聘用学校代码: 13,
  聘用学校: 18,
  任教学科: 10,
  轮次: 8,
  所得志愿: 10,
};

/** Excel forbids []:*?/\ in sheet names and cuts them at 31 characters; names must also be unique. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++)
    name = `${base.slice(0, 31 - String(n).length - 1)}~${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * The 公示 lists as one .xlsx: a sheet per entry (the county first, then each school), Chinese headers
 * frozen in row 1 and repeated on every printed page, A4 landscape fitted to the page width, and every cell
 * stored as text, so Excel neither turns a 工号 like 0012 or 510322198505112345 into a number nor reads a
 * name starting with = as a formula.
 *
 * @param names every school's name (the run's schools), for the 志愿 the 说明 mentions
 * @returns the workbook's bytes
 */
export async function publicityXlsx(sheets: readonly PublicitySheet[], names?: Names): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const taken = new Set<string>();
  for (const { name, rows } of sheets) {
    const sheet = workbook.addWorksheet(sheetName(name, taken), {
      views: [{ state: 'frozen', ySplit: 1 }],
      pageSetup: {
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '1:1',
      },
    });
    sheet.columns = PUBLICITY_HEADERS.map((header) => ({
      header,
      width: WIDTHS[header] ?? 48,
      style: { numFmt: '@' },
    }));
    sheet.getRow(1).font = { bold: true };
    for (const p of rows)
      sheet.addRow(publicityCells(p, names).map((cell) => (cell === null ? '' : String(cell))));
    sheet.getColumn(PUBLICITY_HEADERS.length).alignment = { wrapText: true, vertical: 'top' };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * The county sheet and one sheet per school (its own staff wherever they went, and those who arrived: the
 * same rows as the per-school CSV), schools in code order, from one list of the run's placements.
 */
export function countySheets(rows: readonly PlacementRow[]): PublicitySheet[] {
  const names = new Map<string, string>();
  for (const p of rows) {
    names.set(p.fromSchoolCode, p.fromSchoolName);
    if (p.schoolCode !== null) names.set(p.schoolCode, p.schoolName ?? p.schoolCode);
  }
  const codes = [...names.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [
    { name: '全县', rows },
    ...codes.map((code) => ({
      name: `${code} ${names.get(code) ?? ''}`.trim(),
      rows: rows.filter((p) => p.fromSchoolCode === code || p.schoolCode === code),
    })),
  ];
}
