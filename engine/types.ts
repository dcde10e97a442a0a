/**
 * The domain's vocabulary. Everything the engine takes and gives back is plain, JSON-serialisable data:
 * the loader at the edge (server/import) turns CSV files into a {@link Dataset}, and the engine never
 * sees a file, a clock or a random number.
 */

import type { DirectHireReason, IgnoredChoice, Step } from './steps';

export const STAGES = ['high', 'middle', 'primary', 'kindergarten'] as const;
export type Stage = (typeof STAGES)[number];

export const AREAS = ['urban', 'town', 'rural'] as const;
export type Area = (typeof AREAS)[number];

export const SCHOOL_STATUSES = ['open', 'merging'] as const;
export type SchoolStatus = (typeof SCHOOL_STATUSES)[number];

export const GENDERS = ['M', 'F'] as const;
export type Gender = (typeof GENDERS)[number];

/** Highest first: the order of the `title` tie-break. */
export const TITLES = ['senior_professor', 'senior', 'first', 'second', 'third', 'none'] as const;
export type Title = (typeof TITLES)[number];

export const EXEMPTIONS = ['secondment', 'pregnancy', 'illness', 'retirement', 'other'] as const;
export type Exemption = (typeof EXEMPTIONS)[number];

export const OUTCOMES = ['in_school', 'cross_school', 'administrative', 'resigned', 'standby'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * The camelCase key of each outcome in counts and shares (Summary, OutcomeCounts). An outcome added to
 * OUTCOMES without a key here fails to compile, and so does every table keyed by these (see engine/README.md).
 */
export const OUTCOME_KEYS = {
  in_school: 'inSchool',
  cross_school: 'crossSchool',
  administrative: 'administrative',
  resigned: 'resigned',
  standby: 'standby',
} as const satisfies Record<Outcome, string>;
export type OutcomeKey = (typeof OUTCOME_KEYS)[Outcome];

/** The rounds, in order. A post won in round r gives the outcome ROUND_OUTCOMES[r]. */
export const ROUND_NUMBERS = [1, 2, 3] as const;
export type RoundNumber = (typeof ROUND_NUMBERS)[number];
export const ROUND_OUTCOMES = {
  1: 'in_school',
  2: 'cross_school',
  3: 'administrative',
} as const satisfies Record<RoundNumber, Outcome>;

export interface School {
  readonly code: string;
  readonly name: string;
  readonly stage: Stage;
  readonly township: string;
  readonly area: Area;
  readonly status: SchoolStatus;
}

/** 岗位设置: one row per school and subject. */
export interface Post {
  readonly schoolCode: string;
  readonly subject: string;
  readonly posts: number;
  /** Posts held out of round 1 for round 2 (跨校预留). */
  readonly reserved: number;
}

export interface Staff {
  readonly id: string;
  readonly name: string;
  readonly gender: Gender;
  /** ISO date, YYYY-MM-DD. */
  readonly birthDate: string;
  readonly schoolCode: string;
  readonly subject: string;
  readonly certStage: Stage;
  readonly title: Title;
  readonly yearsOfService: number;
  /** 综合得分, 0–100, at most two decimals. */
  readonly score: number;
  readonly exemption: Exemption | null;
  /** 不得参聘原因; null when the person may compete. */
  readonly barred: string | null;
  readonly resigned: boolean;
  /**
   * School codes in order of preference, index i holding 志愿(i+1), as given: the engine filters and reports.
   * An empty string is a 志愿 left blank, kept so that the numbers stay those the person wrote.
   */
  readonly choices: readonly string[];
  readonly acceptsAdjustment: boolean;
  readonly homeTownship: string | null;
}

export interface Township {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
}

/** School-side selection (择优): a school with rows here accepts only these staff in round 2. */
export interface Application {
  readonly staffId: string;
  readonly schoolCode: string;
  readonly score: number;
}

export interface Dataset {
  readonly schools: readonly School[];
  readonly posts: readonly Post[];
  readonly staff: readonly Staff[];
  readonly townships: readonly Township[];
  readonly applications: readonly Application[];
}

export const TIE_BREAK_KEYS = ['score', 'title', 'years_of_service', 'birth_date', 'staff_id'] as const;
export type TieBreakKey = (typeof TIE_BREAK_KEYS)[number];

export const MECHANISMS = ['deferred_acceptance', 'serial_dictatorship'] as const;
export type Mechanism = (typeof MECHANISMS)[number];

export interface Rules {
  /** ISO date on which ages are reckoned. */
  readonly asOf: string;
  readonly retirementAge: { readonly M: number; readonly F: number };
  readonly nearRetirementYears: number;
  readonly crossSchool: {
    readonly mechanism: Mechanism;
    readonly maxChoices: number;
    readonly noUpwardMoves: boolean;
  };
  readonly administrative: {
    readonly allowCrossSubject: boolean;
    readonly crossSubjectPenaltyKm: number;
  };
  readonly tieBreak: readonly TieBreakKey[];
}

/** Where a person stood in one ranked list. */
export interface ListStanding {
  readonly schoolCode: string;
  readonly subject: string;
  /** 1-based rank among the list's candidates. */
  readonly rank: number;
  readonly of: number;
}

export interface Placement {
  readonly staffId: string;
  readonly name: string;
  readonly outcome: Outcome;
  /** School and subject of the post held after the run; null for resigned and standby. */
  readonly schoolCode: string | null;
  readonly subject: string | null;
  /** 1, 2 or 3 for a post won in that round (direct hires count as round 1); null otherwise. */
  readonly round: RoundNumber | null;
  readonly fromSchoolCode: string;
  /** Why the person was hired directly (直聘) instead of competing, when that applies. */
  readonly exemptReason: DirectHireReason | null;
  readonly round1: ListStanding | null;
  /** Standing at the school that took the person in round 2, or at the first choice otherwise. */
  readonly round2: ListStanding | null;
  /** The 志愿 number (1-based, as written) of the school obtained in round 2; null when not placed in round 2. */
  readonly choiceRank: number | null;
  /** Round 3 only: home → school great-circle km (plus the cross-subject penalty when it applied). */
  readonly distanceKm: number | null;
  /** What happened to the person, round by round, as data (engine/steps.ts); server/render/ words it. */
  readonly steps: readonly Step[];
}

export interface Round1Candidate {
  readonly staffId: string;
  readonly name: string;
  readonly rank: number;
  readonly score: number;
  readonly title: Title;
  readonly yearsOfService: number;
  readonly birthDate: string;
  readonly hired: boolean;
}

/** One school-subject competition of round 1, as a principal sees it. */
export interface Round1List {
  readonly schoolCode: string;
  readonly subject: string;
  readonly posts: number;
  readonly reserved: number;
  readonly exempt: number;
  /** Posts open to competition: posts − reserved − exempt, never below 0. */
  readonly capacity: number;
  /** Score of the last one hired, or null when nobody was hired or nobody lost. */
  readonly cutoff: number | null;
  readonly candidates: readonly Round1Candidate[];
}

export interface Round2Applicant {
  readonly staffId: string;
  readonly name: string;
  readonly rank: number;
  /** The score this school ranks by: its applications.csv score, else 综合得分. */
  readonly score: number;
  /** The applicant's 志愿 number for this school (1-based, as written). */
  readonly choiceRank: number;
  readonly admitted: boolean;
}

export interface Round2List {
  readonly schoolCode: string;
  readonly subject: string;
  /** Posts open at the start of round 2. */
  readonly vacancies: number;
  readonly applicants: readonly Round2Applicant[];
}

export interface SchoolSubjectReport {
  readonly subject: string;
  readonly posts: number;
  readonly reserved: number;
  readonly exempt: number;
  readonly round1: number;
  readonly round2: number;
  readonly round3: number;
  readonly vacancies: number;
}

export interface SchoolReport {
  readonly schoolCode: string;
  readonly name: string;
  readonly stage: Stage;
  readonly township: string;
  readonly status: SchoolStatus;
  readonly posts: number;
  /** Filled in round 1 (direct hires included), 2 and 3. */
  readonly round1: number;
  readonly round2: number;
  readonly round3: number;
  readonly vacancies: number;
  /** Own staff who hold a post elsewhere after the run. */
  readonly staffOut: number;
  /** Staff from other schools who hold a post here after the run. */
  readonly staffIn: number;
  readonly subjects: readonly SchoolSubjectReport[];
}

/** People per outcome, and in all. */
export type OutcomeCounts = { readonly total: number } & { readonly [K in OutcomeKey]: number };

/** Shares of the total in percent, one decimal, adding up to 100 (largest remainder, as the report prints). */
export type OutcomePercent = { readonly [K in OutcomeKey]: number };

export interface Summary extends OutcomeCounts {
  readonly percent: OutcomePercent;
  /** Counted by the stage of each person's own (original) school. */
  readonly byStage: readonly ({ readonly stage: Stage; readonly percent: OutcomePercent } & OutcomeCounts)[];
  /** Counted by each person's own (original) school, in school-code order. */
  readonly bySchool: readonly ({
    readonly schoolCode: string;
    readonly percent: OutcomePercent;
  } & OutcomeCounts)[];
}

export interface EnvyPair {
  readonly staffId: string;
  readonly schoolCode: string;
  readonly subject: string;
  /** The person the school took instead; null when the post was left empty (waste). */
  readonly displacedBy: string | null;
}

export interface Fairness {
  readonly justifiedEnvy: number;
  readonly wastefulness: number;
  readonly capacityViolations: number;
  readonly eligibilityViolations: number;
  /** Posts still empty after round 3. */
  readonly unfilledPosts: number;
  /** Direct hires beyond a school-subject's posts (reported, not forbidden). */
  readonly exemptOverflow: number;
  /** choiceRanks[k] = people placed in round 2 at their 志愿(k+1). */
  readonly choiceRanks: readonly number[];
  /** The offending pairs, for an auditor to read; empty when the run is fair. */
  readonly envyPairs: readonly EnvyPair[];
}

export const WARNING_CODES = [
  'CHOICE_BEYOND_MAX',
  'CHOICE_UNKNOWN_SCHOOL',
  'CHOICE_OWN_SCHOOL',
  'CHOICE_DUPLICATE',
  'CHOICE_INELIGIBLE',
  'CHOICE_NOT_SHORTLISTED',
  'HOME_TOWNSHIP_UNKNOWN',
  'EXEMPT_OVERFLOW',
  'EXEMPT_AT_MERGING_SCHOOL',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];
export type ChoiceWarningCode = Extract<WarningCode, `CHOICE_${string}`>;

/** Something a person should know about the run, as data: server/render/ words it. */
export type EngineWarning =
  /** A written 志愿 that round 2 did not consider (the same data is in the person's steps). */
  | {
      readonly code: ChoiceWarningCode;
      readonly staffId: string;
      readonly schoolCode: string;
      readonly ignored: IgnoredChoice;
    }
  /** A home township with no coordinates in townships.csv: round-3 distances from it count as 0. */
  | {
      readonly code: 'HOME_TOWNSHIP_UNKNOWN';
      readonly staffId: string;
      readonly schoolCode: null;
      readonly township: string;
    }
  /** More direct hires (直聘) than posts in a school's subject: hired all the same, reported. */
  | {
      readonly code: 'EXEMPT_OVERFLOW';
      readonly staffId: null;
      readonly schoolCode: string;
      readonly subject: string;
      readonly posts: number;
      readonly excess: number;
    }
  /** An exempt person whose own school is merging (撤并): no post to keep, so they go to round 2. */
  | {
      readonly code: 'EXEMPT_AT_MERGING_SCHOOL';
      readonly staffId: string;
      readonly schoolCode: string;
      readonly why: DirectHireReason;
    };

export interface AllocationResult {
  readonly engineVersion: string;
  /** SHA-256 of the canonical (dataset, rules). */
  readonly inputHash: string;
  /**
   * SHA-256 of the canonical decisions only (engine/decision-hash.ts): equal for two runs that placed everyone
   * the same, whatever their explanations say.
   */
  readonly decisionHash: string;
  /** SHA-256 of the canonical result body (everything here but outputHash itself). */
  readonly outputHash: string;
  readonly rules: Rules;
  readonly summary: Summary;
  /** Sorted by staffId. */
  readonly placements: readonly Placement[];
  /** Sorted by schoolCode. */
  readonly schools: readonly SchoolReport[];
  readonly round1Lists: readonly Round1List[];
  readonly round2Lists: readonly Round2List[];
  readonly fairness: Fairness;
  readonly warnings: readonly EngineWarning[];
}
