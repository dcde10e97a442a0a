import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { allocate, canonicalInput } from '../../engine';
import { ServerBusy } from '../errors';
import { readDatasetDir } from '../import';
import { AllocationPool } from './allocation-pool';

const FIXTURE = new URL('../../fixtures/yangcheng-2020/', import.meta.url).pathname;

describe('allocation pool', () => {
  let inputJson: string;
  let datasetJson: string;
  let expected: ReturnType<typeof allocate>;
  let pool: AllocationPool | undefined;
  beforeAll(async () => {
    const loaded = await readDatasetDir(FIXTURE);
    if (!loaded.ok) throw new Error('fixture rejected');
    inputJson = canonicalInput(loaded.dataset, loaded.rules);
    datasetJson = JSON.stringify(loaded.dataset);
    expected = allocate(loaded.dataset, loaded.rules);
  });
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('runs the TypeScript engine in a worker and gives the same result as in-process', async () => {
    pool = new AllocationPool({ threads: 1, queue: 4 });
    const out = await pool.run({ datasetJson, rules: expected.rules });
    expect(out.outputHash).toBe(expected.outputHash);
    expect(out.decisionHash).toBe(expected.decisionHash);
    expect(out.inputHash).toBe(expected.inputHash);
    expect(out.inputJson).toBe(inputJson);
    expect(out.summary).toEqual(expected.summary);
    expect(out.schools).toHaveLength(expected.schools.length);
    expect(out.rows).toHaveLength(expected.placements.length);
    // Rows are flat tuples: staff id first, the steps as JSON text last.
    const first = expected.placements[0];
    const row = out.rows.find((r) => r[0] === first?.staffId);
    expect(row?.[12]).toBe(JSON.stringify(first?.steps));
    expect(JSON.parse(out.resultJson)).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('shares one computation between concurrent replays of the same run', async () => {
    pool = new AllocationPool({ threads: 1, queue: 4 });
    let reads = 0;
    const read = () => {
      reads += 1;
      return inputJson;
    };
    const replays = await Promise.all([1, 2, 3, 4, 5].map(() => pool!.replay(7, read)));
    expect(new Set(replays.map((r) => r.outputHash))).toEqual(new Set([expected.outputHash]));
    expect(reads).toBe(1);
    expect(pool.completed).toBe(1);
    // Once settled, a new replay computes again.
    await pool.replay(7, read);
    expect(pool.completed).toBe(2);
  });

  it('refuses work beyond its threads and queue with SERVER_BUSY, and keeps serving', async () => {
    pool = new AllocationPool({ threads: 1, queue: 1, retryAfterSeconds: 3 });
    const attempts = [1, 2, 3, 4].map((runId) => pool!.replay(runId, () => inputJson));
    const settled = await Promise.allSettled(attempts);
    const refused = settled.filter((s) => s.status === 'rejected');
    expect(refused.length).toBeGreaterThanOrEqual(2);
    for (const r of refused) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ServerBusy);
      expect(((r as PromiseRejectedResult).reason as ServerBusy).retryAfterSeconds).toBe(3);
    }
    expect(settled.filter((s) => s.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
    const after = await pool.replay(9, () => inputJson);
    expect(after.outputHash).toBe(expected.outputHash);
  });
});
