import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DEFAULT_LANG, type Lang } from '../i18n/lang';
import { renderMessage } from './messages';
import { type ParseOptions, parseDatasetInput } from './parse-dataset';
import { CSV_KINDS, type DatasetInput, kindOfName, type NamedBytes } from './sources';
import type { DatasetFileKind, LoadResult } from './types';

const TABLE_FILE = /\.(csv|txt|xlsx|xls)$/i;
const WORKBOOK_FILE = /\.(xlsx|xls)$/i;

/**
 * Loads a dataset folder: schools, posts and staff, and the optional townships and applications, each as
 * .csv, .xlsx or .xls, named in English or Chinese (staff.xlsx, 教职工.csv); or one workbook whose sheets
 * are named for them (used when the folder lacks a required file of its own); and rules.json (`rulesPath`
 * replaces it). File names match case-insensitively, since folders copied from Windows often arrive as
 * "Staff.CSV".
 *
 * Files are read synchronously: this is the CLI's loader (the API gets uploads in memory), and a handful of
 * small files read in one go beats a round trip through the thread pool for each (issue #8).
 *
 * @example
 * const result = await readDatasetDir('fixtures/yangcheng-2020', { rulesPath: 'my-rules.json' });
 */
export async function readDatasetDir(
  dir: string,
  opts: { rulesPath?: string } & ParseOptions = {},
): Promise<LoadResult> {
  const lang = opts.lang ?? DEFAULT_LANG;
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) return failure(lang, dir, null, 'ENOTDIR');
    entries = readdirSync(dir).sort();
  } catch (error) {
    return failure(lang, dir, null, errorCode(error));
  }

  const chosen: Partial<Record<DatasetFileKind, string>> = {};
  const workbooks: string[] = [];
  for (const name of entries) {
    const kind = TABLE_FILE.test(name) ? kindOfName(name) : null;
    if (kind !== null) {
      const earlier = chosen[kind];
      if (earlier !== undefined) return twice(lang, kind, earlier, name);
      chosen[kind] = name;
    } else if (WORKBOOK_FILE.test(name) && !name.startsWith('~$')) {
      workbooks.push(name);
    }
  }
  if (opts.rulesPath === undefined) {
    const rules = entries.find((name) => name.toLowerCase() === 'rules.json');
    if (rules !== undefined) chosen.rules = rules;
  }

  const files: Partial<Record<DatasetFileKind, NamedBytes>> = {};
  for (const [kind, name] of Object.entries(chosen) as [DatasetFileKind, string][]) {
    const path = join(dir, name);
    try {
      files[kind] = { name, bytes: readFileSync(path) };
    } catch (error) {
      return failure(lang, path, name, errorCode(error));
    }
  }
  if (opts.rulesPath !== undefined) {
    try {
      files.rules = { name: basename(opts.rulesPath), bytes: readFileSync(opts.rulesPath) };
    } catch (error) {
      return failure(lang, opts.rulesPath, basename(opts.rulesPath), errorCode(error));
    }
  }

  const input: { files: typeof files; workbook?: NamedBytes } = { files };
  const lacking = CSV_KINDS.slice(0, 3).some((kind) => files[kind] === undefined);
  const workbook = workbooks[0];
  if (lacking && workbook !== undefined) {
    try {
      input.workbook = { name: workbook, bytes: readFileSync(join(dir, workbook)) };
    } catch (error) {
      return failure(lang, join(dir, workbook), workbook, errorCode(error));
    }
  }
  return parseDatasetInput(input satisfies DatasetInput, opts);
}

function failure(lang: Lang, path: string, file: string | null, reason: string): LoadResult {
  const code = file === null ? 'FOLDER_UNREADABLE' : 'FILE_UNREADABLE';
  const message = renderMessage(code, { dir: path, path, reason }, lang);
  return {
    ok: false,
    issues: [{ code, file: file ?? path, line: null, column: null, message }],
    moreIssues: 0,
    warnings: [],
    moreWarnings: 0,
  };
}

function twice(lang: Lang, kind: string, first: string, second: string): LoadResult {
  const message = renderMessage('FILE_GIVEN_TWICE', { kind, first, second }, lang);
  return {
    ok: false,
    issues: [{ code: 'FILE_GIVEN_TWICE', file: second, line: null, column: null, message }],
    moreIssues: 0,
    warnings: [],
    moreWarnings: 0,
  };
}

function errorCode(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return String(error);
}
