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
const timing = await timeRuns(
  runs,
  () => allocate(dataset),
  (result) => {
    if (hash !== '' && hash !== result.outputHash) throw new Error('allocate is not deterministic');
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
    peakRssMiB: peakRssMiB(),
    outputHash: hash,
  })}\n`,
);
