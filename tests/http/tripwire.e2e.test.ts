import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, verifyAuditChain } from '../../db';
import { CLI_ACTOR } from '../../server/plugins/auth';
import { issueToken } from '../../server/services/tokens';
import { FIXTURE_DIR, form, readFiles } from './helper';

const ROOT = join(import.meta.dirname, '../..');

interface Server {
  readonly child: ChildProcess;
  readonly base: string;
  /** Resolves when the server logs a line matching `pattern`. */
  readonly logged: (pattern: RegExp) => Promise<void>;
}

/** The real process, as `npm start` runs it, on a free loopback port. */
async function start(databasePath: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: databasePath, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const w of waiters.filter((w) => w.pattern.test(out))) {
      w.resolve();
      waiters.splice(waiters.indexOf(w), 1);
    }
  });
  const logged = (pattern: RegExp) =>
    pattern.test(out)
      ? Promise.resolve()
      : new Promise<void>((resolve) => waiters.push({ pattern, resolve }));
  await logged(/Server listening at http:\/\/127\.0\.0\.1:\d+/);
  const base = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1] ?? '';
  out = '';
  return { child, base, logged };
}

async function kill(server: Server): Promise<void> {
  const exited = once(server.child, 'exit');
  server.child.kill('SIGKILL');
  await exited;
}

/**
 * Issue 10 item 12, a tripwire: the server is killed (SIGKILL) in the middle of an upload and of a run, and
 * the database must still be sound — integrity_check, no orphan rows, the audit chain — and a run made
 * before the kills must replay identically.
 */
describe('kill -9 in the middle of writes', () => {
  let dir: string;
  let path: string;
  let hr: { authorization: string };
  let auditor: { authorization: string };
  const files = () =>
    readFiles(FIXTURE_DIR, {
      schools: 'schools.csv',
      posts: 'posts.csv',
      staff: 'staff.csv',
      townships: 'townships.csv',
    });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tripwire-'));
    path = join(dir, 'db.sqlite');
    const db = openDatabase(path);
    const token = (role: 'hr' | 'auditor') => ({
      authorization: `Bearer ${issueToken(db, { role, schoolCode: null }, CLI_ACTOR).token}`,
    });
    hr = token('hr');
    auditor = token('auditor');
    closeDatabase(db);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the database sound and replays identical', async () => {
    // A dataset and a run stored normally.
    let server = await start(path);
    const upload = await fetch(`${server.base}/api/datasets`, {
      method: 'POST',
      headers: hr,
      body: form(files()),
    });
    expect(upload.status).toBe(201);
    const datasetId = ((await upload.json()) as { id: number }).id;
    const run = await fetch(`${server.base}/api/runs`, {
      method: 'POST',
      headers: { ...hr, 'content-type': 'application/json' },
      body: JSON.stringify({ datasetId }),
    });
    expect(run.status).toBe(201);
    const created = (await run.json()) as { id: number; summary: { total: number } };
    const runId = created.id;

    // Killed in the middle of an upload: half the body sent.
    const encoded = new Response(form(files()));
    const contentType = encoded.headers.get('content-type') ?? '';
    const body = Buffer.from(await encoded.arrayBuffer());
    const partial = httpRequest(`${server.base}/api/datasets`, {
      method: 'POST',
      headers: {
        ...hr,
        'content-type': contentType,
        'content-length': String(body.length),
      },
    });
    partial.on('error', () => {});
    partial.write(body.subarray(0, Math.floor(body.length / 2)));
    await server.logged(/"url":"\/api\/datasets"/);
    await kill(server);
    partial.destroy();

    // Killed in the middle of a run: as soon as the request is in.
    server = await start(path);
    const running = fetch(`${server.base}/api/runs`, {
      method: 'POST',
      headers: { ...hr, 'content-type': 'application/json' },
      body: JSON.stringify({ datasetId }),
    }).catch(() => null);
    await server.logged(/"url":"\/api\/runs"/);
    await kill(server);
    await running;

    // What is on disk.
    const db = openDatabase(path);
    try {
      expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
      const count = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;
      expect(
        count('SELECT count(*) AS n FROM dataset_files WHERE dataset_id NOT IN (SELECT id FROM datasets)'),
      ).toBe(0);
      expect(count('SELECT count(*) AS n FROM placements WHERE run_id NOT IN (SELECT id FROM runs)')).toBe(0);
      expect(count('SELECT count(*) AS n FROM runs WHERE dataset_id NOT IN (SELECT id FROM datasets)')).toBe(
        0,
      );
      // Every stored dataset and run has its audit entry, and every audit entry its row.
      expect(
        count(
          "SELECT count(*) AS n FROM datasets WHERE 'dataset:' || id NOT IN (SELECT subject FROM audit_log WHERE action = 'dataset.create')",
        ),
      ).toBe(0);
      expect(
        count(
          "SELECT count(*) AS n FROM runs WHERE 'run:' || id NOT IN (SELECT subject FROM audit_log WHERE action = 'run.create')",
        ),
      ).toBe(0);
      expect(
        count(
          "SELECT count(*) AS n FROM audit_log WHERE action = 'run.create' AND subject NOT IN (SELECT 'run:' || id FROM runs)",
        ),
      ).toBe(0);
      expect(count('SELECT count(*) AS n FROM datasets')).toBe(1);
      // Each stored run has all its placements.
      expect(
        count(
          `SELECT count(*) AS n FROM runs r WHERE (SELECT count(*) FROM placements p WHERE p.run_id = r.id) <> ${created.summary.total}`,
        ),
      ).toBe(0);
      expect(verifyAuditChain(db).ok).toBe(true);
    } finally {
      closeDatabase(db);
    }

    // The run made before the kills replays identically on a restarted server.
    server = await start(path);
    try {
      const replay = await fetch(`${server.base}/api/runs/${runId}/replay`, {
        method: 'POST',
        headers: auditor,
      });
      expect(replay.status).toBe(200);
      expect(((await replay.json()) as { identical: boolean }).identical).toBe(true);
    } finally {
      await kill(server);
    }
  });
});
