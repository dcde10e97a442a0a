import { compareStrings } from './canonical';
import { type Context, postKey, type RunState } from './context';
import { percentages } from './percent';
import {
  OUTCOME_KEYS,
  OUTCOMES,
  type OutcomeCounts,
  type OutcomeKey,
  type OutcomePercent,
  type Placement,
  type SchoolReport,
  STAGES,
  type Summary,
} from './types';

function countOutcomes(placements: readonly Placement[]): OutcomeCounts {
  const c = Object.fromEntries(OUTCOMES.map((o) => [OUTCOME_KEYS[o], 0])) as Record<OutcomeKey, number>;
  for (const p of placements) c[OUTCOME_KEYS[p.outcome]]++;
  return { ...c, total: placements.length };
}

/** The object with its keys in sorted order, as every result object (see engine/canonical.ts). */
function sortedKeys<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => compareStrings(a, b))) as T;
}

/** Counts with their shares, in OUTCOMES order for the largest-remainder rounding. */
function withPercent<T extends object>(c: OutcomeCounts, extra: T) {
  const keys = OUTCOMES.map((o) => OUTCOME_KEYS[o]);
  const shares = percentages(keys.map((k) => c[k]));
  const percent = sortedKeys(Object.fromEntries(keys.map((k, i) => [k, shares[i]!])) as OutcomePercent);
  return sortedKeys({ ...c, ...extra, percent });
}

/** The report's table: counts and shares by outcome, county-wide, by stage and by school (of each person's own school). */
export function summarize(ctx: Context, placements: readonly Placement[]): Summary {
  const byStage = new Map(STAGES.map((stage) => [stage, [] as Placement[]]));
  const bySchool = new Map(ctx.dataset.schools.map((s) => [s.code, [] as Placement[]]));
  for (const p of placements) {
    const stage = ctx.schools.get(p.fromSchoolCode)?.stage;
    if (stage !== undefined) byStage.get(stage)!.push(p);
    bySchool.get(p.fromSchoolCode)?.push(p);
  }
  const byStageRows = STAGES.map((stage) => withPercent(countOutcomes(byStage.get(stage)!), { stage }));
  const bySchoolRows = [...bySchool].map(([schoolCode, list]) =>
    withPercent(countOutcomes(list), { schoolCode }),
  );
  return withPercent(countOutcomes(placements), { bySchool: bySchoolRows, byStage: byStageRows });
}

/** Per school: posts, what each round filled, what is left, and who moved out and in. */
export function schoolReports(
  ctx: Context,
  state: RunState,
  placements: readonly Placement[],
): SchoolReport[] {
  const moved = new Map<string, { out: number; in: number }>();
  const tally = (code: string) => {
    const m = moved.get(code) ?? { out: 0, in: 0 };
    moved.set(code, m);
    return m;
  };
  for (const p of placements) {
    if (p.schoolCode === null || p.schoolCode === p.fromSchoolCode) continue;
    tally(p.fromSchoolCode).out++;
    tally(p.schoolCode).in++;
  }
  // Direct hires may sit where no post row exists (reported overflow): list those subjects too.
  const subjectsBySchool = new Map<string, Set<string>>();
  const addSubject = (schoolCode: string, subject: string) => {
    const set = subjectsBySchool.get(schoolCode) ?? new Set<string>();
    set.add(subject);
    subjectsBySchool.set(schoolCode, set);
  };
  for (const post of ctx.posts.values()) addSubject(post.schoolCode, post.subject);
  for (const p of placements)
    if (p.schoolCode !== null && p.subject !== null) addSubject(p.schoolCode, p.subject);

  return ctx.dataset.schools.map((school) => {
    const subjects = [...(subjectsBySchool.get(school.code) ?? [])].sort(compareStrings).map((subject) => {
      const key = postKey(school.code, subject);
      const posts = ctx.posts.get(key)?.posts ?? 0;
      const [r1, r2, r3] = state.filled.get(key) ?? [0, 0, 0];
      return {
        exempt: state.exempt.get(key) ?? 0,
        posts,
        reserved: ctx.posts.get(key)?.reserved ?? 0,
        round1: r1,
        round2: r2,
        round3: r3,
        subject,
        vacancies: Math.max(0, posts - r1 - r2 - r3),
      };
    });
    const sum = (f: (s: (typeof subjects)[number]) => number) => subjects.reduce((n, s) => n + f(s), 0);
    return {
      name: school.name,
      posts: sum((s) => s.posts),
      round1: sum((s) => s.round1),
      round2: sum((s) => s.round2),
      round3: sum((s) => s.round3),
      schoolCode: school.code,
      staffIn: moved.get(school.code)?.in ?? 0,
      staffOut: moved.get(school.code)?.out ?? 0,
      stage: school.stage,
      status: school.status,
      subjects,
      township: school.township,
      vacancies: sum((s) => s.vacancies),
    };
  });
}
