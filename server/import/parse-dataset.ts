import { withDefaults } from '../../engine/rules';
import type { Dataset, Rules } from '../../engine/types';
import type { Lang } from '../i18n/lang';
import type { CsvKind } from './columns';
import { crossCheck, crossWarnings, type LoadedCsvFiles } from './cross-checks';
import { decodeText, sha256Hex } from './decode';
import { MAX_RULES_BYTES } from './limits';
import { type LoadedCsv, loadTable } from './load-table';
import { Problems } from './problems';
import { parseRulesText } from './rules-json';
import { type DatasetInput, type NamedBytes, readTables, SHEET_NAMES, type SourcedTable } from './sources';
import {
  DATASET_FILES,
  type DatasetFileKind,
  type DatasetIssue,
  FILE_NAMES,
  type LoadedFile,
  type LoadResult,
  REQUIRED_FILES,
} from './types';

export interface ParseOptions {
  /** The language of messages; Chinese by default. */
  readonly lang?: Lang;
  /** Keep birth dates and ID numbers out of messages (for the downloadable problem report). */
  readonly redact?: boolean;
}

/**
 * Turns the raw bytes of a dataset's files (CSV, .xlsx or .xls each, by content) into a {@link Dataset}
 * and {@link Rules}, or lists the problems found. Nothing partial comes out: one bad row rejects the
 * dataset (SPEC §2). Warnings come either way.
 *
 * @example
 * const result = await parseDataset({ schools, posts, staff });
 * if (!result.ok) console.table(result.issues);
 */
export function parseDataset(
  files: Partial<Record<DatasetFileKind, Uint8Array>>,
  options: ParseOptions = {},
): Promise<LoadResult> {
  const named: Partial<Record<DatasetFileKind, NamedBytes>> = {};
  for (const kind of DATASET_FILES) {
    const bytes = files[kind];
    if (bytes !== undefined) named[kind] = { name: FILE_NAMES[kind], bytes };
  }
  return parseDatasetInput({ files: named }, options);
}

/** {@link parseDataset} over named files and/or one workbook whose sheets are named for the files. */
export async function parseDatasetInput(
  input: DatasetInput,
  options: ParseOptions = {},
): Promise<LoadResult> {
  const problems = new Problems(options.lang, options.redact);
  const tables = await readTables(input, problems);
  for (const kind of REQUIRED_FILES) {
    if (kind !== 'rules' && tables[kind] === undefined && !readFailed(kind, input, problems)) {
      const sheets = SHEET_NAMES[kind as CsvKind].join('/');
      problems.error({ file: FILE_NAMES[kind], line: null, column: null }, 'FILE_MISSING', {
        file: FILE_NAMES[kind],
        sheets,
      });
    }
  }

  const load = <K extends CsvKind>(kind: K): LoadedCsv<K> | null => {
    const source = tables[kind] as (SourcedTable & { kind: K }) | undefined;
    return source === undefined ? null : loadTable(source, REQUIRED_FILES.includes(kind), problems);
  };
  const csv: LoadedCsvFiles = {
    schools: load('schools'),
    posts: load('posts'),
    staff: load('staff'),
    townships: load('townships'),
    applications: load('applications'),
  };
  crossCheck(csv);
  crossWarnings(csv);
  const rules = loadRules(input.files.rules, problems);

  // Files by the kind they hold, whatever the client named them (Staff-2020.xlsx, book.xlsx [教职工]).
  const rankOf = new Map<string, number>();
  DATASET_FILES.forEach((kind, rank) => {
    const name =
      kind === 'rules' ? input.files.rules?.name : (tables[kind]?.fileName ?? input.files[kind]?.name);
    rankOf.set(name ?? FILE_NAMES[kind], rank);
  });
  const warnings = {
    warnings: inReadingOrder(problems.warnings, rankOf),
    moreWarnings: problems.warningCount - problems.warnings.length,
  };
  if (problems.errorCount > 0 || rules === null) {
    return {
      ok: false,
      issues: inReadingOrder(problems.errors, rankOf),
      moreIssues: problems.errorCount - problems.errors.length,
      ...warnings,
    };
  }
  const dataset: Dataset = {
    schools: values(csv.schools),
    posts: values(csv.posts),
    staff: values(csv.staff),
    townships: values(csv.townships),
    applications: values(csv.applications),
  };
  const loaded: LoadedFile[] = [];
  for (const kind of DATASET_FILES) {
    const file = kind === 'rules' ? rules.file : csv[kind]?.file;
    const content = kind === 'rules' ? input.files.rules?.bytes : tables[kind]?.content;
    if (file) loaded.push(content === undefined ? file : { ...file, content });
  }
  return { ok: true, dataset, rules: rules.rules, files: loaded, ...warnings };
}

/** A file that was given but could not be read has its own problem already; "missing" would be wrong. */
function readFailed(kind: DatasetFileKind, input: DatasetInput, problems: Problems): boolean {
  return input.files[kind] !== undefined || (input.workbook !== undefined && problems.errorCount > 0);
}

function values<K extends CsvKind>(file: LoadedCsv<K> | null) {
  return file === null ? [] : file.rows.map((row) => row.value);
}

function loadRules(
  given: NamedBytes | undefined,
  problems: Problems,
): { rules: Rules; file: LoadedFile | null } | null {
  if (given === undefined) return { rules: withDefaults(), file: null };
  const where = { file: given.name, line: null, column: null };
  if (given.bytes.byteLength > MAX_RULES_BYTES) {
    problems.error(where, 'FILE_TOO_LARGE', { bytes: given.bytes.byteLength, limit: MAX_RULES_BYTES });
    return null;
  }
  const decoded = decodeText(given.bytes);
  if (!decoded.ok) {
    for (const p of decoded.problems) problems.error({ ...where, line: p.line }, p.code, p.params);
    return null;
  }
  const parsed = parseRulesText(decoded.text, given.name, problems.lang);
  if (!parsed.ok) {
    problems.addErrors(parsed.issues);
    return null;
  }
  const file: LoadedFile = {
    kind: 'rules',
    fileName: given.name,
    sha256: sha256Hex(given.bytes),
    rows: 1,
    encoding: decoded.encoding,
  };
  return { rules: parsed.rules, file };
}

/**
 * Cross-file checks run after every file is read, so their issues arrive late; a clerk fixing files top
 * to bottom wants them by file, then line (whole-file problems first). The sort is stable, so issues of
 * one cell keep their column order.
 */
function inReadingOrder(
  issues: readonly DatasetIssue[],
  rankOf: ReadonlyMap<string, number>,
): DatasetIssue[] {
  const fileRank = (file: string) => rankOf.get(file) ?? DATASET_FILES.length;
  return [...issues].sort((a, b) => fileRank(a.file) - fileRank(b.file) || (a.line ?? 0) - (b.line ?? 0));
}
