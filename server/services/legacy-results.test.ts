import { describe, expect, it } from 'vitest';
import { type AllocationResult, allocate, decisionHash } from '../../engine';
import { dataset, post, school, staff } from '../../tests/support/builders';
import { fromStoredResult } from './legacy-results';

/** The result of `d` as engine 1.0.0 would have stored it: sentences instead of steps and exemptions. */
function asStoredBy100(r: AllocationResult, exemptReasons: Record<string, string>): AllocationResult {
  const placements = r.placements.map(({ steps: _s, ...p }) => ({
    ...p,
    exemptReason: exemptReasons[p.staffId] ?? null,
    explanation: 'round 1: …',
  }));
  const { decisionHash: _d, ...rest } = r;
  return { ...rest, placements } as unknown as AllocationResult;
}

describe('results stored by engine 1.0.0', () => {
  const r = allocate(
    dataset({
      schools: [school('S1')],
      posts: [post('S1', '语文', 3)],
      staff: [staff('A', { exemption: 'secondment' }), staff('B', { birthDate: '1962-01-01' }), staff('C')],
    }),
  );

  it('read back in the current shape: empty steps, typed exemptions, the decision hash', () => {
    const old = asStoredBy100(r, {
      A: 'secondment (援派借调)',
      B: 'near retirement: age 58 on 2020-08-01, retires at 60',
    });
    const read = fromStoredResult(old);
    expect(read.decisionHash).toBe(decisionHash(r.placements));
    expect(read.placements.map((p) => [p.staffId, p.steps, p.exemptReason])).toEqual([
      ['A', [], { exemption: 'secondment', kind: 'exemption' }],
      ['B', [], { age: 58, asOf: '2020-08-01', kind: 'near_retirement', retirementAge: 60 }],
      ['C', [], null],
    ]);
  });

  it('leaves a current result as it is', () => {
    expect(fromStoredResult(r)).toBe(r);
  });
});
