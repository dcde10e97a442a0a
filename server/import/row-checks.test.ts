import { describe, expect, it } from 'vitest';
import { parseDataset } from './index';
import { files, issuesOf, parseEn, staffHeader } from './testdata/inline';

describe('parseDataset — bad cells', () => {
  const staffWith = (row: string) => [staffHeader, row].join('\n');

  it('reports a word that is not in an enumeration, naming every accepted word', async () => {
    const staff = staffWith('T001,张伟,M,1975-03-08,S01,语文,high,高级职称,25,88.5');
    expect(await issuesOf(parseEn(files({ staff })))).toEqual([
      {
        file: 'staff.csv',
        line: 2,
        column: 'title',
        message:
          '"高级职称" is not a title; expected one of senior_professor/正高级, senior/高级, first/一级, second/二级, third/三级, none/未定级',
      },
    ]);
  });

  it('reports dates that are malformed or not on the calendar', async () => {
    const staff = [
      staffHeader,
      'T001,张伟,M,1975-02-30,S01,语文,high,senior,25,88.5',
      'T002,王芳,F,75/3/8,S02,数学,middle,first,8,79',
    ].join('\n');
    expect(await issuesOf(parseEn(files({ staff })))).toEqual([
      {
        file: 'staff.csv',
        line: 2,
        column: 'birth_date',
        message: '"1975-02-30" is not a real calendar date',
      },
      {
        file: 'staff.csv',
        line: 3,
        column: 'birth_date',
        message: '"75/3/8" is not a date; expected a date like 1975-03-08 (or 1975/3/8, 1975年3月8日)',
      },
    ]);
  });

  it('reports scores that are not numbers, out of range or too precise', async () => {
    const staff = [
      staffHeader,
      'T001,张伟,M,1975-03-08,S01,语文,high,senior,25,八十八',
      'T002,王芳,F,1990-11-23,S02,数学,middle,first,8,100.5',
      'T003,李娜,F,1985-01-30,S02,数学,middle,first,8,88.125',
    ].join('\n');
    const expected = 'expected 0 – 100 (≤ 2 dp)';
    expect(await issuesOf(parseEn(files({ staff })))).toEqual([
      { file: 'staff.csv', line: 2, column: 'score', message: `"八十八" is not a number; ${expected}` },
      { file: 'staff.csv', line: 3, column: 'score', message: `100.5 is out of range; ${expected}` },
      { file: 'staff.csv', line: 4, column: 'score', message: `88.125 has too many decimals; ${expected}` },
    ]);
  });

  it('words the expected range in Chinese in a Chinese message', async () => {
    const staff = [staffHeader, 'T001,张伟,M,1975-03-08,S01,语文,high,senior,25,八十八'].join('\n');
    expect((await issuesOf(parseDataset(files({ staff }))))[0]?.message).toBe(
      '"八十八" 不是数字；应为 0 到 100 之间的数，最多 2 位小数',
    );
  });

  it('reports reserved posts exceeding posts', async () => {
    const posts = ['学校代码,学科,岗位数,跨校预留', 'S01,语文,2,3'].join('\n');
    expect(await issuesOf(parseEn(files({ posts })))).toEqual([
      {
        file: 'posts.csv',
        line: 2,
        column: '跨校预留',
        message: 'reserved 3 is more than the 2 posts; expected 0 to 2',
      },
    ]);
  });

  it('lists every problem of a file at once, with spreadsheet line numbers that count blank lines', async () => {
    const staff = [
      '工号,姓名,性别,出生日期,现任学校代码,任教学科,教师资格学段,职称,教龄,综合得分',
      'T001,张伟,男,1975-03-08,S01,语文,高中,高级,25,88.5',
      '',
      'T002,,X,1990-13-01,S02,数学,初中,一级,-1,79',
      '',
      '',
      'T003,李娜,女,1985-01-30,S01,语文,大学,二级,12,abc',
    ].join('\r\n');
    expect(await issuesOf(parseEn(files({ staff })))).toEqual([
      { file: 'staff.csv', line: 4, column: '姓名', message: 'missing value; expected name' },
      {
        file: 'staff.csv',
        line: 4,
        column: '性别',
        message: '"X" is not a gender; expected one of M/男, F/女',
      },
      {
        file: 'staff.csv',
        line: 4,
        column: '出生日期',
        message: '"1990-13-01" is not a real calendar date',
      },
      {
        file: 'staff.csv',
        line: 4,
        column: '教龄',
        message: '"-1" is not a whole number ≥ 0',
      },
      {
        file: 'staff.csv',
        line: 7,
        column: '教师资格学段',
        message:
          '"大学" is not a stage; expected one of high/高中, middle/初中, primary/小学, kindergarten/幼儿园',
      },
      {
        file: 'staff.csv',
        line: 7,
        column: '综合得分',
        message: '"abc" is not a number; expected 0 – 100 (≤ 2 dp)',
      },
    ]);
  });

  it('reports problems in several files together', async () => {
    const schools = [
      'school_code,name,stage,township',
      'S01,一中,高等,凤城镇',
      'S02,北留中学,middle,北留镇',
    ].join('\n');
    const issues = await issuesOf(parseEn(files({ schools, staff: '', rules: '{"maxChoice": 3}' })));
    expect(issues.map((i) => [i.file, i.line, i.column])).toEqual([
      ['schools.csv', 2, 'stage'],
      ['staff.csv', null, null],
      ['rules.json', null, null],
    ]);
  });
});
