import { createHash } from 'node:crypto';
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { onRequestAsyncHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getDataset, listDatasets } from '../../db';
import { DatasetInvalid, DatasetNotFound, NotMultipart, ServerBusy, withIssues } from '../errors';
import type { DatasetFileKind } from '../import';
import { DATASET_FILES } from '../import';
import { markBodyRead } from '../plugins/error-handler';
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
import { importDataset, type UploadedFile } from '../services/datasets';
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
  schools: filePart('schools.csv (required)'),
  posts: filePart('posts.csv (required)'),
  staff: filePart('staff.csv (required)'),
  townships: filePart('townships.csv'),
  applications: filePart('applications.csv'),
  rules: filePart('rules.json'),
  label: z
    .object({ value: z.string().max(200) })
    .optional()
    .meta({ type: 'string', description: 'A name for the dataset, e.g. "2020 after appeals"' }),
});

const UPLOAD_FIELDS = new Set<string>([...DATASET_FILES, 'label']);

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
  // Registered here, not app-wide, so only the upload route parses multipart bodies.
  await app.register(multipart, {
    attachFieldsToBody: true,
    limits: {
      fileSize: maxFileBytes,
      files: DATASET_FILES.length,
      fields: 4,
      parts: DATASET_FILES.length + 4,
    },
  });

  app.post(
    '/api/datasets',
    {
      config: { roles: ['hr'] },
      // After auth (app level): the write limit first, then a slot; both before the body is read.
      onRequest: [writeLimit, uploadSlots(limits.concurrentUploads)],
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
          throw withIssues(
            new DatasetInvalid(unknown.length),
            unknown.map((field) => ({
              file: field,
              line: null,
              column: null,
              message: `unknown upload field "${field}"; expected ${[...UPLOAD_FIELDS].join(', ')}`,
            })),
          );
        }
      },
      schema: {
        tags: ['datasets'],
        querystring: LangQuery,
        summary: 'Upload a dataset (multipart files); all-or-nothing',
        consumes: ['multipart/form-data'],
        headers: IdempotencyHeaders,
        body: UploadBody,
        response: {
          201: DatasetCreatedSchema,
          400: ErrorSchema,
          ...authErrors,
          413: ErrorSchema,
          415: ErrorSchema,
          ...writeErrors,
        },
      },
    },
    async (request, reply) => {
      const files: Partial<Record<DatasetFileKind, UploadedFile>> = {};
      for (const kind of DATASET_FILES) {
        const part = request.body[kind];
        if (part) files[kind] = { fileName: part.filename, bytes: await part.toBuffer() };
      }
      const label = request.body.label?.value ?? null;
      // A retry is the same upload when it sends the same files (by content and name) and label.
      const fingerprint = {
        label,
        files: Object.entries(files).map(([kind, f]) => [kind, f.fileName, sha256(f.bytes)]),
      };
      return idempotent(db, request, reply, fingerprint, async (claim) => {
        const outcome = await importDataset(
          db,
          files,
          request.actor,
          label,
          claim && { claim, answer: (created) => ({ statusCode: 201, body: created }) },
        );
        if (!outcome.ok) throw withIssues(new DatasetInvalid(outcome.issues.length), outcome.issues);
        return reply.code(201).send({ id: outcome.id, counts: outcome.counts });
      });
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
        counts: JSON.parse(countsJson),
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
      return { ...meta, counts: JSON.parse(countsJson) };
    },
  );
};
