import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../engine/rules';
import { readDatasetDir } from './index';
import { BASE } from './testdata/inline';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'import-test-'));
  // Windows copies often arrive with other letter case.
  await writeFile(join(dir, 'Schools.CSV'), BASE.schools);
  await writeFile(join(dir, 'posts.csv'), BASE.posts);
  await writeFile(join(dir, 'staff.csv'), BASE.staff);
  await writeFile(join(dir, 'rules.json'), '{"nearRetirementYears": 2}');
  await writeFile(join(dir, 'other-rules.json'), '{"nearRetirementYears": 5}');
  await writeFile(join(dir, 'bad-rules.json'), '{"nearRetirementYears": -1}');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readDatasetDir', () => {
  it('reads the files of a folder, matching names case-insensitively, with its rules.json', async () => {
    const result = await readDatasetDir(dir);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.files.map((f) => f.fileName)).toEqual([
      'Schools.CSV',
      'posts.csv',
      'staff.csv',
      'rules.json',
    ]);
    expect(result.rules).toEqual({ ...DEFAULT_RULES, nearRetirementYears: 2 });
    expect(result.dataset.staff).toHaveLength(2);
  });

  it('lets rulesPath replace the folder rules.json, reporting under its own name', async () => {
    const result = await readDatasetDir(dir, { rulesPath: join(dir, 'other-rules.json') });
    expect(result.ok && result.rules.nearRetirementYears).toBe(5);
    const bad = await readDatasetDir(dir, { rulesPath: join(dir, 'bad-rules.json') });
    expect(!bad.ok && bad.issues.map((i) => [i.file, i.column])).toEqual([
      ['bad-rules.json', 'nearRetirementYears'],
    ]);
  });

  it('reports a rulesPath that does not exist', async () => {
    const result = await readDatasetDir(dir, { rulesPath: join(dir, 'nope.json') });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]).toMatchObject({ file: 'nope.json', line: null, column: null });
    expect(!result.ok && result.issues[0]?.message).toMatch(/ENOENT/);
  });

  it('reports a folder that does not exist', async () => {
    const missing = join(dir, 'missing');
    expect(await readDatasetDir(missing, { lang: 'en' })).toEqual({
      ok: false,
      moreIssues: 0,
      warnings: [],
      moreWarnings: 0,
      issues: [
        {
          code: 'FOLDER_UNREADABLE',
          file: missing,
          line: null,
          column: null,
          message: `dataset folder ${missing} cannot be read (ENOENT)`,
        },
      ],
    });
  });

  it('reports each required file a folder lacks', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'import-empty-'));
    try {
      const result = await readDatasetDir(empty);
      expect(!result.ok && result.issues.map((i) => [i.code, i.file])).toEqual([
        ['FILE_MISSING', 'schools.csv'],
        ['FILE_MISSING', 'posts.csv'],
        ['FILE_MISSING', 'staff.csv'],
      ]);
      expect(!result.ok && result.issues[0]?.message).toBe(
        '缺少必需的文件 schools.csv（也可以是工作簿中名为 schools/学校 的工作表）',
      );
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
