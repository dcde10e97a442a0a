import { type Context, place, postKey, type RunState, schoolName } from '../context';
import { ageOn, isNearRetirement } from '../eligibility';
import type { EngineWarning, Exemption } from '../types';

const EXEMPTION_LABEL: Record<Exemption, string> = {
  secondment: 'secondment (援派借调)',
  pregnancy: 'pregnancy or nursing (孕期哺乳期)',
  illness: 'serious illness (重大疾病)',
  retirement: 'near retirement (临近退休)',
  other: 'other exemption (其他)',
};

/**
 * Before round 1 (SPEC §3): resigned staff leave, barred staff wait on standby, exempt staff are hired
 * directly at their own school and use up one of its posts in their subject before anyone competes.
 * Returns the posts whose direct hires exceeded the posts, with the excess: reported, never refused.
 */
export function preRound(ctx: Context, state: RunState, warnings: EngineWarning[]): Map<string, number> {
  for (const person of state.people) {
    const s = person.staff;
    if (s.resigned) {
      person.outcome = 'resigned';
      person.steps.push('resigned (辞职) before round 1: leaves the process');
      continue;
    }
    if (s.barred !== null) {
      person.outcome = 'standby';
      person.steps.push(`barred from competing (不得参聘: ${s.barred}) → standby (待岗)`);
      continue;
    }
    const reason =
      s.exemption !== null
        ? EXEMPTION_LABEL[s.exemption]
        : isNearRetirement(s, ctx.rules)
          ? `near retirement: age ${ageOn(s.birthDate, ctx.rules.asOf)} on ${ctx.rules.asOf}, retires at ${ctx.rules.retirementAge[s.gender]}`
          : null;
    if (reason === null) continue;
    if (ctx.schools.get(s.schoolCode)?.status !== 'open') {
      warnings.push({
        code: 'EXEMPT_AT_MERGING_SCHOOL',
        message: `${s.id} is exempt (${reason}) but ${schoolName(ctx, s.schoolCode)} is merging and offers no posts: goes to round 2`,
        schoolCode: s.schoolCode,
        staffId: s.id,
      });
      person.steps.push(`exempt (${reason}) but own school is merging (撤并) → round 2`);
      continue;
    }
    person.exemptReason = reason;
    place(state, person, 'in_school', s.schoolCode, s.subject, 1);
    const key = postKey(s.schoolCode, s.subject);
    state.exempt.set(key, (state.exempt.get(key) ?? 0) + 1);
    person.steps.push(`direct hire (直聘) at ${schoolName(ctx, s.schoolCode)} in ${s.subject}: ${reason}`);
  }

  const overflow = new Map<string, number>();
  for (const [key, count] of state.exempt) {
    const posts = ctx.posts.get(key)?.posts ?? 0;
    if (count > posts) overflow.set(key, count - posts);
  }
  for (const [key, excess] of overflow) {
    const [schoolCode, subject] = key.split('\u0001') as [string, string];
    warnings.push({
      code: 'EXEMPT_OVERFLOW',
      message: `${schoolName(ctx, schoolCode)} ${subject}: ${excess} direct hire(s) beyond its ${ctx.posts.get(key)?.posts ?? 0} post(s)`,
      schoolCode,
      staffId: null,
    });
  }
  return overflow;
}
