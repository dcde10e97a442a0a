import {
  type Context,
  fmtScore,
  type PersonState,
  place,
  postKey,
  type RunState,
  schoolName,
} from '../context';
import { certCovers } from '../eligibility';
import { sortByPriority } from '../priority';
import type { Round1List } from '../types';

/**
 * Round 1 (校内竞聘): per open school and subject, the school's own staff in priority order fill
 * posts − reserved − direct hires. Everyone else still without a post goes on to round 2, with the
 * reason written into their explanation.
 */
export function inSchoolRound(ctx: Context, state: RunState): Round1List[] {
  const byPost = new Map<string, PersonState[]>();
  for (const person of state.people) {
    if (person.outcome !== null) continue;
    const s = person.staff;
    const school = ctx.schools.get(s.schoolCode);
    const key = postKey(s.schoolCode, s.subject);
    if (school?.status !== 'open') {
      person.steps.push(`round 1: own school ${schoolName(ctx, s.schoolCode)} is merging (撤并) → round 2`);
    } else if (!ctx.posts.has(key)) {
      person.steps.push(`round 1: ${school.name} has no ${s.subject} posts → round 2`);
    } else if (!certCovers(s.certStage, school.stage)) {
      person.steps.push(
        `round 1: a ${s.certStage} certificate does not cover ${school.name} (${school.stage}) → round 2`,
      );
    } else {
      const list = byPost.get(key) ?? [];
      list.push(person);
      byPost.set(key, list);
    }
  }

  const lists: Round1List[] = [];
  for (const [key, post] of ctx.posts) {
    const competitors = sortByPriority(ctx.priority, [...(byPost.get(key) ?? [])], (p) => p.index, null);
    const exempt = state.exempt.get(key) ?? 0;
    const capacity = Math.max(0, post.posts - post.reserved - exempt);
    const hired = Math.min(capacity, competitors.length);
    const lastIn = hired > 0 ? competitors[hired - 1] : undefined;
    const cutoff = lastIn !== undefined && competitors.length > hired ? lastIn.staff.score : null;
    const name = schoolName(ctx, post.schoolCode);
    competitors.forEach((person, i) => {
      const rank = i + 1;
      person.round1 = { of: competitors.length, rank, schoolCode: post.schoolCode, subject: post.subject };
      const where = `round 1: ${post.subject} at ${name}, rank ${rank} of ${competitors.length} for ${capacity} open ${capacity === 1 ? 'post' : 'posts'}`;
      if (rank <= capacity) {
        place(state, person, 'in_school', post.schoolCode, post.subject, 1);
        person.steps.push(`${where} → hired (校内竞聘)`);
      } else if (lastIn !== undefined) {
        const cut = fmtScore(lastIn.staff.score);
        const why =
          lastIn.staff.score === person.staff.score
            ? `tied with the cut-off ${cut}, behind on the tie-break (${ctx.rules.tieBreak.join(' > ')})`
            : `cut-off ${cut} > ${fmtScore(person.staff.score)}`;
        person.steps.push(`${where}, ${why} → round 2`);
      } else {
        person.steps.push(`${where} → round 2`);
      }
    });
    if (competitors.length > 0 || post.posts > 0) {
      lists.push({
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
  return lists;
}
