import { beforeAll, describe, expect, it } from 'vitest';
import { type AllocationResult, allocate, decisionHash, ENGINE_VERSION } from '../../engine';
import { readDatasetDir } from '../../server/import';

const FIXTURE = new URL('../../fixtures/yangcheng-2020/', import.meta.url).pathname;

/**
 * The fixture's hashes, pinned next to the engine version. A change that moves `outputHash` needs a minor
 * bump of ENGINE_VERSION (presentation), one that moves `decisionHash` a major bump (decisions) — and new
 * figures here, on purpose. See engine/version.ts.
 */
const GOLDEN = {
  engineVersion: '1.1.0',
  // Equal to the decisions of engine 1.0.0 on this fixture (computed from its placements before 1.1.0):
  // 1.1.0 changed the explanations only.
  decisionHash: 'dc3bd5f4e4c36f5ca05c9b28d3ea7c3dcb1741f5328dfb238f71a02eff280ffa',
  outputHash: '535276f54dc86a24fad77ad9444d6b144639c9adb5383091906c34a3a1173938',
};

describe('golden hashes of the 阳城 2020 fixture', () => {
  let r: AllocationResult;
  beforeAll(async () => {
    const loaded = await readDatasetDir(FIXTURE);
    if (!loaded.ok) throw new Error('the fixture no longer loads');
    r = allocate(loaded.dataset, loaded.rules);
  });

  it('pins decisionHash and outputHash next to ENGINE_VERSION', () => {
    expect({ engineVersion: ENGINE_VERSION, decisionHash: r.decisionHash, outputHash: r.outputHash }).toEqual(
      GOLDEN,
    );
  });

  it('still gives the report: 3,147 / 198 / 137 / 5 / 0, and every fairness figure 0 but unfilled posts', () => {
    expect(r.summary).toMatchObject({
      inSchool: 3147,
      crossSchool: 198,
      administrative: 137,
      resigned: 5,
      standby: 0,
    });
    expect(r.fairness).toMatchObject({
      justifiedEnvy: 0,
      wastefulness: 0,
      capacityViolations: 0,
      eligibilityViolations: 0,
      exemptOverflow: 0,
      envyPairs: [],
    });
    expect(r.fairness.unfilledPosts).toBeGreaterThan(0);
  });

  it('hashes the decisions only: explanations can change without changing decisionHash', () => {
    const reworded = r.placements.map((p) => ({ ...p, steps: [], round1: null, round2: null }));
    expect(decisionHash(reworded)).toBe(r.decisionHash);
    const moved = r.placements.map((p, i) =>
      i === 0 ? { ...p, round: null, outcome: 'standby' as const } : p,
    );
    expect(decisionHash(moved)).not.toBe(r.decisionHash);
    expect(decisionHash([...r.placements].reverse())).toBe(r.decisionHash);
  });
});
