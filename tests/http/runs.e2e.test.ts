import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DATA_DIR, SMALL, type TestApp, uploadAndRun } from './helper';

describe('runs', () => {
  let t: TestApp;
  let runId: number;
  let datasetId: number;
  beforeAll(async () => {
    t = await buildTestApp();
    ({ runId, datasetId } = await uploadAndRun(t, SMALL()));
  });
  afterAll(() => t.app.close());

  it('creates a run with summary, fairness, hashes and engine version', async () => {
    const { run } = await uploadAndRun(t, SMALL());
    expect(run).toMatchObject({
      summary: { total: 11, inSchool: 7, crossSchool: 1, administrative: 1, resigned: 1, standby: 1 },
      fairness: { justifiedEnvy: 0, capacityViolations: 0, eligibilityViolations: 0 },
      inputHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      outputHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      engineVersion: expect.any(String),
    });
  });

  it('lists runs and shows one with rules and the per-school report', async () => {
    const list = await t.app.inject({ url: '/api/runs', headers: t.as.auditor });
    expect(list.statusCode).toBe(200);
    expect(list.json().runs.map((r: { id: number }) => r.id)).toContain(runId);
    const one = await t.app.inject({ url: `/api/runs/${runId}`, headers: t.as.hr });
    expect(one.statusCode).toBe(200);
    const body = one.json();
    expect(body).toMatchObject({
      id: runId,
      datasetId,
      rules: { crossSchool: { mechanism: 'deferred_acceptance' } },
    });
    expect(body.schools.map((s: { schoolCode: string }) => s.schoolCode)).toEqual([
      'P01',
      'P02',
      'S01',
      'S02',
    ]);
  });

  it('lays a rules override over the dataset’s rules, and rejects bad rules with RULES_INVALID', async () => {
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: t.as.hr,
      payload: { datasetId, rules: { crossSchool: { mechanism: 'serial_dictatorship' } } },
    });
    expect(ok.statusCode).toBe(201);
    const detail = await t.app.inject({ url: `/api/runs/${ok.json().id}`, headers: t.as.hr });
    expect(detail.json().rules.crossSchool).toEqual({
      mechanism: 'serial_dictatorship',
      maxChoices: 5,
      noUpwardMoves: false,
    });

    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: t.as.hr,
      payload: { datasetId, rules: { crossSchool: { mechanism: 'lottery' }, colour: 'red' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('RULES_INVALID');
    expect(bad.json().issues.length).toBe(2);
  });

  it('answers 404 for a run of an unknown dataset, 400 for a malformed body', async () => {
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: t.as.hr,
      payload: { datasetId: 999 },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('DATASET_NOT_FOUND');
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: t.as.hr,
      payload: { datasetId: 'one' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ location: 'body', path: '/datasetId' }],
    });
    const noRun = await t.app.inject({ url: '/api/runs/999', headers: t.as.hr });
    expect(noRun.json()).toEqual({ statusCode: 404, code: 'RUN_NOT_FOUND', message: '没有运行记录 999' });
  });

  it('replays a run from its stored input to the identical output hash', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/runs/${runId}/replay`,
      headers: t.as.auditor,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.identical).toBe(true);
    expect(body.replayOutputHash).toBe(body.outputHash);
    expect(body.replayInputHash).toBe(body.inputHash);
  });

  it('a replay takes no body: an empty object passes, anything else is VALIDATION_FAILED', async () => {
    const url = `/api/runs/${runId}/replay`;
    const empty = await t.app.inject({ method: 'POST', url, headers: t.as.auditor, payload: {} });
    expect(empty.statusCode).toBe(200);
    const typo = await t.app.inject({ method: 'POST', url, headers: t.as.auditor, payload: { rules: {} } });
    expect([typo.statusCode, typo.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    const text = await t.app.inject({
      method: 'POST',
      url,
      headers: { ...t.as.auditor, 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect([text.statusCode, text.json().code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('a GBK staff.csv with Chinese headers gives the same inputHash as its UTF-8 twin', async () => {
    const dir = join(DATA_DIR, 'gbk');
    const gbk = await uploadAndRun(t, { ...SMALL(), staff: readFileSync(join(dir, 'staff-gbk.csv')) });
    const utf8 = await uploadAndRun(t, { ...SMALL(), staff: readFileSync(join(dir, 'staff-utf8.csv')) });
    const english = await uploadAndRun(t, SMALL());
    expect(gbk.run.inputHash).toBe(utf8.run.inputHash);
    expect(gbk.run.inputHash).toBe(english.run.inputHash);
    const files = await t.app.inject({ url: `/api/datasets/${gbk.datasetId}`, headers: t.as.hr });
    expect(files.json().files.find((f: { kind: string }) => f.kind === 'staff').encoding).toBe('gb18030');
  });

  it('an appeal that corrects one score makes a new dataset whose run’s diff names exactly the people moved', async () => {
    const appeal = { ...SMALL(), staff: readFileSync(join(DATA_DIR, 'appeal', 'staff.csv')) };
    const after = await uploadAndRun(t, appeal);
    expect(after.datasetId).not.toBe(datasetId);
    const res = await t.app.inject({ url: `/api/runs/${runId}/diff/${after.runId}`, headers: t.as.auditor });
    expect(res.statusCode).toBe(200);
    const diff = res.json();
    // T003's score rose from 80 to 86, above T002's 85: they swap places, and nobody else moves.
    expect(diff.people).toEqual([
      {
        staffId: 'T002',
        name: '李秀英',
        before: { outcome: 'in_school', schoolCode: 'S01', subject: '语文', round: 1 },
        after: { outcome: 'cross_school', schoolCode: 'S02', subject: '语文', round: 2 },
      },
      {
        staffId: 'T003',
        name: '张伟',
        before: { outcome: 'cross_school', schoolCode: 'S02', subject: '语文', round: 2 },
        after: { outcome: 'in_school', schoolCode: 'S01', subject: '语文', round: 1 },
      },
    ]);
    // Each school's figures are unchanged (one out of S01, one into S02 either way), but its people are not.
    expect(
      diff.schools.map((x: { schoolCode: string; gained: string[]; lost: string[] }) => [
        x.schoolCode,
        x.gained,
        x.lost,
      ]),
    ).toEqual([
      ['S01', ['T003'], ['T002']],
      ['S02', ['T002'], ['T003']],
    ]);
    for (const school of diff.schools) expect(school.before).toEqual(school.after);
    const same = await t.app.inject({ url: `/api/runs/${runId}/diff/${runId}`, headers: t.as.hr });
    expect(same.json()).toMatchObject({ people: [], schools: [] });
  });
});
