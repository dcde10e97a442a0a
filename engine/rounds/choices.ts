import { type Context, type PersonState, postKey } from '../context';
import { certCovers, isUpwardMove } from '../eligibility';
import type { IgnoredChoice, IgnoredReason } from '../steps';
import type { ChoiceWarningCode, EngineWarning } from '../types';

/** The warning code each reason for ignoring a 志愿 is reported under. */
const WARNING_OF = {
  beyond_max: 'CHOICE_BEYOND_MAX',
  duplicate: 'CHOICE_DUPLICATE',
  unknown_school: 'CHOICE_UNKNOWN_SCHOOL',
  own_school: 'CHOICE_OWN_SCHOOL',
  merging: 'CHOICE_INELIGIBLE',
  no_posts: 'CHOICE_INELIGIBLE',
  cert_not_covering: 'CHOICE_INELIGIBLE',
  upward_move: 'CHOICE_INELIGIBLE',
  not_shortlisted: 'CHOICE_NOT_SHORTLISTED',
} as const satisfies Record<IgnoredReason['reason'], ChoiceWarningCode>;

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
  const ignored: IgnoredChoice[] = [];
  s.choices.forEach((code, i) => {
    if (code === '') return;
    const why = whyDropped(ctx, person, code, i, seen);
    seen.add(code);
    if (why === null) {
      valid.push(code);
      return;
    }
    const choice: IgnoredChoice = { choice: i + 1, schoolCode: code, why };
    warnings.push({ code: WARNING_OF[why.reason], ignored: choice, schoolCode: code, staffId: s.id });
    ignored.push(choice);
  });
  if (ignored.length > 0) person.steps.push({ ignored, kind: 'choices_ignored', round: 2 });
  return valid;
}

function whyDropped(
  ctx: Context,
  person: PersonState,
  code: string,
  index: number,
  seen: ReadonlySet<string>,
): IgnoredReason | null {
  const s = person.staff;
  const { maxChoices, noUpwardMoves } = ctx.rules.crossSchool;
  const school = ctx.schools.get(code);
  const own = ctx.schools.get(s.schoolCode);
  if (index >= maxChoices) return { maxChoices, reason: 'beyond_max' };
  if (seen.has(code)) return { reason: 'duplicate' };
  if (school === undefined) return { reason: 'unknown_school' };
  if (code === s.schoolCode) return { reason: 'own_school' };
  if (school.status !== 'open') return { reason: 'merging' };
  if (!ctx.posts.has(postKey(code, s.subject))) return { reason: 'no_posts', subject: s.subject };
  if (!certCovers(s.certStage, school.stage)) {
    return { certStage: s.certStage, reason: 'cert_not_covering', stage: school.stage };
  }
  if (noUpwardMoves && own !== undefined && isUpwardMove(own.stage, school.stage)) {
    return { from: own.stage, reason: 'upward_move', to: school.stage };
  }
  const shortlist = ctx.applications.get(code);
  if (shortlist !== undefined && !shortlist.has(s.id)) return { reason: 'not_shortlisted' };
  return null;
}
