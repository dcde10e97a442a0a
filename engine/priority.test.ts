import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priorityComparator, priorityRanks, sortByPriority } from './priority';
import { type Staff, TIE_BREAK_KEYS, TITLES } from './types';

/** Staff with many ties on every key, ids in any order, and dates not always in YYYY-MM-DD form. */
const arbitraryStaff = fc
  .array(
    fc.record({
      id: fc.constantFrom('A', 'B', 'C', 'a', 'B1', '10', '9', 'Z'),
      title: fc.constantFrom(...TITLES),
      years: fc.integer({ min: 0, max: 3 }),
      date: fc.oneof(
        { arbitrary: fc.constantFrom('1980-01-31', '1980-02-01', '1979-12-31', '1980-12-01'), weight: 30 },
        { arbitrary: fc.constantFrom('1980/1/31', '1980-1-31'), weight: 1 },
      ),
      score: fc.oneof(
        { arbitrary: fc.constantFrom(0, 60, 60.5, 61, 99.99, 0.29), weight: 20 },
        { arbitrary: fc.constantFrom(60.125, 61.0001), weight: 1 },
      ),
      schoolScore: fc.constantFrom(0, 1, 2.5),
    }),
    { maxLength: 12 },
  )
  .map((rows) =>
    rows.map((r) => ({
      staff: {
        id: r.id,
        title: r.title,
        yearsOfService: r.years,
        birthDate: r.date,
        score: r.score,
      } as Staff,
      schoolScore: r.schoolScore,
    })),
  );

const arbitraryTieBreak = fc.shuffledSubarray([...TIE_BREAK_KEYS]);

describe('priorityRanks', () => {
  it('sorts exactly as priorityComparator does, for any tie-break and any school score', () => {
    fc.assert(
      fc.property(arbitraryStaff, arbitraryTieBreak, fc.boolean(), (rows, tieBreak, bySchool) => {
        const scoreOf = (i: number) => (bySchool ? rows[i]!.schoolScore : rows[i]!.staff.score);
        const staff = rows.map((r) => r.staff);
        const compare = priorityComparator(tieBreak, (s) => scoreOf(staff.indexOf(s)));
        const expected = [...staff.keys()].sort((i, j) => compare(staff[i]!, staff[j]!));
        const ranks = priorityRanks(tieBreak, staff);
        expect(sortByPriority(ranks, [...staff.keys()], (i) => i, scoreOf)).toEqual(expected);
        const own = priorityComparator(tieBreak, (s) => s.score);
        const expectedOwn = [...staff.keys()].sort((i, j) => own(staff[i]!, staff[j]!));
        expect(sortByPriority(ranks, [...staff.keys()], (i) => i, null)).toEqual(expectedOwn);
      }),
      { numRuns: 500 },
    );
  });
});
