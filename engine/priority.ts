import { compareStrings } from './canonical';
import { type Staff, TITLES, type TieBreakKey } from './types';

const TITLE_RANK = new Map<string, number>(TITLES.map((t, i) => [t, i]));

/**
 * Builds the priority order "better first": higher score, then the rules' tie-breaks (higher title, more
 * years of service, older, smaller staff_id). staff_id is always the last resort, so the order is total
 * and a result never depends on row order. `scoreOf` lets a school rank by its own applications score.
 *
 * @example
 * [...staff].sort(priorityComparator(rules.tieBreak, (s) => s.score));
 */
export function priorityComparator(
  tieBreak: readonly TieBreakKey[],
  scoreOf: (s: Staff) => number,
): (a: Staff, b: Staff) => number {
  const keys: TieBreakKey[] = tieBreak.includes('staff_id') ? [...tieBreak] : [...tieBreak, 'staff_id'];
  return (a, b) => {
    for (const key of keys) {
      const c = compareBy(key, a, b, scoreOf);
      if (c !== 0) return c;
    }
    return 0;
  };
}

/** One key of the priority order: negative when `a` comes first on that key alone, 0 on a tie. */
export function compareBy(key: TieBreakKey, a: Staff, b: Staff, scoreOf: (s: Staff) => number): number {
  switch (key) {
    case 'score':
      return scoreOf(b) - scoreOf(a);
    case 'title':
      return (TITLE_RANK.get(a.title) ?? 99) - (TITLE_RANK.get(b.title) ?? 99);
    case 'years_of_service':
      return b.yearsOfService - a.yearsOfService;
    case 'birth_date':
      return compareStrings(a.birthDate, b.birthDate);
    case 'staff_id':
      return compareStrings(a.id, b.id);
  }
}
