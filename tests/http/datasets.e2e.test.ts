import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, form, SMALL, type TestApp, tableCounts } from './helper';

describe('datasets', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ maxFileBytes: 64 * 1024 });
  });
  afterAll(() => t.app.close());

  it('stores an upload with the SHA-256 of each file and answers 201 with counts', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/datasets',
      headers: t.as.hr,
      payload: form(SMALL(), { label: '2020 初稿' }),
    });
    expect(res.statusCode).toBe(201);
    const { id, counts } = res.json();
    expect(counts).toEqual({ schools: 4, posts: 6, staff: 11, townships: 2, applications: 0 });

    const detail = await t.app.inject({ url: `/api/datasets/${id}`, headers: t.as.auditor });
    expect(detail.statusCode).toBe(200);
    const body = detail.json();
    expect(body).toMatchObject({
      id,
      label: '2020 初稿',
      counts,
      createdBy: expect.stringMatching(/^token:/),
    });
    expect(body.files.map((f: { kind: string }) => f.kind).sort()).toEqual([
      'posts',
      'schools',
      'staff',
      'townships',
    ]);
    for (const f of body.files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);

    const list = await t.app.inject({ url: '/api/datasets', headers: t.as.hr });
    expect(list.json().datasets.map((d: { id: number }) => d.id)).toContain(id);
  });

  it('rejects a dataset with every problem listed and leaves every table unchanged', async () => {
    const before = tableCounts(t.db);
    const files = SMALL();
    files.staff = String(files.staff)
      .replace('T004,刘洋,M,1990-01-15', 'T004,刘洋,X,1990-13-45')
      .replace(',70,', ',abc,');
    files.posts = `${String(files.posts)}S99,语文,1,0\n`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/datasets',
      headers: t.as.hr,
      payload: form(files),
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('DATASET_INVALID');
    expect(body.issues.length).toBeGreaterThanOrEqual(3);
    for (const issue of body.issues)
      expect(Object.keys(issue).sort()).toEqual(['code', 'column', 'file', 'line', 'message']);
    expect(body.issues).toContainEqual(expect.objectContaining({ file: 'staff.csv', line: 5 }));
    expect(body.issues).toContainEqual(expect.objectContaining({ file: 'posts.csv', line: 8 }));
    expect(tableCounts(t.db)).toEqual(before);
  });

  it('refuses an unknown upload field instead of dropping it, and stores nothing', async () => {
    const before = tableCounts(t.db);
    const { townships, ...rest } = SMALL();
    const res = await t.app.inject({
      method: 'POST',
      headers: t.as.hr,
      // ?lang=en: the message is checked in English.
      url: '/api/datasets?lang=en',
      payload: form({ ...rest, township: townships! }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'DATASET_INVALID',
      issues: [
        {
          file: 'township',
          line: null,
          column: null,
          message: expect.stringMatching(
            /^unknown upload field "township"; expected schools, posts, staff, townships/,
          ),
        },
      ],
    });
    expect(tableCounts(t.db)).toEqual(before);
  });

  it('names a missing required file', async () => {
    const { staff: _staff, ...rest } = SMALL();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/datasets',
      headers: t.as.hr,
      payload: form(rest),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toContainEqual(expect.objectContaining({ file: 'staff.csv', line: null }));
  });

  it('refuses a file over the size limit with 413 and stores nothing', async () => {
    const before = tableCounts(t.db);
    const files = { ...SMALL(), staff: 'x'.repeat(65 * 1024) };
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/datasets',
      headers: t.as.hr,
      payload: form(files),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
    expect(tableCounts(t.db)).toEqual(before);
  });

  it('wants multipart', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/datasets',
      headers: t.as.hr,
      payload: { schools: 'x' },
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('NOT_MULTIPART');
  });

  it('answers 404 with a stable code for an unknown dataset', async () => {
    const res = await t.app.inject({ url: '/api/datasets/999', headers: t.as.hr });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ statusCode: 404, code: 'DATASET_NOT_FOUND', message: '没有数据集 999' });
  });
});
