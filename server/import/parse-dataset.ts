import { withDefaults } from '../../engine/rules';
import type { Dataset, Rules } from '../../engine/types';
import type { CsvKind } from './columns';
import { crossCheck, type LoadedCsvFiles } from './cross-checks';
import { decodeText, sha256Hex } from './decode';
import { type LoadedCsv, loadCsvFile } from './load-csv';
import { parseRulesText } from './rules-json';
import {
  DATASET_FILES,
  type DatasetFileKind,
  type DatasetIssue,
  FILE_NAMES,
  type LoadedFile,
  type LoadResult,
  REQUIRED_FILES,
} from './types';

/**
 * Turns the raw bytes of a dataset's files into a {@link Dataset} and {@link Rules}, or lists every
 * problem found. Nothing partial comes out: one bad row rejects the dataset (SPEC §2).
 *
 * @example
 * const result = await parseDataset({ schools, posts, staff });
 * if (!result.ok) console.table(result.issues);
 */
export function parseDataset(files: Partial<Record<DatasetFileKind, Uint8Array>>): Promise<LoadResult> {
  return parseNamedDataset(files, FILE_NAMES);
}

/** {@link parseDataset} with the file names to report (a rules file given by path keeps its own name). */
export async function parseNamedDataset(
  files: Partial<Record<DatasetFileKind, Uint8Array>>,
  names: Readonly<Record<DatasetFileKind, string>>,
): Promise<LoadResult> {
  const issues: DatasetIssue[] = [];
  for (const kind of REQUIRED_FILES) {
    if (files[kind] === undefined) {
      issues.push({
        file: names[kind],
        line: null,
        column: null,
        message: `required file ${names[kind]} is missing`,
      });
    }
  }

  const load = async <K extends CsvKind>(kind: K): Promise<LoadedCsv<K> | null> => {
    const bytes = files[kind];
    if (bytes === undefined) return null;
    return loadCsvFile(kind, names[kind], bytes, REQUIRED_FILES.includes(kind), issues);
  };
  const csv: LoadedCsvFiles = {
    schools: await load('schools'),
    posts: await load('posts'),
    staff: await load('staff'),
    townships: await load('townships'),
    applications: await load('applications'),
  };
  crossCheck(csv);
  const rules = loadRules(files.rules, names.rules, issues);

  if (issues.length > 0 || rules === null) return { ok: false, issues: inReadingOrder(issues, names) };
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
    if (file) loaded.push(file);
  }
  return { ok: true, dataset, rules: rules.rules, files: loaded };
}

function values<K extends CsvKind>(file: LoadedCsv<K> | null) {
  return file === null ? [] : file.rows.map((row) => row.value);
}

function loadRules(
  bytes: Uint8Array | undefined,
  fileName: string,
  issues: DatasetIssue[],
): { rules: Rules; file: LoadedFile | null } | null {
  if (bytes === undefined) return { rules: withDefaults(), file: null };
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    issues.push({ file: fileName, line: null, column: null, message: decoded.message });
    return null;
  }
  const parsed = parseRulesText(decoded.text, fileName);
  if (!parsed.ok) {
    issues.push(...parsed.issues);
    return null;
  }
  const file: LoadedFile = {
    kind: 'rules',
    fileName,
    sha256: sha256Hex(bytes),
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
  names: Readonly<Record<DatasetFileKind, string>>,
): DatasetIssue[] {
  const fileRank = (file: string) => {
    const rank = DATASET_FILES.findIndex((kind) => names[kind] === file);
    return rank === -1 ? DATASET_FILES.length : rank;
  };
  return [...issues].sort((a, b) => fileRank(a.file) - fileRank(b.file) || (a.line ?? 0) - (b.line ?? 0));
}
