import type { Rules } from './types';

/**
 * The rules every run uses unless rules.json says otherwise (SPEC §2).
 *
 * @example
 * withDefaults({ crossSchool: { mechanism: 'serial_dictatorship' } }).crossSchool.maxChoices; // 5
 */
export const DEFAULT_RULES: Rules = {
  asOf: '2020-08-01',
  retirementAge: { M: 60, F: 55 },
  nearRetirementYears: 3,
  crossSchool: { mechanism: 'deferred_acceptance', maxChoices: 5, noUpwardMoves: false },
  administrative: { allowCrossSubject: false, crossSubjectPenaltyKm: 50 },
  tieBreak: ['score', 'title', 'years_of_service', 'birth_date', 'staff_id'],
};

/** A rules.json as written: every field optional, nested objects merged field by field. */
export interface PartialRules {
  readonly asOf?: string;
  readonly retirementAge?: Partial<Rules['retirementAge']>;
  readonly nearRetirementYears?: number;
  readonly crossSchool?: Partial<Rules['crossSchool']>;
  readonly administrative?: Partial<Rules['administrative']>;
  readonly tieBreak?: Rules['tieBreak'];
}

/** Fills every missing field of a partial rules object from {@link DEFAULT_RULES}. */
export function withDefaults(partial: PartialRules = {}): Rules {
  const d = DEFAULT_RULES;
  return {
    asOf: partial.asOf ?? d.asOf,
    retirementAge: { ...d.retirementAge, ...partial.retirementAge },
    nearRetirementYears: partial.nearRetirementYears ?? d.nearRetirementYears,
    crossSchool: { ...d.crossSchool, ...partial.crossSchool },
    administrative: { ...d.administrative, ...partial.administrative },
    tieBreak: partial.tieBreak ?? d.tieBreak,
  };
}
