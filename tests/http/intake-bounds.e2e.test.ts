import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, form, SMALL, type TestApp, tableCounts } from './helper';

/**
 * The three uploads that crashed the server before the loader was bounded (issue #6), sent over a real
 * socket: each is answered 400 with a small body, and the server keeps serving. (How fast is measured in
 * the report, not asserted: no timed assertions.)
 */
describe('bounded intake over HTTP', () => {
  let t: TestApp;
  let base = '';
  beforeAll(async () => {
    t = await buildTestApp();
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => t.app.close());

  async function upload(
    files: Record<string, string | Uint8Array>,
  ): Promise<{ status: number; text: string }> {
    const res = await fetch(`${base}/api/datasets`, { method: 'POST', headers: t.as.hr, body: form(files) });
    return { status: res.status, text: await res.text() };
  }

  async function stillServing(): Promise<void> {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
  }

  const staffHeader = (extra: string) => `${String(SMALL().staff).split('\n')[0]?.trim()}${extra}`;

  it('a 志愿1000000000 header is refused at the header, not built into a billion-slot array', async () => {
    const staff = `${staffHeader(',志愿1000000000')}\nT001,张伟,M,1975-03-08,S01,语文,high,senior,25,88.5\n`;
    const before = tableCounts(t.db);
    const res = await upload({ ...SMALL(), staff });
    expect(res.status).toBe(400);
    expect(res.text.length).toBeLessThan(1_000_000);
    const body = JSON.parse(res.text);
    expect(body.issues).toContainEqual(
      expect.objectContaining({
        code: 'CHOICE_COLUMNS_TOO_MANY',
        file: 'staff.csv',
        line: 1,
        column: '志愿1000000000',
      }),
    );
    expect(tableCounts(t.db)).toEqual(before);
    await stillServing();
  });

  it('a valid header and a million one-character lines: refused for its size, with a small body', async () => {
    const staff = `${staffHeader('')}\n${'x\n'.repeat(1_000_000)}`;
    const res = await upload({ ...SMALL(), staff });
    expect(res.status).toBe(400);
    expect(res.text.length).toBeLessThan(1_000_000);
    expect(JSON.parse(res.text).issues).toContainEqual(
      expect.objectContaining({ code: 'FILE_TOO_MANY_ROWS', file: 'staff.csv' }),
    );
    await stillServing();
  });

  it('100,000 bad lines: the first 200 problems are listed and the rest counted', async () => {
    const staff = `${staffHeader('')}\n${'x\n'.repeat(100_000)}`;
    const res = await upload({ ...SMALL(), staff });
    expect(res.status).toBe(400);
    expect(res.text.length).toBeLessThan(1_000_000);
    const body = JSON.parse(res.text);
    expect(body.issues).toHaveLength(200);
    expect(body.moreIssues).toBeGreaterThan(100_000);
    await stillServing();
  });

  it('an 18 MB rules.json of bad entries is refused for its size', async () => {
    const entries = '"nope",'.repeat(Math.floor((18 * 1024 * 1024) / 7));
    const rules = `{"tieBreak":[${entries}"nope"]}`;
    const res = await upload({ ...SMALL(), rules });
    expect(res.status).toBe(400);
    expect(res.text.length).toBeLessThan(1_000_000);
    expect(JSON.parse(res.text).issues).toContainEqual(
      expect.objectContaining({ code: 'FILE_TOO_LARGE', file: 'rules.json' }),
    );
    await stillServing();
  });
});
