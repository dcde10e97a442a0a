import { z } from 'zod';
import { DatasetIssueSchema, list } from './common';

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
  encoding: z
    .string()
    .describe(
      'How the file was read: utf-8, utf-8-bom, gb18030, utf-16le, utf-16be, or xlsx / xls for a workbook',
    ),
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
export const DatasetCreatedSchema = z.object({
  id: z.number().int(),
  counts: CountsSchema,
  warnings: list(DatasetIssueSchema).describe('Data accepted but worth a look (first 200)'),
  moreWarnings: z.number().int(),
});
