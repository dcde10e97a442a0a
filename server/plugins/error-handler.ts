import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { PayloadTooLarge, RouteNotFound } from '../errors';
import type { ErrorSchema } from '../schemas/common';
import { consoleNotFoundPage } from './console';

type ErrorBody = z.infer<typeof ErrorSchema>;

/** Codes our own errors use; a 4xx from anywhere else is mapped onto one of these. */
const KNOWN_CLIENT_CODES = new Set([
  'UNAUTHORIZED',
  'FORBIDDEN',
  'DATASET_NOT_FOUND',
  'RUN_NOT_FOUND',
  'SCHOOL_NOT_FOUND',
  'STAFF_NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'NOT_MULTIPART',
  'PAYLOAD_TOO_LARGE',
  'BAD_REQUEST',
  'DATASET_INVALID',
  'RULES_INVALID',
  'LOGIN_FAILED',
  'LOGIN_LOCKED',
  'CSRF_FAILED',
  'ACCOUNT_NOT_FOUND',
  'ACCOUNT_EXISTS',
  'ACCOUNT_INVALID',
  'LAST_HR_ACCOUNT',
]);

function toBody(error: FastifyError): ErrorBody {
  if (hasZodFastifySchemaValidationErrors(error)) {
    return {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'The request does not match the schema',
      fields: error.validation.map((v) => ({
        location: error.validationContext ?? 'request',
        path: v.instancePath,
        message: v.message ?? 'invalid',
      })),
    };
  }
  const status = error.statusCode ?? 500;
  if (status >= 500) {
    // The message may name files, SQL or stack frames: it goes to the log only.
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal server error' };
  }
  if (KNOWN_CLIENT_CODES.has(error.code)) {
    const body: ErrorBody = { statusCode: status, code: error.code, message: error.message };
    const { issues, moreIssues, warnings, moreWarnings } = error as Partial<ErrorBody>;
    if (!issues) return body;
    return {
      ...body,
      issues,
      ...(moreIssues === undefined ? {} : { moreIssues }),
      ...(warnings === undefined ? {} : { warnings, moreWarnings: moreWarnings ?? 0 }),
    };
  }
  if (status === 413) return toBody(new PayloadTooLarge(error.message));
  if (status === 415) return { statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: error.message };
  // Fastify's and @fastify/multipart's own 4xx (bad JSON, too many files, …) describe the request only.
  return { statusCode: status, code: 'BAD_REQUEST', message: error.message };
}

/** The one place errors become responses: stable codes, and no internals in a 5xx body. */
export const errorHandler = fp(
  async (app: FastifyInstance, options: { consoleDir?: string | undefined }) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const body = toBody(error);
      if (body.statusCode >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code: body.code }, body.message);
      return reply.code(body.statusCode).send(body);
    });
    app.setNotFoundHandler((request, reply) => {
      // A person's browser asking for a page that does not exist gets the console's own 404 page.
      const page = options.consoleDir === undefined ? null : consoleNotFoundPage(options.consoleDir, request);
      if (page !== null) return reply.code(404).type('text/html; charset=utf-8').send(page);
      const error = new RouteNotFound(request.method, request.url.split('?')[0] ?? '');
      return reply.code(404).send(toBody(error));
    });
  },
  { name: 'error-handler' },
);
