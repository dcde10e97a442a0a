import type { Lang } from './i18n/lang';

/** One error a client can receive: its HTTP status and what it means, in each language people read. */
export interface ErrorCodeInfo {
  readonly status: number;
  /** Message templates; each `%s` takes the next argument the error was raised with. */
  readonly zh: string;
  readonly en: string;
}

/**
 * Every error code the API answers with — the one list the error handler, docs/API.md (a test checks that
 * its table lists exactly these) and the tests read. Clients branch on `code`, never on the message.
 * Adding a code here without documenting it fails the docs test; a code not here never reaches a client
 * (the error handler maps it onto one of these by status).
 */
export const ERROR_CODES = {
  BAD_REQUEST: { status: 400, zh: '请求有误', en: 'Bad request' },
  VALIDATION_FAILED: {
    status: 400,
    zh: '请求不符合接口定义（见 fields）',
    en: 'The request does not match the schema (see fields)',
  },
  MALFORMED_JSON: {
    status: 400,
    zh: '请求体不是有效的 JSON',
    en: 'The body is not valid JSON',
  },
  MALFORMED_MULTIPART: {
    status: 400,
    zh: 'multipart 请求体不完整或格式有误（缺少 boundary 或提前结束）',
    en: 'The multipart body is malformed (no boundary, or cut off before its end)',
  },
  MALFORMED_URL: {
    status: 400,
    zh: '地址中有无法解码的部分',
    en: 'The URL has a part that cannot be decoded',
  },
  IDEMPOTENCY_KEY_INVALID: {
    status: 400,
    zh: 'Idempotency-Key 须为 1–128 个可见 ASCII 字符',
    en: 'Idempotency-Key must be 1–128 visible ASCII characters',
  },
  DATASET_INVALID: {
    status: 400,
    zh: '数据集有 %s 个问题，未保存任何内容',
    en: 'The dataset has %s problem(s); nothing was stored',
  },
  RULES_INVALID: { status: 400, zh: '规则有 %s 个问题', en: 'The rules have %s problem(s)' },
  ACCOUNT_INVALID: {
    status: 400,
    zh: '账户信息不合规（用户名、密码、显示名或学校）',
    en: 'The account is not valid (username, password, display name or school)',
  },
  UNAUTHORIZED: {
    status: 401,
    zh: '请登录，或发送有效的访问令牌（Authorization: Bearer …）',
    en: 'Log in (session cookie) or send a valid bearer token (Authorization: Bearer …)',
  },
  LOGIN_FAILED: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  FORBIDDEN: { status: 403, zh: '无权访问此资源', en: 'You may not access this resource' },
  CSRF_FAILED: {
    status: 403,
    zh: '请求缺少有效的 CSRF 令牌（x-csrf-token）',
    en: 'Missing or wrong CSRF token (x-csrf-token)',
  },
  DATASET_NOT_FOUND: { status: 404, zh: '没有数据集 %s', en: 'No dataset %s' },
  RUN_NOT_FOUND: { status: 404, zh: '没有运行记录 %s', en: 'No run %s' },
  SCHOOL_NOT_FOUND: {
    status: 404,
    zh: '该运行中没有此学校，或您无权查看',
    en: 'No such school in this run, or not yours to see',
  },
  STAFF_NOT_FOUND: {
    status: 404,
    zh: '该运行中没有此教职工，或您无权查看',
    en: 'No such staff member in this run, or not yours to see',
  },
  ROUTE_NOT_FOUND: { status: 404, zh: '没有接口 %s %s', en: 'No route %s %s' },
  ACCOUNT_NOT_FOUND: { status: 404, zh: '没有此账户', en: 'No such account' },
  ACCOUNT_EXISTS: { status: 409, zh: '账户已存在', en: 'The account already exists' },
  LAST_HR_ACCOUNT: {
    status: 409,
    zh: '不能停用或降级最后一个可用的人事股账户',
    en: 'The last active hr account cannot be disabled or given another role',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    zh: '请求体或上传文件过大，或文件、字段过多',
    en: 'The body or an uploaded file is too large, or there are too many files or fields',
  },
  URL_TOO_LONG: { status: 414, zh: '地址中的参数过长', en: 'A parameter in the URL is too long' },
  NOT_MULTIPART: {
    status: 415,
    zh: '请以 multipart/form-data 上传文件',
    en: 'Upload the files as multipart/form-data',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    zh: '不支持此 Content-Type，请发送 application/json',
    en: 'Unsupported Content-Type; send application/json',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    zh: '此 Idempotency-Key 已用于另一个请求体',
    en: 'This Idempotency-Key was already used with another request body',
  },
  RATE_LIMITED: {
    status: 429,
    zh: '写操作过于频繁，请在 Retry-After 秒后重试',
    en: 'Too many writes; retry after Retry-After seconds',
  },
  LOGIN_LOCKED: {
    status: 429,
    zh: '登录失败次数过多，请稍后再试',
    en: 'Too many failed logins; try again later',
  },
  INTERNAL_ERROR: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
  SERVER_BUSY: {
    status: 503,
    zh: '服务器繁忙，请在 Retry-After 秒后重试',
    en: 'The server is busy; retry after Retry-After seconds',
  },
} as const satisfies Record<string, ErrorCodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CODES, code);
}

/** Longest quoted value in a message: a 1 MB bad field must not come back as a 1 MB error. */
export const MAX_QUOTED_CHARS = 80;

/** Cuts `text` to `max` characters, marking the cut. */
export function cutShort(text: string, max = MAX_QUOTED_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

/** The message of `code` in `lang`, each `%s` filled with the next argument (cut short). */
export function errorMessage(code: ErrorCode, lang: Lang, args: readonly unknown[] = []): string {
  let next = 0;
  return ERROR_CODES[code][lang].replace(/%s/g, () => cutShort(String(args[next++] ?? '')));
}
