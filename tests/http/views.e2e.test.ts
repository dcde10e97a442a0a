import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, SMALL, type TestApp, uploadAndRun } from './helper';

describe('run views', () => {
  let t: TestApp;
  let runId: number;
  beforeAll(async () => {
    t = await buildTestApp();
    ({ runId } = await uploadAndRun(t, SMALL()));
  });
  afterAll(() => t.app.close());

  it('lists placements in staff-id order, filtered by school and outcome', async () => {
    const all = await t.app.inject({ url: `/api/runs/${runId}/placements`, headers: t.as.hr });
    expect(all.statusCode).toBe(200);
    expect(all.json().count).toBe(11);
    expect(all.json().placements[0]).toMatchObject({
      staffId: 'T001',
      schoolName: '凤城中学',
      fromSchoolName: '凤城中学',
    });

    const s02 = await t.app.inject({ url: `/api/runs/${runId}/placements?school=S02`, headers: t.as.hr });
    expect(s02.json().placements.map((p: { staffId: string }) => p.staffId)).toEqual([
      'T003',
      'T010',
      'T011',
      'T012',
    ]);
    const cross = await t.app.inject({
      url: `/api/runs/${runId}/placements?outcome=cross_school`,
      headers: t.as.auditor,
    });
    expect(cross.json().placements).toMatchObject([{ staffId: 'T003', round: 2, fromSchoolCode: 'S01' }]);
    const bad = await t.app.inject({ url: `/api/runs/${runId}/placements?outcome=fired`, headers: t.as.hr });
    expect(bad.statusCode).toBe(400);
  });

  it('exports the 公示 CSV: BOM, Chinese headers intact, formula cells inert', async () => {
    const res = await t.app.inject({ url: `/api/runs/${runId}/placements?format=csv`, headers: t.as.hr });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="run-${runId}-placements.csv"`);
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '工号,姓名,原学校代码,原学校,聘用结果,聘用学校代码,聘用学校,任教学科,轮次,所得志愿,调剂距离(公里),说明',
    );
    expect(lines).toHaveLength(12);
    // 说明 in Chinese, from the steps: round 1 at the own school, then the 志愿 obtained.
    expect(lines.find((l) => l.startsWith('T003,'))).toMatch(
      /^T003,张伟,S01,凤城中学,跨校竞聘,S02,北留中学,语文,第2轮,志愿1,,第一轮：凤城中学 语文，岗位 2 个，排名第 3（共 3 人），分数线 85\.00，本人 80\.00 → 进入第二轮；第二轮：第1志愿 北留中学 语文，空缺岗位 \d+ 个，排名第 1（共 1 人），本人 80\.00 → 聘用（跨校竞聘）$/,
    );
    // The name "=SUM(1,2)" is prefixed with a quote (and CSV-quoted for its comma): shown, never evaluated.
    expect(lines.find((l) => l.startsWith('T012,'))).toMatch(/^T012,"'=SUM\(1,2\)",S02,/);
    for (const line of lines) for (const cell of line.split(',')) expect(cell).not.toMatch(/^"?[=+\-@]/);
    const p01 = await t.app.inject({
      url: `/api/runs/${runId}/placements?format=csv&school=P02`,
      headers: t.as.hr,
    });
    expect(p01.body.split('\r\n')[1]).toMatch(/^T021,孙丽,P01,凤城小学,组织调剂,P02,北留小学,语文,第3轮,/);
  });

  it('gives a school’s candidate lists with cut-off, round-2 applicants, leavers and arrivals', async () => {
    const s01 = await t.app.inject({ url: `/api/runs/${runId}/schools/S01/candidates`, headers: t.as.hr });
    expect(s01.statusCode).toBe(200);
    const body = s01.json();
    expect(body.school).toMatchObject({ schoolCode: 'S01', name: '凤城中学', staffOut: 1, staffIn: 0 });
    const chinese = body.subjects.find((s: { subject: string }) => s.subject === '语文');
    expect(chinese).toMatchObject({ posts: 2, capacity: 2, cutoff: 85, round2: null });
    expect(
      chinese.round1.map((c: { staffId: string; rank: number; hired: boolean }) => [
        c.staffId,
        c.rank,
        c.hired,
      ]),
    ).toEqual([
      ['T001', 1, true],
      ['T002', 2, true],
      ['T003', 3, false],
    ]);
    expect(chinese.round1[0]).toMatchObject({
      score: 90,
      title: 'senior',
      yearsOfService: 18,
      birthDate: '1980-03-01',
    });
    expect(body.left).toEqual([
      {
        staffId: 'T003',
        name: '张伟',
        outcome: 'cross_school',
        subject: '语文',
        round: 2,
        schoolCode: 'S02',
        schoolName: '北留中学',
      },
    ]);
    expect(body.arrived).toEqual([]);

    const s02 = (
      await t.app.inject({ url: `/api/runs/${runId}/schools/S02/candidates`, headers: t.as.auditor })
    ).json();
    const r2 = s02.subjects.find((s: { subject: string }) => s.subject === '语文').round2;
    expect(r2).toMatchObject({
      vacancies: 1,
      applicants: [{ staffId: 'T003', rank: 1, admitted: true, choiceRank: 1 }],
    });
    expect(
      s02.arrived.map((m: { staffId: string; schoolCode: string }) => [m.staffId, m.schoolCode]),
    ).toEqual([['T003', 'S01']]);
    // The resigned 周强 left S02 without going anywhere.
    expect(s02.left).toMatchObject([{ staffId: 'T030', outcome: 'resigned', schoolCode: null }]);

    const none = await t.app.inject({ url: `/api/runs/${runId}/schools/S99/candidates`, headers: t.as.hr });
    expect(none.json()).toEqual({
      statusCode: 404,
      code: 'SCHOOL_NOT_FOUND',
      message: '该运行中没有此学校，或您无权查看',
    });
  });

  it('explains one person’s outcome', async () => {
    const res = await t.app.inject({ url: `/api/runs/${runId}/staff/T003/explanation`, headers: t.as.hr });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      runId,
      schoolName: '北留中学',
      fromSchoolName: '凤城中学',
      placement: { staffId: 'T003', outcome: 'cross_school', round1: { rank: 3, of: 3 }, choiceRank: 1 },
    });
    expect(body.lang).toBe('zh');
    expect(body.placement.steps[0]).toMatchObject({
      kind: 'ranked',
      cutoff: 85,
      score: 80,
      decidedBy: 'score',
    });
    expect(body.explanation[0]).toBe(
      '第一轮：凤城中学 语文，岗位 2 个，排名第 3（共 3 人），分数线 85.00，本人 80.00 → 进入第二轮',
    );
    const en = await t.app.inject({
      url: `/api/runs/${runId}/staff/T003/explanation`,
      headers: { ...t.as.hr, 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(en.json().explanation[0]).toBe(
      'Round 1: 语文 at 凤城中学, 2 open posts, rank 3 of 3, cut-off 85.00, own score 80.00 → on to round 2',
    );
    const zh = await t.app.inject({
      url: `/api/runs/${runId}/staff/T003/explanation?lang=zh`,
      headers: { ...t.as.hr, 'accept-language': 'en' },
    });
    expect(zh.json().explanation).toEqual(body.explanation);
    const list = await t.app.inject({
      url: `/api/runs/${runId}/placements?school=S02&lang=en`,
      headers: t.as.hr,
    });
    expect(list.json().placements[0]).toMatchObject({
      staffId: 'T003',
      explanation: expect.stringMatching(/^Round 1: /),
    });
    const none = await t.app.inject({ url: `/api/runs/${runId}/staff/T999/explanation`, headers: t.as.hr });
    expect(none.json().code).toBe('STAFF_NOT_FOUND');
  });
});
