import { type DirectHireReason, decisionHash, EXEMPTIONS, type Placement } from '../../engine';
import type { AllocationResult } from '../../engine/types';

/**
 * Runs stored by engine 1.0.0 (before explanations became data) hold English sentences where 1.1.0 holds
 * steps: `explanation` instead of `steps`, an `exemptReason` sentence, warnings with a `message`, and no
 * `decisionHash`. Runs are immutable, so they are read as they are and brought to the current shape here:
 * steps empty (the placements table keeps the old sentence, which the views then show), the exemption read
 * back from its sentence, the decision hash computed from the placements. Warnings keep their `message`,
 * which the run view shows as is.
 */
export function fromStoredResult(stored: AllocationResult): AllocationResult {
  if (stored.placements.every((p) => Array.isArray(p.steps))) return stored;
  const placements = stored.placements.map(
    (p): Placement => ({
      ...p,
      steps: Array.isArray(p.steps) ? p.steps : [],
      exemptReason: typeof p.exemptReason === 'string' ? legacyExemption(p.exemptReason) : p.exemptReason,
    }),
  );
  return { ...stored, placements, decisionHash: stored.decisionHash ?? decisionHash(placements) };
}

/** The Chinese terms 1.0.0 wrote, in EXEMPTIONS order. */
const LEGACY_TERMS = ['援派借调', '孕期哺乳期', '重大疾病', '临近退休', '其他'] as const;

/** "pregnancy or nursing (孕期哺乳期)", "near retirement: age 58 on 2020-08-01, retires at 60", … */
function legacyExemption(text: string): DirectHireReason {
  const near = /^near retirement: age (\d+) on (\S+), retires at (\d+)/.exec(text);
  if (near)
    return { age: Number(near[1]), asOf: near[2]!, kind: 'near_retirement', retirementAge: Number(near[3]) };
  // 1.0.0 wrote the exemption in English with the Chinese term in brackets, e.g. "secondment (援派借调)".
  const i = LEGACY_TERMS.findIndex((term) => text.includes(`(${term})`));
  return { exemption: EXEMPTIONS[i] ?? 'other', kind: 'exemption' };
}
