import type { Rules, Staff, Stage } from './types';

/** School stages from lowest to highest. For certificates the kindergarten stands apart (see certCovers). */
const SCHOOL_LEVEL: Record<Stage, number> = { kindergarten: -1, primary: 0, middle: 1, high: 2 };

/**
 * A teacher's certificate covers its own stage and every lower one (high ≥ middle ≥ primary);
 * kindergarten posts need a kindergarten certificate, which covers nothing else.
 *
 * @example
 * certCovers('middle', 'primary'); // true
 * certCovers('high', 'kindergarten'); // false
 */
export function certCovers(cert: Stage, schoolStage: Stage): boolean {
  if (cert === 'kindergarten' || schoolStage === 'kindergarten') return cert === schoolStage;
  return SCHOOL_LEVEL[cert] >= SCHOOL_LEVEL[schoolStage];
}

/**
 * True when moving from `from` to `to` would go up a stage (forbidden in round 2 by `noUpwardMoves`).
 * For this the kindergarten is the lowest stage, below primary: 幼儿园 → 小学 is a move up.
 */
export function isUpwardMove(from: Stage, to: Stage): boolean {
  return SCHOOL_LEVEL[to] > SCHOOL_LEVEL[from];
}

/** Whole years of age on `asOf` (ISO dates compare as strings once the year is split off). */
export function ageOn(birthDate: string, asOf: string): number {
  const years = Number(asOf.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return asOf.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * Within `nearRetirementYears` of the statutory age on `asOf`, i.e. age ≥ retirementAge − window.
 *
 * @example
 * isNearRetirement({ gender: 'F', birthDate: '1968-03-01' }, DEFAULT_RULES); // true: 52 on 2020-08-01
 */
export function isNearRetirement(staff: Pick<Staff, 'gender' | 'birthDate'>, rules: Rules): boolean {
  const limit = rules.retirementAge[staff.gender] - rules.nearRetirementYears;
  return ageOn(staff.birthDate, rules.asOf) >= limit;
}
