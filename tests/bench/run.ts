import { execFile } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { benchHttp } from './http';
import { benchLoader } from './loader';
import type { Timing } from './timing';

/**
 * `npm run bench` (or `npm run bench -- load|engine|loader|http`): every row of issue 8's table with its target,
 * median and min, peak memory per instance, and the CPU time per run (which the machine's other load
 * inflates much less than the wall clock). Each engine instance and the loader run in their own
 * process, so a peak is that instance's own. Figures, not assertions: shared machines make timed tests flaky.
 */
const exec = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');

interface Row extends Omit<Timing, 'cpuMedianMs'> {
  readonly cpuMedianMs?: number;
  readonly peakRssMiB?: number;
  readonly firstRunPeakRssMiB?: number;
  /** What an engine instance was made of (engine-scale.ts reports it), so its row names what was measured. */
  readonly staff?: number;
  readonly applications?: number;
}

async function child(script: string, args: readonly (string | number)[]): Promise<Row> {
  const { stdout } = await exec(
    process.execPath,
    ['--import', 'tsx', '--max-old-space-size=8192', join(ROOT, 'tests/bench', script), ...args.map(String)],
    { cwd: ROOT, maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout) as Row;
}

const WHAT = 66;
const ms = (x: number) => `${x.toLocaleString('en-US', { maximumFractionDigits: 1 })} ms`;
function line(what: string, target: string, row: Row): string {
  const mib = (x: number) => x.toLocaleString('en-US');
  const first = row.firstRunPeakRssMiB === undefined ? '' : `${mib(row.firstRunPeakRssMiB)} / `;
  const peak = row.peakRssMiB === undefined ? '' : `${first}${mib(row.peakRssMiB)} MiB`;
  const cpu = row.cpuMedianMs === undefined ? '' : ms(row.cpuMedianMs);
  return `${what.padEnd(WHAT)}${target.padStart(22)}${ms(row.medianMs).padStart(12)}${ms(row.minMs).padStart(12)}${String(row.runs).padStart(6)}${peak.padStart(18)}${cpu.padStart(12)}`;
}

const loadAtStart = loadavg()[0]!;
const only = process.argv.slice(2);
const want = (part: string) => only.length === 0 || only.includes(part);

console.log(
  `${'what'.padEnd(WHAT)}${'target (median)'.padStart(22)}${'median'.padStart(12)}${'min'.padStart(12)}${'runs'.padStart(6)}${'peak RSS 1st/all'.padStart(18)}${'CPU median'.padStart(12)}`,
);
if (want('load')) {
  console.log(line('load the fixture folder (readDatasetDir)', '≤ 20 ms', await child('load-dir.ts', [31])));
}
if (want('engine')) {
  // Each label is completed with the size of the instance the child actually built, not a figure typed here.
  const n = (x: number | undefined) => (x ?? 0).toLocaleString('en-US');
  const rows: [(r: Row) => string, string, string, number][] = [
    [(r) => `allocate on the fixture (${n(r.staff)} staff)`, '≤ 15 ms', '1', 31],
    [
      (r) => `allocate, cross-school only (${n(r.staff)} staff, ${n(r.applications)} applications)`,
      '≤ 20 ms',
      'cross-school',
      31,
    ],
    [(r) => `allocate at 10× (${n(r.staff)} staff)`, '≤ 250 ms', '10', 9],
    [(r) => `allocate at 100× (${n(r.staff)} staff)`, '≤ 3,000 ms, 1 GiB', '100', 3],
  ];
  for (const [what, target, instance, runs] of rows) {
    const row = await child('engine-scale.ts', [instance, runs]);
    console.log(line(what(row), target, row));
  }
}
if (want('loader')) {
  // The fixture's readDatasetDir is the table's first row (in its own process); these are issue #6's
  // hostile inputs, each refused in process.
  const f = await benchLoader();
  for (const h of f.hostile)
    console.log(`refused ${h.name}: ${h.ms} ms, ${h.problems} problem(s) — target ≤ 2,000 ms`);
}
if (want('http')) {
  const f = await benchHttp();
  const p = f.pipeline;
  console.log(line('HTTP upload + run + 公示 CSV of the fixture', `≤ ${p.targetMs} ms`, p));
  console.log(
    `  of which upload ${p.uploadMedianMs} ms, run ${p.runMedianMs} ms, csv ${p.csvMedianMs} ms (medians)`,
  );
  const c = f.candidates;
  console.log(
    `${c.path}: ${c.requestsPerSec} req/s, p50 ${c.p50Ms} ms, p99 ${c.p99Ms} ms, ${c.connections} connections × ${c.durationSeconds} s, errors ${c.errors}, non-2xx ${c.non2xx} — target ≥ ${c.target.requestsPerSec} req/s, p99 ≤ ${c.target.p99Ms} ms`,
  );
}
if (want('mixed')) {
  const { benchMixed, printMixed } = await import('./mixed');
  printMixed(await benchMixed());
}
console.log(
  `load average (1 min) of the machine: ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end`,
);
