import { compareStrings } from './canonical';
import { type Context, postKey, type RunState } from './context';
import { percentages } from './percent';
import { type OutcomeCounts, type Placement, type SchoolReport, STAGES, type Summary } from './types';

function countOutcomes(placements: readonly Placement[]): OutcomeCounts {
  const c = {
    administrative: 0,
    crossSchool: 0,
    inSchool: 0,
    resigned: 0,
    standby: 0,
    total: placements.length,
  };
  for (const p of placements) {
    if (p.outcome === 'in_school') c.inSchool++;
    else if (p.outcome === 'cross_school') c.crossSchool++;
    else if (p.outcome === 'administrative') c.administrative++;
    else if (p.outcome === 'resigned') c.resigned++;
    else c.standby++;
  }
  return c;
}

/** Counts with their shares; keys in sorted order, as every result object (see engine/canonical.ts). */
function withPercent(c: OutcomeCounts) {
  const [inSchool, crossSchool, administrative, resigned, standby] = percentages([
    c.inSchool,
    c.crossSchool,
    c.administrative,
    c.resigned,
    c.standby,
  ]) as [number, number, number, number, number];
  return {
    administrative: c.administrative,
    crossSchool: c.crossSchool,
    inSchool: c.inSchool,
    percent: { administrative, crossSchool, inSchool, resigned, standby },
    resigned: c.resigned,
  };
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
  const stages = STAGES.map((stage) => {
    const c = countOutcomes(byStage.get(stage)!);
    return { ...withPercent(c), stage, standby: c.standby, total: c.total };
  });
  const schools = [...bySchool].map(([schoolCode, list]) => {
    const c = countOutcomes(list);
    return { ...withPercent(c), schoolCode, standby: c.standby, total: c.total };
  });
  const c = countOutcomes(placements);
  const { administrative, crossSchool, inSchool, percent, resigned } = withPercent(c);
  return {
    administrative,
    bySchool: schools,
    byStage: stages,
    crossSchool,
    inSchool,
    percent,
    resigned,
    standby: c.standby,
    total: c.total,
  };
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
