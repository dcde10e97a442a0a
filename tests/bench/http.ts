import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { closeDatabase, openDatabase } from '../../db';
import { CLI_ACTOR } from '../../server/plugins/auth';
import { issueToken } from '../../server/services/tokens';
import { fixtureForm, ROOT, stopServer } from './server-process';
import { median, round1 } from './timing';

export interface HttpBenchOptions {
  /** Timed upload → run → CSV rounds (after one warm-up). */
  readonly runs?: number;
  readonly connections?: number;
  readonly durationSeconds?: number;
  /** The server's LOG_LEVEL; `info` logs every request as production does. */
  readonly logLevel?: string;
}

export interface HttpBenchFigures {
  readonly pipeline: {
    readonly runs: number;
    readonly medianMs: number;
    readonly minMs: number;
    readonly uploadMedianMs: number;
    readonly runMedianMs: number;
    readonly csvMedianMs: number;
    readonly targetMs: 150;
  };
  readonly candidates: {
    readonly path: string;
    readonly responseBytes: number;
    readonly connections: number;
    readonly durationSeconds: number;
    readonly requestsPerSec: number;
    readonly p50Ms: number;
    readonly p99Ms: number;
    readonly errors: number;
    readonly non2xx: number;
    readonly target: { readonly requestsPerSec: 2000; readonly p99Ms: 50 };
  };
  readonly logLevel: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForHealth(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become healthy');
}

/**
 * The service over a real socket, as `npm start` runs it (its own process, a SQLite file in WAL mode):
 * upload + run + county CSV export of the 阳城 fixture (median of `runs`), then the busiest school's
 * candidates endpoint under autocannon load.
 */
export async function benchHttp(options: HttpBenchOptions = {}): Promise<HttpBenchFigures> {
  const runs = options.runs ?? 7;
  const connections = options.connections ?? 10;
  const durationSeconds = options.durationSeconds ?? 10;
  const logLevel = options.logLevel ?? 'warn';
  const dir = mkdtempSync(join(tmpdir(), 'xgxp-bench-'));
  const dbPath = join(dir, 'bench.sqlite');
  const db = openDatabase(dbPath);
  const auth = { authorization: `Bearer ${issueToken(db, { role: 'hr' }, CLI_ACTOR).token}` };
  closeDatabase(db);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: dbPath,
      LOG_LEVEL: logLevel,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForHealth(base, child);
    const upload = [];
    const run = [];
    const csv = [];
    const total = [];
    let runId = 0;
    for (let i = 0; i <= runs; i++) {
      const t0 = performance.now();
      const up = await fetch(`${base}/api/datasets`, { method: 'POST', headers: auth, body: fixtureForm() });
      if (up.status !== 201) throw new Error(`upload: ${up.status} ${await up.text()}`);
      const { id: datasetId } = (await up.json()) as { id: number };
      const t1 = performance.now();
      const created = await fetch(`${base}/api/runs`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ datasetId }),
      });
      if (created.status !== 201) throw new Error(`run: ${created.status} ${await created.text()}`);
      runId = ((await created.json()) as { id: number }).id;
      const t2 = performance.now();
      const exported = await fetch(`${base}/api/runs/${runId}/placements?format=csv`, { headers: auth });
      if (exported.status !== 200 || (await exported.arrayBuffer()).byteLength < 1000)
        throw new Error('csv export failed');
      const t3 = performance.now();
      if (i === 0) continue; // warm-up: JIT, SQLite page cache
      upload.push(t1 - t0);
      run.push(t2 - t1);
      csv.push(t3 - t2);
      total.push(t3 - t0);
    }

    const detail = (await (await fetch(`${base}/api/runs/${runId}`, { headers: auth })).json()) as {
      schools: { schoolCode: string; posts: number }[];
    };
    const busiest = [...detail.schools].sort((a, b) => b.posts - a.posts)[0];
    if (!busiest) throw new Error('no schools in the run');
    const path = `/api/runs/${runId}/schools/${busiest.schoolCode}/candidates`;
    const sample = await fetch(`${base}${path}`, { headers: auth });
    const responseBytes = (await sample.arrayBuffer()).byteLength;
    await autocannon({ url: `${base}${path}`, connections, duration: 2, headers: auth }); // warm-up
    const load = await autocannon({
      url: `${base}${path}`,
      connections,
      duration: durationSeconds,
      headers: auth,
    });

    return {
      pipeline: {
        runs,
        medianMs: round1(median(total)),
        minMs: round1(Math.min(...total)),
        uploadMedianMs: round1(median(upload)),
        runMedianMs: round1(median(run)),
        csvMedianMs: round1(median(csv)),
        targetMs: 150,
      },
      candidates: {
        path,
        responseBytes,
        connections,
        durationSeconds,
        requestsPerSec: Math.round(load.requests.average),
        p50Ms: load.latency.p50,
        p99Ms: load.latency.p99,
        errors: load.errors + load.timeouts,
        non2xx: load.non2xx,
        target: { requestsPerSec: 2000, p99Ms: 50 },
      },
      logLevel,
    };
  } finally {
    await stopServer(child, dir);
  }
}

// `tsx tests/bench/http.ts [logLevel]` prints the figures as JSON.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchHttp({ logLevel: process.argv[2] ?? 'warn' }).then(
    (figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
