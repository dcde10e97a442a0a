import { priorityComparator } from './priority';
import type { Dataset, EnvyPair, Fairness, Placement, Rules, Staff, Stage } from './types';

/**
 * The fairness audit of a finished run, re-derived from the dataset, the rules and the placements alone.
 * It deliberately shares no code with the rounds (only the priority order, which *is* the rule): its own
 * post table, its own certificate check, its own reading of the choices. A bug in the allocation then shows
 * up here as a violation instead of being repeated.
 */
export function checkFairness(dataset: Dataset, rules: Rules, placements: readonly Placement[]): Fairness {
  const k = (school: string, subject: string) => `${school}\u0001${subject}`;
  const schools = new Map(dataset.schools.map((s) => [s.code, s]));
  const staffOf = staffLookup(dataset.staff, placements);
  const posts = new Map<string, number>();
  // School → subjects with posts: what a choice is checked against, without building a key per choice.
  const subjects = new Map<string, Set<string>>();
  const reserved = new Map<string, number>();
  for (const p of dataset.posts) {
    if (schools.get(p.schoolCode)?.status !== 'open') continue;
    posts.set(k(p.schoolCode, p.subject), p.posts);
    const taught = subjects.get(p.schoolCode) ?? new Set<string>();
    taught.add(p.subject);
    subjects.set(p.schoolCode, taught);
    reserved.set(k(p.schoolCode, p.subject), p.reserved);
  }
  const shortlists = new Map<string, Map<string, number>>();
  for (const a of dataset.applications) {
    const m = shortlists.get(a.schoolCode) ?? new Map<string, number>();
    m.set(a.staffId, a.score);
    shortlists.set(a.schoolCode, m);
  }

  // Each person's acceptable choices, worked out at most once (eligibility and envy both need them).
  const acceptableOf = new Map<Staff, readonly string[]>();
  const acceptable = (s: Staff): readonly string[] => {
    let list = acceptableOf.get(s);
    if (list === undefined) {
      list = acceptableChoices(s, rules, schools, subjects, shortlists);
      acceptableOf.set(s, list);
    }
    return list;
  };

  // Seats taken, by round, and direct hires, per school-subject.
  const taken = new Map<string, { direct: number; r1: number; r2: Staff[]; r3: number }>();
  const seat = (key: string) => {
    const t = taken.get(key) ?? { direct: 0, r1: 0, r2: [], r3: 0 };
    taken.set(key, t);
    return t;
  };
  let eligibilityViolations = 0;
  placements.forEach((p, i) => {
    const s = staffOf(p, i);
    if (s === undefined || !placementIsEligible(p, s, rules, schools, posts, acceptable))
      eligibilityViolations++;
    if (s === undefined || p.schoolCode === null || p.subject === null) return;
    const t = seat(k(p.schoolCode, p.subject));
    if (p.round === 1 && p.exemptReason !== null) t.direct++;
    else if (p.round === 1) t.r1++;
    else if (p.round === 2) t.r2.push(s);
    else t.r3++;
  });

  let capacityViolations = 0;
  let exemptOverflow = 0;
  let unfilledPosts = 0;
  const leftAfterRound2 = new Map<string, number>();
  for (const [key, t] of taken) {
    const n = posts.get(key) ?? 0;
    exemptOverflow += Math.max(0, t.direct - n);
    capacityViolations += Math.max(0, t.r1 - Math.max(0, n - (reserved.get(key) ?? 0) - t.direct));
    capacityViolations += Math.max(0, t.direct + t.r1 + t.r2.length + t.r3 - Math.max(n, t.direct));
  }
  for (const [key, n] of posts) {
    const t = taken.get(key);
    const used = t === undefined ? 0 : t.direct + t.r1 + t.r2.length + t.r3;
    unfilledPosts += Math.max(0, n - used);
    leftAfterRound2.set(key, Math.max(0, n - (t === undefined ? 0 : t.direct + t.r1 + t.r2.length)));
  }

  // Justified envy and waste among everyone who took part in round 2.
  const serial = rules.crossSchool.mechanism === 'serial_dictatorship';
  const comparators = new Map<string, (a: Staff, b: Staff) => number>();
  const compareAt = (school: string) => {
    let c = comparators.get(school);
    if (c === undefined) {
      const list = serial ? undefined : shortlists.get(school);
      c = priorityComparator(rules.tieBreak, (s) => list?.get(s.id) ?? s.score);
      comparators.set(school, c);
    }
    return c;
  };
  // The one a school would give up first among those it hired in round 2, per school-subject: whoever
  // prefers that school and outranks anyone hired there outranks this one, so one comparison per choice
  // decides envy (linear in the number of choices).
  const worstHired = new Map<string, Staff | null>();
  const worstAt = (school: string, key: string): Staff | null => {
    let worst = worstHired.get(key);
    if (worst === undefined) {
      const compare = compareAt(school);
      worst = null;
      for (const b of taken.get(key)?.r2 ?? []) if (worst === null || compare(b, worst) >= 0) worst = b;
      worstHired.set(key, worst);
    }
    return worst;
  };
  const envyPairs: EnvyPair[] = [];
  const choiceRanks: number[] = [];
  placements.forEach((p, i) => {
    const s = staffOf(p, i);
    if (s === undefined || p.outcome === 'resigned' || p.round === 1 || s.barred !== null) return;
    const wanted = acceptable(s);
    const got = p.round === 2 && p.schoolCode !== null ? wanted.indexOf(p.schoolCode) : -1;
    if (got >= 0) {
      const wish = s.choices.indexOf(p.schoolCode!);
      choiceRanks[wish] = (choiceRanks[wish] ?? 0) + 1;
    }
    const envied = got >= 0 ? got : wanted.length;
    for (let c = 0; c < envied; c++) {
      const school = wanted[c]!;
      const key = k(school, s.subject);
      if ((leftAfterRound2.get(key) ?? 0) > 0) {
        envyPairs.push({ displacedBy: null, schoolCode: school, staffId: s.id, subject: s.subject });
        continue;
      }
      const worst = worstAt(school, key);
      if (worst !== null && compareAt(school)(s, worst) < 0) {
        envyPairs.push({ displacedBy: worst.id, schoolCode: school, staffId: s.id, subject: s.subject });
      }
    }
  });
  return {
    capacityViolations,
    choiceRanks: Array.from(choiceRanks, (n) => n ?? 0),
    eligibilityViolations,
    envyPairs,
    exemptOverflow,
    justifiedEnvy: envyPairs.filter((e) => e.displacedBy !== null).length,
    unfilledPosts,
    wastefulness: envyPairs.filter((e) => e.displacedBy === null).length,
  };
}

/**
 * The staff record of each placement. A finished run lists placements in the dataset's (canonical, by id)
 * order, so when every id matches position by position no map is built; any other list is looked up by id.
 */
function staffLookup(
  staff: readonly Staff[],
  placements: readonly Placement[],
): (p: Placement, i: number) => Staff | undefined {
  if (placements.length === staff.length && placements.every((p, i) => p.staffId === staff[i]!.id))
    return (_p, i) => staff[i];
  const byId = new Map(staff.map((s) => [s.id, s]));
  return (p) => byId.get(p.staffId);
}

/** Which certificate may hold a post at which school stage, spelled out as a table on purpose. */
const COVERS: Record<Stage, readonly Stage[]> = {
  high: ['high', 'middle', 'primary'],
  middle: ['middle', 'primary'],
  primary: ['primary'],
  kindergarten: ['kindergarten'],
};
const LEVEL: Record<Stage, number> = { primary: 1, middle: 2, high: 3, kindergarten: 0 };

type Schools = ReadonlyMap<string, Dataset['schools'][number]>;

function acceptableChoices(
  s: Staff,
  rules: Rules,
  schools: Schools,
  subjects: ReadonlyMap<string, ReadonlySet<string>>,
  shortlists: ReadonlyMap<string, ReadonlyMap<string, number>>,
): string[] {
  const own = schools.get(s.schoolCode);
  const out: string[] = [];
  for (const code of s.choices.slice(0, rules.crossSchool.maxChoices)) {
    const school = schools.get(code);
    if (school === undefined || code === s.schoolCode || out.includes(code)) continue;
    if (!subjects.get(code)?.has(s.subject) || !COVERS[s.certStage].includes(school.stage)) continue;
    const up = own !== undefined && LEVEL[school.stage] > LEVEL[own.stage];
    if (rules.crossSchool.noUpwardMoves && up) continue;
    const list = shortlists.get(code);
    if (list !== undefined && !list.has(s.id)) continue;
    out.push(code);
  }
  return out;
}

function placementIsEligible(
  p: Placement,
  s: Staff,
  rules: Rules,
  schools: Schools,
  posts: ReadonlyMap<string, number>,
  acceptable: (s: Staff) => readonly string[],
): boolean {
  if (s.resigned) return p.outcome === 'resigned' && p.schoolCode === null;
  if (s.barred !== null) return p.outcome === 'standby' && p.schoolCode === null;
  if (p.outcome === 'resigned') return false;
  if (p.outcome === 'standby') return p.schoolCode === null && p.round === null;
  const school = p.schoolCode === null ? undefined : schools.get(p.schoolCode);
  if (school === undefined || school.status !== 'open' || p.subject === null) return false;
  const own = school.code === s.schoolCode && p.subject === s.subject && p.round === 1;
  // A direct hire (直聘) keeps their own post whatever the posts or certificate rules say.
  if (p.exemptReason !== null) return p.outcome === 'in_school' && own;
  if (!COVERS[s.certStage].includes(school.stage)) return false;
  const hasPost = posts.has(`${school.code}\u0001${p.subject}`);
  switch (p.outcome) {
    case 'in_school':
      return (
        p.round === 1 &&
        school.code === s.schoolCode &&
        p.subject === s.subject &&
        (hasPost || p.exemptReason !== null)
      );
    case 'cross_school':
      return p.round === 2 && p.subject === s.subject && hasPost && acceptable(s).includes(school.code);
    case 'administrative':
      return (
        p.round === 3 &&
        s.acceptsAdjustment &&
        hasPost &&
        (p.subject === s.subject || rules.administrative.allowCrossSubject)
      );
  }
}
