import type { ApiErrorBody, DatasetIssue } from './types';

/** A refused request, with the API's stable code and, for datasets and rules, every located problem. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly DatasetIssue[] = [],
    readonly retryAfterSeconds: number | null = null,
    /** An upload's warnings beside its problems (they alone would not stop it). */
    readonly warnings: readonly DatasetIssue[] = [],
    /** Problems and warnings beyond the first 200 the API lists. */
    readonly more: { readonly issues: number; readonly warnings: number } = { issues: 0, warnings: 0 },
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
let onUnauthorized: () => void = () => {};

/** The session's CSRF token, sent on every write (the cookie alone never authorises one). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** What to do when the session has expired or was revoked (the app shows the login page). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

type Query = Readonly<Record<string, string | number | undefined>>;

/** `/api/...` with only the given, defined query keys (the API refuses keys it does not declare). */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const search = params.toString();
  return `/api${path}${search === '' ? '' : `?${search}`}`;
}

async function toError(response: Response): Promise<ApiError> {
  const retry = Number(response.headers.get('retry-after'));
  const body = (await response.json().catch(() => null)) as Partial<ApiErrorBody> | null;
  return new ApiError(
    response.status,
    body?.code ?? 'HTTP_ERROR',
    body?.message ?? response.statusText,
    body?.issues ?? [],
    Number.isFinite(retry) && retry > 0 ? retry : null,
    body?.warnings ?? [],
    { issues: body?.moreIssues ?? 0, warnings: body?.moreWarnings ?? 0 },
  );
}

/**
 * Calls the API with the session cookie (same origin) and, on writes, the CSRF header. JSON bodies are
 * sent as JSON, FormData as multipart. Resolves to the parsed body (undefined for 204); rejects with
 * ApiError. A 401 outside the login call also tells the app the session is gone.
 */
export async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  options: { query?: Query; body?: unknown } = {},
): Promise<T> {
  // The console is Chinese whatever the browser's language: messages, explanations and warnings too.
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': 'zh-CN' };
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(apiUrl(path, options.query), {
    method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined && { body }),
  });
  if (!response.ok) {
    const error = await toError(response);
    if (response.status === 401 && path !== '/session') onUnauthorized();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/**
 * POSTs a multipart form (with the CSRF header) and resolves to the file the API answers with, for
 * reports such as the upload's problems .xlsx; rejects with ApiError.
 */
export async function postForFile(path: string, form: FormData): Promise<Blob> {
  const headers: Record<string, string> = { 'accept-language': 'zh-CN' };
  if (csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(apiUrl(path), {
    method: 'POST',
    headers,
    body: form,
    credentials: 'same-origin',
  });
  if (!response.ok) {
    const error = await toError(response);
    if (response.status === 401) onUnauthorized();
    throw error;
  }
  return response.blob();
}

export const get = <T>(path: string, query?: Query) => request<T>('GET', path, query ? { query } : {});
