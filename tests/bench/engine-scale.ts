import { performance } from 'node:perf_hooks';
import { allocate } from '../../engine';
import { FIXTURE_SEED, generateCounty } from '../../fixtures/generator/county';

/**
 * One scale of the engine benchmark, in its own process so that its peak memory is its own:
 * `tsx tests/bench/engine-scale.ts <scale> <runs>` prints one JSON line. Runs follow each other without a
 * forced collection in between, as they would in the server: forcing one (gc()) shrinks the heap and makes
 * the next run pay to grow it again, which doubled the fixture's median in our measurements.
 */
const scale = Number(process.argv[2] ?? 1);
const runs = Number(process.argv[3] ?? 15);

const dataset = generateCounty({ seed: FIXTURE_SEED, scale });
const times: number[] = [];
let hash = '';
// One warm-up run so the JIT has compiled the hot paths before anything is timed.
allocate(dataset);
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const result = allocate(dataset);
  times.push(performance.now() - t0);
  if (hash !== '' && hash !== result.outputHash) throw new Error('allocate is not deterministic');
  hash = result.outputHash;
}
times.sort((a, b) => a - b);
const median =
  times.length % 2
    ? times[(times.length - 1) / 2]!
    : (times[times.length / 2 - 1]! + times[times.length / 2]!) / 2;
process.stdout.write(
  `${JSON.stringify({
    scale,
    staff: dataset.staff.length,
    schools: dataset.schools.length,
    runs,
    medianMs: Math.round(median * 10) / 10,
    minMs: Math.round(times[0]! * 10) / 10,
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    outputHash: hash,
  })}\n`,
);
