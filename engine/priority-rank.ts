import { type Staff, TITLES, type TieBreakKey } from './types';

const TITLE_RANK = new Map<string, number>(TITLES.map((t, i) => [t, i]));

/**
 * Every person's position in the county-wide priority order by 综合得分, i.e. the order that
 * `[...staff].sort(priorityComparator(tieBreak, (s) => s.score))` gives, computed without a comparator:
 * one stable counting sort per tie-break key, last key first (an LSD radix sort over dense ranks).
 * `staff` must be in canonical order (sorted by id); null when it is not, or when a score or years of
 * service is not a finite number — the comparator is then no consistent order and callers use it as is.
 *
 * Why sorting any list of people by this rank gives the bytes the comparator gives: for finite numbers
 * the comparator is a total preorder whose only ties are people with equal ids (staff_id is always its
 * last key). Array.prototype.sort is stable and the engine always builds its lists in canonical order,
 * so the comparator sorts a list by (its keys, canonical position) — a strict total order. The radix
 * passes start from canonical position and order by the same keys with the same directions, so they
 * produce exactly that order over everyone, and its restriction to any list is that list's sorted order.
 * tests/engine/priority-rank.test.ts checks this against the comparator on random staff and tie-breaks.
 */
export function priorityRanks(staff: readonly Staff[], tieBreak: readonly TieBreakKey[]): Int32Array | null {
  const n = staff.length;
  for (let i = 0; i < n; i++) {
    const s = staff[i]!;
    if (!Number.isFinite(s.score) || !Number.isFinite(s.yearsOfService)) return null;
    if (i > 0 && staff[i - 1]!.id > s.id) return null;
  }
  const keys: TieBreakKey[] = tieBreak.includes('staff_id') ? [...tieBreak] : [...tieBreak, 'staff_id'];
  let order: Int32Array = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // Canonical position is the first (least significant) criterion, so the identity is where we start.
  for (let k = keys.length - 1; k >= 0; k--) {
    const [dense, distinct] = denseKey(staff, keys[k]!);
    order = countingSort(order, dense, distinct);
  }
  const rank = new Int32Array(n);
  for (let i = 0; i < n; i++) rank[order[i]!] = i;
  return rank;
}

/** Each person's key as a small integer, 0 = best, equal values equal; and how many distinct values. */
function denseKey(staff: readonly Staff[], key: TieBreakKey): [Int32Array, number] {
  const n = staff.length;
  const dense = new Int32Array(n);
  if (key === 'staff_id') {
    // Canonical order is id order: dense rank = number of distinct ids before this one.
    let d = 0;
    for (let i = 1; i < n; i++) dense[i] = staff[i]!.id === staff[i - 1]!.id ? d : ++d;
    return [dense, n === 0 ? 0 : d + 1];
  }
  const value = key === 'birth_date' ? dateValues(staff) : new Float64Array(n);
  if (value === null) return denseStrings(staff.map((s) => s.birthDate));
  // Smaller is better: higher score and more years come first, title ranks and dates ascend.
  if (key === 'score') for (let i = 0; i < n; i++) value[i] = -staff[i]!.score;
  if (key === 'years_of_service') for (let i = 0; i < n; i++) value[i] = -staff[i]!.yearsOfService;
  if (key === 'title') for (let i = 0; i < n; i++) value[i] = TITLE_RANK.get(staff[i]!.title) ?? 99;
  return smallIntegers(value, dense) ?? denseBySorting(value, dense);
}

/**
 * Scores have two decimals and the other keys are whole numbers, so ×100 they are small integers and
 * their offset from the least is already a dense enough key for counting sort, with no sort at all.
 * Null when a value is not such a number (then {@link denseBySorting}).
 */
function smallIntegers(value: Float64Array, dense: Int32Array): [Int32Array, number] | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < value.length; i++) {
    const k = Math.round(value[i]! * 100);
    // k / 100 === v makes the map v → k one-to-one (and it is monotone): equal keys, equal values.
    if (k / 100 !== value[i]) return null;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  if (max - min > 4 * value.length + 100_000) return null;
  for (let i = 0; i < value.length; i++) dense[i] = Math.round(value[i]! * 100) - min;
  return [dense, value.length === 0 ? 0 : max - min + 1];
}

function denseBySorting(value: Float64Array, dense: Int32Array): [Int32Array, number] {
  const n = value.length;
  const sorted = value.slice().sort();
  let distinct = 0;
  for (let i = 0; i < n; i++)
    if (i === 0 || sorted[i] !== sorted[distinct - 1]) sorted[distinct++] = sorted[i]!;
  for (let i = 0; i < n; i++) dense[i] = lowerBound(sorted, distinct, value[i]!);
  return [dense, distinct];
}

/**
 * ISO dates as (year × 12 + month) × 32 + day, whose order is their string order (fixed width, digits only,
 * month ≤ 12, day ≤ 31); null when some date is not of that form, and then the strings are ranked.
 */
function dateValues(staff: readonly Staff[]): Float64Array | null {
  const out = new Float64Array(staff.length);
  for (let i = 0; i < staff.length; i++) {
    const d = staff[i]!.birthDate;
    if (typeof d !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d)) return null;
    const month = Number(d.slice(5, 7));
    const day = Number(d.slice(8, 10));
    if (month > 12 || day > 31) return null;
    out[i] = (Number(d.slice(0, 4)) * 12 + month) * 32 + day;
  }
  return out;
}

function denseStrings(values: readonly string[]): [Int32Array, number] {
  const distinct = [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const at = new Map(distinct.map((v, i) => [v, i]));
  return [Int32Array.from(values, (v) => at.get(v)!), distinct.length];
}

/** Index of `x` among the first `length` (sorted, distinct) entries of `sorted`. */
function lowerBound(sorted: Float64Array, length: number, x: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Stable counting sort of `order` by `dense` (values 0 … distinct − 1). */
function countingSort(order: Int32Array, dense: Int32Array, distinct: number): Int32Array {
  const start = new Int32Array(distinct + 1);
  for (let i = 0; i < order.length; i++) start[dense[order[i]!]! + 1]! += 1;
  for (let v = 0; v < distinct; v++) start[v + 1]! += start[v]!;
  const out = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const p = order[i]!;
    out[start[dense[p]!]!++] = p;
  }
  return out;
}
