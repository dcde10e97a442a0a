import { z } from 'zod';
import {
  type DirectHireReason,
  type EngineWarning,
  EXEMPTIONS,
  type IgnoredReason,
  STAGES,
  type Step,
  TIE_BREAK_KEYS,
  WARNING_CODES,
} from '../../engine';
import { list } from './common';
import type { Assert, SameKeys } from './key-check';

/** Zod mirrors of engine/steps.ts: a person's explanation and the run's warnings as data. */

const stage = z.enum(STAGES);
const key = z.enum(TIE_BREAK_KEYS);

export const DirectHireReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('exemption'), exemption: z.enum(EXEMPTIONS) }),
  z.object({
    kind: z.literal('near_retirement'),
    age: z.number().int(),
    asOf: z.string(),
    retirementAge: z.number(),
  }),
]);

const unavailable = [
  z.object({ reason: z.literal('merging') }),
  z.object({ reason: z.literal('no_posts'), subject: z.string() }),
  z.object({ reason: z.literal('cert_not_covering'), certStage: stage, stage }),
] as const;
const Unavailable = z.discriminatedUnion('reason', [...unavailable]);

const IgnoredReasonSchema = z.discriminatedUnion('reason', [
  ...unavailable,
  z.object({ reason: z.literal('beyond_max'), maxChoices: z.number().int() }),
  z.object({ reason: z.literal('duplicate') }),
  z.object({ reason: z.literal('unknown_school') }),
  z.object({ reason: z.literal('own_school') }),
  z.object({ reason: z.literal('upward_move'), from: stage, to: stage }),
  z.object({ reason: z.literal('not_shortlisted') }),
]);

const IgnoredChoiceSchema = z.object({
  choice: z.number().int(),
  schoolCode: z.string(),
  why: IgnoredReasonSchema,
});

const choiceStanding = {
  choice: z.number().int().describe('The 志愿 number as written'),
  schoolCode: z.string(),
  subject: z.string(),
  vacancies: z.number().int(),
  rank: z.number().int(),
  of: z.number().int(),
  score: z.number().describe('As that school ranks: its applications score, else 综合得分'),
  scoreBasis: z.enum(['application', 'composite']),
  lastAdmitted: z.object({ staffId: z.string(), score: z.number() }).nullable(),
  decidedBy: key.nullable().describe('The first priority key on which the last admitted was ahead'),
};

export const StepSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('resigned'), round: z.literal(0) }),
    z.object({ kind: z.literal('barred'), round: z.literal(0), reason: z.string() }),
    z.object({
      kind: z.literal('direct_hire'),
      round: z.literal(0),
      schoolCode: z.string(),
      subject: z.string(),
      why: DirectHireReasonSchema,
    }),
    z.object({
      kind: z.literal('exempt_at_merging_school'),
      round: z.literal(0),
      schoolCode: z.string(),
      why: DirectHireReasonSchema,
    }),
    z.object({
      kind: z.literal('not_ranked'),
      round: z.literal(1),
      schoolCode: z.string(),
      why: Unavailable,
    }),
    z.object({
      kind: z.literal('ranked'),
      round: z.literal(1),
      schoolCode: z.string(),
      subject: z.string(),
      rank: z.number().int(),
      of: z.number().int(),
      openPosts: z.number().int(),
      score: z.number(),
      cutoff: z.number().nullable(),
      hired: z.boolean(),
      decidedBy: key.nullable(),
    }),
    z.object({ kind: z.literal('choices_ignored'), round: z.literal(2), ignored: list(IgnoredChoiceSchema) }),
    z.object({ kind: z.literal('no_valid_choice'), round: z.literal(2) }),
    z.object({ kind: z.literal('not_higher'), round: z.literal(2), ...choiceStanding }),
    z.object({ kind: z.literal('admitted'), round: z.literal(2), ...choiceStanding }),
    z.object({ kind: z.literal('not_admitted'), round: z.literal(2) }),
    z.object({ kind: z.literal('refuses_adjustment'), round: z.literal(3) }),
    z.object({
      kind: z.literal('assigned'),
      round: z.literal(3),
      schoolCode: z.string(),
      subject: z.string(),
      distanceKm: z.number(),
      penaltyKm: z.number(),
      homeTownship: z.string().nullable(),
    }),
    z.object({
      kind: z.literal('no_vacancy'),
      round: z.literal(3),
      subject: z.string(),
      certStage: stage,
      vacancies: z.number().int(),
    }),
  ])
  .meta({ id: 'ExplanationStep' });

const choiceCodes = WARNING_CODES.filter((c) => c.startsWith('CHOICE_')) as [
  Extract<EngineWarning['code'], `CHOICE_${string}`>,
  ...Extract<EngineWarning['code'], `CHOICE_${string}`>[],
];

/** A warning as data, with `message`: the same in words, in the reader's language. */
export const WarningSchema = z
  .union([
    z.object({
      code: z.enum(choiceCodes),
      staffId: z.string(),
      schoolCode: z.string(),
      ignored: IgnoredChoiceSchema,
      message: z.string(),
    }),
    z.object({
      code: z.literal('HOME_TOWNSHIP_UNKNOWN'),
      staffId: z.string(),
      schoolCode: z.null(),
      township: z.string(),
      message: z.string(),
    }),
    z.object({
      code: z.literal('EXEMPT_OVERFLOW'),
      staffId: z.null(),
      schoolCode: z.string(),
      subject: z.string(),
      posts: z.number().int(),
      excess: z.number().int(),
      message: z.string(),
    }),
    z.object({
      code: z.literal('EXEMPT_AT_MERGING_SCHOOL'),
      staffId: z.string(),
      schoolCode: z.string(),
      why: DirectHireReasonSchema,
      message: z.string(),
    }),
  ])
  .meta({ id: 'RunWarning' });

/** Compile-time: each schema has exactly the keys of the engine type it mirrors (see key-check.ts). */
export type StepSchemaKeys = Assert<SameKeys<z.output<typeof StepSchema>, Step>>;
export type DirectHireReasonKeys = Assert<
  SameKeys<z.output<typeof DirectHireReasonSchema>, DirectHireReason>
>;
export type IgnoredReasonKeys = Assert<SameKeys<z.output<typeof IgnoredReasonSchema>, IgnoredReason>>;
export type WarningSchemaKeys = Assert<
  SameKeys<z.output<typeof WarningSchema>, EngineWarning & { message: string }>
>;
