import { compareBy } from './priority';
import type { Staff, TieBreakKey } from './types';

/**
 * The rule that put `ahead` before `behind` in a priority order: the first of the rules' keys (then
 * staff_id, the last resort) on which they differ — 'score' when the scores differ, else the tie-break key
 * that decided. Null when `ahead` does not in fact come first.
 *
 * @example
 * decidingKey(['score', 'title'], (s) => s.score, a, b); // 'title' when a and b tie on score only
 */
export function decidingKey(
  tieBreak: readonly TieBreakKey[],
  scoreOf: (s: Staff) => number,
  ahead: Staff,
  behind: Staff,
): TieBreakKey | null {
  const keys: readonly TieBreakKey[] = tieBreak.includes('staff_id') ? tieBreak : [...tieBreak, 'staff_id'];
  for (const key of keys) {
    const c = compareBy(key, ahead, behind, scoreOf);
    if (c !== 0) return c < 0 ? key : null;
  }
  return null;
}
