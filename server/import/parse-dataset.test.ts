import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../engine/rules';
import type { LoadResult } from './index';
import { parseDataset } from './index';
import { files } from './testdata/inline';

const staffHeader =
  'staff_id,name,gender,birth_date,school_code,subject,cert_stage,title,years_of_service,score';

async function issuesOf(result: Promise<LoadResult>) {
  const r = await result;
  if (r.ok) throw new Error('expected the dataset to be rejected');
  return r.issues;
}

describe('parseDataset — valid input', () => {
  it('reads the base dataset with defaults for every optional column and rules', async () => {
    const result = await parseDataset(files());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dataset.schools[0]).toEqual({
      code: 'S01',
      name: '一中',
      stage: 'high',
      township: '凤城镇',
      area: 'rural',
      status: 'open',
    });
    expect(result.dataset.posts).toEqual([
      { schoolCode: 'S01', subject: '语文', posts: 2, reserved: 1 },
      { schoolCode: 'S02', subject: '数学', posts: 1, reserved: 0 },
    ]);
    expect(result.dataset.staff[0]).toEqual({
      id: 'T001',
      name: '张伟',
      gender: 'M',
      birthDate: '1975-03-08',
      schoolCode: 'S01',
      subject: '语文',
      certStage: 'high',
      title: 'senior',
      yearsOfService: 25,
      score: 88.5,
      exemption: null,
      barred: null,
      resigned: false,
      choices: [],
      acceptsAdjustment: true,
      homeTownship: null,
    });
    expect(result.dataset.townships).toEqual([]);
    expect(result.dataset.applications).toEqual([]);
    expect(result.rules).toEqual(DEFAULT_RULES);
    expect(result.files.map((f) => [f.kind, f.fileName, f.rows, f.encoding])).toEqual([
      ['schools', 'schools.csv', 2, 'utf-8'],
      ['posts', 'posts.csv', 2, 'utf-8'],
      ['staff', 'staff.csv', 2, 'utf-8'],
    ]);
  });

  it('accepts Chinese and English headers mixed, in any order, and orders 志愿 columns by number', async () => {
    const staff = [
      '志愿10,工号,name,性别,出生日期,school_code,任教学科,cert_stage,职称,教龄,score,choice_1,志愿2,服从调剂,Resigned',
      'S09,T001,张伟,男,1975/3/8,S01,语文,高中,高级,25,88.50,S02,,否,否',
      ',T002,王芳,女,1990.11.23,S02,数学,初中,一级,8,79,,,,是',
    ].join('\n');
    const result = await parseDataset(files({ staff }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [zhang, wang] = result.dataset.staff;
    // Unknown choice codes (S09) pass through: the engine ignores and reports them per person.
    expect(zhang).toMatchObject({
      gender: 'M',
      birthDate: '1975-03-08',
      certStage: 'high',
      score: 88.5,
      choices: ['S02', 'S09'],
      acceptsAdjustment: false,
      resigned: false,
    });
    expect(wang).toMatchObject({
      birthDate: '1990-11-23',
      choices: [],
      acceptsAdjustment: true,
      resigned: true,
    });
  });

  it('ignores blank lines and spaces around cells and headers', async () => {
    const spaced = [
      '  school_code , name ,stage, township  ',
      '',
      ' S01 , 一中 , 高中 ,凤城镇',
      '   ',
      'S02,北留中学, middle ,  北留镇',
      '',
      '',
    ].join('\r\n');
    const a = await parseDataset(files());
    const b = await parseDataset(files({ schools: spaced }));
    expect(b.ok && a.ok && b.dataset).toEqual(a.ok && a.dataset);
  });

  it('keeps a cell with a quoted line break as one spreadsheet row', async () => {
    const schools = [
      'school_code,name,stage,township',
      'S01,"一中\n(本部)",high,凤城镇',
      'S02,北留中学,中学,北留镇',
    ].join('\n');
    expect(await issuesOf(parseDataset(files({ schools })))).toEqual([
      {
        file: 'schools.csv',
        line: 3,
        column: 'stage',
        message:
          '"中学" is not a stage; expected one of high/高中, middle/初中, primary/小学, kindergarten/幼儿园',
      },
    ]);
  });
});

describe('parseDataset — file-level problems', () => {
  it('reports a missing required file', async () => {
    expect(await issuesOf(parseDataset(files({ posts: null })))).toEqual([
      { file: 'posts.csv', line: null, column: null, message: 'required file posts.csv is missing' },
    ]);
  });

  it('reports an empty file, and one with nothing but blank lines', async () => {
    const expected = {
      file: 'staff.csv',
      line: null,
      column: null,
      message: 'file is empty; expected a header row and data rows',
    };
    expect(await issuesOf(parseDataset(files({ staff: '' })))).toEqual([expected]);
    expect(await issuesOf(parseDataset(files({ staff: '\r\n  \r\n\r\n' })))).toEqual([expected]);
  });

  it('reports a required file with a header but no rows', async () => {
    expect(await issuesOf(parseDataset(files({ staff: `${staffHeader}\n\n` })))).toEqual([
      { file: 'staff.csv', line: null, column: null, message: 'file has a header but no data rows' },
    ]);
  });

  it('reports a missing required column by its canonical name', async () => {
    const staff = 'staff_id,name,gender,birth_date,school_code,subject,cert_stage,title,years_of_service\n';
    expect(
      await issuesOf(
        parseDataset(files({ staff: `${staff}T001,张伟,M,1975-03-08,S01,语文,high,senior,25` })),
      ),
    ).toEqual([
      { file: 'staff.csv', line: 1, column: 'score', message: 'missing required column score (综合得分)' },
    ]);
  });

  it('rejects an unknown column rather than ignoring it (a misspelt optional column would fall back silently)', async () => {
    const staff = [`${staffHeader},服从调济`, 'T001,张伟,M,1975-03-08,S01,语文,high,senior,25,88.5,否'].join(
      '\n',
    );
    const issues = await issuesOf(parseDataset(files({ staff })));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'staff.csv', line: 1, column: '服从调济' });
    expect(issues[0]?.message).toMatch(
      /^unknown column "服从调济"; expected one of staff_id\/工号, name\/姓名, /,
    );
    expect(issues[0]?.message).toContain('accepts_adjustment/服从调剂');
  });

  it('rejects the same column given twice, in English and in Chinese', async () => {
    const staff = [`${staffHeader},工号`, 'T001,张伟,M,1975-03-08,S01,语文,high,senior,25,88.5,T001'].join(
      '\n',
    );
    expect(await issuesOf(parseDataset(files({ staff })))).toEqual([
      {
        file: 'staff.csv',
        line: 1,
        column: '工号',
        message: 'duplicate column: "staff_id" and "工号" both mean staff_id; keep one',
      },
    ]);
  });

  it('reports broken CSV quoting with its line', async () => {
    const schools = [
      'school_code,name,stage,township',
      'S01,一中,high,凤城镇',
      'S02,"北留中学,middle,北留镇',
    ].join('\n');
    const issues = await issuesOf(parseDataset(files({ schools })));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'schools.csv', line: 3, column: null });
    expect(issues[0]?.message).toMatch(/^not valid CSV/);
  });

  it('reports a value in a column that has no header', async () => {
    const schools = [
      'school_code,name,stage,township',
      'S01,一中,high,凤城镇,extra',
      'S02,北留中学,middle,北留镇,',
    ].join('\n');
    const issues = await issuesOf(parseDataset(files({ schools })));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'schools.csv', line: 2, column: null });
  });
});

describe('parseDataset — bad cells', () => {
  const staffWith = (row: string) => [staffHeader, row].join('\n');

  it('reports a word that is not in an enumeration, naming every accepted word', async () => {
    const staff = staffWith('T001,张伟,M,1975-03-08,S01,语文,high,高级职称,25,88.5');
    expect(await issuesOf(parseDataset(files({ staff })))).toEqual([
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
    expect(await issuesOf(parseDataset(files({ staff })))).toEqual([
      {
        file: 'staff.csv',
        line: 2,
        column: 'birth_date',
        message:
          '"1975-02-30" is not a real calendar date; expected a date like 1975-03-08 (or 1975/03/08, 1975.03.08)',
      },
      {
        file: 'staff.csv',
        line: 3,
        column: 'birth_date',
        message: '"75/3/8" is not a date; expected a date like 1975-03-08 (or 1975/03/08, 1975.03.08)',
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
    const expected = 'expected a score from 0 to 100: a number from 0 to 100, at most 2 decimals';
    expect(await issuesOf(parseDataset(files({ staff })))).toEqual([
      { file: 'staff.csv', line: 2, column: 'score', message: `"八十八" is not a number; ${expected}` },
      { file: 'staff.csv', line: 3, column: 'score', message: `100.5 is out of range; ${expected}` },
      { file: 'staff.csv', line: 4, column: 'score', message: `88.125 has too many decimals; ${expected}` },
    ]);
  });

  it('reports reserved posts exceeding posts', async () => {
    const posts = ['学校代码,学科,岗位数,跨校预留', 'S01,语文,2,3'].join('\n');
    expect(await issuesOf(parseDataset(files({ posts })))).toEqual([
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
    expect(await issuesOf(parseDataset(files({ staff })))).toEqual([
      { file: 'staff.csv', line: 4, column: '姓名', message: 'missing value; expected a name' },
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
        message:
          '"1990-13-01" is not a real calendar date; expected a date like 1975-03-08 (or 1975/03/08, 1975.03.08)',
      },
      {
        file: 'staff.csv',
        line: 4,
        column: '教龄',
        message: '-1 is negative; expected a whole number ≥ 0',
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
        message:
          '"abc" is not a number; expected a score from 0 to 100: a number from 0 to 100, at most 2 decimals',
      },
    ]);
  });

  it('reports problems in several files together', async () => {
    const schools = [
      'school_code,name,stage,township',
      'S01,一中,高等,凤城镇',
      'S02,北留中学,middle,北留镇',
    ].join('\n');
    const issues = await issuesOf(parseDataset(files({ schools, staff: '', rules: '{"maxChoice": 3}' })));
    expect(issues.map((i) => [i.file, i.line, i.column])).toEqual([
      ['schools.csv', 2, 'stage'],
      ['staff.csv', null, null],
      ['rules.json', null, null],
    ]);
  });
});

describe('parseDataset — checks across rows and files', () => {
  it('reports duplicate ids on the later row, pointing at the first', async () => {
    const staff = [
      staffHeader,
      'T001,张伟,M,1975-03-08,S01,语文,high,senior,25,88.5',
      'T001,王芳,F,1990-11-23,S02,数学,middle,first,8,79',
    ].join('\n');
    expect(await issuesOf(parseDataset(files({ staff })))).toEqual([
      {
        file: 'staff.csv',
        line: 3,
        column: 'staff_id',
        message: 'duplicate staff_id "T001"; first on line 2',
      },
    ]);
  });

  it('reports duplicate school codes and duplicate subjects of one school', async () => {
    const schools = [
      '学校代码,学校名称,学段,乡镇',
      'S01,一中,high,凤城镇',
      'S02,北留中学,middle,北留镇',
      'S01,二中,high,凤城镇',
    ].join('\n');
    const posts = ['school_code,subject,posts', 'S01,语文,2', 'S02,语文,1', 'S01,语文,1'].join('\n');
    expect(await issuesOf(parseDataset(files({ schools, posts })))).toEqual([
      {
        file: 'schools.csv',
        line: 4,
        column: '学校代码',
        message: 'duplicate school_code "S01"; first on line 2',
      },
      {
        file: 'posts.csv',
        line: 4,
        column: 'subject',
        message: 'duplicate subject at this school "S01", "语文"; first on line 2',
      },
    ]);
  });

  it('reports posts, staff and applications naming an unknown school', async () => {
    const posts = ['school_code,subject,posts', 'S01,语文,2', 'S99,数学,1'].join('\n');
    const staff = [staffHeader, 'T001,张伟,M,1975-03-08,S98,语文,high,senior,25,88.5'].join('\n');
    const applications = ['staff_id,school_code,score', 'T001,S97,90'].join('\n');
    expect(await issuesOf(parseDataset(files({ posts, staff, applications })))).toEqual([
      {
        file: 'posts.csv',
        line: 3,
        column: 'school_code',
        message: 'school_code "S99" is not in schools.csv',
      },
      {
        file: 'staff.csv',
        line: 2,
        column: 'school_code',
        message: 'school_code "S98" is not in schools.csv',
      },
      {
        file: 'applications.csv',
        line: 2,
        column: 'school_code',
        message: 'school_code "S97" is not in schools.csv',
      },
    ]);
  });

  it('reports applications naming unknown staff, or the same person and school twice', async () => {
    const applications = ['工号,学校代码,学校评分', 'T001,S02,90', 'T404,S02,80', 'T001,S02,85'].join('\n');
    expect(await issuesOf(parseDataset(files({ applications })))).toEqual([
      { file: 'applications.csv', line: 3, column: '工号', message: 'staff_id "T404" is not in staff.csv' },
      {
        file: 'applications.csv',
        line: 4,
        column: '学校代码',
        message: 'duplicate application (staff_id, school_code) "T001", "S02"; first on line 2',
      },
    ]);
  });

  it('checks townships of schools and homes against townships.csv only when it is given', async () => {
    const staff = [
      `${staffHeader},home_township`,
      'T001,张伟,M,1975-03-08,S01,语文,high,senior,25,88.5,西河乡',
    ].join('\n');
    expect((await parseDataset(files({ staff }))).ok).toBe(true);
    const townships = ['township,lat,lon', '凤城镇,35.4861,112.4153'].join('\n');
    expect(await issuesOf(parseDataset(files({ staff, townships })))).toEqual([
      {
        file: 'schools.csv',
        line: 3,
        column: 'township',
        message: 'township "北留镇" is not in townships.csv; add it there or correct the name',
      },
      {
        file: 'staff.csv',
        line: 2,
        column: 'home_township',
        message: 'township "西河乡" is not in townships.csv; add it there or correct the name',
      },
    ]);
  });

  it('does not repeat a broken file as unknown references in the others', async () => {
    const schools = 'school_code,name,township\nS01,一中,凤城镇';
    expect(await issuesOf(parseDataset(files({ schools })))).toEqual([
      { file: 'schools.csv', line: 1, column: 'stage', message: 'missing required column stage (学段)' },
    ]);
  });
});
