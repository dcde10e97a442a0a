import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareStrings } from '../../engine/canonical';
import { priorityComparator } from '../../engine/priority';
import { priorityRanks } from '../../engine/priority-rank';
import { type Staff, TIE_BREAK_KEYS, TITLES } from '../../engine/types';

/** Staff with many ties on every key, duplicate ids included, in canonical (id) order. */
const arbitraryStaff = fc
  .array(
    fc.record({
      id: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'a', '甲', '10', '9'),
      score: fc.constantFrom(0, -0, 60, 60.5, 60.25, 99.99, 100, 60.125, 1e12),
      title: fc.constantFrom(...TITLES, 'unknown'),
      yearsOfService: fc.constantFrom(0, 1, 2, 30, 2.5),
      birthDate: fc.constantFrom('1970-01-01', '1970-01-02', '1969-12-31', '1980-06-15', ''),
    }),
    { maxLength: 40 },
  )
  .map((rows) =>
    rows
      .map((r, i) => ({ ...r, name: `n${i}` }) as unknown as Staff)
      .sort((a, b) => compareStrings(a.id, b.id)),
  );

const arbitraryTieBreak = fc.array(fc.constantFrom(...TIE_BREAK_KEYS), { maxLength: 6 });

describe('priorityRanks', () => {
  it('sorts every sub-list exactly as the generic comparator does, for any tie-break list', () => {
    fc.assert(
      fc.property(arbitraryStaff, arbitraryTieBreak, fc.array(fc.boolean()), (staff, tieBreak, pick) => {
        const ranks = priorityRanks(staff, tieBreak);
        expect(ranks).not.toBeNull();
        const compare = priorityComparator(tieBreak, (s) => s.score);
        // A sub-list in canonical order, as the rounds build them.
        const idx = staff.map((_, i) => i).filter((i) => pick[i % Math.max(1, pick.length)] ?? true);
        const generic = [...idx].sort((a, b) => compare(staff[a]!, staff[b]!));
        const byRank = [...idx].sort((a, b) => ranks![a]! - ranks![b]!);
        expect(byRank).toEqual(generic);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives a permutation of 0 … n − 1', () => {
    fc.assert(
      fc.property(arbitraryStaff, arbitraryTieBreak, (staff, tieBreak) => {
        const ranks = [...priorityRanks(staff, tieBreak)!].sort((a, b) => a - b);
        expect(ranks).toEqual(staff.map((_, i) => i));
      }),
    );
  });

  it('declines when the comparator is no consistent order or the staff are not in id order', () => {
    const s = (id: string, score: number) => ({ id, score, yearsOfService: 1 }) as Staff;
    expect(priorityRanks([s('A', Number.NaN), s('B', 1)], ['score'])).toBeNull();
    expect(priorityRanks([s('B', 1), s('A', 1)], ['score'])).toBeNull();
  });
});
