import { z } from 'zod';
import { OUTCOMES } from '../../engine/types';
import { LangField, list } from './common';
import {
  OutcomeSchema,
  PlacementSchema,
  Round1CandidateSchema,
  Round2ApplicantSchema,
  SchoolReportSchema,
} from './engine-results';

export const PlacementsQuery = z.strictObject({
  lang: LangField,
  school: z.string().min(1).optional().describe('Only people placed at this school'),
  outcome: z.enum(OUTCOMES).optional(),
  format: z
    .enum(['json', 'csv', 'xlsx'])
    .default('json')
    .describe(
      'csv: the 公示 list, UTF-8 with BOM; xlsx: the same as a workbook (county sheet and one per school)',
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
  explanation: z.string(),
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
        directHires: list(z.object({ staffId: z.string(), name: z.string(), reason: z.string() })),
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
});
