import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, withDefaults } from '../../engine';
import { arbitraryDataset, shuffled } from '../support/arbitraries';

const SD = withDefaults({ crossSchool: { mechanism: 'serial_dictatorship' } });
const NO_UP = withDefaults({ crossSchool: { noUpwardMoves: true, maxChoices: 3 } });
const CROSS = withDefaults({ administrative: { allowCrossSubject: true } });

describe('engine properties on random counties', () => {
  it('gives everyone exactly one outcome, and outcomes add up', () => {
    fc.assert(
      fc.property(arbitraryDataset({ applications: true }), (d) => {
        const r = allocate(d);
        expect(r.placements.map((p) => p.staffId)).toEqual(d.staff.map((s) => s.id).sort());
        const s = r.summary;
        expect(s.inSchool + s.crossSchool + s.administrative + s.resigned + s.standby).toBe(d.staff.length);
        for (const p of r.placements) expect(p.explanation.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['deferred acceptance', withDefaults()],
    ['serial dictatorship', SD],
    ['no upward moves', NO_UP],
    ['cross-subject adjustment', CROSS],
  ])('has no capacity, eligibility, justified-envy or waste violation (%s)', (_name, rules) => {
    fc.assert(
      fc.property(arbitraryDataset({ applications: true }), (d) => {
        const f = allocate(d, rules).fairness;
        expect({ ...f, envyPairs: [], choiceRanks: [], unfilledPosts: 0, exemptOverflow: 0 }).toEqual({
          justifiedEnvy: 0,
          wastefulness: 0,
          capacityViolations: 0,
          eligibilityViolations: 0,
          unfilledPosts: 0,
          exemptOverflow: 0,
          choiceRanks: [],
          envyPairs: [],
        });
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of rows', () => {
    fc.assert(
      fc.property(
        arbitraryDataset({ applications: true }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (d, seed) => {
          expect(allocate(shuffled(d, seed)).outputHash).toBe(allocate(d).outputHash);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('deferred acceptance equals serial dictatorship when every school ranks by 综合得分', () => {
    fc.assert(
      fc.property(arbitraryDataset({ applications: false }), (d) => {
        const da = allocate(d).placements.map((p) => [p.staffId, p.outcome, p.schoolCode, p.round]);
        const sd = allocate(d, SD).placements.map((p) => [p.staffId, p.outcome, p.schoolCode, p.round]);
        expect(sd).toEqual(da);
      }),
      { numRuns: 300 },
    );
  });
});
