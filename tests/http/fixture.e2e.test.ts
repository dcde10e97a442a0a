import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, FIXTURE_DIR, readFiles, type TestApp, uploadAndRun } from './helper';

/** The one HTTP test on the full 阳城 fixture: the report's figures through the whole service path. */
describe('阳城 2020 through the API', () => {
  let t: TestApp;
  let runId: number;
  let run: Record<string, unknown>;
  beforeAll(async () => {
    t = await buildTestApp();
    const files = readFiles(FIXTURE_DIR, {
      schools: 'schools.csv',
      posts: 'posts.csv',
      staff: 'staff.csv',
      townships: 'townships.csv',
    });
    ({ runId, run } = await uploadAndRun(t, files));
  });
  afterAll(() => t.app.close());

  it('reproduces the report and replays identically', async () => {
    expect(run.summary).toMatchObject({
      total: 3487,
      inSchool: 3147,
      crossSchool: 198,
      administrative: 137,
      resigned: 5,
      standby: 0,
    });
    const replay = await t.app.inject({
      method: 'POST',
      url: `/api/runs/${runId}/replay`,
      headers: t.as.auditor,
    });
    expect(replay.json()).toMatchObject({ identical: true, replayOutputHash: run.outputHash });
  });

  it('exports all 3,487 people in the county 公示 list', async () => {
    const csv = await t.app.inject({ url: `/api/runs/${runId}/placements?format=csv`, headers: t.as.hr });
    expect(csv.body.trimEnd().split('\r\n')).toHaveLength(3488);
  });

  it('exports the 公示 as .xlsx: county and per-school sheets that read back with every ID as it went in', async () => {
    const json = await t.app.inject({ url: `/api/runs/${runId}/placements`, headers: t.as.hr });
    const placements = json.json().placements as {
      staffId: string;
      fromSchoolCode: string;
      schoolCode: string | null;
    }[];
    const res = await t.app.inject({ url: `/api/runs/${runId}/placements?format=xlsx`, headers: t.as.hr });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as never);
    const [county, ...schools] = book.worksheets;
    expect(county?.name).toBe('全县');
    expect(schools).toHaveLength(47);
    const ids = (sheet: ExcelJS.Worksheet | undefined) =>
      (sheet?.getSheetValues() ?? []).slice(2).map((row) => (row as unknown[])[1]);
    // Every ID back exactly, as a string: Excel was told these are text.
    expect(ids(county)).toEqual(placements.map((p) => p.staffId));
    const first = schools[0];
    const code = first?.name.split(' ')[0];
    expect(ids(first)).toEqual(
      placements.filter((p) => p.fromSchoolCode === code || p.schoolCode === code).map((p) => p.staffId),
    );
    expect(county?.getRow(1).getCell(1).value).toBe('工号');
    expect(county?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(county?.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      printTitlesRow: '1:1',
    });
  });
});
