import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listApiTokens } from '../../db';
import { CLI_ACTOR } from '../../server/plugins/auth';
import { issueToken, revokeToken } from '../../server/services/tokens';
import {
  buildTestApp,
  type CookieAuth,
  form,
  SMALL,
  type TestApp,
  uploadAndRun,
  withAccounts,
} from './helper';

type Caller = 'hr' | 'principal' | 'auditor';
interface Case {
  readonly name: string;
  readonly method?: 'GET' | 'POST' | 'PATCH';
  readonly url: (ids: { datasetId: number; runId: number; otherRunId: number }) => string;
  readonly body?: (ids: { datasetId: number }) => unknown;
  /** Expected status per caller; the principal's token is bound to S01 (凤城中学). */
  readonly expect: Record<Caller, number>;
}

const ALL_READ = { hr: 200, principal: 200, auditor: 200 };
const NO_PRINCIPAL = { hr: 200, principal: 403, auditor: 200 };
const HR_ONLY = { hr: 200, principal: 403, auditor: 403 };
let created = 0;

/** Every endpoint × role: hr does everything, the auditor reads and checks, the principal reads one school. */
const MATRIX: readonly Case[] = [
  {
    name: 'upload a dataset',
    method: 'POST',
    url: () => '/api/datasets',
    expect: { hr: 201, principal: 403, auditor: 403 },
  },
  { name: 'list datasets', url: () => '/api/datasets', expect: NO_PRINCIPAL },
  { name: 'show a dataset', url: (i) => `/api/datasets/${i.datasetId}`, expect: NO_PRINCIPAL },
  {
    name: 'create a run',
    method: 'POST',
    url: () => '/api/runs',
    body: (i) => ({ datasetId: i.datasetId }),
    expect: { hr: 201, principal: 403, auditor: 403 },
  },
  { name: 'list runs', url: () => '/api/runs', expect: ALL_READ },
  { name: 'show a run', url: (i) => `/api/runs/${i.runId}`, expect: ALL_READ },
  { name: 'placements, county-wide', url: (i) => `/api/runs/${i.runId}/placements`, expect: ALL_READ },
  {
    name: 'placements of own school',
    url: (i) => `/api/runs/${i.runId}/placements?school=S01`,
    expect: ALL_READ,
  },
  {
    name: 'placements of another school',
    url: (i) => `/api/runs/${i.runId}/placements?school=S02`,
    expect: NO_PRINCIPAL,
  },
  {
    name: '公示 CSV of another school',
    url: (i) => `/api/runs/${i.runId}/placements?school=S02&format=csv`,
    expect: NO_PRINCIPAL,
  },
  {
    name: 'candidates of own school',
    url: (i) => `/api/runs/${i.runId}/schools/S01/candidates`,
    expect: ALL_READ,
  },
  {
    name: 'candidates of another school',
    url: (i) => `/api/runs/${i.runId}/schools/S02/candidates`,
    expect: NO_PRINCIPAL,
  },
  { name: 'explain own staff', url: (i) => `/api/runs/${i.runId}/staff/T001/explanation`, expect: ALL_READ },
  {
    name: 'explain own staff who left',
    url: (i) => `/api/runs/${i.runId}/staff/T003/explanation`,
    expect: ALL_READ,
  },
  {
    name: 'explain another school’s staff',
    url: (i) => `/api/runs/${i.runId}/staff/T010/explanation`,
    // The same answer as for an id that does not exist (see probes.e2e.test.ts): a 403 would confirm it.
    expect: { hr: 200, principal: 404, auditor: 200 },
  },
  { name: 'replay', method: 'POST', url: (i) => `/api/runs/${i.runId}/replay`, expect: NO_PRINCIPAL },
  { name: 'diff', url: (i) => `/api/runs/${i.runId}/diff/${i.otherRunId}`, expect: NO_PRINCIPAL },
  { name: 'audit log', url: () => '/api/audit-log', expect: NO_PRINCIPAL },
  { name: 'audit chain verification', url: () => '/api/audit-log/verify', expect: NO_PRINCIPAL },
  { name: 'list accounts', url: () => '/api/accounts', expect: HR_ONLY },
  {
    name: 'create an account',
    method: 'POST',
    url: () => '/api/accounts',
    body: () => ({
      username: `user${++created}`,
      password: 'password123',
      role: 'auditor',
      displayName: '新',
    }),
    expect: { hr: 201, principal: 403, auditor: 403 },
  },
  {
    name: 'change an account',
    method: 'PATCH',
    url: () => '/api/accounts/auditor1',
    body: () => ({ displayName: `审计${++created}` }),
    expect: HR_ONLY,
  },
];

/** How a caller proves who they are: a script's bearer token, or the console's cookie (+ CSRF token). */
const KINDS = ['bearer', 'cookie'] as const;

describe('role × endpoint matrix', () => {
  let t: TestApp;
  let ids: { datasetId: number; runId: number; otherRunId: number };
  let sessions: Record<Caller, CookieAuth>;
  beforeAll(async () => {
    t = await buildTestApp();
    sessions = await withAccounts(t);
    const first = await uploadAndRun(t, SMALL());
    const second = await uploadAndRun(t, SMALL());
    ids = { datasetId: first.datasetId, runId: first.runId, otherRunId: second.runId };
  });
  afterAll(() => t.app.close());

  const request = (c: Case, headers: Record<string, string>) =>
    t.app.inject({
      method: c.method ?? 'GET',
      url: c.url(ids),
      headers,
      ...(c.url(ids) === '/api/datasets' && c.method === 'POST'
        ? { payload: form(SMALL()) }
        : c.body && { payload: c.body(ids) as Record<string, unknown> }),
    });

  const rows = MATRIX.flatMap((c) =>
    (['hr', 'principal', 'auditor'] as const).flatMap((role) => KINDS.map((kind) => ({ c, role, kind }))),
  );
  it.each(rows.map(({ c, role, kind }) => [c.name, role, kind, c.expect[role], c] as const))(
    '%s as %s (%s) → %i',
    async (_n, role, kind, status, c) => {
      const res = await request(c, kind === 'bearer' ? t.as[role] : sessions[role]);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
      if (status === 403) expect(res.json().code).toBe('FORBIDDEN');
    },
  );

  it.each(MATRIX.map((c) => [c.name, c] as const))('%s without a valid token → 401', async (_n, c) => {
    for (const headers of [
      {},
      { authorization: 'Bearer xg_not-a-token' },
      { authorization: 'Basic aHI6aHI=' },
      { cookie: 'xgxp_session=not-a-session', 'x-csrf-token': 'x' },
      // A bad Authorization header is not rescued by a good cookie: the header decides alone.
      { ...sessions.hr, authorization: 'Bearer xg_not-a-token' },
    ]) {
      const res = await request(c, headers);
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('UNAUTHORIZED');
    }
  });

  it.each(KINDS)('narrows county-wide views to the principal’s school (%s)', async (kind) => {
    const headers = kind === 'bearer' ? t.as.principal : sessions.principal;
    const run = (await t.app.inject({ url: `/api/runs/${ids.runId}`, headers })).json();
    expect(run.schools.map((s: { schoolCode: string }) => s.schoolCode)).toEqual(['S01']);
    expect(run.summary.total).toBe(11);
    const placements = (await t.app.inject({ url: `/api/runs/${ids.runId}/placements`, headers })).json();
    for (const p of placements.placements) expect([p.schoolCode, p.fromSchoolCode]).toContain('S01');
    expect(placements.count).toBe(4);
  });

  it.each(MATRIX.filter((c) => c.method !== undefined).map((c) => [c.name, c] as const))(
    '%s with a session cookie but no CSRF token → 403 CSRF_FAILED, for every role',
    async (_n, c) => {
      for (const role of ['hr', 'principal', 'auditor'] as const) {
        const res = await request(c, { cookie: sessions[role].cookie });
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('CSRF_FAILED');
      }
    },
  );
});

describe('token revocation', () => {
  it('a revoked token is refused at once, and the revocation is audited', async () => {
    const t = await buildTestApp();
    const { token, id } = issueToken(t.db, { role: 'auditor' }, CLI_ACTOR);
    const headers = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ url: '/api/runs', headers })).statusCode).toBe(200);
    expect(revokeToken(t.db, id, CLI_ACTOR)).toBe(true);
    expect(revokeToken(t.db, id, CLI_ACTOR)).toBe(false);
    expect((await t.app.inject({ url: '/api/runs', headers })).statusCode).toBe(401);
    const listed = listApiTokens(t.db).find((row) => row.id === id);
    expect(listed).toMatchObject({ role: 'auditor', revokedAt: expect.any(String) });
    expect(listed).not.toHaveProperty('tokenHash');
    const log = (await t.app.inject({ url: '/api/audit-log', headers: t.as.auditor })).json();
    expect(log.entries.map((e: { action: string }) => e.action)).toContain('token.revoke');
    await t.app.close();
  });
});
