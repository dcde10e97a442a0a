import { z } from 'zod';
import { OUTCOMES } from '../../engine/types';
import { LANGS } from '../i18n/lang';
import { list } from './common';
import {
  OutcomeSchema,
  PlacementSchema,
  Round1CandidateSchema,
  Round2ApplicantSchema,
  SchoolReportSchema,
} from './engine-results';
import { LangQuery } from './lang';
import { DirectHireReasonSchema, StepSchema } from './steps';

export const PlacementsQuery = LangQuery.extend({
  school: z.string().min(1).optional().describe('Only people placed at this school'),
  outcome: z.enum(OUTCOMES).optional(),
  format: z
    .enum(['json', 'csv', 'xlsx'])
    .default('json')
    .describe(
      'csv: the 公示 list, UTF-8 with BOM; xlsx: the same as a workbook (county sheet and one per school); both in Chinese',
    ),
});

export const PlacementRowSchema = z.object({
  staffId: z.string(),
  name: z.string(),
  outcome: OutcomeSchema,
  schoolCode: z.string().nullable(),
  schoolName: z.string().nullable(),
  subject: z.string().nullable(),
  round: z.number().int().nullable(),
  fromSchoolCode: z.string(),
  fromSchoolName: z.string(),
  choiceRank: z.number().int().nullable(),
  distanceKm: z.number().nullable(),
  explanation: z.string().describe('The steps in words (?lang= / Accept-Language)'),
  steps: list(StepSchema).nullable().describe('The explanation as data; null in runs of engines < 1.1.0'),
});

export const PlacementListSchema = z.object({
  runId: z.number().int(),
  count: z.number().int(),
  placements: list(PlacementRowSchema),
});

const Mover = z.object({
  staffId: z.string(),
  name: z.string(),
  outcome: OutcomeSchema,
  subject: z.string().nullable(),
  round: z.number().int().nullable(),
  schoolCode: z.string().nullable(),
  schoolName: z.string().nullable(),
});

export const CandidatesSchema = z
  .object({
    runId: z.number().int(),
    school: SchoolReportSchema,
    subjects: list(
      z.object({
        subject: z.string(),
        posts: z.number().int(),
        reserved: z.number().int(),
        exempt: z.number().int(),
        directHires: list(
          z.object({
            staffId: z.string(),
            name: z.string(),
            why: DirectHireReasonSchema,
            reason: z.string().describe('`why` in words'),
          }),
        ),
        capacity: z.number().int(),
        cutoff: z.number().nullable(),
        round1: list(Round1CandidateSchema),
        round2: z.object({ vacancies: z.number().int(), applicants: list(Round2ApplicantSchema) }).nullable(),
      }),
    ),
    left: list(Mover).describe('Own staff who hold no post here after the run; schoolCode = where they went'),
    arrived: list(Mover).describe('Staff of other schools placed here; schoolCode = where they came from'),
  })
  .meta({ id: 'SchoolCandidates' });

export const ExplanationSchema = z.object({
  runId: z.number().int(),
  placement: PlacementSchema,
  schoolName: z.string().nullable(),
  fromSchoolName: z.string().nullable(),
  lang: z.enum(LANGS),
  explanation: list(z.string()).describe(
    'The steps in words, one line each, headed by the round; for every 志愿 above the one obtained, why not there',
  ),
});
