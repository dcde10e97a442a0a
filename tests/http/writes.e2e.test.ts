import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../db';
import { buildApp } from '../../server/app';
import { CLI_ACTOR } from '../../server/plugins/auth';
import { issueToken } from '../../server/services/tokens';
import { buildTestApp, FIXTURE_DIR, form, readFiles, SMALL, type TestApp, tableCounts } from './helper';

const upload = (t: TestApp, files = SMALL(), headers: Record<string, string> = {}, label?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/datasets',
    headers: { ...t.as.hr, ...headers },
    payload: form(files, label === undefined ? {} : { label }),
  });

describe('Idempotency-Key (issue 10 item 9)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.app.close());

  it('answers a retried upload with the first answer and creates nothing', async () => {
    const first = await upload(t, SMALL(), { 'idempotency-key': 'upload-1' }, '初稿');
    expect(first.statusCode).toBe(201);
    const after = tableCounts(t.db);
    const again = await upload(t, SMALL(), { 'idempotency-key': 'upload-1' }, '初稿');
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(tableCounts(t.db)).toEqual(after);
    const stored = t.db.$client
      .prepare('SELECT resource FROM idempotency_keys WHERE key = ?')
      .get('upload-1');
    expect(stored).toEqual({ resource: `dataset:${first.json().id}` });
  });

  it('refuses the same key with another body with 422, creating nothing', async () => {
    await upload(t, SMALL(), { 'idempotency-key': 'upload-2' });
    const before = tableCounts(t.db);
    const other = await upload(t, SMALL(), { 'idempotency-key': 'upload-2' }, 'another label');
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(tableCounts(t.db)).toEqual(before);
  });

  it('makes a retried run a no-op, and keys belong to their caller', async () => {
    const datasetId = (await upload(t)).json().id;
    const post = (headers: Record<string, string>, payload: unknown) =>
      t.app.inject({
        method: 'POST',
        url: '/api/runs',
        headers,
        payload: payload as Record<string, unknown>,
      });
    const key = { 'idempotency-key': 'run-1' };
    const first = await post({ ...t.as.hr, ...key }, { datasetId });
    expect(first.statusCode).toBe(201);
    const counts = tableCounts(t.db);
    // Same body, keys in another order: the same request.
    const again = await post({ ...t.as.hr, ...key }, { datasetId });
    expect(again.json()).toEqual(first.json());
    expect(tableCounts(t.db)).toEqual(counts);
    const other = await post({ ...t.as.hr, ...key }, { datasetId, rules: { nearRetirementYears: 2 } });
    expect(other.statusCode).toBe(422);
    expect(tableCounts(t.db)).toEqual(counts);
    // Another hr token's key of the same name is its own.
    const otherHr = {
      authorization: `Bearer ${issueToken(t.db, { role: 'hr', schoolCode: null }, CLI_ACTOR).token}`,
    };
    const theirs = await post({ ...otherHr, ...key }, { datasetId });
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(first.json().id);
  });

  it('makes a retried account creation a no-op (the password stays out of the stored fingerprint)', async () => {
    const account = { username: 'zhang.hr', password: 'correct horse 1', role: 'hr', displayName: '张老师' };
    const post = (body: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/accounts',
        headers: { ...t.as.hr, 'idempotency-key': 'acct-1' },
        payload: body,
      });
    const first = await post(account);
    expect(first.statusCode).toBe(201);
    const counts = tableCounts(t.db);
    const again = await post(account);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(tableCounts(t.db)).toEqual(counts);
    expect((await post({ ...account, displayName: '李老师' })).statusCode).toBe(422);
    const stored = t.db.$client
      .prepare("SELECT response_json AS r FROM idempotency_keys WHERE key = 'acct-1'")
      .get();
    expect(JSON.stringify(stored)).not.toContain('correct horse');
  });

  it('creates one dataset when two requests with one key race', async () => {
    const before = tableCounts(t.db);
    const [a, b] = await Promise.all([
      upload(t, SMALL(), { 'idempotency-key': 'race' }),
      upload(t, SMALL(), { 'idempotency-key': 'race' }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json()).toEqual(b.json());
    expect(tableCounts(t.db).datasets).toBe((before.datasets ?? 0) + 1);
  });

  it.each(['', 'x'.repeat(129), 'has space', '键'])('refuses a malformed key %j with 400', async (key) => {
    const before = tableCounts(t.db);
    const res = await upload(t, SMALL(), { 'idempotency-key': key });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('IDEMPOTENCY_KEY_INVALID');
    expect(tableCounts(t.db)).toEqual(before);
  });

  it('keeps keys across a restart (stored in the database)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idem-'));
    try {
      const path = join(dir, 'db.sqlite');
      const db1 = openDatabase(path);
      const hr = {
        authorization: `Bearer ${issueToken(db1, { role: 'hr', schoolCode: null }, CLI_ACTOR).token}`,
      };
      const app1 = await buildApp({ db: db1 });
      const send = (app: typeof app1) =>
        app.inject({
          method: 'POST',
          url: '/api/datasets',
          headers: { ...hr, 'idempotency-key': 'k' },
          payload: form(SMALL()),
        });
      const first = await send(app1);
      await app1.close();
      closeDatabase(db1);
      const db2 = openDatabase(path);
      const app2 = await buildApp({ db: db2 });
      const again = await send(app2);
      expect(again.json()).toEqual(first.json());
      expect(tableCounts(db2).datasets).toBe(1);
      await app2.close();
      closeDatabase(db2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('write limits (issue 10 item 10)', () => {
  it('limits writes per token per minute with 429 and Retry-After', async () => {
    const t = await buildTestApp({ limits: { writesPerMinute: 2 } });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await upload(t)).statusCode);
      expect(statuses).toEqual([201, 201, 429]);
      const limited = await upload(t);
      expect(limited.json().code).toBe('RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // Replays are writes too; reads are not limited.
      const runs = await t.app.inject({ url: '/api/runs', headers: t.as.hr });
      expect(runs.statusCode).toBe(200);
      const otherHr = {
        authorization: `Bearer ${issueToken(t.db, { role: 'hr', schoolCode: null }, CLI_ACTOR).token}`,
      };
      const theirs = await t.app.inject({
        method: 'POST',
        url: '/api/datasets',
        headers: otherHr,
        payload: form(SMALL()),
      });
      expect(theirs.statusCode).toBe(201);
    } finally {
      await t.app.close();
    }
  });

  it('parses at most `concurrentUploads` uploads at once: the next gets 503 with Retry-After', async () => {
    const t = await buildTestApp({ limits: { concurrentUploads: 1 } });
    try {
      await t.app.listen({ host: '127.0.0.1', port: 0 });
      const { port } = t.app.server.address() as AddressInfo;
      // An upload that sends its headers and part of its body, then waits.
      const held = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/datasets',
        headers: {
          ...t.as.hr,
          'content-type': 'multipart/form-data; boundary=XYZ',
          'content-length': '100000',
        },
      });
      held.on('error', () => {});
      held.write(
        '--XYZ\r\nContent-Disposition: form-data; name="schools"; filename="s.csv"\r\n\r\nschool_code',
      );
      // Uploads until one answers `status` (the server takes the held upload's slot when its headers arrive).
      const uploadUntil = async (status: number): Promise<Response> => {
        for (let i = 0; ; i++) {
          const res = await fetch(`http://127.0.0.1:${port}/api/datasets`, {
            method: 'POST',
            headers: t.as.hr,
            body: form(SMALL()),
          });
          if (res.status === status || i === 100) return res;
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      const busy = await uploadUntil(503);
      expect(busy.status).toBe(503);
      expect(((await busy.json()) as { code: string }).code).toBe('SERVER_BUSY');
      expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);
      // The client goes away mid-upload: its slot is freed.
      held.destroy();
      expect((await uploadUntil(201)).status).toBe(201);
    } finally {
      await t.app.close();
    }
  });
});

describe('allocation off the event loop (issue 10 item 8)', () => {
  let t: TestApp;
  let runIds: number[];
  beforeAll(async () => {
    t = await buildTestApp({ limits: { allocationThreads: 1, allocationQueue: 1 } });
    const files = readFiles(FIXTURE_DIR, {
      schools: 'schools.csv',
      posts: 'posts.csv',
      staff: 'staff.csv',
      townships: 'townships.csv',
    });
    const datasetId = (await upload(t, files)).json().id;
    runIds = [];
    for (let i = 0; i < 4; i++) {
      const run = await t.app.inject({
        method: 'POST',
        url: '/api/runs',
        headers: t.as.hr,
        payload: { datasetId },
      });
      runIds.push(run.json().id);
    }
  });
  afterAll(() => t.app.close());

  const replay = (runId: number) =>
    t.app.inject({ method: 'POST', url: `/api/runs/${runId}/replay`, headers: t.as.auditor });

  it('answers /healthz while a county allocation runs in the pool', async () => {
    let settled = false;
    const running = replay(runIds[0]!).then((res) => {
      settled = true;
      return res;
    });
    let answered = 0;
    while (!settled) {
      const health = await t.app.inject({ url: '/healthz' });
      expect(health.statusCode).toBe(200);
      if (!settled) answered += 1;
      // Let the event loop poll (the worker's answer arrives as a message): inject alone never yields to it.
      await new Promise((r) => setTimeout(r, 5));
    }
    // On the event loop, the replay would finish before any health check got an answer.
    expect(answered).toBeGreaterThan(0);
    expect((await running).json().identical).toBe(true);
  });

  it('answers 503 SERVER_BUSY with Retry-After when the queue is full', async () => {
    const results = await Promise.all(runIds.map(replay));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses).toContain(503);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    const busy = results.find((r) => r.statusCode === 503)!;
    expect(busy.json().code).toBe('SERVER_BUSY');
    expect(Number(busy.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('gives concurrent replays of one run the same answer, each audited', async () => {
    const before = tableCounts(t.db).audit_log;
    const results = await Promise.all([1, 2, 3].map(() => replay(runIds[1]!)));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(new Set(results.map((r) => r.body)).size).toBe(1);
    expect(tableCounts(t.db).audit_log).toBe((before ?? 0) + 3);
  });
});
