import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, readFiles, type TestApp, uploadAndRun } from './helper';

const SELECTION = new URL('../../fixtures/school-selection/', import.meta.url).pathname;

/** fixtures/school-selection: 李秀英 (YC902) wrote 阳城县第二中学, which did not shortlist her. */
describe('a run’s warnings through the API', () => {
  let t: TestApp;
  let runId: number;
  beforeAll(async () => {
    t = await buildTestApp();
    const kinds = ['schools', 'posts', 'staff', 'townships', 'applications'];
    ({ runId } = await uploadAndRun(
      t,
      readFiles(SELECTION, Object.fromEntries(kinds.map((k) => [k, `${k}.csv`]))),
    ));
  });
  afterAll(() => t.app.close());

  it('come as data with the words in Chinese by default, English on request', async () => {
    const zh = (await t.app.inject({ url: `/api/runs/${runId}`, headers: t.as.hr })).json();
    expect(zh.warnings).toEqual([
      {
        code: 'CHOICE_NOT_SHORTLISTED',
        staffId: 'YC902',
        schoolCode: 'ZX02',
        ignored: { choice: 2, schoolCode: 'ZX02', why: { reason: 'not_shortlisted' } },
        message: 'YC902 不予考虑的志愿：第2志愿 阳城县第二中学（未列入该校择优名单）',
      },
    ]);
    const en = await t.app.inject({ url: `/api/runs/${runId}?lang=en`, headers: t.as.hr });
    expect(en.json().warnings[0].message).toBe(
      'YC902 choices not considered: choice 2 阳城县第二中学 (not on that school’s shortlist)',
    );
    const bad = await t.app.inject({ url: `/api/runs/${runId}?lang=fr`, headers: t.as.hr });
    expect(bad.statusCode).toBe(400);
  });
});
