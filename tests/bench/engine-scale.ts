import { allocate } from '../../engine';
import type { Dataset } from '../../engine/types';
import { FIXTURE_SEED, generateCounty } from '../../fixtures/generator/county';
import { generateCrossSchool } from '../../fixtures/generator/cross-school';
import { peakRssMiB, timeRuns } from './timing';

/**
 * One engine instance of the benchmark, in its own process so that its peak memory is its own:
 * `tsx tests/bench/engine-scale.ts <instance> <runs>` prints one JSON line. `instance` is a scale of the
 * 阳城 county (1 is the fixture, 10, 100) or `cross-school`: 3,500 staff of a merging school choosing 5
 * schools each, every school ranking by its own applications.csv score (17,500 rows).
 */
const instance = process.argv[2] ?? '1';
const runs = Number(process.argv[3] ?? 15);

const dataset: Dataset =
  instance === 'cross-school'
    ? generateCrossSchool({ seed: FIXTURE_SEED, staff: 3500, choices: 5 })
    : generateCounty({ seed: FIXTURE_SEED, scale: Number(instance) });
let hash = '';
// Peak after the first (warm-up) run: one run's own footprint. Later runs add the garbage V8 lets the heap
// keep between runs, which the peak over all runs shows.
let firstRunPeakRssMiB = 0;
const timing = await timeRuns(
  runs,
  () => allocate(dataset),
  (result) => {
    if (hash !== '' && hash !== result.outputHash) throw new Error('allocate is not deterministic');
    if (hash === '') firstRunPeakRssMiB = peakRssMiB();
    hash = result.outputHash;
  },
);
process.stdout.write(
  `${JSON.stringify({
    instance,
    staff: dataset.staff.length,
    schools: dataset.schools.length,
    applications: dataset.applications.length,
    ...timing,
    firstRunPeakRssMiB,
    peakRssMiB: peakRssMiB(),
    outputHash: hash,
  })}\n`,
);
