import { ERROR_CODES, type ErrorCode, errorMessage } from './error-codes';

/**
 * An error the API answers with: a code from server/error-codes.ts and the arguments its message template
 * takes. The error handler renders the message in the reader's language; `message` here is the English one,
 * for the log.
 */
export class ApiError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    readonly args: readonly unknown[] = [],
  ) {
    super(errorMessage(code, 'en', args));
    this.name = 'ApiError';
    this.statusCode = ERROR_CODES[code].status;
  }
}

/** A class per code, so call sites read `throw new RunNotFound(id)`. */
function define(code: ErrorCode) {
  return class extends ApiError {
    constructor(...args: unknown[]) {
      super(code, args);
    }
  };
}

export const Unauthorized = define('UNAUTHORIZED');
/** Arguments are ignored: a 403 names nothing (what exists, whose school it is). */
export const Forbidden = define('FORBIDDEN');
export const DatasetNotFound = define('DATASET_NOT_FOUND');
export const RunNotFound = define('RUN_NOT_FOUND');
/** Names nothing, so a principal cannot tell another school's code from one that does not exist. */
export const SchoolNotFound = define('SCHOOL_NOT_FOUND');
/** Names nothing, so a principal cannot tell another school's teacher from an id that does not exist. */
export const StaffNotFound = define('STAFF_NOT_FOUND');
export const RouteNotFound = define('ROUTE_NOT_FOUND');
export const NotMultipart = define('NOT_MULTIPART');
export const BadRequest = define('BAD_REQUEST');
export const IdempotencyKeyInvalid = define('IDEMPOTENCY_KEY_INVALID');
export const IdempotencyKeyReused = define('IDEMPOTENCY_KEY_REUSED');
/** 503 with Retry-After: the allocation queue or the upload slots are full. */
export class ServerBusy extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    super('SERVER_BUSY');
  }
}

/**
 * An error whose message the caller has already written in the reader's language (accounts and sessions:
 * server/services/auth-messages.ts); the error handler sends it as it is, cut short if long.
 */
export class LocalisedError extends ApiError {
  constructor(
    code: ErrorCode,
    readonly localised: string,
  ) {
    super(code);
  }
}

function localised(code: ErrorCode) {
  return class extends LocalisedError {
    constructor(message: string) {
      super(code, message);
    }
  };
}

/** Accounts and sessions; messages come localised from server/services/auth-messages.ts. */
export const LoginFailed = localised('LOGIN_FAILED');
export const LoginLocked = localised('LOGIN_LOCKED');
export const CsrfFailed = localised('CSRF_FAILED');
export const AccountNotFound = localised('ACCOUNT_NOT_FOUND');
export const AccountExists = localised('ACCOUNT_EXISTS');
export const AccountInvalid = localised('ACCOUNT_INVALID');
export const LastHrAccount = localised('LAST_HR_ACCOUNT');

/** Rejections that carry a list of {file, line, column, message} problems. */
export const DatasetInvalid = define('DATASET_INVALID');
export const RulesInvalid = define('RULES_INVALID');

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
