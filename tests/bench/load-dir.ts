import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDatasetDir } from '../../server/import';
import { peakRssMiB, timeRuns } from './timing';

/**
 * `tsx tests/bench/load-dir.ts <runs>`: the loader reading the 阳城 fixture folder (`readDatasetDir`, the
 * CLI's path from files to a Dataset), in its own process; prints one JSON line.
 */
const runs = Number(process.argv[2] ?? 31);
const FIXTURE = fileURLToPath(new URL('../../fixtures/yangcheng-2020', import.meta.url));

const timing = await timeRuns(
  runs,
  () => readDatasetDir(join(FIXTURE)),
  (result) => {
    if (!result.ok) throw new Error(`the fixture does not load: ${JSON.stringify(result.issues[0])}`);
  },
);
process.stdout.write(`${JSON.stringify({ ...timing, peakRssMiB: peakRssMiB() })}\n`);
