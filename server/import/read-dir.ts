import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseNamedDataset } from './parse-dataset';
import { DATASET_FILES, type DatasetFileKind, FILE_NAMES, type LoadResult } from './types';

/**
 * Loads a dataset folder: schools.csv, posts.csv, staff.csv and the optional townships.csv,
 * applications.csv and rules.json (`rulesPath` replaces the folder's rules.json). File names match
 * case-insensitively, since folders copied from Windows often arrive as "Staff.CSV".
 *
 * @example
 * const result = await readDatasetDir('fixtures/yangcheng-2020', { rulesPath: 'my-rules.json' });
 */
export async function readDatasetDir(dir: string, opts: { rulesPath?: string } = {}): Promise<LoadResult> {
  let entries: string[];
  try {
    if (!(await stat(dir)).isDirectory()) return folderIssue(dir, 'is not a folder');
    entries = await readdir(dir);
  } catch (error) {
    return folderIssue(dir, `cannot be read (${errorCode(error)})`);
  }
  const actualName = new Map(entries.map((name) => [name.toLowerCase(), name]));

  const files: Partial<Record<DatasetFileKind, Uint8Array>> = {};
  const names: Record<DatasetFileKind, string> = { ...FILE_NAMES };
  for (const kind of DATASET_FILES) {
    let path: string | null;
    if (kind === 'rules' && opts.rulesPath !== undefined) {
      path = opts.rulesPath;
      names.rules = basename(opts.rulesPath);
    } else {
      const name = actualName.get(FILE_NAMES[kind]);
      path = name === undefined ? null : join(dir, name);
      if (name !== undefined) names[kind] = name;
    }
    if (path === null) continue;
    try {
      files[kind] = await readFile(path);
    } catch (error) {
      return {
        ok: false,
        issues: [
          {
            file: names[kind],
            line: null,
            column: null,
            message: `cannot read ${path} (${errorCode(error)})`,
          },
        ],
      };
    }
  }
  return parseNamedDataset(files, names);
}

function folderIssue(dir: string, problem: string): LoadResult {
  return {
    ok: false,
    issues: [{ file: dir, line: null, column: null, message: `dataset folder ${dir} ${problem}` }],
  };
}

function errorCode(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return String(error);
}
