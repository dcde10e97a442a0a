import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, SMALL, type TestApp, uploadAndRun } from './helper';

describe('audit log', () => {
  let t: TestApp;
  let runId: number;
  beforeAll(async () => {
    t = await buildTestApp();
    ({ runId } = await uploadAndRun(t, SMALL()));
    await t.app.inject({ method: 'POST', url: `/api/runs/${runId}/replay`, headers: t.as.auditor });
  });
  afterAll(() => t.app.close());

  it('records every write, chained, oldest first', async () => {
    const res = await t.app.inject({ url: '/api/audit-log', headers: t.as.auditor });
    expect(res.statusCode).toBe(200);
    const { entries, nextAfterSeq } = res.json();
    expect(entries.map((e: { action: string }) => e.action)).toEqual([
      'token.create',
      'token.create',
      'token.create',
      'dataset.create',
      'run.create',
      'run.replay',
    ]);
    expect(nextAfterSeq).toBeNull();
    expect(entries[4]).toMatchObject({
      subject: `run:${runId}`,
      role: 'hr',
      actor: expect.stringMatching(/^token:/),
    });
    for (let i = 1; i < entries.length; i++) expect(entries[i].prevHash).toBe(entries[i - 1].hash);
    const page = await t.app.inject({ url: '/api/audit-log?afterSeq=2&limit=2', headers: t.as.hr });
    expect(page.json().entries.map((e: { seq: number }) => e.seq)).toEqual([3, 4]);
    expect(page.json().nextAfterSeq).toBe(4);
  });

  it('verifies the chain, and detects an entry edited behind the API’s back', async () => {
    const ok = await t.app.inject({ url: '/api/audit-log/verify', headers: t.as.auditor });
    expect(ok.json()).toMatchObject({ ok: true, entries: 6, firstBadSeq: null });
    t.db.$client.exec('DROP TRIGGER audit_log_no_update');
    t.db.$client.prepare(`UPDATE audit_log SET detail_json = '{"datasetId":1}' WHERE seq = 5`).run();
    const bad = await t.app.inject({ url: '/api/audit-log/verify', headers: t.as.auditor });
    expect(bad.json()).toMatchObject({ ok: false, firstBadSeq: 5, problem: 'entry 5 was altered' });
  });
});
