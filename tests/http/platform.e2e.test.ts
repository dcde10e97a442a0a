import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, form, SMALL, type TestApp } from './helper';

describe('platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.app.close());

  it('answers /healthz without a token', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'ok' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the OpenAPI document and UI at /docs', async () => {
    const doc = await t.app.inject({ url: '/docs/json' });
    expect(doc.statusCode).toBe(200);
    const spec = doc.json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/datasets',
        '/api/runs/{id}/placements',
        '/api/runs/{id}/schools/{code}/candidates',
        '/api/runs/{id}/diff/{otherId}',
        '/api/audit-log/verify',
      ]),
    );
    const upload = spec.paths['/api/datasets'].post.requestBody.content['multipart/form-data'].schema;
    expect(upload.properties.staff).toMatchObject({ type: 'string', format: 'binary' });
    const ui = await t.app.inject({ url: '/docs/' });
    expect(ui.statusCode).toBe(200);
  });

  it('answers unknown routes with a stable 404', async () => {
    const res = await t.app.inject({ url: '/api/nothing', headers: t.as.hr });
    expect(res.json()).toEqual({
      statusCode: 404,
      code: 'ROUTE_NOT_FOUND',
      message: '没有接口 GET /api/nothing',
    });
  });

  it('keeps internals out of a 5xx body', async () => {
    const broken = await buildTestApp();
    broken.db.$client.exec('PRAGMA foreign_keys = OFF; DROP TABLE placements; DROP TABLE runs;');
    const res = await broken.app.inject({ url: '/api/runs', headers: broken.as.hr });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ statusCode: 500, code: 'INTERNAL_ERROR', message: '服务器内部错误' });
    expect(res.body).not.toMatch(/runs|sqlite|table/i);
    await broken.app.close();
  });

  it('serves a real socket: upload, run and export over HTTP', async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    const upload = await fetch(`${base}/api/datasets`, {
      method: 'POST',
      headers: t.as.hr,
      body: form(SMALL()),
    });
    expect(upload.status).toBe(201);
    const { id: datasetId } = (await upload.json()) as { id: number };
    const run = await fetch(`${base}/api/runs`, {
      method: 'POST',
      headers: { ...t.as.hr, 'content-type': 'application/json' },
      body: JSON.stringify({ datasetId }),
    });
    expect(run.status).toBe(201);
    const { id: runId } = (await run.json()) as { id: number };
    const csv = await fetch(`${base}/api/runs/${runId}/placements?format=csv`, { headers: t.as.principal });
    expect(csv.status).toBe(200);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // The principal of S01 sees S01's own staff and those who arrived there only.
    const text = new TextDecoder().decode(bytes);
    expect(
      text
        .split('\r\n')
        .filter((l) => /^T\d/.test(l))
        .map((l) => l.slice(0, 4)),
    ).toEqual(['T001', 'T002', 'T003', 'T004']);
  });
});
