import { apiUrl, get, postForFile, request } from './client';
import type {
  Account,
  AccountPatch,
  AuditPage,
  AuditVerification,
  Candidates,
  CreateRun,
  DatasetCreated,
  DatasetDetail,
  DatasetSummary,
  Diff,
  Explanation,
  NewAccount,
  PlacementList,
  PlacementsParams,
  Replay,
  RunCreated,
  RunDetail,
  RunListItem,
  Session,
} from './types';

/** Every API call the console makes, one typed function each. */
export const api = {
  session: () => get<Session>('/session'),
  login: (username: string, password: string) =>
    request<Session>('POST', '/session', { body: { username, password } }),
  logout: () => request<void>('DELETE', '/session'),

  datasets: () => get<{ datasets: DatasetSummary[] }>('/datasets'),
  dataset: (id: number) => get<DatasetDetail>(`/datasets/${id}`),
  upload: (form: FormData) => request<DatasetCreated>('POST', '/datasets', { body: form }),
  /** The same form checked again, its problems and warnings as an .xlsx report (nothing stored). */
  problemsXlsx: (form: FormData) => postForFile('/datasets/problems.xlsx', form),

  runs: () => get<{ runs: RunListItem[] }>('/runs'),
  run: (id: number) => get<RunDetail>(`/runs/${id}`),
  createRun: (body: CreateRun) => request<RunCreated>('POST', '/runs', { body }),
  placements: (id: number, params: Omit<PlacementsParams, 'format'> = {}) =>
    get<PlacementList>(`/runs/${id}/placements`, params),
  candidates: (id: number, school: string) =>
    get<Candidates>(`/runs/${id}/schools/${encodeURIComponent(school)}/candidates`),
  explanation: (id: number, staffId: string) =>
    get<Explanation>(`/runs/${id}/staff/${encodeURIComponent(staffId)}/explanation`),
  replay: (id: number) => request<Replay>('POST', `/runs/${id}/replay`),
  diff: (from: number, to: number) => get<Diff>(`/runs/${from}/diff/${to}`),

  auditLog: (afterSeq: number, limit: number) => get<AuditPage>('/audit-log', { afterSeq, limit }),
  verifyAudit: () => get<AuditVerification>('/audit-log/verify'),

  accounts: () => get<{ accounts: Account[] }>('/accounts'),
  createAccount: (body: NewAccount) => request<Account>('POST', '/accounts', { body }),
  updateAccount: (username: string, patch: AccountPatch) =>
    request<Account>('PATCH', `/accounts/${encodeURIComponent(username)}`, { body: patch }),
};

/** The 公示 download link (the browser sends the session cookie with it). */
export function publicityUrl(runId: number, format: 'csv' | 'xlsx', school?: string): string {
  return apiUrl(`/runs/${runId}/placements`, { format, school });
}
