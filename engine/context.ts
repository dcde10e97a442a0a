import type { DirectHireReason, Step } from './steps';
import {
  type Dataset,
  type ListStanding,
  type Outcome,
  type Post,
  ROUND_OUTCOMES,
  type RoundNumber,
  type Rules,
  type School,
  type Staff,
  type Township,
} from './types';

/** One school's posts in one subject: the unit every round fills. */
export function postKey(schoolCode: string, subject: string): string {
  return `${schoolCode}\u0001${subject}`;
}

/** Read-only lookups over a canonical dataset, built once per run. */
export interface Context {
  readonly rules: Rules;
  readonly dataset: Dataset;
  readonly schools: ReadonlyMap<string, School>;
  /** Posts of open schools only: a merging school offers none. */
  readonly posts: ReadonlyMap<string, Post>;
  readonly townships: ReadonlyMap<string, Township>;
  /** School → staff → its applications.csv score; a school absent here ranks by 综合得分. */
  readonly applications: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export function buildContext(dataset: Dataset, rules: Rules): Context {
  const schools = new Map(dataset.schools.map((s) => [s.code, s]));
  const posts = new Map<string, Post>();
  for (const p of dataset.posts) {
    if (schools.get(p.schoolCode)?.status === 'open') posts.set(postKey(p.schoolCode, p.subject), p);
  }
  const applications = new Map<string, Map<string, number>>();
  for (const a of dataset.applications) {
    const forSchool = applications.get(a.schoolCode) ?? new Map<string, number>();
    forSchool.set(a.staffId, a.score);
    applications.set(a.schoolCode, forSchool);
  }
  return {
    rules,
    dataset,
    schools,
    posts,
    townships: new Map(dataset.townships.map((t) => [t.name, t])),
    applications,
  };
}

/** What the rounds learn about one person as the run goes; turned into a Placement at the end. */
export interface PersonState {
  readonly staff: Staff;
  outcome: Outcome | null;
  schoolCode: string | null;
  subject: string | null;
  round: RoundNumber | null;
  exemptReason: DirectHireReason | null;
  round1: ListStanding | null;
  round2: ListStanding | null;
  choiceRank: number | null;
  distanceKm: number | null;
  readonly steps: Step[];
}

/** Mutable bookkeeping of one run: people and how many posts each round filled. */
export interface RunState {
  readonly people: readonly PersonState[];
  /** postKey → filled in round 1 (direct hires included), 2, 3. */
  readonly filled: Map<string, [number, number, number]>;
  /** postKey → direct hires. */
  readonly exempt: Map<string, number>;
}

export function newRunState(dataset: Dataset): RunState {
  return {
    people: dataset.staff.map((staff) => ({
      staff,
      outcome: null,
      schoolCode: null,
      subject: null,
      round: null,
      exemptReason: null,
      round1: null,
      round2: null,
      choiceRank: null,
      distanceKm: null,
      steps: [],
    })),
    filled: new Map(),
    exempt: new Map(),
  };
}

/**
 * Records that `person` holds a post of `subject` at `schoolCode` from round `round`, with that round's
 * outcome (ROUND_OUTCOMES: direct hires count as round 1, 校内竞聘).
 */
export function place(
  state: RunState,
  person: PersonState,
  schoolCode: string,
  subject: string,
  round: RoundNumber,
): void {
  person.outcome = ROUND_OUTCOMES[round];
  person.schoolCode = schoolCode;
  person.subject = subject;
  person.round = round;
  const key = postKey(schoolCode, subject);
  const counts = state.filled.get(key) ?? [0, 0, 0];
  counts[round - 1]! += 1;
  state.filled.set(key, counts);
}

/** Posts of a school-subject still empty; never below 0, since direct hires may overflow. */
export function vacanciesLeft(ctx: Context, state: RunState, key: string): number {
  const post = ctx.posts.get(key);
  if (post === undefined) return 0;
  const [a, b, c] = state.filled.get(key) ?? [0, 0, 0];
  return Math.max(0, post.posts - a - b - c);
}
