import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Db, queryPlacements } from '../../db';
import type { AllocationResult } from '../../engine/types';
import { namesFrom } from '../render';
import { publicityCsv } from './publicity-csv';

/**
 * Writes a run's 公示 lists: `county.csv` with everyone, and `schools/<code>-<name>.csv` per school with its own
 * staff (wherever they went) and those who arrived. Returns the paths written.
 */
export function writePublicityFiles(
  db: Db,
  runId: number,
  result: AllocationResult,
  outDir: string,
): string[] {
  const schoolsDir = join(outDir, 'schools');
  mkdirSync(schoolsDir, { recursive: true });
  const written: string[] = [];
  const names = namesFrom(result.schools);
  const county = join(outDir, 'county.csv');
  writeFileSync(county, publicityCsv(queryPlacements(db, runId), names));
  written.push(county);
  for (const school of result.schools) {
    const file = join(schoolsDir, `${school.schoolCode}-${school.name.replace(/[\\/:*?"<>|]/g, '_')}.csv`);
    writeFileSync(
      file,
      publicityCsv(queryPlacements(db, runId, { concerningSchool: school.schoolCode }), names),
    );
    written.push(file);
  }
  return written;
}
