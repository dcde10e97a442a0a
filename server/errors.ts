import createError from '@fastify/error';

/**
 * Every error the API answers with, made once so their codes stay stable: clients branch on `code`,
 * never on the message.
 */
export const Unauthorized = createError(
  'UNAUTHORIZED',
  'Log in (session cookie) or send a valid bearer token (Authorization: Bearer …)',
  401,
);
export const Forbidden = createError('FORBIDDEN', '%s', 403);
export const DatasetNotFound = createError('DATASET_NOT_FOUND', 'No dataset %s', 404);
export const RunNotFound = createError('RUN_NOT_FOUND', 'No run %s', 404);
export const SchoolNotFound = createError('SCHOOL_NOT_FOUND', 'School %s is not in run %s', 404);
export const StaffNotFound = createError('STAFF_NOT_FOUND', 'Staff member %s is not in run %s', 404);
export const RouteNotFound = createError('ROUTE_NOT_FOUND', 'No route %s %s', 404);
export const NotMultipart = createError('NOT_MULTIPART', 'Upload the files as multipart/form-data', 415);
export const PayloadTooLarge = createError('PAYLOAD_TOO_LARGE', '%s', 413);
export const BadRequest = createError('BAD_REQUEST', '%s', 400);

/** Accounts and sessions; messages come localised from server/services/auth-messages.ts. */
export const LoginFailed = createError('LOGIN_FAILED', '%s', 401);
export const LoginLocked = createError('LOGIN_LOCKED', '%s', 429);
export const CsrfFailed = createError('CSRF_FAILED', '%s', 403);
export const AccountNotFound = createError('ACCOUNT_NOT_FOUND', '%s', 404);
export const AccountExists = createError('ACCOUNT_EXISTS', '%s', 409);
export const AccountInvalid = createError('ACCOUNT_INVALID', '%s', 400);
export const LastHrAccount = createError('LAST_HR_ACCOUNT', '%s', 409);

/** Rejections that carry a list of {file, line, column, message} problems. */
export const DatasetInvalid = createError(
  'DATASET_INVALID',
  'The dataset has %s problem(s); nothing was stored',
  400,
);
export const RulesInvalid = createError('RULES_INVALID', 'The rules have %s problem(s)', 400);

type Issue = { code: string; file: string; line: number | null; column: string | null; message: string };

export interface IssueCarrier {
  issues: Issue[];
  moreIssues?: number;
  warnings?: Issue[];
  moreWarnings?: number;
}

/** Builds a DATASET_INVALID / RULES_INVALID error with its issues (and warnings) attached for the error handler. */
export function withIssues<E extends Error>(
  error: E,
  issues: IssueCarrier['issues'],
  extra: Omit<IssueCarrier, 'issues'> = {},
): E & IssueCarrier {
  return Object.assign(error, { issues, ...extra });
}
