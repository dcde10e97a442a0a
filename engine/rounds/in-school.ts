import { type Context, type PersonState, place, postKey, type RunState } from '../context';
import { decidingKey } from '../deciding-key';
import { certCovers } from '../eligibility';
import { priorityComparator } from '../priority';
import type { RoundOutput } from './round';

/**
 * Round 1 (校内竞聘): per open school and subject, the school's own staff in priority order fill
 * posts − reserved − direct hires. Everyone else still without a post goes on to round 2, with the
 * reason in their steps.
 */
export function inSchoolRound(ctx: Context, state: RunState, out: RoundOutput): void {
  const byPost = new Map<string, PersonState[]>();
  for (const person of state.people) {
    if (person.outcome !== null) continue;
    const s = person.staff;
    const school = ctx.schools.get(s.schoolCode);
    const key = postKey(s.schoolCode, s.subject);
    const notRanked = { kind: 'not_ranked', round: 1, schoolCode: s.schoolCode } as const;
    if (school?.status !== 'open') {
      person.steps.push({ ...notRanked, why: { reason: 'merging' } });
    } else if (!ctx.posts.has(key)) {
      person.steps.push({ ...notRanked, why: { reason: 'no_posts', subject: s.subject } });
    } else if (!certCovers(s.certStage, school.stage)) {
      person.steps.push({
        ...notRanked,
        why: { certStage: s.certStage, reason: 'cert_not_covering', stage: school.stage },
      });
    } else {
      const list = byPost.get(key) ?? [];
      list.push(person);
      byPost.set(key, list);
    }
  }

  const byScore = (s: PersonState['staff']) => s.score;
  const compare = priorityComparator(ctx.rules.tieBreak, byScore);
  for (const [key, post] of ctx.posts) {
    const competitors = [...(byPost.get(key) ?? [])].sort((a, b) => compare(a.staff, b.staff));
    const exempt = state.exempt.get(key) ?? 0;
    const capacity = Math.max(0, post.posts - post.reserved - exempt);
    const hired = Math.min(capacity, competitors.length);
    const lastIn = hired > 0 ? competitors[hired - 1] : undefined;
    const cutoff = lastIn !== undefined && competitors.length > hired ? lastIn.staff.score : null;
    competitors.forEach((person, i) => {
      const rank = i + 1;
      person.round1 = { of: competitors.length, rank, schoolCode: post.schoolCode, subject: post.subject };
      const isHired = rank <= capacity;
      if (isHired) place(state, person, post.schoolCode, post.subject, 1);
      person.steps.push({
        cutoff,
        decidedBy:
          isHired || lastIn === undefined
            ? null
            : decidingKey(ctx.rules.tieBreak, byScore, lastIn.staff, person.staff),
        hired: isHired,
        kind: 'ranked',
        of: competitors.length,
        openPosts: capacity,
        rank,
        round: 1,
        schoolCode: post.schoolCode,
        score: person.staff.score,
        subject: post.subject,
      });
    });
    if (competitors.length > 0 || post.posts > 0) {
      out.round1Lists.push({
        candidates: competitors.map((p, i) => ({
          birthDate: p.staff.birthDate,
          hired: i < capacity,
          name: p.staff.name,
          rank: i + 1,
          score: p.staff.score,
          staffId: p.staff.id,
          title: p.staff.title,
          yearsOfService: p.staff.yearsOfService,
        })),
        capacity,
        cutoff,
        exempt,
        posts: post.posts,
        reserved: post.reserved,
        schoolCode: post.schoolCode,
        subject: post.subject,
      });
    }
  }
}
