import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, form, type TestApp, tableCounts } from './helper';

const TESTDATA = join(import.meta.dirname, '../../server/import/testdata');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const read = (...path: string[]) => readFileSync(join(TESTDATA, ...path));

describe('Excel and messages over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.app.close());

  it('stores a one-workbook upload, keeping the workbook as uploaded', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/datasets',
      headers: t.as.hr,
      payload: form({ workbook: ['县管校聘.xlsx', read('excel', 'workbook', 'dataset.xlsx')] }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      counts: { schools: 3, posts: 3, staff: 3, townships: 3, applications: 1 },
      warnings: [],
      moreWarnings: 0,
    });
    const detail = await t.app.inject({ url: `/api/datasets/${res.json().id}`, headers: t.as.hr });
    const files = detail.json().files as {
      kind: string;
      fileName: string;
      encoding: string;
      bytes: number;
    }[];
    expect(files.map((f) => [f.kind, f.fileName, f.encoding])).toContainEqual([
      'staff',
      '县管校聘.xlsx [教职工]',
      'xlsx',
    ]);
    expect(files.reduce((sum, f) => sum + f.bytes, 0)).toBe(
      read('excel', 'workbook', 'dataset.xlsx').byteLength,
    );
  });

  it('takes .xlsx and .xls files in the per-file fields, and answers warnings in the language asked', async () => {
    const parts = {
      schools: ['schools.xlsx', read('excel', 'xlsx', 'schools.xlsx')],
      posts: ['posts.csv', read('utf8', 'posts.csv')],
      staff: ['staff.xls', read('excel', 'xls', 'staff.xls')],
    } satisfies Record<string, [string, Uint8Array]>;
    const zh = await t.app.inject({
      method: 'POST',
      url: '/api/datasets',
      headers: t.as.hr,
      payload: form(parts),
    });
    expect(zh.statusCode).toBe(201);
    // S03 is 撤并 in schools and still has a posts row (with 0 posts: no warning); the staff subjects all have posts.
    expect(zh.json().warnings).toEqual([]);

    const cases = join(TESTDATA, 'intake-cases', 'merging-school-posts');
    const merging = Object.fromEntries(
      ['schools', 'posts', 'staff'].map((kind) => [
        kind,
        [`${kind}.csv`, readFileSync(join(cases, `${kind}.csv`))],
      ]),
    ) as Record<string, [string, Uint8Array]>;
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/datasets',
      headers: { ...t.as.hr, 'accept-language': 'en-GB,en;q=0.9' },
      payload: form(merging),
    });
    expect(en.statusCode).toBe(201);
    expect(en.json().warnings).toEqual([
      expect.objectContaining({
        code: 'POSTS_OF_MERGING_SCHOOL',
        file: 'posts.csv',
        line: 2,
        column: '学校代码',
      }),
    ]);
    expect(en.json().warnings[0].message).toMatch(/^school H01 is merging/);
  });

  it('gives the problem report as .xlsx, storing nothing and copying no birth date', async () => {
    const before = tableCounts(t.db);
    const staff = read('kinds', 'conventions-bad', 'staff.csv');
    const parts = {
      schools: [
        'schools.csv',
        'school_code,name,stage,township\nS01,一中,high,凤城镇\nS02,北留中学,middle,北留镇\n',
      ],
      posts: ['posts.csv', 'school_code,subject,posts\nS01,语文,2\nS02,数学,1\n'],
      staff: ['staff.csv', staff],
    } satisfies Record<string, [string, Uint8Array | string]>;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/datasets/problems.xlsx',
      headers: t.as.hr,
      payload: form(parts),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as never);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([undefined, '类型', '文件', '行', '列', '代码', '说明']);
    const rows = (sheet?.getSheetValues() ?? []).slice(2) as unknown[][];
    expect(rows.map((r) => [r[1], r[3], r[4], r[5]])).toEqual([
      ['问题', 2, '身份证号', 'ID_NUMBER_INVALID'],
      ['问题', 3, '性别', 'ID_NUMBER_MISMATCH'],
      ['问题', 3, '出生日期', 'ID_NUMBER_MISMATCH'],
      ['问题', 4, '出生日期', 'DATE_EXCEL_SERIAL'],
      ['问题', 5, '身份证号', 'ID_SCIENTIFIC'],
    ]);
    const text = JSON.stringify(rows);
    for (const secret of ['1985-05-11', '31178', '140522', '5.10322E+17', '1990-02-15'])
      expect(text).not.toContain(secret);
    expect(tableCounts(t.db)).toEqual(before);
  });
});
