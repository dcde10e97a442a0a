import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../engine';
import { parseDataset, readDatasetDir } from './index';
import type { DatasetFileKind, LoadResult } from './types';

/** The eight intake cases (copied from the shared intake set); each README says what must happen. */
const cases = join(import.meta.dirname, 'testdata', 'intake-cases');

const load = (name: string) => readDatasetDir(join(cases, name));

async function filesOf(name: string): Promise<Partial<Record<DatasetFileKind, Uint8Array>>> {
  const out: Partial<Record<DatasetFileKind, Uint8Array>> = {};
  for (const kind of ['schools', 'posts', 'staff'] as const)
    out[kind] = await readFile(join(cases, name, `${kind}.csv`));
  return out;
}

const where = (r: LoadResult, list: 'issues' | 'warnings') =>
  (list === 'issues' ? (r.ok ? [] : r.issues) : r.warnings).map((i) => [i.code, i.file, i.line, i.column]);

function hashOf(r: LoadResult): string {
  if (!r.ok) throw new Error(`rejected: ${JSON.stringify(r.issues)}`);
  return allocate(r.dataset, r.rules).inputHash;
}

describe('intake cases', () => {
  it('excel-mangled: scientific-notation IDs, their duplicate and a leaked date serial are located; 0:00 is fine', async () => {
    const r = await load('excel-mangled');
    expect(r.ok).toBe(false);
    expect(where(r, 'issues')).toEqual([
      ['ID_SCIENTIFIC', 'staff.csv', 2, '工号'],
      ['ID_SCIENTIFIC', 'staff.csv', 3, '工号'],
      ['DUPLICATE_KEY', 'staff.csv', 3, '工号'],
      ['ID_SCIENTIFIC', 'staff.csv', 4, '工号'],
      ['DATE_EXCEL_SERIAL', 'staff.csv', 4, '出生日期'],
    ]);
    const issues = r.ok ? [] : r.issues;
    expect(issues[0]?.message).toMatch(/科学计数法.*文本/);
    expect(issues[2]?.message).toMatch(/第 2 行/);
    expect(issues[4]?.message).toContain('1985-05-11');
  });

  it('gb18030-rare: rare surnames decode by GB18030-2022, with no private-use code point', async () => {
    const r = await load('gb18030-rare');
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const names = r.dataset.staff.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['刘䶮', '王𠇔', '李\u{241FE}']));
    for (const name of names) expect(name).not.toMatch(/[\uE000-\uF8FF]/);
    const result = allocate(r.dataset, r.rules);
    expect(result.placements.map((p) => p.name)).toContain('李\u{241FE}');
  });

  it('gbk-lost-char: accepted, with a warning at each name that lost a character', async () => {
    const r = await load('gbk-lost-char');
    expect(r.ok).toBe(true);
    expect(where(r, 'warnings')).toEqual([
      ['NAME_CHAR_LOST', 'staff.csv', 2, '姓名'],
      ['NAME_CHAR_LOST', 'staff.csv', 3, '姓名'],
    ]);
  });

  it('merging-school-posts: accepted with a warning at the posts row; the school’s staff go to round 2', async () => {
    const r = await load('merging-school-posts');
    expect(where(r, 'warnings')).toEqual([['POSTS_OF_MERGING_SCHOOL', 'posts.csv', 2, '学校代码']]);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const placements = allocate(r.dataset, r.rules).placements.filter((p) => p.fromSchoolCode === 'H01');
    expect(placements.length).toBeGreaterThan(0);
    for (const p of placements) expect(p.round).not.toBe(1);
  });

  it('mixed-enc-silent: rejected at the line pasted in another encoding', async () => {
    const r = await load('mixed-enc-silent');
    expect(where(r, 'issues')).toEqual([['ENCODING_MIXED', 'staff.csv', 4, null]]);
  });

  it('mixed-enc-undecodable: rejected at the line to retype, not with a file-level message', async () => {
    const r = await load('mixed-enc-undecodable');
    expect(where(r, 'issues')).toEqual([['ENCODING_MIXED', 'staff.csv', 4, null]]);
  });

  it('sep-line: the sep=, hint is skipped and the hash equals the clean twin’s', async () => {
    const r = await load('sep-line');
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([]);
    const files = await filesOf('sep-line');
    const posts = new TextDecoder().decode(files.posts);
    expect(posts.startsWith('sep=,')).toBe(true);
    const twin = await parseDataset({
      ...files,
      posts: new TextEncoder().encode(posts.replace(/^sep=,\r?\n/, '')),
    });
    expect(hashOf(r)).toBe(hashOf(twin));
  });

  it('zw-header: U+200B is dropped with a warning at line 1 naming it; the hash equals the clean twin’s', async () => {
    const r = await load('zw-header');
    expect(where(r, 'warnings')).toEqual([['INVISIBLE_CHAR_REMOVED', 'posts.csv', 1, '学科']]);
    expect(r.warnings[0]?.message).toContain('U+200B');
    const files = await filesOf('zw-header');
    const posts = new TextDecoder().decode(files.posts);
    expect(posts).toContain('\u200B');
    const twin = await parseDataset({
      ...files,
      posts: new TextEncoder().encode(posts.replaceAll('\u200B', '')),
    });
    expect(twin.warnings).toEqual([]);
    expect(hashOf(r)).toBe(hashOf(twin));
  });
});
