import { parseArgs } from 'node:util';
import { allocate } from '../../engine';
import { readDatasetDir } from '../import';
import { formatIssues } from '../report/issues-text';
import { formatSummaryTable } from '../report/summary-table';

/**
 * `npm run allocate -- <dataset-dir> [--rules file] [--json]`: runs the engine on a dataset folder, with no
 * server and no database. Exit codes: 0 done, 1 the dataset (or rules) was rejected, 2 bad usage.
 */
const USAGE = 'usage: npm run allocate -- <dataset-dir> [--rules rules.json] [--json]';

async function main(): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const dir = args.positionals[0];
  if (dir === undefined || args.positionals.length > 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const loaded = await readDatasetDir(
    dir,
    args.values.rules === undefined ? {} : { rulesPath: args.values.rules },
  );
  if (!loaded.ok) {
    process.stderr.write(
      `Dataset rejected (${loaded.issues.length} problem(s)); nothing was run:\n${formatIssues(loaded.issues)}\n`,
    );
    return 1;
  }
  const result = allocate(loaded.dataset, loaded.rules);
  process.stdout.write(args.values.json ? `${JSON.stringify(result)}\n` : `${formatSummaryTable(result)}\n`);
  return 0;
}

function parse() {
  return parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { rules: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`allocate failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
