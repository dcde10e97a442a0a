import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../error-codes';
import { LangQuery } from './lang';

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
    code: z
      .enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]])
      .describe('Stable error code (docs/API.md lists each)'),
    message: z.string().describe('In Chinese, or English on request (?lang=en or Accept-Language)'),
    issues: list(DatasetIssueSchema).optional().describe('The first 200 problems'),
    moreIssues: z.number().int().optional().describe('Problems beyond the first 200 listed'),
    warnings: list(DatasetIssueSchema).optional().describe('The first 200 warnings'),
    moreWarnings: z.number().int().optional(),
    fields: list(z.object({ location: z.string(), path: z.string(), message: z.string() }))
      .optional()
      .describe('The first 200 request fields that do not match the schema'),
    moreFields: z.number().int().optional().describe('Fields beyond the first 200 listed'),
  })
  .meta({ id: 'Error' });

/** The error statuses every authenticated route can answer with. */
export const authErrors = { 401: ErrorSchema, 403: ErrorSchema } as const;
export const readErrors = { 400: ErrorSchema, ...authErrors, 404: ErrorSchema } as const;
/** What a write can also answer: a reused Idempotency-Key, the per-token limit, a full queue. */
export const writeErrors = { 422: ErrorSchema, 429: ErrorSchema, 503: ErrorSchema } as const;

/** Headers of a POST that creates something. Other headers pass (a header schema cannot be strict). */
export const IdempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .optional()
    .describe(
      'Any 1–128 visible ASCII characters, new per intended write (e.g. a UUID): a retry with the same key and body gets the first answer and creates nothing',
    ),
});

/**
 * A positive id written the one canonical way: decimal digits, no sign, no leading zero, no spaces, at most
 * 15 digits (so it is an exact integer). `0x1`, `1e0`, `01` and `%20%201` are a 400, not run 1.
 */
export const IdParam = z
  .string()
  .regex(/^[1-9][0-9]{0,14}$/, 'expected a positive decimal id without leading zeros, e.g. 12')
  .transform(Number)
  .describe('Numeric id');
export const RunIdParams = z.strictObject({ id: IdParam });

export { LangQuery } from './lang';
/** The `lang` query field, for query schemas with more keys. */
export const LangField = LangQuery.shape.lang;
