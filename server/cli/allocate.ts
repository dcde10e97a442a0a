import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { allocate } from '../../engine';
import { pickLang } from '../i18n/lang';
import { readDatasetDir } from '../import';
import { formatIssues } from '../report/issues-text';
import { problemsXlsx } from '../report/problems-xlsx';
import { formatSummaryTable } from '../report/summary-table';

/**
 * `npm run allocate -- <dataset-dir> [--rules file] [--json] [--lang zh|en] [--problems report.xlsx]`:
 * runs the engine on a dataset folder (CSV, .xlsx, .xls or one workbook), with no server and no database.
 * Import warnings go to stderr as `warning: file:line [column]: message` (and into `--json` as
 * `importWarnings`); `--problems` also writes problems and warnings as an .xlsx report (no birth dates or
 * ID numbers in it). Exit codes: 0 done, 1 the dataset (or rules) was rejected, 2 bad usage.
 */
const USAGE =
  'usage: npm run allocate -- <dataset-dir> [--rules rules.json] [--json] [--lang zh|en] [--problems report.xlsx]';

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
  const lang = pickLang(args.values.lang);
  const rules = args.values.rules === undefined ? {} : { rulesPath: args.values.rules };
  const loaded = await readDatasetDir(dir, { ...rules, lang });
  if (args.values.problems !== undefined) {
    // Read again with dates and ID numbers left out of the messages: the report travels by e-mail.
    const redacted = await readDatasetDir(dir, { ...rules, lang, redact: true });
    const report = {
      issues: redacted.ok ? [] : redacted.issues,
      moreIssues: redacted.ok ? 0 : redacted.moreIssues,
      warnings: redacted.warnings,
      moreWarnings: redacted.moreWarnings,
    };
    await writeFile(args.values.problems, await problemsXlsx(report, lang));
  }
  if (loaded.warnings.length > 0) {
    const more = loaded.moreWarnings > 0 ? `\nwarning: … ${loaded.moreWarnings} more` : '';
    process.stderr.write(`${formatIssues(loaded.warnings, 'warning: ')}${more}\n`);
  }
  if (!loaded.ok) {
    const count = loaded.issues.length + loaded.moreIssues;
    const more = loaded.moreIssues > 0 ? `\n… ${loaded.moreIssues} more` : '';
    const title =
      lang === 'zh'
        ? `数据集被拒绝（${count} 个问题），未运行：`
        : `Dataset rejected (${count} problem(s)); nothing was run:`;
    process.stderr.write(`${title}\n${formatIssues(loaded.issues)}${more}\n`);
    return 1;
  }
  const result = allocate(loaded.dataset, loaded.rules);
  const json = () => JSON.stringify({ ...result, importWarnings: loaded.warnings });
  process.stdout.write(args.values.json ? `${json()}\n` : `${formatSummaryTable(result)}\n`);
  return 0;
}

function parse() {
  return parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      rules: { type: 'string' },
      json: { type: 'boolean', default: false },
      lang: { type: 'string' },
      problems: { type: 'string' },
    },
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
