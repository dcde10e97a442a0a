import { type Context, type PersonState, postKey, schoolName } from '../context';
import { certCovers, isUpwardMove } from '../eligibility';
import type { EngineWarning, WarningCode } from '../types';

/**
 * The round-2 choices that count, in the person's order: the first `maxChoices`, naming a known open
 * school other than their own, with posts in their subject, a certificate that covers its stage, no
 * upward move when the rules forbid it, and on its shortlist when the school made one. Every choice
 * dropped is reported, so a person can see why a wish was not considered.
 */
export function validChoices(ctx: Context, person: PersonState, warnings: EngineWarning[]): string[] {
  const s = person.staff;
  const seen = new Set<string>();
  const valid: string[] = [];
  const ignored: string[] = [];
  s.choices.forEach((code, i) => {
    if (code === '') return;
    const dropped = whyDropped(ctx, person, code, i, seen);
    seen.add(code);
    if (dropped === null) {
      valid.push(code);
      return;
    }
    warnings.push({
      code: dropped[0],
      message: `${s.id} 志愿${i + 1} ${code}: ${dropped[1]}`,
      schoolCode: code,
      staffId: s.id,
    });
    ignored.push(`志愿${i + 1} ${schoolName(ctx, code)} (${dropped[1]})`);
  });
  if (ignored.length > 0) person.steps.push(`round 2: ignored ${ignored.join(', ')}`);
  return valid;
}

function whyDropped(
  ctx: Context,
  person: PersonState,
  code: string,
  index: number,
  seen: ReadonlySet<string>,
): [WarningCode, string] | null {
  const s = person.staff;
  const { maxChoices, noUpwardMoves } = ctx.rules.crossSchool;
  const school = ctx.schools.get(code);
  const own = ctx.schools.get(s.schoolCode);
  if (index >= maxChoices) return ['CHOICE_BEYOND_MAX', `beyond the ${maxChoices} choices allowed`];
  if (seen.has(code)) return ['CHOICE_DUPLICATE', 'listed more than once'];
  if (school === undefined) return ['CHOICE_UNKNOWN_SCHOOL', 'no such school'];
  if (code === s.schoolCode) return ['CHOICE_OWN_SCHOOL', 'own school (round 2 is across schools)'];
  if (school.status !== 'open') return ['CHOICE_INELIGIBLE', `${school.name} is merging`];
  if (!ctx.posts.has(postKey(code, s.subject)))
    return ['CHOICE_INELIGIBLE', `${school.name} has no ${s.subject} posts`];
  if (!certCovers(s.certStage, school.stage)) {
    return ['CHOICE_INELIGIBLE', `a ${s.certStage} certificate does not cover ${school.stage}`];
  }
  if (noUpwardMoves && own !== undefined && isUpwardMove(own.stage, school.stage)) {
    return ['CHOICE_INELIGIBLE', `upward move ${own.stage} → ${school.stage} not allowed`];
  }
  const shortlist = ctx.applications.get(code);
  if (shortlist !== undefined && !shortlist.has(s.id)) {
    return ['CHOICE_NOT_SHORTLISTED', `not on ${schoolName(ctx, code)}'s shortlist (applications.csv)`];
  }
  return null;
}
