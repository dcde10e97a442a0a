import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, type Outcome, type Step, withDefaults } from '../../engine';
import { arbitraryDataset, shuffled } from '../support/arbitraries';

const SD = withDefaults({ crossSchool: { mechanism: 'serial_dictatorship' } });
const NO_UP = withDefaults({ crossSchool: { noUpwardMoves: true, maxChoices: 3 } });
const CROSS = withDefaults({ administrative: { allowCrossSubject: true } });

/** The step that settles each outcome: a person's explanation ends with one of these. */
const DECIDING_STEP: Record<Outcome, readonly Step['kind'][]> = {
  in_school: ['direct_hire', 'ranked'],
  cross_school: ['admitted'],
  administrative: ['assigned'],
  resigned: ['resigned'],
  standby: ['barred', 'refuses_adjustment', 'no_vacancy'],
};

describe('engine properties on random counties', () => {
  it('gives everyone exactly one outcome, and outcomes add up', () => {
    fc.assert(
      fc.property(arbitraryDataset({ applications: true }), (d) => {
        const r = allocate(d);
        expect(r.placements.map((p) => p.staffId)).toEqual(d.staff.map((s) => s.id).sort());
        const s = r.summary;
        expect(s.inSchool + s.crossSchool + s.administrative + s.resigned + s.standby).toBe(d.staff.length);
        for (const p of r.placements) expect(DECIDING_STEP[p.outcome]).toContain(p.steps.at(-1)?.kind);
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

  it.each([
    ['deferred acceptance', withDefaults()],
    ['serial dictatorship', SD],
  ])(
    'says why not higher at every 志愿 above the one obtained, behind the last admitted (%s)',
    (_n, rules) => {
      fc.assert(
        fc.property(arbitraryDataset({ applications: true }), (d) => {
          for (const p of allocate(d, rules).placements) {
            const round2 = p.steps.filter((s) => s.round === 2 && s.kind !== 'choices_ignored');
            const notHigher = round2.filter((s) => s.kind === 'not_higher');
            const ignored = new Set(
              p.steps.flatMap((s) => (s.kind === 'choices_ignored' ? s.ignored.map((c) => c.choice) : [])),
            );
            const written = (d.staff.find((s) => s.id === p.staffId)?.choices ?? [])
              .map((code, i) => (code === '' || ignored.has(i + 1) ? 0 : i + 1))
              .filter((n) => n > 0);
            // Every valid 志愿 above the one obtained (all of them when none was) is accounted for, in order.
            const above = p.choiceRank === null ? written : written.filter((n) => n < p.choiceRank!);
            if (round2.length > 0 && round2[0]!.kind !== 'no_valid_choice') {
              expect(notHigher.map((s) => s.choice)).toEqual(above);
            }
            for (const s of notHigher) {
              // No waste and no justified envy: a 志愿 missed had no post open, or was full of people the
              // school ranked higher.
              if (s.vacancies === 0) {
                expect([s.lastAdmitted, s.decidedBy]).toEqual([null, null]);
                continue;
              }
              expect(s.lastAdmitted).not.toBeNull();
              expect(s.decidedBy).not.toBeNull();
              if (s.decidedBy === 'score') expect(s.lastAdmitted!.score).toBeGreaterThan(s.score);
              else expect(s.lastAdmitted!.score).toBe(s.score);
            }
          }
        }),
        { numRuns: 200 },
      );
    },
  );
});
