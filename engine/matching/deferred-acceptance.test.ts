import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deferredAcceptance, type MatchingInstance } from './deferred-acceptance';

const H = ['h0', 'h1', 'h2'];
const A = ['a0', 'a1', 'a2', 'a3', 'a4'];

/** Small instances: any preference lists, capacities 0–2, hospitals ranking any subset of applicants. */
const arbitraryInstance: fc.Arbitrary<MatchingInstance> = fc
  .record({
    prefs: fc.array(fc.shuffledSubarray(H), { minLength: A.length, maxLength: A.length }),
    capacity: fc.array(fc.nat(2), { minLength: H.length, maxLength: H.length }),
    ranks: fc.array(fc.shuffledSubarray(A), { minLength: H.length, maxLength: H.length }),
  })
  .map(({ prefs, capacity, ranks }) => ({
    prefs: new Map(A.map((a, i) => [a, prefs[i]!])),
    capacity: new Map(H.map((h, i) => [h, capacity[i]!])),
    rank: new Map(H.map((h, i) => [h, new Map(ranks[i]!.map((a, r) => [a, r]))])),
  }));

/** Every matching that respects capacities and acceptability on both sides, and has no blocking pair. */
function stableMatchings({ prefs, capacity, rank }: MatchingInstance): Map<string, string>[] {
  const options = A.map((a) => [null, ...(prefs.get(a) ?? []).filter((h) => rank.get(h)?.has(a))]);
  const out: Map<string, string>[] = [];
  const pick = (i: number, m: Map<string, string>) => {
    if (i === A.length) {
      if (isStable(m)) out.push(new Map(m));
      return;
    }
    for (const h of options[i]!) {
      if (h !== null) {
        if ([...m.values()].filter((x) => x === h).length >= (capacity.get(h) ?? 0)) continue;
        m.set(A[i]!, h);
      }
      pick(i + 1, m);
      m.delete(A[i]!);
    }
  };
  const isStable = (m: Map<string, string>) =>
    A.every((a) => {
      const list = prefs.get(a) ?? [];
      const held = m.get(a);
      const better = held === undefined ? list : list.slice(0, list.indexOf(held));
      return better.every((h) => {
        const r = rank.get(h)?.get(a);
        if (r === undefined) return true;
        const hired = A.filter((b) => m.get(b) === h);
        if (hired.length < (capacity.get(h) ?? 0)) return false; // waste
        return hired.every((b) => rank.get(h)!.get(b)! < r); // no justified envy
      });
    });
  pick(0, new Map());
  return out;
}

describe('deferredAcceptance', () => {
  it('returns the applicant-optimal stable matching', () => {
    fc.assert(
      fc.property(arbitraryInstance, (instance) => {
        const result = deferredAcceptance(instance);
        const stable = stableMatchings(instance);
        const key = (m: Map<string, string>) => JSON.stringify(A.map((a) => m.get(a) ?? null));
        expect(stable.map(key)).toContain(key(result));
        // Applicant-optimal: no applicant does better in any other stable matching.
        const pos = (a: string, m: Map<string, string>) => {
          const h = m.get(a);
          const list = instance.prefs.get(a) ?? [];
          return h === undefined ? list.length : list.indexOf(h);
        };
        for (const other of stable)
          for (const a of A) expect(pos(a, result)).toBeLessThanOrEqual(pos(a, other));
      }),
      { numRuns: 400 },
    );
  });
});
