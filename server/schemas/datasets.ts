import { z } from 'zod';
import { list } from './common';

export const CountsSchema = z.object({
  schools: z.number().int(),
  posts: z.number().int(),
  staff: z.number().int(),
  townships: z.number().int(),
  applications: z.number().int(),
});

export const DatasetFileSchema = z.object({
  kind: z.string(),
  fileName: z.string(),
  sha256: z.string().describe('SHA-256 of the bytes exactly as uploaded'),
  bytes: z.number().int(),
  rows: z.number().int(),
  encoding: z.string().describe('Detected encoding: utf-8, utf-8-bom or gb18030'),
});

export const DatasetSummarySchema = z
  .object({
    id: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string(),
    label: z.string().nullable(),
    counts: CountsSchema,
  })
  .meta({ id: 'Dataset' });

export const DatasetDetailSchema = DatasetSummarySchema.extend({ files: list(DatasetFileSchema) });
export const DatasetCreatedSchema = z.object({ id: z.number().int(), counts: CountsSchema });
