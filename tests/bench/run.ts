import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { benchHttp } from './http';
import { benchLoader } from './loader';

/**
 * `npm run bench`: the engine on the 阳城 fixture and on generated counties 10× and 100× its size, each
 * scale in its own process (so peak memory is that scale's own), then the service over HTTP.
 * Targets (issue 2 and 3): fixture ≤ 20 ms median, 100× ≤ 3 s; upload+run+CSV ≤ 500 ms median;
 * candidates ≥ 2,000 req/s with p99 ≤ 50 ms. Figures, not assertions: shared machines make timed tests flaky.
 */
const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');

interface ScaleFigures {
  scale: number;
  staff: number;
  schools: number;
  runs: number;
  medianMs: number;
  minMs: number;
  peakRssMiB: number;
}

async function engineScale(scale: number, runs: number): Promise<ScaleFigures> {
  const { stdout } = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      '--max-old-space-size=8192',
      join(ROOT, 'tests/bench/engine-scale.ts'),
      String(scale),
      String(runs),
    ],
    { cwd: ROOT, maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout) as ScaleFigures;
}

const only = process.argv.slice(2);
const want = (part: string) => only.length === 0 || only.includes(part);

if (want('engine')) {
  const rows: ScaleFigures[] = [];
  for (const [scale, runs] of [
    [1, 31],
    [10, 9],
    [100, 3],
  ] as const) {
    rows.push(await engineScale(scale, runs));
  }
  console.log('engine: allocate() on the fixture and generated counties');
  console.log('scale      staff  schools  runs  median ms    min ms  peak RSS MiB  ms per 1k staff');
  for (const r of rows) {
    console.log(
      `${`${r.scale}×`.padEnd(6)}${String(r.staff).padStart(9)}${String(r.schools).padStart(9)}${String(r.runs).padStart(6)}${r.medianMs.toFixed(1).padStart(11)}${r.minMs.toFixed(1).padStart(10)}${String(r.peakRssMiB).padStart(14)}${((r.medianMs / r.staff) * 1000).toFixed(2).padStart(17)}`,
    );
  }
  const [one, , hundred] = rows;
  // n·log n from 1× to 100× allows a factor of 100 · log(348700)/log(3487) ≈ 157.
  const growth = hundred!.medianMs / one!.medianMs;
  console.log(
    `growth 1× → 100×: ${growth.toFixed(0)}× (n·log n bound ≈ ${((100 * Math.log(hundred!.staff)) / Math.log(one!.staff)).toFixed(0)}×)`,
  );
  console.log('targets: fixture ≤ 20 ms median; 100× ≤ 3,000 ms\n');
}

if (want('loader')) {
  const f = await benchLoader();
  console.log(
    `loader: readDatasetDir on the fixture: median ${f.medianMs} ms, min ${f.minMs} ms (${f.runs} runs) — target ≤ 20 ms`,
  );
  for (const h of f.hostile)
    console.log(`  refused ${h.name}: ${h.ms} ms, ${h.problems} problem(s) — target ≤ 2,000 ms`);
  console.log('');
}

if (want('http')) {
  const f = await benchHttp();
  console.log('service over HTTP (127.0.0.1)');
  console.log(
    `upload + run + 公示 CSV of the fixture: median ${f.pipeline.medianMs} ms (upload ${f.pipeline.uploadMedianMs}, run ${f.pipeline.runMedianMs}, csv ${f.pipeline.csvMedianMs}; ${f.pipeline.runs} runs) — target ≤ ${f.pipeline.targetMs} ms`,
  );
  console.log(
    `${f.candidates.path}: ${f.candidates.requestsPerSec} req/s, p50 ${f.candidates.p50Ms} ms, p99 ${f.candidates.p99Ms} ms, ${f.candidates.connections} connections × ${f.candidates.durationSeconds} s, errors ${f.candidates.errors}, non-2xx ${f.candidates.non2xx} — target ≥ ${f.candidates.target.requestsPerSec} req/s, p99 ≤ ${f.candidates.target.p99Ms} ms`,
  );
}

if (want('mixed')) {
  const { benchMixed, printMixed } = await import('./mixed');
  printMixed(await benchMixed());
}
