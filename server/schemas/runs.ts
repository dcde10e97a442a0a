import { z } from 'zod';
import { AREAS, MECHANISMS, type Rules, TIE_BREAK_KEYS } from '../../engine/types';
import { list } from './common';
import { FairnessSchema, OutcomeSchema, SchoolReportSchema, SummarySchema } from './engine-results';
import type { Assert, SameKeys } from './key-check';
import { WarningSchema } from './steps';

export const RulesSchema = z
  .object({
    asOf: z.string(),
    retirementAge: z.object({ M: z.number(), F: z.number() }),
    nearRetirementYears: z.number(),
    crossSchool: z.object({
      mechanism: z.enum(MECHANISMS),
      maxChoices: z.number().int(),
      noUpwardMoves: z.boolean(),
    }),
    administrative: z.object({ allowCrossSubject: z.boolean(), crossSubjectPenaltyKm: z.number() }),
    tieBreak: list(z.enum(TIE_BREAK_KEYS)),
  })
  .meta({ id: 'Rules' });

/** Compile-time: the schema has exactly the keys of the engine's Rules, at every level (see key-check.ts). */
type R = z.output<typeof RulesSchema>;
export type RulesKeys = Assert<SameKeys<R, Rules>>;
export type RulesNestedKeys = Assert<
  SameKeys<
    [R['retirementAge'], R['crossSchool'], R['administrative']],
    [Rules['retirementAge'], Rules['crossSchool'], Rules['administrative']]
  >
>;

export const CreateRunBody = z.strictObject({
  datasetId: z.number().int().positive(),
  rules: z
    .record(z.string(), z.unknown())
    .optional()
    .describe(
      'Fields laid over the dataset’s own rules, e.g. { "crossSchool": { "mechanism": "serial_dictatorship" } }',
    ),
});

const RunHeader = {
  id: z.number().int(),
  datasetId: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  engineVersion: z.string(),
  inputHash: z.string(),
  outputHash: z.string(),
  decisionHash: z
    .string()
    .nullable()
    .describe('SHA-256 of the decisions only; null for runs of engines < 1.1.0'),
};

export const RunCreatedSchema = z.object({ ...RunHeader, summary: SummarySchema, fairness: FairnessSchema });
export const RunListItemSchema = z.object({ ...RunHeader, summary: SummarySchema });

export const RunDetailSchema = z
  .object({
    ...RunHeader,
    rules: RulesSchema,
    summary: SummarySchema,
    fairness: FairnessSchema,
    schools: list(SchoolReportSchema).describe('A principal sees only their own school'),
    areas: z
      .record(z.string(), z.enum(AREAS))
      .describe('城乡类别 of each school in `schools`, by school code (for urban/rural flows)'),
    warnings: list(WarningSchema),
  })
  .meta({ id: 'Run' });

export const ReplaySchema = z.object({
  identical: z.boolean().describe('true when the replay gives the stored input and output hashes'),
  decisionsIdentical: z
    .boolean()
    .describe('true when everyone is placed as in the stored run (decisionHash)'),
  presentationDiffers: z
    .boolean()
    .describe('true when the decisions are identical but the output is not (another engine version)'),
  verdict: z.string().describe('The finding in words, in the reader’s language'),
  engineVersion: z.string(),
  replayEngineVersion: z.string(),
  inputHash: z.string(),
  replayInputHash: z.string(),
  outputHash: z.string(),
  replayOutputHash: z.string(),
  decisionHash: z.string(),
  replayDecisionHash: z.string(),
});

const PersonState = z.object({
  outcome: OutcomeSchema,
  schoolCode: z.string().nullable(),
  subject: z.string().nullable(),
  round: z.number().int().nullable(),
});
const SchoolFigures = z.object({
  posts: z.number().int(),
  round1: z.number().int(),
  round2: z.number().int(),
  round3: z.number().int(),
  vacancies: z.number().int(),
  staffOut: z.number().int(),
  staffIn: z.number().int(),
});

export const DiffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  people: list(
    z.object({
      staffId: z.string(),
      name: z.string(),
      before: PersonState.nullable(),
      after: PersonState.nullable(),
    }),
  ),
  schools: list(
    z.object({
      schoolCode: z.string(),
      name: z.string(),
      before: SchoolFigures.nullable(),
      after: SchoolFigures.nullable(),
      gained: list(z.string()),
      lost: list(z.string()),
    }),
  ),
});
