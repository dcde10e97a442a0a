import { type Context, place, postKey, type RunState } from '../context';
import { ageOn, isNearRetirement } from '../eligibility';
import type { DirectHireReason } from '../steps';
import type { EngineWarning } from '../types';
import type { RoundOutput } from './round';

/**
 * Before round 1 (SPEC §3): resigned staff leave, barred staff wait on standby, exempt staff are hired
 * directly at their own school and use up one of its posts in their subject before anyone competes.
 * Direct hires beyond a school-subject's posts are reported (EXEMPT_OVERFLOW), never refused.
 */
export function preRound(ctx: Context, state: RunState, out: RoundOutput): void {
  for (const person of state.people) {
    const s = person.staff;
    if (s.resigned) {
      person.outcome = 'resigned';
      person.steps.push({ kind: 'resigned', round: 0 });
      continue;
    }
    if (s.barred !== null) {
      person.outcome = 'standby';
      person.steps.push({ kind: 'barred', reason: s.barred, round: 0 });
      continue;
    }
    const why: DirectHireReason | null =
      s.exemption !== null
        ? { exemption: s.exemption, kind: 'exemption' }
        : isNearRetirement(s, ctx.rules)
          ? {
              age: ageOn(s.birthDate, ctx.rules.asOf),
              asOf: ctx.rules.asOf,
              kind: 'near_retirement',
              retirementAge: ctx.rules.retirementAge[s.gender],
            }
          : null;
    if (why === null) continue;
    if (ctx.schools.get(s.schoolCode)?.status !== 'open') {
      out.warnings.push({ code: 'EXEMPT_AT_MERGING_SCHOOL', schoolCode: s.schoolCode, staffId: s.id, why });
      person.steps.push({ kind: 'exempt_at_merging_school', round: 0, schoolCode: s.schoolCode, why });
      continue;
    }
    person.exemptReason = why;
    place(state, person, s.schoolCode, s.subject, 1);
    const key = postKey(s.schoolCode, s.subject);
    state.exempt.set(key, (state.exempt.get(key) ?? 0) + 1);
    person.steps.push({ kind: 'direct_hire', round: 0, schoolCode: s.schoolCode, subject: s.subject, why });
  }

  for (const [key, count] of state.exempt) {
    const posts = ctx.posts.get(key)?.posts ?? 0;
    if (count <= posts) continue;
    const [schoolCode, subject] = key.split('\u0001') as [string, string];
    const warning: EngineWarning = {
      code: 'EXEMPT_OVERFLOW',
      excess: count - posts,
      posts,
      schoolCode,
      staffId: null,
      subject,
    };
    out.warnings.push(warning);
  }
}
