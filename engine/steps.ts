/**
 * A person's explanation as data: what each round did with them, in the order it happened. No step holds a
 * sentence; server/render/ turns steps into the words a 公示 uses (Chinese) or English. Wording can then
 * change without touching the engine's output or its hashes.
 *
 * Every step has a `kind` (the discriminant) and the `round` it belongs to: 0 for what happens before
 * round 1 (resignation, 不得参聘, 直聘), then 1, 2, 3.
 */
import type { Exemption, Stage, TieBreakKey } from './types';

/** Why a person was hired directly (直聘) at their own school before round 1. */
export type DirectHireReason =
  | { readonly kind: 'exemption'; readonly exemption: Exemption }
  /** Within nearRetirementYears of the retirement age: `age` on `asOf`, retiring at `retirementAge`. */
  | {
      readonly kind: 'near_retirement';
      readonly age: number;
      readonly asOf: string;
      readonly retirementAge: number;
    };

/** Why a school could not take a person: shared by round 1 (own school) and round 2 (a 志愿). */
export type Unavailable =
  | { readonly reason: 'merging' }
  | { readonly reason: 'no_posts'; readonly subject: string }
  | { readonly reason: 'cert_not_covering'; readonly certStage: Stage; readonly stage: Stage };

/** Why a written 志愿 was not considered in round 2. */
export type IgnoredReason =
  | Unavailable
  | { readonly reason: 'beyond_max'; readonly maxChoices: number }
  | { readonly reason: 'duplicate' }
  | { readonly reason: 'unknown_school' }
  | { readonly reason: 'own_school' }
  | { readonly reason: 'upward_move'; readonly from: Stage; readonly to: Stage }
  | { readonly reason: 'not_shortlisted' };

export interface IgnoredChoice {
  /** The 志愿 number as written (1-based). */
  readonly choice: number;
  readonly schoolCode: string;
  readonly why: IgnoredReason;
}

/**
 * Where a person stood at one 志愿 in round 2, against the last person that school admitted.
 * Scores are those the school ranked by: its applications.csv score, else 综合得分.
 */
export interface ChoiceStanding {
  /** The 志愿 number as written (1-based). */
  readonly choice: number;
  readonly schoolCode: string;
  readonly subject: string;
  /** Posts of the subject open there at the start of round 2. */
  readonly vacancies: number;
  readonly rank: number;
  readonly of: number;
  readonly score: number;
  /** What `score` and `lastAdmitted.score` are: the school's applications.csv score, or 综合得分. */
  readonly scoreBasis: 'application' | 'composite';
  /** The lowest-ranked person the school admitted in round 2; null when it admitted nobody. */
  readonly lastAdmitted: { readonly staffId: string; readonly score: number } | null;
  /**
   * When the person ranks behind `lastAdmitted`, the first priority key on which they differ ('score', or
   * the tie-break key that decided); null otherwise.
   */
  readonly decidedBy: TieBreakKey | null;
}

export type Step =
  | { readonly kind: 'resigned'; readonly round: 0 }
  | { readonly kind: 'barred'; readonly round: 0; readonly reason: string }
  | {
      readonly kind: 'direct_hire';
      readonly round: 0;
      readonly schoolCode: string;
      readonly subject: string;
      readonly why: DirectHireReason;
    }
  | {
      readonly kind: 'exempt_at_merging_school';
      readonly round: 0;
      readonly schoolCode: string;
      readonly why: DirectHireReason;
    }
  /** Round 1 did not rank the person at their own school. */
  | { readonly kind: 'not_ranked'; readonly round: 1; readonly schoolCode: string; readonly why: Unavailable }
  | {
      readonly kind: 'ranked';
      readonly round: 1;
      readonly schoolCode: string;
      readonly subject: string;
      readonly rank: number;
      readonly of: number;
      /** Posts open to competition: posts − reserved − direct hires. */
      readonly openPosts: number;
      readonly score: number;
      /** Score of the last person hired, when someone was left out; null otherwise. */
      readonly cutoff: number | null;
      readonly hired: boolean;
      /** For someone left out: the first priority key on which the last person hired was ahead. */
      readonly decidedBy: TieBreakKey | null;
    }
  | { readonly kind: 'choices_ignored'; readonly round: 2; readonly ignored: readonly IgnoredChoice[] }
  | { readonly kind: 'no_valid_choice'; readonly round: 2 }
  /** One 志愿 above the one obtained (every valid 志愿 for someone not placed in round 2): why not there. */
  | ({ readonly kind: 'not_higher'; readonly round: 2 } & ChoiceStanding)
  | ({ readonly kind: 'admitted'; readonly round: 2 } & ChoiceStanding)
  | { readonly kind: 'not_admitted'; readonly round: 2 }
  | { readonly kind: 'refuses_adjustment'; readonly round: 3 }
  | {
      readonly kind: 'assigned';
      readonly round: 3;
      readonly schoolCode: string;
      readonly subject: string;
      /** Great-circle km from the home township to the school's (0 when either is unknown). */
      readonly distanceKm: number;
      /** The cross-subject penalty added to the distance; 0 in the person's own subject. */
      readonly penaltyKm: number;
      readonly homeTownship: string | null;
    }
  | {
      readonly kind: 'no_vacancy';
      readonly round: 3;
      readonly subject: string;
      readonly certStage: Stage;
      /**
       * Vacancies the person could have filled; 0 means none existed, more means they went to others under
       * the optimal assignment (most placed, then least total distance).
       */
      readonly vacancies: number;
    };
