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
});
