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
  const nextChoice = new Map<string, number>();
  // Each hospital's held applicants, kept sorted best-first so the worst is always last.
  const held = new Map<string, string[]>();
  const free = [...prefs.keys()].reverse();

  while (free.length > 0) {
    const applicant = free.pop()!;
    const list = prefs.get(applicant) ?? [];
    let i = nextChoice.get(applicant) ?? 0;
    while (i < list.length) {
      const hospital = list[i]!;
      i += 1;
      const hospitalRank = rank.get(hospital);
      const myRank = hospitalRank?.get(applicant);
      const cap = capacity.get(hospital) ?? 0;
      if (hospitalRank === undefined || myRank === undefined || cap <= 0) continue;
      const holding = held.get(hospital) ?? [];
      if (holding.length >= cap && (hospitalRank.get(holding[holding.length - 1]!) ?? 0) < myRank) continue;
      insertByRank(holding, applicant, hospitalRank);
      held.set(hospital, holding);
      if (holding.length > cap) free.push(holding.pop()!);
      break;
    }
    nextChoice.set(applicant, i);
  }

  const matching = new Map<string, string>();
  for (const [hospital, holding] of held) for (const a of holding) matching.set(a, hospital);
  return matching;
}

function insertByRank(list: string[], applicant: string, rank: ReadonlyMap<string, number>): void {
  const r = rank.get(applicant) ?? 0;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((rank.get(list[mid]!) ?? 0) < r) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, applicant);
}
