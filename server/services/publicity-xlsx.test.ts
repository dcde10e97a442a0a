import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { PlacementRow } from '../../db';
import { publicityCsv } from './publicity-csv';
import { countySheets, publicityXlsx, sheetName } from './publicity-xlsx';

const row = (staffId: string, over: Partial<PlacementRow> = {}): PlacementRow => ({
  id: 1,
  runId: 1,
  staffId,
  name: '张伟',
  outcome: 'cross_school',
  schoolCode: '0002',
  schoolName: '北留中学',
  subject: '语文',
  round: 2,
  fromSchoolCode: '0001',
  fromSchoolName: '一中',
  choiceRank: 1,
  distanceKm: null,
  explanation: '',
  steps: [
    {
      choice: 1,
      decidedBy: null,
      kind: 'admitted',
      lastAdmitted: { score: 80, staffId },
      of: 1,
      rank: 1,
      round: 2,
      schoolCode: '0002',
      score: 80,
      scoreBasis: 'composite',
      subject: '语文',
      vacancies: 1,
    },
  ],
  ...over,
});

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as never);
  return book;
}

describe('公示 .xlsx', () => {
  it('keeps IDs that Excel would mangle (leading zeros, 18 digits, a formula lookalike) as text', async () => {
    const rows = [row('0012'), row('510322198505112345'), row('=1+1', { name: '+王芳' })];
    const book = await readBack(await publicityXlsx(countySheets(rows)));
    const county = book.getWorksheet('全县');
    const cells = [2, 3, 4].map((r) => county?.getRow(r).getCell(1).value);
    expect(cells).toEqual(['0012', '510322198505112345', '=1+1']);
    expect(county?.getRow(4).getCell(2).value).toBe('+王芳');
    expect(county?.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
  });

  it('has the CSV’s columns and one sheet per school concerned', async () => {
    const rows = [
      row('T1'),
      row('T2', {
        fromSchoolCode: '0003',
        fromSchoolName: '町店小学',
        schoolCode: null,
        schoolName: null,
        outcome: 'standby',
        round: null,
        choiceRank: null,
      }),
    ];
    const book = await readBack(await publicityXlsx(countySheets(rows)));
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '全县',
      '0001 一中',
      '0002 北留中学',
      '0003 町店小学',
    ]);
    const csvHeader = publicityCsv(rows).slice(1).split('\r\n')[0]?.split(',');
    const header = book.worksheets[0]?.getRow(1).values as unknown[] | undefined;
    expect(header?.slice(1)).toEqual(csvHeader);
    expect(book.getWorksheet('0003 町店小学')?.rowCount).toBe(2);
  });

  it('writes the 说明 in Chinese from the steps, naming the schools of the run', async () => {
    const book = await readBack(
      await publicityXlsx(countySheets([row('T1')]), {
        school: (code) => (code === '0002' ? '北留中学' : code),
      }),
    );
    expect(book.getWorksheet('全县')?.getRow(2).getCell(12).value).toBe(
      '第二轮：第1志愿 北留中学 语文，空缺岗位 1 个，排名第 1（共 1 人），本人 80.00 → 聘用（跨校竞聘）',
    );
  });

  it('makes sheet names Excel accepts: no []:*?/\\, at most 31 characters, unique', () => {
    const taken = new Set<string>();
    expect(sheetName('S01 [一中]/分校', taken)).toBe('S01 _一中__分校');
    const long = 'x'.repeat(40);
    expect(sheetName(long, taken)).toHaveLength(31);
    expect(sheetName(long, taken)).toBe(`${'x'.repeat(29)}~2`);
  });
});
