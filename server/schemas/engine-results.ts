import { z } from 'zod';
import {
  type Fairness,
  OUTCOMES,
  type Placement,
  type Round1Candidate,
  type Round2Applicant,
  SCHOOL_STATUSES,
  type SchoolReport,
  STAGES,
  type Summary,
  TITLES,
} from '../../engine/types';
import { list } from './common';
import type { Assert, SameKeys } from './key-check';
import { DirectHireReasonSchema, StepSchema } from './steps';

/** Zod mirrors of the engine's result types (engine/types.ts), for response validation and OpenAPI. */

const OutcomeCounts = {
  total: z.number().int(),
  inSchool: z.number().int(),
  crossSchool: z.number().int(),
  administrative: z.number().int(),
  resigned: z.number().int(),
  standby: z.number().int(),
};

export const OutcomeSchema = z.enum(OUTCOMES);

const OutcomePercent = z.object({
  inSchool: z.number(),
  crossSchool: z.number(),
  administrative: z.number(),
  resigned: z.number(),
  standby: z.number(),
});

export const SummarySchema = z
  .object({
    ...OutcomeCounts,
    percent: OutcomePercent,
    byStage: list(z.object({ stage: z.enum(STAGES), ...OutcomeCounts, percent: OutcomePercent })),
    bySchool: list(z.object({ schoolCode: z.string(), ...OutcomeCounts, percent: OutcomePercent })),
  })
  .meta({ id: 'Summary' });

export const FairnessSchema = z
  .object({
    justifiedEnvy: z.number().int(),
    wastefulness: z.number().int(),
    capacityViolations: z.number().int(),
    eligibilityViolations: z.number().int(),
    unfilledPosts: z.number().int(),
    exemptOverflow: z.number().int(),
    choiceRanks: list(z.number().int()),
    envyPairs: list(
      z.object({
        staffId: z.string(),
        schoolCode: z.string(),
        subject: z.string(),
        displacedBy: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'Fairness' });

const SubjectReport = z.object({
  subject: z.string(),
  posts: z.number().int(),
  reserved: z.number().int(),
  exempt: z.number().int(),
  round1: z.number().int(),
  round2: z.number().int(),
  round3: z.number().int(),
  vacancies: z.number().int(),
});

export const SchoolReportSchema = z
  .object({
    schoolCode: z.string(),
    name: z.string(),
    stage: z.enum(STAGES),
    township: z.string(),
    status: z.enum(SCHOOL_STATUSES),
    posts: z.number().int(),
    round1: z.number().int(),
    round2: z.number().int(),
    round3: z.number().int(),
    vacancies: z.number().int(),
    staffOut: z.number().int(),
    staffIn: z.number().int(),
    subjects: list(SubjectReport),
  })
  .meta({ id: 'SchoolReport' });

export const ListStandingSchema = z.object({
  schoolCode: z.string(),
  subject: z.string(),
  rank: z.number().int(),
  of: z.number().int(),
});

export const PlacementSchema = z
  .object({
    staffId: z.string(),
    name: z.string(),
    outcome: OutcomeSchema,
    schoolCode: z.string().nullable(),
    subject: z.string().nullable(),
    round: z.number().int().nullable(),
    fromSchoolCode: z.string(),
    exemptReason: DirectHireReasonSchema.nullable(),
    round1: ListStandingSchema.nullable(),
    round2: ListStandingSchema.nullable(),
    choiceRank: z.number().int().nullable(),
    distanceKm: z.number().nullable(),
    steps: list(StepSchema).describe('The explanation as data, round by round (engine/steps.ts)'),
  })
  .meta({ id: 'Placement' });

export const Round1CandidateSchema = z.object({
  staffId: z.string(),
  name: z.string(),
  rank: z.number().int(),
  score: z.number(),
  title: z.enum(TITLES),
  yearsOfService: z.number().int(),
  birthDate: z.string(),
  hired: z.boolean(),
});

export const Round2ApplicantSchema = z.object({
  staffId: z.string(),
  name: z.string(),
  rank: z.number().int(),
  score: z.number(),
  choiceRank: z.number().int(),
  admitted: z.boolean(),
});

/** Compile-time: each schema has exactly the keys of the engine type it mirrors (see key-check.ts). */
export type PlacementKeys = Assert<SameKeys<z.output<typeof PlacementSchema>, Placement>>;
export type SummaryKeys = Assert<SameKeys<z.output<typeof SummarySchema>, Summary>>;
export type SummaryRowKeys = Assert<
  SameKeys<z.output<typeof SummarySchema>['byStage'][number], Summary['byStage'][number]>
>;
export type PercentKeys = Assert<SameKeys<z.output<typeof OutcomePercent>, Summary['percent']>>;
export type FairnessKeys = Assert<SameKeys<z.output<typeof FairnessSchema>, Fairness>>;
export type SchoolReportKeys = Assert<SameKeys<z.output<typeof SchoolReportSchema>, SchoolReport>>;
export type Round1CandidateKeys = Assert<SameKeys<z.output<typeof Round1CandidateSchema>, Round1Candidate>>;
export type Round2ApplicantKeys = Assert<SameKeys<z.output<typeof Round2ApplicantSchema>, Round2Applicant>>;
