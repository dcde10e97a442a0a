import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Db, queryPlacements } from '../../db';
import type { AllocationResult } from '../../engine/types';
import { namesFrom } from '../render';
import { publicityCsv } from './publicity-csv';
import { countySheets, publicityXlsx } from './publicity-xlsx';

/**
 * Writes a run's 公示 lists: `county.csv` with everyone, and `schools/<code>-<name>.csv` per school with its own
 * staff (wherever they went) and those who arrived; and the same as one workbook, `county.xlsx` (a county
 * sheet and a sheet per school). Returns the paths written, county.csv first and county.xlsx last.
 */
export async function writePublicityFiles(
  db: Db,
  runId: number,
  result: AllocationResult,
  outDir: string,
): Promise<string[]> {
  const schoolsDir = join(outDir, 'schools');
  mkdirSync(schoolsDir, { recursive: true });
  const written: string[] = [];
  const names = namesFrom(result.schools);
  const county = join(outDir, 'county.csv');
  const everyone = queryPlacements(db, runId);
  writeFileSync(county, publicityCsv(everyone, names));
  written.push(county);
  for (const school of result.schools) {
    const file = join(schoolsDir, `${school.schoolCode}-${school.name.replace(/[\\/:*?"<>|]/g, '_')}.csv`);
    writeFileSync(
      file,
      publicityCsv(queryPlacements(db, runId, { concerningSchool: school.schoolCode }), names),
    );
    written.push(file);
  }
  const workbook = join(outDir, 'county.xlsx');
  writeFileSync(workbook, await publicityXlsx(countySheets(everyone), names));
  written.push(workbook);
  return written;
}
