import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { cutShort, ERROR_CODES, type ErrorCode, errorMessage, isErrorCode } from '../error-codes';
import { ApiError, type IssueCarrier, LocalisedError, RouteNotFound, ServerBusy } from '../errors';
import { type Lang, pickLang } from '../i18n/lang';
import type { ErrorSchema } from '../schemas/common';
import { consoleNotFoundPage } from './console';

type ErrorBody = z.infer<typeof ErrorSchema>;

/** At most this many problems, warnings or fields are listed in one error; `more…` counts the rest. */
export const MAX_LISTED = 200;

/** Fastify's and its plugins' own error codes, mapped onto the project's list (server/error-codes.ts). */
const FRAMEWORK_CODES: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_BAD_URL: 'MALFORMED_URL',
  FST_ERR_MAX_PARAM_LENGTH: 'URL_TOO_LONG',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_ERR_NOT_FOUND: 'ROUTE_NOT_FOUND',
  // @fastify/multipart
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'NOT_MULTIPART',
  FST_PROTO_VIOLATION: 'MALFORMED_MULTIPART',
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_PARTS_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_FILES_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_FIELDS_LIMIT: 'PAYLOAD_TOO_LARGE',
};

/** When an unknown error carries a client status, the code that status stands for. */
const BY_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URL_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'IDEMPOTENCY_KEY_REUSED',
  429: 'RATE_LIMITED',
  503: 'SERVER_BUSY',
};

/** Requests whose multipart body was read whole; see {@link markBodyRead}. */
const bodiesRead = new WeakSet<FastifyRequest>();

/**
 * Called by a multipart route once its body is parsed. Before that, an error without a status can only
 * come from the multipart parser (busboy: "Boundary not found", "Unexpected end of form", …): the client's
 * body was malformed, which is a 400, not a 500.
 */
export function markBodyRead(request: FastifyRequest): void {
  bodiesRead.add(request);
}

function codeOf(error: FastifyError, request: FastifyRequest): ErrorCode {
  if (error instanceof ApiError) return error.code;
  const mapped = FRAMEWORK_CODES[error.code];
  if (mapped) return mapped;
  if (error instanceof SyntaxError && error.statusCode === 400) return 'MALFORMED_JSON';
  const status = error.statusCode;
  if (status === undefined && request.isMultipart?.() && !bodiesRead.has(request))
    return 'MALFORMED_MULTIPART';
  if (status === undefined || status >= 500) return status === 503 ? 'SERVER_BUSY' : 'INTERNAL_ERROR';
  if (isErrorCode(error.code) && ERROR_CODES[error.code].status === status) return error.code;
  return BY_STATUS[status] ?? 'BAD_REQUEST';
}

type Listed<T> = { list: T[]; count: number };
function capped<T>(items: readonly T[], map: (item: T) => T): Listed<T> {
  return { list: items.slice(0, MAX_LISTED).map(map), count: items.length };
}

/**
 * The response body for any error: a code from the list, its message in the reader's language, and at most
 * {@link MAX_LISTED} problems with every text cut short — a 1 MB body of bad values answers a small error.
 */
export function errorBody(error: FastifyError, request: FastifyRequest, lang: Lang): ErrorBody {
  const code = codeOf(error, request);
  const statusCode = ERROR_CODES[code].status;
  const args = error instanceof ApiError ? error.args : code === 'ROUTE_NOT_FOUND' ? routeArgs(request) : [];
  const message =
    error instanceof LocalisedError ? cutShort(error.localised, 300) : errorMessage(code, lang, args);
  const body: ErrorBody = { statusCode, code, message };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = capped(
      error.validation.map((v) => ({
        location: error.validationContext ?? 'request',
        path: v.instancePath,
        message: v.message ?? 'invalid',
      })),
      (f) => ({ location: f.location, path: cutShort(f.path, 200), message: cutShort(f.message, 200) }),
    );
    return { ...body, fields: fields.list, moreFields: fields.count - fields.list.length };
  }
  const carrier = error as Partial<IssueCarrier>;
  if (carrier.issues && code !== 'INTERNAL_ERROR') {
    // The loader may have listed only the first problems already (moreIssues): the counts add up.
    const issues = capped(carrier.issues, cutIssue);
    const listed: ErrorBody = {
      ...body,
      issues: issues.list,
      moreIssues: issues.count - issues.list.length + (carrier.moreIssues ?? 0),
    };
    if (!carrier.warnings) return listed;
    const warnings = capped(carrier.warnings, cutIssue);
    return {
      ...listed,
      warnings: warnings.list,
      moreWarnings: warnings.count - warnings.list.length + (carrier.moreWarnings ?? 0),
    };
  }
  return body;
}

type Issue = IssueCarrier['issues'][number];
const cutIssue = (i: Issue): Issue => ({
  ...i,
  file: cutShort(i.file),
  column: i.column === null ? null : cutShort(i.column),
  message: cutShort(i.message, 400),
});

function routeArgs(request: FastifyRequest): string[] {
  return [request.method, request.url.split('?')[0] ?? ''];
}

function langOf(request: FastifyRequest): Lang {
  const query = request.query as Record<string, unknown> | undefined;
  const explicit = typeof query?.lang === 'string' ? query.lang : undefined;
  const accept = request.headers['accept-language'];
  return pickLang(explicit, typeof accept === 'string' ? accept : undefined);
}

/** Sends `error` as the project's error body; the one place errors become responses. */
export function sendError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const body = errorBody(error, request, langOf(request));
  if (body.statusCode >= 500 && body.code === 'INTERNAL_ERROR')
    request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: body.code, err: error.message }, 'request refused');
  if (error instanceof ServerBusy) reply.header('retry-after', String(error.retryAfterSeconds));
  return reply.code(body.statusCode).send(body);
}

/** Stable codes from one list, and no internals in a 5xx body (the log has them under the request id). */
export const errorHandler = fp(
  async (app: FastifyInstance, options: { consoleDir?: string | undefined }) => {
    app.setErrorHandler((error: FastifyError, request, reply) => sendError(error, request, reply));
    app.setNotFoundHandler((request, reply) => {
      // A person's browser asking for a page that does not exist gets the console's own 404 page.
      const page = options.consoleDir === undefined ? null : consoleNotFoundPage(options.consoleDir, request);
      if (page !== null) return reply.code(404).type('text/html; charset=utf-8').send(page);
      return sendError(new RouteNotFound(...routeArgs(request)), request, reply);
    });
  },
  { name: 'error-handler' },
);
