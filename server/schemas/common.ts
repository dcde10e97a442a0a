import { z } from 'zod';

/**
 * A response array. Readonly because the engine's result types are (the handlers return them as they are);
 * in OpenAPI it only adds readOnly, which suits response-only data.
 */
export const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

/** A problem with an uploaded dataset, where the clerk can find it in the spreadsheet. */
export const DatasetIssueSchema = z.object({
  code: z.string().describe('Stable code of the problem or warning, e.g. DATE_INVALID (docs/DATASET.md)'),
  file: z.string(),
  line: z.number().int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});

export const ErrorSchema = z
  .object({
    statusCode: z.number().int(),
    code: z.string().describe('Stable error code, e.g. DATASET_INVALID, FORBIDDEN, RUN_NOT_FOUND'),
    message: z.string(),
    issues: list(DatasetIssueSchema).optional(),
    moreIssues: z.number().int().optional().describe('Problems beyond the first 200 listed'),
    warnings: list(DatasetIssueSchema).optional(),
    moreWarnings: z.number().int().optional(),
    fields: list(z.object({ location: z.string(), path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Error' });

/** The error statuses every authenticated route can answer with. */
export const authErrors = { 401: ErrorSchema, 403: ErrorSchema } as const;
export const readErrors = { 400: ErrorSchema, ...authErrors, 404: ErrorSchema } as const;

export const IdParam = z.coerce.number().int().positive().describe('Numeric id');
export const RunIdParams = z.object({ id: IdParam });
