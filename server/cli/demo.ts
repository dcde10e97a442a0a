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
      process.stderr.write(`样例数据未通过检查：\n${formatIssues(imported.issues)}\n`);
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
    // What the operator reads next: in Chinese, like the rest of the demo's output.
    process.stdout.write(
      [
        `数据集 #${imported.id}、分配 #${run.run.id} 已存入 ${dbPath}`,
        `公示 CSV：全县 ${relative('.', written[0] ?? OUT)}，各校 ${written.length - 2} 个文件在 ${join(OUT, 'schools')}/`,
        `公示 Excel（全县与各校工作表）：${relative('.', written.at(-1) ?? OUT)}`,
        '',
        `运行 npm start，打开 http://localhost:${port} 登录（演示账户密码均为 ${DEMO_PASSWORD}）：`,
        ...DEMO_ACCOUNTS.map(
          (a) => `  ${a.username.padEnd(16)} ${a.displayName}${a.schoolCode ? `（${a.schoolCode}）` : ''}`,
        ),
        '脚本请改用 API 令牌：npm run token -- --role hr（见 docs/API.md）。',
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
