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

/**
 * The priority order precomputed once per run, so that sorting a list is integer comparisons only:
 * every key of the tie-break before the score becomes one dense rank (`before`), every key after it
 * another (`after`, staff_id included), indexed by position in the `staff` given. A school's order is
 * then (before, its own score, after) — the same order as {@link priorityComparator}, whatever score the
 * school ranks by.
 */
export interface PriorityRanks {
  /** The whole order with each person's own 综合得分 (the order of rounds 1 and 3 and of schools without scores). */
  readonly overall: Int32Array;
  /** Only for a school with its own scores; worked out on first use. */
  readonly before: Int32Array;
  readonly after: Int32Array;
  /** False when the tie-break has no `score` key: schools' scores then play no part. */
  readonly usesScore: boolean;
}

/**
 * @example
 * const ranks = priorityRanks(rules.tieBreak, dataset.staff);
 * sortByPriority(ranks, [3, 1, 2], (i) => dataset.staff[i]!.score); // staff indexes, best first
 */
export function priorityRanks(tieBreak: readonly TieBreakKey[], staff: readonly Staff[]): PriorityRanks {
  const keys: TieBreakKey[] = tieBreak.includes('staff_id') ? [...tieBreak] : [...tieBreak, 'staff_id'];
  const at = keys.indexOf('score');
  // Once the scores are equal every later score key compares equal too, so it can be left out.
  const beforeKeys = at < 0 ? keys : keys.slice(0, at);
  const afterKeys = at < 0 ? [] : keys.slice(at + 1).filter((k) => k !== 'score');
  let before: Int32Array | undefined;
  let after: Int32Array | undefined;
  return {
    overall: denseRanks(keys, staff),
    get before() {
      before ??= denseRanks(beforeKeys, staff);
      return before;
    },
    get after() {
      after ??= denseRanks(afterKeys, staff);
      return after;
    },
    usesScore: at >= 0,
  };
}

function denseRanks(keys: readonly TieBreakKey[], staff: readonly Staff[]): Int32Array {
  const n = staff.length;
  if (keys.length === 0) return new Int32Array(n);
  const columns = keys.map((key) => denseNumbers(keyColumn(key, staff)));
  // Least significant key first, each pass a stable counting sort: linear in the staff per key.
  let order: Int32Array = Int32Array.from(staff.keys());
  for (let c = columns.length - 1; c >= 0; c--) order = countingSort(order, columns[c]!);
  const ranks = new Int32Array(n);
  let rank = 0;
  for (let k = 1; k < n; k++) {
    const i = order[k - 1]!;
    const j = order[k]!;
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c]!.ranks;
      if (column[i] !== column[j]) {
        rank++;
        break;
      }
    }
    ranks[j] = rank;
  }
  return ranks;
}

interface DenseColumn {
  /** 0 … distinct − 1, in the order of the values. */
  readonly ranks: Int32Array;
  readonly distinct: number;
}

function denseNumbers(values: Float64Array): DenseColumn {
  if (values.length === 0) return { ranks: new Int32Array(0), distinct: 0 };
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let integers = true;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
    if (!Number.isInteger(v)) integers = false;
  }
  const ranks = new Int32Array(values.length);
  if (integers && max - min <= Math.max(4 * values.length, 1 << 16)) {
    // Titles, years and dates (a century is ~51,000 day numbers) span a small range: mark the values
    // present and number them in order.
    const rankOf = new Int32Array(max - min + 1);
    for (const v of values) rankOf[v - min] = 1;
    let distinct = 0;
    for (let k = 0; k < rankOf.length; k++) if (rankOf[k] === 1) rankOf[k] = distinct++;
    for (let i = 0; i < values.length; i++) ranks[i] = rankOf[values[i]! - min]!;
    return { ranks, distinct };
  }
  const distinct = Float64Array.from(new Set(values)).sort();
  const rankOf = new Map<number, number>();
  for (let r = 0; r < distinct.length; r++) rankOf.set(distinct[r]!, r);
  for (let i = 0; i < values.length; i++) ranks[i] = rankOf.get(values[i]!)!;
  return { ranks, distinct: distinct.length };
}

function countingSort(order: Int32Array, column: DenseColumn): Int32Array {
  const start = new Int32Array(column.distinct + 1);
  for (const i of order) start[column.ranks[i]! + 1]! += 1;
  for (let r = 1; r <= column.distinct; r++) start[r]! += start[r - 1]!;
  const out = new Int32Array(order.length);
  for (const i of order) out[start[column.ranks[i]!]!++] = i;
  return out;
}

/** One tie-break key of every person as a number, smaller first (the order of {@link compareBy}). */
function keyColumn(key: TieBreakKey, staff: readonly Staff[]): Float64Array {
  const column = new Float64Array(staff.length);
  switch (key) {
    case 'score': {
      // Scores of at most two decimals as whole hundredths, so that they take the marking pass.
      const hundredths = staff.every((s) => Math.round(s.score * 100) / 100 === s.score);
      staff.forEach((s, i) => {
        column[i] = hundredths ? -Math.round(s.score * 100) : -s.score;
      });
      break;
    }
    case 'title':
      staff.forEach((s, i) => {
        column[i] = TITLE_RANK.get(s.title) ?? 99;
      });
      break;
    case 'years_of_service':
      staff.forEach((s, i) => {
        column[i] = -s.yearsOfService;
      });
      break;
    case 'birth_date':
      return isoDays(staff) ?? stringRanks(staff.map((s) => s.birthDate));
    case 'staff_id':
      return stringRanks(staff.map((s) => s.id));
  }
  return column;
}

/**
 * YYYY-MM-DD dates as day numbers (year · 512 + month · 32 + day), which order as the strings do; null
 * when any date has another shape (then they are ranked as strings).
 */
function isoDays(staff: readonly Staff[]): Float64Array | null {
  const column = new Float64Array(staff.length);
  for (let i = 0; i < staff.length; i++) {
    const d = staff[i]!.birthDate;
    if (d.length !== 10 || d[4] !== '-' || d[7] !== '-') return null;
    const year = digits(d, 0, 4);
    const month = digits(d, 5, 7);
    const day = digits(d, 8, 10);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) return null;
    const v = year * 512 + month * 32 + day;
    column[i] = v;
  }
  return column;
}

/** The decimal number in `text[from, to)`, or -1 when a character there is not a digit. */
function digits(text: string, from: number, to: number): number {
  let v = 0;
  for (let k = from; k < to; k++) {
    const digit = text.charCodeAt(k) - 48;
    if (digit < 0 || digit > 9) return -1;
    v = v * 10 + digit;
  }
  return v;
}

/** Each string's rank among the distinct strings, in code-unit order (as {@link compareStrings}). */
function stringRanks(values: readonly string[]): Float64Array {
  // Staff ids come in canonical (id) order: then a person's rank is their position.
  let increasing = true;
  for (let i = 1; i < values.length && increasing; i++) increasing = values[i - 1]! < values[i]!;
  if (increasing) return Float64Array.from(values.keys());
  const distinct = [...new Set(values)].sort(compareStrings);
  const rankOf = new Map(distinct.map((v, i) => [v, i]));
  return Float64Array.from(values, (v) => rankOf.get(v)!);
}

/**
 * Sorts `items` best first in place, each standing for the staff member at `indexOf(item)` in the ranks'
 * staff and scored `scoreOf(item)` by the school that ranks them, or by their own 综合得分 when `scoreOf`
 * is null. Equal items keep their order.
 */
export function sortByPriority<T>(
  ranks: PriorityRanks,
  items: T[],
  indexOf: (item: T) => number,
  scoreOf: ((item: T) => number) | null,
): T[] {
  const n = items.length;
  if (n < 2) return items;
  if (scoreOf === null) {
    const overall = ranks.overall;
    return items.sort((x, y) => overall[indexOf(x)]! - overall[indexOf(y)]!);
  }
  const before = new Int32Array(n);
  const score = new Float64Array(n);
  const after = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const item = items[k]!;
    const i = indexOf(item);
    before[k] = ranks.before[i]!;
    score[k] = ranks.usesScore ? scoreOf(item) : 0;
    after[k] = ranks.after[i]!;
  }
  const order = Array.from({ length: n }, (_, k) => k);
  order.sort((x, y) => before[x]! - before[y]! || score[y]! - score[x]! || after[x]! - after[y]! || x - y);
  const copy = items.slice();
  for (let k = 0; k < n; k++) items[k] = copy[order[k]!]!;
  return items;
}
