import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { closeDatabase, fromJsonText, openDatabase } from '../../db';
import { DATASET_FILES, type DatasetFileKind } from '../import';
import { FILE_NAMES } from '../import/types';
import { CLI_ACTOR } from '../plugins/auth';
import { formatIssues } from '../report/issues-text';
import { formatSummaryTable } from '../report/summary-table';
import { AllocationPool } from '../services/allocation-pool';
import { importDataset, type UploadedFile } from '../services/datasets';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, ensureDemoAccounts } from '../services/demo-accounts';
import { writePublicityFiles } from '../services/exports';
import { fromStoredResult } from '../services/legacy-results';
import { createRun } from '../services/runs';
import { runMain } from './run-main';

const FIXTURE = 'fixtures/yangcheng-2020';
const OUT = 'out/yangcheng-2020';

/**
 * `npm run demo`: imports the 阳城 2020 fixture into the SQLite database through the same service as
 * POST /api/datasets, runs it as POST /api/runs does, prints the report's table and writes the 公示 CSVs.
 */
async function main(): Promise<number> {
  const db = openDatabase();
  const pool = new AllocationPool({ threads: 1, queue: 1 });
  try {
    const files: Partial<Record<DatasetFileKind, UploadedFile>> = {};
    for (const kind of DATASET_FILES) {
      const path = join(FIXTURE, FILE_NAMES[kind]);
      if (existsSync(path)) files[kind] = { fileName: FILE_NAMES[kind], bytes: readFileSync(path) };
    }
    const imported = await importDataset(db, { files }, CLI_ACTOR, '阳城县 2020 (demo)');
    if (!imported.ok) {
      process.stderr.write(`The fixture was rejected:\n${formatIssues(imported.issues)}\n`);
      return 1;
    }
    const run = await createRun(db, pool, { datasetId: imported.id, rulesOverride: undefined }, CLI_ACTOR);
    if (!run.ok) throw new Error(`run failed: ${run.reason}`);

    const result = fromStoredResult(fromJsonText(run.created.resultJson));
    process.stdout.write(`${formatSummaryTable(result)}\n\n`);
    const written = await writePublicityFiles(db, run.run.id, result, OUT);
    const dbPath = process.env.DATABASE_PATH ?? 'data/yangcheng.sqlite';
    await ensureDemoAccounts(db);
    const port = process.env.PORT ?? '3000';
    process.stdout.write(
      [
        `dataset ${imported.id}, run ${run.run.id} stored in ${dbPath}`,
        `公示 CSVs: ${relative('.', written[0] ?? OUT)} and ${written.length - 2} per-school files in ${join(OUT, 'schools')}/`,
        `公示 workbook (county and per-school sheets): ${relative('.', written.at(-1) ?? OUT)}`,
        '',
        `npm start, then open http://localhost:${port} and log in (password ${DEMO_PASSWORD} for each):`,
        ...DEMO_ACCOUNTS.map(
          (a) =>
            `  ${a.username.padEnd(16)} ${a.role.padEnd(10)} ${a.displayName}${a.schoolCode ? ` (${a.schoolCode})` : ''}`,
        ),
        'Scripts use bearer tokens instead: npm run token -- --role hr (see docs/API.md).',
      ].join('\n'),
    );
    process.stdout.write('\n');
    return 0;
  } finally {
    await pool.close();
    closeDatabase(db);
  }
}

runMain(main, { stack: true });
