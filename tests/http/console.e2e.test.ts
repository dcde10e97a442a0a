import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, SMALL, type TestApp, uploadAndRun } from './helper';

/** A stand-in for web/dist: the server's part is routing, whatever the build contains. */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xgxp-console-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  return dir;
}

describe('the console beside the API', () => {
  let t: TestApp;
  let dir: string;
  let runId: number;
  beforeAll(async () => {
    dir = fakeBuild();
    t = await buildTestApp({ consoleDir: dir });
    ({ runId } = await uploadAndRun(t, SMALL()));
  });
  afterAll(async () => {
    await t.app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    '/',
    '/login',
    '/datasets',
    '/datasets/3',
    '/runs',
    '/runs/1',
    '/runs/1/schools/S01',
    '/runs/1/staff/T001',
    '/audit',
    '/accounts',
  ])('answers index.html at %s, without a login (the app asks for one)', async (url) => {
    const res = await t.app.inject({ url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('<div id="root">');
  });

  it('serves hashed assets as immutable', async () => {
    const res = await t.app.inject({ url: '/assets/index-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('leaves /api, /healthz and unknown paths alone', async () => {
    const api = await t.app.inject({ url: '/api/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    expect((await t.app.inject({ url: '/api/runs' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok', database: 'ok' });
    expect((await t.app.inject({ url: '/nothing-here' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/runs/1/elsewhere' })).statusCode).toBe(404);
  });

  it('answers a browser’s unknown page with the console (its 404 page), API paths with JSON', async () => {
    const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
    for (const url of ['/nothing-here', '/runs/1/elsewhere?x=1']) {
      const page = await t.app.inject({ url, headers: html });
      expect(page.statusCode).toBe(404);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.body).toContain('<div id="root">');
    }
    for (const url of ['/api/nothing-here', '/docs/nothing', '/healthz/x']) {
      const api = await t.app.inject({ url, headers: html });
      expect(api.statusCode).toBe(404);
      expect(api.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    }
    const post = await t.app.inject({ method: 'POST', url: '/nothing-here', headers: html });
    expect(post.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    expect((await t.app.inject({ url: '/nothing-here' })).json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });

  it('gives each school’s 城乡类别 with a run, for the urban/rural flows chart', async () => {
    const res = await t.app.inject({ url: `/api/runs/${runId}`, headers: t.as.hr });
    expect(res.json().areas).toEqual({ S01: 'urban', S02: 'town', P01: 'urban', P02: 'rural' });
  });

  it('sends a principal the county’s totals but no other school’s figures', async () => {
    const one = await t.app.inject({ url: `/api/runs/${runId}`, headers: t.as.principal });
    expect(one.json().areas).toEqual({ S01: 'urban' });
    expect(one.json().summary.bySchool.map((s: { schoolCode: string }) => s.schoolCode)).toEqual(['S01']);
    expect(one.json().summary.total).toBe(11);
    const list = await t.app.inject({ url: '/api/runs', headers: t.as.principal });
    expect(list.json().runs[0].summary.bySchool.map((s: { schoolCode: string }) => s.schoolCode)).toEqual([
      'S01',
    ]);
    const hr = await t.app.inject({ url: '/api/runs', headers: t.as.hr });
    expect(hr.json().runs[0].summary.bySchool).toHaveLength(4);
  });
});
