import { createHash } from 'node:crypto';
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getDataset, listDatasets } from '../../db';
import { DatasetInvalid, DatasetNotFound, NotMultipart, ServerBusy, withIssues } from '../errors';
import { type Lang, pickLang } from '../i18n/lang';
import type { DatasetFileKind } from '../import';
import { DATASET_FILES } from '../import';
import { renderMessage } from '../import/messages';
import { markBodyRead } from '../plugins/error-handler';
import { problemsXlsx } from '../report/problems-xlsx';
import {
  authErrors,
  ErrorSchema,
  IdempotencyHeaders,
  IdParam,
  LangQuery,
  readErrors,
  writeErrors,
} from '../schemas/common';
import { DatasetCreatedSchema, DatasetDetailSchema, DatasetSummarySchema } from '../schemas/datasets';
import { checkUpload, importDataset, type Upload, type UploadedFile } from '../services/datasets';
import { XLSX_TYPE } from '../services/publicity-xlsx';
import type { RouteDeps } from './deps';
import { idempotent } from './idempotent';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export interface DatasetRouteOptions extends RouteDeps {
  /** Largest accepted file, in bytes. */
  readonly maxFileBytes: number;
}

function isFile(value: unknown): value is MultipartFile {
  return typeof value === 'object' && value !== null && 'file' in value && 'toBuffer' in value;
}

const filePart = (what: string) =>
  z
    .custom<MultipartFile>(isFile, `expected one uploaded file (${what})`)
    .optional()
    .meta({ type: 'string', format: 'binary', description: what });

const UploadBody = z.object({
  schools: filePart('schools: .csv, .xlsx or .xls (required unless in the workbook)'),
  posts: filePart('posts: .csv, .xlsx or .xls (required unless in the workbook)'),
  staff: filePart('staff: .csv, .xlsx or .xls (required unless in the workbook)'),
  townships: filePart('townships: .csv, .xlsx or .xls'),
  applications: filePart('applications: .csv, .xlsx or .xls'),
  workbook: filePart(
    'One .xlsx/.xls whose sheets are named schools/posts/staff/townships/applications or 学校/岗位/教职工/乡镇/择优',
  ),
  rules: filePart('rules.json'),
  label: z
    .object({ value: z.string().max(200) })
    .optional()
    .meta({ type: 'string', description: 'A name for the dataset, e.g. "2020 after appeals"' }),
});

const UPLOAD_FIELDS = new Set<string>([...DATASET_FILES, 'workbook', 'label']);

const uploadErrors = { 400: ErrorSchema, ...authErrors, 413: ErrorSchema, 415: ErrorSchema } as const;

/** ?lang= first, then Accept-Language (read before validation too, so the raw query is checked here). */
function langOf(request: FastifyRequest): Lang {
  const asked = (request.query as { lang?: unknown } | undefined)?.lang;
  return pickLang(typeof asked === 'string' ? asked : undefined, request.headers['accept-language']);
}

/** The parts of a validated multipart body, read into memory (each is under the upload size limit). */
async function uploadOf(body: z.infer<typeof UploadBody>): Promise<Upload> {
  const files: Partial<Record<DatasetFileKind, UploadedFile>> = {};
  for (const kind of DATASET_FILES) {
    const part = body[kind];
    if (part) files[kind] = { fileName: part.filename, bytes: await part.toBuffer() };
  }
  const workbook = body.workbook;
  return workbook
    ? { files, workbook: { fileName: workbook.filename, bytes: await workbook.toBuffer() } }
    : { files };
}

/**
 * Counts uploads being received and parsed, so that at most `limit` hold their files in memory at once; the
 * next is refused (503 SERVER_BUSY, Retry-After) before its body is read.
 */
function uploadSlots(limit: number): onRequestAsyncHookHandler {
  let active = 0;
  return async (_request, reply) => {
    if (active >= limit) throw new ServerBusy(UPLOAD_RETRY_AFTER_SECONDS);
    active += 1;
    // The response's close fires once, whether it was sent, failed, or the client went away mid-upload.
    reply.raw.once('close', () => {
      active -= 1;
    });
  };
}
const UPLOAD_RETRY_AFTER_SECONDS = 2;

export const datasetRoutes: FastifyPluginAsyncZod<DatasetRouteOptions> = async (
  app,
  { db, maxFileBytes, writeLimit, limits },
) => {
  // One count for both routes that read uploads into memory.
  const slots = uploadSlots(limits.concurrentUploads);
  // Registered here, not app-wide, so only the upload route parses multipart bodies.
  await app.register(multipart, {
    attachFieldsToBody: true,
    limits: {
      fileSize: maxFileBytes,
      files: DATASET_FILES.length + 1,
      fields: 4,
      parts: DATASET_FILES.length + 5,
    },
  });

  app.post(
    '/api/datasets',
    {
      config: { roles: ['hr'] },
      // After auth (app level): the write limit first, then a slot; both before the body is read.
      onRequest: [writeLimit, slots],
      // Before body validation, so a JSON body gets "use multipart", not a list of missing files.
      preValidation: async (request) => {
        if (!request.isMultipart()) throw new NotMultipart();
        markBodyRead(request);
        // A misspelt field (application for applications) would otherwise be dropped without a word and the
        // dataset stored without it: refuse it like an unknown CSV column.
        const unknown = Object.keys((request.body as Record<string, unknown> | undefined) ?? {}).filter(
          (field) => !UPLOAD_FIELDS.has(field),
        );
        if (unknown.length > 0) {
          const { lang: asked } = (request.query ?? {}) as { lang?: string };
          const lang = pickLang(
            typeof asked === 'string' ? asked : undefined,
            request.headers['accept-language'],
          );
          const expected = [...UPLOAD_FIELDS].join(', ');
          throw withIssues(
            new DatasetInvalid(unknown.length),
            unknown.map((field) => ({
              code: 'UPLOAD_FIELD_UNKNOWN',
              file: field,
              line: null,
              column: null,
              message: renderMessage('UPLOAD_FIELD_UNKNOWN', { field: field.slice(0, 80), expected }, lang),
            })),
          );
        }
      },
      schema: {
        tags: ['datasets'],
        summary: 'Upload a dataset (multipart files: CSV, .xlsx, .xls, or one workbook); all-or-nothing',
        consumes: ['multipart/form-data'],
        querystring: LangQuery,
        headers: IdempotencyHeaders,
        body: UploadBody,
        response: {
          201: DatasetCreatedSchema,
          ...uploadErrors,
          ...writeErrors,
        },
      },
    },
    async (request, reply) => {
      const lang = langOf(request);
      const upload = await uploadOf(request.body);
      const label = request.body.label?.value ?? null;
      // A retry is the same upload when it sends the same files (by content and name) and label.
      const parts = Object.entries(upload.files).map(([kind, f]) => [kind, f.fileName, sha256(f.bytes)]);
      const workbook = upload.workbook && [upload.workbook.fileName, sha256(upload.workbook.bytes)];
      return idempotent(db, request, reply, { label, parts, workbook }, async (claim) => {
        const outcome = await importDataset(
          db,
          upload,
          request.actor,
          label,
          lang,
          claim && { claim, answer: (created) => ({ statusCode: 201, body: created }) },
        );
        const warned = { warnings: outcome.warnings, moreWarnings: outcome.moreWarnings };
        if (!outcome.ok) {
          const count = outcome.issues.length + outcome.moreIssues;
          throw withIssues(new DatasetInvalid(count), outcome.issues, {
            moreIssues: outcome.moreIssues,
            ...warned,
          });
        }
        return reply.code(201).send({ id: outcome.id, counts: outcome.counts, ...warned });
      });
    },
  );

  app.post(
    '/api/datasets/problems.xlsx',
    {
      config: { roles: ['hr'] },
      onRequest: slots,
      preValidation: async (request) => {
        if (!request.isMultipart()) throw new NotMultipart();
        markBodyRead(request);
      },
      schema: {
        tags: ['datasets'],
        summary: 'Check an upload without storing it; the problems and warnings as an .xlsx report',
        description:
          'Same multipart body as POST /api/datasets. Always 200 with the workbook (an empty list when the ' +
          'dataset is fine). Birth dates and ID numbers are left out of the messages.',
        consumes: ['multipart/form-data'],
        querystring: LangQuery,
        body: UploadBody,
        produces: [XLSX_TYPE],
        response: {
          200: {
            description: 'The report: kind, file, row, column, code, message',
            // A Buffer goes out as is, past the serializer.
            content: { [XLSX_TYPE]: { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
          },
          ...uploadErrors,
        },
      },
    },
    async (request, reply) => {
      const lang = langOf(request);
      const checked = await checkUpload(await uploadOf(request.body), lang, true);
      const report = {
        issues: checked.ok ? [] : checked.issues,
        moreIssues: checked.ok ? 0 : checked.moreIssues,
        warnings: checked.warnings,
        moreWarnings: checked.moreWarnings,
      };
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', 'attachment; filename="import-problems.xlsx"')
        .send(Buffer.from(await problemsXlsx(report, lang)));
    },
  );

  app.get(
    '/api/datasets',
    {
      config: { roles: ['hr', 'auditor'] },
      schema: {
        tags: ['datasets'],
        querystring: LangQuery,
        summary: 'List datasets, newest first',
        response: { 200: z.object({ datasets: z.array(DatasetSummarySchema) }), ...authErrors },
      },
    },
    async () => ({
      datasets: listDatasets(db).map(({ countsJson, ...meta }) => ({
        ...meta,
        counts: countsJson,
      })),
    }),
  );

  app.get(
    '/api/datasets/:id',
    {
      config: { roles: ['hr', 'auditor'] },
      schema: {
        tags: ['datasets'],
        querystring: LangQuery,
        summary: 'One dataset with the SHA-256 of each uploaded file',
        params: z.strictObject({ id: IdParam }),
        response: { 200: DatasetDetailSchema, ...readErrors },
      },
    },
    async (request) => {
      const found = getDataset(db, request.params.id);
      if (!found) throw new DatasetNotFound(request.params.id);
      const { countsJson, ...meta } = found;
      return { ...meta, counts: countsJson };
    },
  );
};
