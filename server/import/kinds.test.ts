import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDataset, readDatasetDir } from './index';
import { files } from './testdata/inline';
import type { LoadResult } from './types';

/** Small committed files, one folder per kind of real-world trouble (issue #6, items 2–5). */
const kinds = join(import.meta.dirname, 'testdata', 'kinds');
const staffOf = async (dir: string) =>
  parseDataset(files({ staff: await readFile(join(kinds, dir, 'staff.csv')) }));
const where = (list: LoadResult['warnings']) => list.map((i) => [i.code, i.file, i.line, i.column]);

function accepted(r: LoadResult) {
  if (!r.ok) throw new Error(`rejected: ${JSON.stringify(r.issues, null, 1)}`);
  return r;
}

describe('template conventions', () => {
  it('reads marked headers, a header with a line break, coded enums, full titles and every date form', async () => {
    const r = accepted(await staffOf('conventions'));
    expect(r.dataset.staff.map((s) => [s.id, s.gender, s.birthDate, s.title])).toEqual([
      ['T001', 'M', '1985-05-01', 'senior'],
      // Gender and birth date derived from the 身份证号 when their cells are empty.
      ['T002', 'F', '1990-02-14', 'first'],
      ['T003', 'F', '1985-05-01', 'second'],
      ['T004', 'M', '1975-03-08', 'first'],
    ]);
    // The old primary scale is read by the 2015 mapping (小学高级 → 一级, 小学一级 → 二级), with a warning.
    expect(where(r.warnings)).toEqual([
      ['TITLE_OLD_SCALE', 'staff.csv', 3, '职称'],
      ['TITLE_OLD_SCALE', 'staff.csv', 4, '职称'],
    ]);
    expect(r.warnings[0]?.message).toContain('一级');
  });

  it('refuses a bad check digit, an ID that disagrees, a leaked date serial and an ID in scientific notation', async () => {
    const r = await staffOf('conventions-bad');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['ID_NUMBER_INVALID', 2, '身份证号'],
      ['ID_NUMBER_MISMATCH', 3, '性别'],
      ['ID_NUMBER_MISMATCH', 3, '出生日期'],
      ['DATE_EXCEL_SERIAL', 4, '出生日期'],
      ['ID_SCIENTIFIC', 5, '身份证号'],
    ]);
    // No message repeats an ID number.
    for (const issue of r.ok ? [] : r.issues) expect(issue.message).not.toMatch(/\d{17}/);
  });
});

describe('messy text', () => {
  it('reads sep=, with CR line ends, UTF-16 tab-separated text, and cleans invisible, no-break and full-width characters', async () => {
    const messy = accepted(await readDatasetDir(join(kinds, 'messy')));
    const clean = accepted(await parseDataset(files()));
    expect(messy.dataset).toEqual(clean.dataset);
    expect(messy.files.map((f) => f.encoding)).toEqual(['utf-8', 'utf-16le', 'utf-8']);
    expect(where(messy.warnings)).toEqual([['INVISIBLE_CHAR_REMOVED', 'staff.csv', 2, 'name']]);
    expect(messy.warnings[0]?.message).toContain('U+200B');
  });
});

describe('encoding by evidence', () => {
  it('reads short GBK text that happens to be valid UTF-8 as GBK (the 联通 problem)', async () => {
    const r = accepted(await readDatasetDir(join(kinds, 'liantong')));
    expect(r.files.map((f) => f.encoding)).toEqual(['utf-8', 'gb18030', 'gb18030']);
    expect(r.dataset.staff[0]).toMatchObject({ name: '卢平', subject: '思品' });
    expect(r.dataset.posts.map((p) => p.subject)).toEqual(['思品', '思品']);
  });
});

describe('data that is surely wrong', () => {
  it('warns once per staff subject that no post uses, naming its lines', async () => {
    const r = accepted(await staffOf('wrong'));
    expect(where(r.warnings)).toEqual([['SUBJECT_WITHOUT_POSTS', 'staff.csv', 2, 'subject']]);
    expect(r.warnings[0]?.message).toMatch(/语文教学.*2, 4/);
  });
});
