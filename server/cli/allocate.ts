import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { allocate } from '../../engine';
import { LANGS, pickLang } from '../i18n/lang';
import { readDatasetDir } from '../import';
import { namesFrom, warningText } from '../render';
import { formatIssues } from '../report/issues-text';
import { formatPerson } from '../report/person-text';
import { problemsXlsx } from '../report/problems-xlsx';
import { formatSummaryTable } from '../report/summary-table';
import { runMain } from './run-main';

/**
 * `npm run allocate -- <dataset-dir> [--rules file] [--json] [--lang zh|en] [--explain id|all]…
 * [--problems report.xlsx]`: runs the engine on a dataset folder (CSV, .xlsx, .xls or one workbook), with no
 * server and no database. `--json` prints the engine's result as is (data only, no sentences) with the
 * loader's `importWarnings`; otherwise the report's tables, the run's warnings and, for each `--explain`,
 * that person's explanation, in Chinese (default) or English. Import warnings go to stderr as
 * `warning: file:line [column]: message`; `--problems` also writes problems and warnings as an .xlsx report
 * (no birth dates or ID numbers in it). Exit codes: 0 done, 1 the dataset (or rules) was rejected, 2 bad
 * usage (an unknown option or --explain id, a --problems file that cannot be written).
 */
const USAGE =
  'usage: npm run allocate -- <dataset-dir> [--rules rules.json] [--json] [--lang zh|en] [--explain <staff_id>|all]… [--problems report.xlsx]';

async function main(): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const dir = args.positionals[0];
  const langArg = args.values.lang;
  if (dir === undefined || args.positionals.length > 1 || (langArg !== undefined && !isLang(langArg))) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const lang = pickLang(langArg);
  const rules = args.values.rules === undefined ? {} : { rulesPath: args.values.rules };
  const loaded = await readDatasetDir(dir, { ...rules, lang });
  let unwritable = false;
  if (args.values.problems !== undefined) {
    // Read again with dates and ID numbers left out of the messages: the report travels by e-mail.
    const redacted = await readDatasetDir(dir, { ...rules, lang, redact: true });
    const report = {
      issues: redacted.ok ? [] : redacted.issues,
      moreIssues: redacted.ok ? 0 : redacted.moreIssues,
      warnings: redacted.warnings,
      moreWarnings: redacted.moreWarnings,
    };
    try {
      await writeFile(args.values.problems, await problemsXlsx(report, lang));
    } catch (err) {
      // A mistyped path is a usage error: say so, and still print the problems below.
      const why = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      const path = args.values.problems;
      process.stderr.write(
        lang === 'zh'
          ? `无法写入问题清单 ${path}（${why}）\n`
          : `cannot write the problem report ${path} (${why})\n`,
      );
      unwritable = true;
    }
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
    return unwritable ? 2 : 1;
  }
  if (unwritable) return 2;
  const result = allocate(loaded.dataset, loaded.rules);
  if (args.values.json) {
    process.stdout.write(`${JSON.stringify({ ...result, importWarnings: loaded.warnings })}\n`);
    return 0;
  }
  const out = [formatSummaryTable(result, lang)];
  if (result.warnings.length > 0) {
    const names = namesFrom(result.schools);
    out.push(
      '',
      lang === 'zh' ? `提示（${result.warnings.length} 条）：` : `Warnings (${result.warnings.length}):`,
    );
    for (const w of result.warnings) out.push(`  ${warningText(w, lang, names)}`);
  }
  const wanted = args.values.explain ?? [];
  if (wanted.length === 0) {
    out.push(
      '',
      lang === 'zh'
        ? '个人说明：加 --explain <工号>（可多次）或 --explain all'
        : 'Explanations: add --explain <staff_id> (repeatable) or --explain all',
    );
  }
  const people = wanted.includes('all')
    ? result.placements
    : wanted.map((id) => result.placements.find((p) => p.staffId === id));
  for (const [i, p] of people.entries()) {
    if (p === undefined) {
      process.stderr.write(
        lang === 'zh' ? `没有工号为 ${wanted[i]} 的教职工\n` : `unknown staff_id: ${wanted[i]}\n`,
      );
      return 2;
    }
    out.push('', formatPerson(result, p, lang));
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

const isLang = (value: string) => (LANGS as readonly string[]).includes(value);

function parse() {
  return parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      rules: { type: 'string' },
      json: { type: 'boolean', default: false },
      lang: { type: 'string' },
      explain: { type: 'string', multiple: true },
      problems: { type: 'string' },
    },
  });
}

runMain(main, { stack: true });
