import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DATA_DIR, SMALL, type TestApp, uploadAndRun } from './helper';

/** A run of tests/http/data/small exactly as engine 1.0.0 stored it, before explanations became data. */
const LEGACY = JSON.parse(readFileSync(join(DATA_DIR, 'legacy-run-1.0.0.json'), 'utf8')) as {
  run: Record<string, string>;
  placements: Record<string, string | number | null>[];
};

/** Inserts the legacy run as 1.0.0 did (no steps, no decision hash) and returns its id. */
function insertLegacyRun(t: TestApp, datasetId: number): number {
  const c = t.db.$client;
  const { lastInsertRowid } = c
    .prepare(
      `INSERT INTO runs (dataset_id, created_at, created_by, engine_version, input_hash, output_hash, rules_json,
        input_json, result_json, summary_json, fairness_json)
       VALUES (@datasetId, '2026-01-01T00:00:00.000Z', 'hr', @engine_version, @input_hash, @output_hash,
        @rules_json, @input_json, @result_json, @summary_json, @fairness_json)`,
    )
    .run({ ...LEGACY.run, datasetId });
  const insert = c.prepare(
    `INSERT INTO placements (run_id, staff_id, name, outcome, school_code, school_name, subject, round,
      from_school_code, from_school_name, choice_rank, distance_km, explanation)
     VALUES (@runId, @staff_id, @name, @outcome, @school_code, @school_name, @subject, @round,
      @from_school_code, @from_school_name, @choice_rank, @distance_km, @explanation)`,
  );
  for (const p of LEGACY.placements) insert.run({ ...p, runId: lastInsertRowid });
  return Number(lastInsertRowid);
}

describe('a run stored by engine 1.0.0', () => {
  let t: TestApp;
  let legacyId: number;
  let currentHash: unknown;
  beforeAll(async () => {
    t = await buildTestApp();
    const { datasetId, run } = await uploadAndRun(t, SMALL());
    currentHash = run.decisionHash;
    legacyId = insertLegacyRun(t, datasetId);
  });
  afterAll(() => t.app.close());

  it('replays to identical decisions, and says the presentation differs', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/runs/${legacyId}/replay`,
      headers: t.as.auditor,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      identical: false,
      decisionsIdentical: true,
      presentationDiffers: true,
      engineVersion: '1.0.0',
      replayEngineVersion: '1.1.0',
      inputHash: LEGACY.run.input_hash,
      replayInputHash: LEGACY.run.input_hash,
      outputHash: LEGACY.run.output_hash,
    });
    // The stored run's decision hash, computed from its placements, is the current engine's.
    expect(body.decisionHash).toBe(currentHash);
    expect(body.replayDecisionHash).toBe(currentHash);
    expect(body.verdict).toBe(
      '聘用决定完全一致，仅表述不同：每个人的聘用结果、学校、学科和轮次均未改变，说明等展示内容有变化（原引擎 1.0.0，重放引擎 1.1.0）',
    );
    const en = await t.app.inject({
      method: 'POST',
      url: `/api/runs/${legacyId}/replay?lang=en`,
      headers: t.as.auditor,
    });
    expect(en.json().verdict).toMatch(/^Decisions identical, presentation differs/);
  });

  it('reports different decisions when a stored placement differs', async () => {
    const { datasetId } = await uploadAndRun(t, SMALL());
    const id = insertLegacyRun(t, datasetId);
    // Placements are immutable (a trigger refuses UPDATE): this test stands in for a tampered database.
    t.db.$client.exec('DROP TRIGGER placements_no_update');
    t.db.$client
      .prepare(
        `UPDATE placements SET outcome = 'standby', school_code = NULL, round = NULL WHERE run_id = ? AND staff_id = 'T001'`,
      )
      .run(id);
    const body = (
      await t.app.inject({ method: 'POST', url: `/api/runs/${id}/replay`, headers: t.as.auditor })
    ).json();
    expect(body).toMatchObject({ identical: false, decisionsIdentical: false, presentationDiffers: false });
    expect(body.verdict).toMatch(/^聘用决定不一致/);
  });

  it('is still readable: its stored sentences are shown where it has no steps', async () => {
    const explained = await t.app.inject({
      url: `/api/runs/${legacyId}/staff/T003/explanation`,
      headers: t.as.hr,
    });
    expect(explained.statusCode).toBe(200);
    expect(explained.json().explanation).toEqual([
      LEGACY.placements.find((p) => p.staff_id === 'T003')!.explanation,
    ]);
    const csv = await t.app.inject({ url: `/api/runs/${legacyId}/placements?format=csv`, headers: t.as.hr });
    expect(csv.body).toContain('barred from competing (不得参聘: 师德考核不合格) → standby (待岗)');
    const detail = await t.app.inject({ url: `/api/runs/${legacyId}`, headers: t.as.hr });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().decisionHash).toBeNull();
    const candidates = await t.app.inject({
      url: `/api/runs/${legacyId}/schools/S01/candidates`,
      headers: t.as.hr,
    });
    expect(candidates.statusCode).toBe(200);
  });
});
