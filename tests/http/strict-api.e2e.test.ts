import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db';
import { buildApp } from '../../server/app';
import { isErrorCode } from '../../server/error-codes';
import { buildTestApp, SMALL, type TestApp, tableCounts, uploadAndRun } from './helper';

/** Issue 10 items 1, 2, 3, 5, 6 and 7: what a clumsy or hostile client gets back. */
describe('strict API', () => {
  let t: TestApp;
  let runId: number;
  let datasetId: number;
  beforeAll(async () => {
    t = await buildTestApp();
    ({ runId, datasetId } = await uploadAndRun(t, SMALL()));
  });
  afterAll(() => t.app.close());

  const part = (name: string, content: string) =>
    `--XYZ\r\nContent-Disposition: form-data; name="${name}"; filename="${name}.csv"\r\n` +
    `Content-Type: text/csv\r\n\r\n${content}\r\n`;

  it.each([
    ['no boundary', 'multipart/form-data', `${part('schools', 'a,b')}--XYZ--\r\n`],
    [
      'cut off before its end',
      'multipart/form-data; boundary=XYZ',
      part('schools', 'school_code,name\r\nS01,'),
    ],
  ])(
    'answers a multipart body with %s with 400 MALFORMED_MULTIPART, storing nothing',
    async (_n, type, body) => {
      const before = tableCounts(t.db);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/datasets',
        headers: { ...t.as.hr, 'content-type': type },
        payload: Buffer.from(body),
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe('MALFORMED_MULTIPART');
      expect(tableCounts(t.db)).toEqual(before);
    },
  );

  it('refuses an unknown body field instead of running with the defaults', async () => {
    const before = tableCounts(t.db);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: t.as.hr,
      payload: { datasetId, rule: { crossSchool: { mechanism: 'serial_dictatorship' } } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [expect.objectContaining({ location: 'body', message: expect.stringContaining('rule') })],
      moreFields: 0,
    });
    expect(tableCounts(t.db)).toEqual(before);
  });

  it.each([
    (id: number) => `/api/runs/${id}/placements?schol=S01`,
    (id: number) => `/api/runs/${id}/placements?format=csv&School=S01`,
    (id: number) => `/api/runs/${id}?verbose=1`,
    () => '/api/runs?limit=1',
    () => '/api/datasets?x=1',
    () => '/api/audit-log?after=3',
    () => '/healthz?probe=1',
  ])('refuses an unknown query key (%#)', async (url) => {
    const res = await t.app.inject({ url: url(runId), headers: t.as.hr });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().fields[0].location).toBe('querystring');
  });

  it('keeps lang as a query key and answers errors in Chinese by default, English on request', async () => {
    const ok = await t.app.inject({ url: `/api/runs/${runId}/placements?lang=en`, headers: t.as.hr });
    expect(ok.statusCode).toBe(200);
    const zh = await t.app.inject({ url: '/api/runs/999', headers: t.as.hr });
    expect(zh.json().message).toBe('没有运行记录 999');
    const en = await t.app.inject({
      url: '/api/runs/999',
      headers: { ...t.as.hr, 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(en.json().message).toBe('No run 999');
    const query = await t.app.inject({ url: '/api/runs/999?lang=en', headers: t.as.hr });
    expect(query.json().message).toBe('No run 999');
  });

  it('answers a 1 MB body of 260,000 bad tieBreak values with a small error', async () => {
    const payload = JSON.stringify({ datasetId, rules: { tieBreak: Array(260_000).fill('a') } });
    expect(payload.length).toBeGreaterThan(1_000_000);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: { ...t.as.hr, 'content-type': 'application/json' },
      payload,
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('RULES_INVALID');
    expect(body.issues).toHaveLength(200);
    expect(body.moreIssues).toBe(260_000 - 200);
    expect(res.body.length).toBeLessThan(100_000);
  });

  it('cuts a long quoted value short in an error', async () => {
    const key = 'k'.repeat(5000);
    const res = await t.app.inject({ url: `/api/runs?${key}=1`, headers: t.as.hr });
    expect(res.statusCode).toBe(400);
    expect(res.body.length).toBeLessThan(2000);
  });

  it.each(['0x1', '1e0', '%20%201', '01', '+1', '1.0', '1%20', '0', '-1', '9999999999999999'])(
    'accepts only canonical decimal ids: /api/runs/%s → 400',
    async (id) => {
      const res = await t.app.inject({ url: `/api/runs/${id}`, headers: t.as.hr });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    },
  );

  it('gives a principal the same answer for another school’s teacher as for an id that does not exist', async () => {
    const other = await t.app.inject({
      url: `/api/runs/${runId}/staff/T010/explanation`,
      headers: t.as.principal,
    });
    const none = await t.app.inject({
      url: `/api/runs/${runId}/staff/NOBODY/explanation`,
      headers: t.as.principal,
    });
    expect(other.statusCode).toBe(404);
    expect(other.body).toBe(none.body);
    expect(other.body).not.toMatch(/S0\d|T010/);
    // hr sees the teacher: the id exists.
    const hr = await t.app.inject({ url: `/api/runs/${runId}/staff/T010/explanation`, headers: t.as.hr });
    expect(hr.statusCode).toBe(200);
  });

  it.each([
    (id: number) => `/api/runs/${id}/schools/S02/candidates`,
    (id: number) => `/api/runs/${id}/placements?school=S02`,
  ])(
    'gives a principal one answer for another school and for a school that does not exist (%#)',
    async (url) => {
      const other = await t.app.inject({ url: url(runId), headers: t.as.principal });
      const none = await t.app.inject({ url: url(runId).replace('S02', 'S99'), headers: t.as.principal });
      expect(other.statusCode).toBe(none.statusCode);
      expect(other.body).toBe(none.body);
      expect(other.body).not.toMatch(/S0\d|S99/);
    },
  );

  it('generates request ids on the server and never echoes the client’s', async () => {
    const headers = { ...t.as.hr, 'x-request-id': 'chosen-by-client' };
    const a = await t.app.inject({ url: '/healthz', headers });
    const b = await t.app.inject({ url: '/healthz', headers });
    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
    const bad = await t.app.inject({ url: '/api/runs/0x1', headers });
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['an over-long parameter', () => `/api/runs/${runId}/staff/${'x'.repeat(500)}/explanation`, 414, {}],
    ['a bad URL encoding', () => `/api/runs/${runId}/staff/%E0%A4%A/explanation`, 400, {}],
  ])('maps fastify’s own errors onto listed codes: %s', async (_n, url, status) => {
    const res = await t.app.inject({ url: url(), headers: t.as.hr });
    expect(res.statusCode).toBe(status);
    expect(isErrorCode(res.json().code)).toBe(true);
    expect(res.json().code).not.toMatch(/^FST_/);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['application/xml', '<run/>', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['application/json', '{"datasetId":', 400, 'MALFORMED_JSON'],
    ['application/json', '', 400, 'MALFORMED_JSON'],
  ])('answers a %s body %j on a JSON route with %i %s', async (type, payload, status, code) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: { ...t.as.hr, 'content-type': type },
      payload,
    });
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
  });
});

describe('request ids in the log', () => {
  it('logs a client’s x-request-id beside the server’s id, validated and cut short', async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) };
    const db = openDatabase(':memory:');
    const app = await buildApp({ db, logger: { level: 'info', stream } });
    try {
      const long = `trace-${'x'.repeat(200)}`;
      const res = await app.inject({ url: '/healthz', headers: { 'x-request-id': long } });
      const mine = lines.filter((l) => l.reqId === res.headers['x-request-id']);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.some((l) => l.clientRequestId === long.slice(0, 64))).toBe(true);
      const odd = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'has space\u0001' } });
      const oddLines = lines.filter((l) => l.reqId === odd.headers['x-request-id']);
      expect(oddLines.length).toBeGreaterThan(0);
      expect(oddLines.every((l) => l.clientRequestId === undefined)).toBe(true);
    } finally {
      await app.close();
    }
  });
});
