import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getDataset, listDatasets } from '../../db';
import { DatasetInvalid, DatasetNotFound, NotMultipart, withIssues } from '../errors';
import type { DatasetFileKind } from '../import';
import { DATASET_FILES } from '../import';
import { authErrors, ErrorSchema, IdParam, readErrors } from '../schemas/common';
import { DatasetCreatedSchema, DatasetDetailSchema, DatasetSummarySchema } from '../schemas/datasets';
import { importDataset, type UploadedFile } from '../services/datasets';
import type { RouteDeps } from './deps';

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

export const datasetRoutes: FastifyPluginAsyncZod<DatasetRouteOptions> = async (
  app,
  { db, maxFileBytes },
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
      // Before body validation, so a JSON body gets "use multipart", not a list of missing files.
      preValidation: async (request) => {
        if (!request.isMultipart()) throw new NotMultipart();
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
        summary: 'Upload a dataset (multipart files); all-or-nothing',
        consumes: ['multipart/form-data'],
        body: UploadBody,
        response: {
          201: DatasetCreatedSchema,
          400: ErrorSchema,
          ...authErrors,
          413: ErrorSchema,
          415: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const files: Partial<Record<DatasetFileKind, UploadedFile>> = {};
      for (const kind of DATASET_FILES) {
        const part = request.body[kind];
        if (part) files[kind] = { fileName: part.filename, bytes: await part.toBuffer() };
      }
      const outcome = await importDataset(db, files, request.actor, request.body.label?.value ?? null);
      if (!outcome.ok) throw withIssues(new DatasetInvalid(outcome.issues.length), outcome.issues);
      return reply.code(201).send({ id: outcome.id, counts: outcome.counts });
    },
  );

  app.get(
    '/api/datasets',
    {
      config: { roles: ['hr', 'auditor'] },
      schema: {
        tags: ['datasets'],
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
        summary: 'One dataset with the SHA-256 of each uploaded file',
        params: z.object({ id: IdParam }),
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
