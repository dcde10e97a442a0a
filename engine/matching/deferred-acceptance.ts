/**
 * A many-to-one matching problem in the hospital/resident form: applicants propose, hospitals hold.
 * Keys are opaque strings; in the engine a "hospital" is one school's posts in one subject.
 */
export interface MatchingInstance {
  /** Applicant → hospitals in the applicant's order of preference. */
  readonly prefs: ReadonlyMap<string, readonly string[]>;
  readonly capacity: ReadonlyMap<string, number>;
  /** Hospital → applicant → rank (0 is best). An applicant a hospital does not rank is unacceptable to it. */
  readonly rank: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/**
 * Applicant-proposing deferred acceptance (Gale–Shapley): returns the applicant-optimal stable matching,
 * applicant → hospital, leaving out whoever ends unmatched. The result does not depend on the order in
 * which free applicants propose, which is what makes it row-order independent.
 *
 * @example
 * deferredAcceptance({
 *   prefs: new Map([['a', ['h']], ['b', ['h']]]),
 *   capacity: new Map([['h', 1]]),
 *   rank: new Map([['h', new Map([['b', 0], ['a', 1]])]]),
 * }); // Map { 'b' => 'h' }
 */
export function deferredAcceptance(instance: MatchingInstance): Map<string, string> {
  const { prefs, capacity, rank } = instance;
  // Strings become indexes once; the proposals then run over arrays only.
  const hospitals = [...capacity.keys()];
  for (const hospital of rank.keys()) if (!capacity.has(hospital)) hospitals.push(hospital);
  const hospitalIndex = new Map(hospitals.map((h, i) => [h, i]));
  const applicants = [...prefs.keys()];
  const start = new Int32Array(applicants.length + 1);
  const choice: number[] = [];
  const choiceRank: number[] = [];
  applicants.forEach((applicant, a) => {
    for (const hospital of prefs.get(applicant) ?? []) {
      const h = hospitalIndex.get(hospital);
      const r = rank.get(hospital)?.get(applicant);
      // A hospital without capacity or that does not rank the applicant is skipped, as if not listed.
      if (h === undefined || r === undefined || (capacity.get(hospital) ?? 0) <= 0) continue;
      choice.push(h);
      choiceRank.push(r);
    }
    start[a + 1] = choice.length;
  });
  const match = deferredAcceptanceIndexed({
    start,
    choice: Int32Array.from(choice),
    choiceRank: Float64Array.from(choiceRank),
    capacity: Int32Array.from(hospitals, (h) => capacity.get(h) ?? 0),
  });
  const matching = new Map<string, string>();
  // Hospital by hospital, in the order they hold their applicants (best first).
  const held = hospitals.map((): number[] => []);
  match.forEach((h, a) => {
    if (h >= 0) held[h]!.push(a);
  });
  held.forEach((list, h) => {
    const byRank = (a: number) => rank.get(hospitals[h]!)!.get(applicants[a]!)!;
    for (const a of list.sort((x, y) => byRank(x) - byRank(y))) matching.set(applicants[a]!, hospitals[h]!);
  });
  return matching;
}

/**
 * Deferred acceptance over integer indexes. Applicant `a`'s acceptable hospitals, best first, are
 * `choice[start[a] … start[a+1])`, and `choiceRank` holds the rank each of them gives `a` (smaller is
 * better, distinct within a hospital). Returns each applicant's hospital, or −1.
 */
export interface IndexedInstance {
  readonly start: Int32Array;
  readonly choice: Int32Array;
  readonly choiceRank: Float64Array;
  readonly capacity: Int32Array;
}

export function deferredAcceptanceIndexed({
  start,
  choice,
  choiceRank,
  capacity,
}: IndexedInstance): Int32Array {
  const applicants = start.length - 1;
  const match = new Int32Array(applicants).fill(-1);
  const next = Int32Array.from(start.subarray(0, applicants));
  // Each hospital's held applicants as a max-heap on rank: the one to reject is always on top.
  const heapApplicant = Array.from(capacity, (): number[] => []);
  const heapRank = Array.from(capacity, (): number[] => []);
  const free: number[] = [];
  for (let a = applicants - 1; a >= 0; a--) free.push(a);
  while (free.length > 0) {
    const a = free.pop()!;
    while (next[a]! < start[a + 1]!) {
      const k = next[a]!;
      next[a] = k + 1;
      const h = choice[k]!;
      if (capacity[h]! <= 0) continue;
      const r = choiceRank[k]!;
      const ids = heapApplicant[h]!;
      const ranks = heapRank[h]!;
      if (ids.length < capacity[h]!) {
        heapPush(ids, ranks, a, r);
        match[a] = h;
        break;
      }
      if (ranks[0]! < r) continue; // the worst held is better than a: rejected here
      const out = ids[0]!;
      heapReplaceTop(ids, ranks, a, r);
      match[a] = h;
      match[out] = -1;
      free.push(out);
      break;
    }
  }
  return match;
}

function heapPush(ids: number[], ranks: number[], id: number, rank: number): void {
  let i = ids.length;
  ids.push(id);
  ranks.push(rank);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (ranks[parent]! >= rank) break;
    ids[i] = ids[parent]!;
    ranks[i] = ranks[parent]!;
    i = parent;
  }
  ids[i] = id;
  ranks[i] = rank;
}

function heapReplaceTop(ids: number[], ranks: number[], id: number, rank: number): void {
  const n = ids.length;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const c = r < n && ranks[r]! > ranks[l]! ? r : l;
    if (ranks[c]! <= rank) break;
    ids[i] = ids[c]!;
    ranks[i] = ranks[c]!;
    i = c;
  }
  ids[i] = id;
  ranks[i] = rank;
}
