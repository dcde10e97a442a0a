import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../engine/rules';
import { files, issuesOf, parseEn, staffHeader } from './testdata/inline';

describe('parseDataset — valid input', () => {
  it('reads the base dataset with defaults for every optional column and rules', async () => {
    const result = await parseEn(files());
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

  it('accepts Chinese and English headers mixed, in any order, and places each 志愿 at its number', async () => {
    const staff = [
      '志愿10,工号,name,性别,出生日期,school_code,任教学科,cert_stage,职称,教龄,score,choice_1,志愿2,服从调剂,Resigned',
      'S09,T001,张伟,男,1975/3/8,S01,语文,高中,高级,25,88.50,S02,,否,否',
      ',T002,王芳,女,1990.11.23,S02,数学,初中,一级,8,79,,,,是',
    ].join('\n');
    const result = await parseEn(files({ staff }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [zhang, wang] = result.dataset.staff;
    // Unknown choice codes (S09) pass through: the engine ignores and reports them per person. 志愿N sits at
    // index N−1 with blanks kept as '', so maxChoices and the explanation count 志愿 as the person wrote them.
    expect(zhang).toMatchObject({
      gender: 'M',
      birthDate: '1975-03-08',
      certStage: 'high',
      score: 88.5,
      choices: ['S02', '', '', '', '', '', '', '', '', 'S09'],
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
    const a = await parseEn(files());
    const b = await parseEn(files({ schools: spaced }));
    expect(b.ok && a.ok && b.dataset).toEqual(a.ok && a.dataset);
  });

  it('keeps a cell with a quoted line break as one spreadsheet row', async () => {
    const schools = [
      'school_code,name,stage,township',
      'S01,"一中\n(本部)",high,凤城镇',
      'S02,北留中学,中学,北留镇',
    ].join('\n');
    expect(await issuesOf(parseEn(files({ schools })))).toEqual([
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
    expect(await issuesOf(parseEn(files({ posts: null })))).toEqual([
      {
        file: 'posts.csv',
        line: null,
        column: null,
        message: 'required file posts.csv is missing (or a workbook sheet named posts/岗位/岗位设置)',
      },
    ]);
  });

  it('reports an empty file, and one with nothing but blank lines', async () => {
    const expected = {
      file: 'staff.csv',
      line: null,
      column: null,
      message: 'file is empty; expected a header row and data rows',
    };
    expect(await issuesOf(parseEn(files({ staff: '' })))).toEqual([expected]);
    expect(await issuesOf(parseEn(files({ staff: '\r\n  \r\n\r\n' })))).toEqual([expected]);
  });

  it('reports a required file with a header but no rows', async () => {
    expect(await issuesOf(parseEn(files({ staff: `${staffHeader}\n\n` })))).toEqual([
      { file: 'staff.csv', line: null, column: null, message: 'file has a header but no data rows' },
    ]);
  });

  it('reports a missing required column by its canonical name', async () => {
    const staff = 'staff_id,name,gender,birth_date,school_code,subject,cert_stage,title,years_of_service\n';
    expect(
      await issuesOf(parseEn(files({ staff: `${staff}T001,张伟,M,1975-03-08,S01,语文,high,senior,25` }))),
    ).toEqual([
      { file: 'staff.csv', line: 1, column: 'score', message: 'missing required column score (综合得分)' },
    ]);
  });

  it('rejects an unknown column rather than ignoring it (a misspelt optional column would fall back silently)', async () => {
    const staff = [`${staffHeader},服从调济`, 'T001,张伟,M,1975-03-08,S01,语文,high,senior,25,88.5,否'].join(
      '\n',
    );
    const issues = await issuesOf(parseEn(files({ staff })));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'staff.csv', line: 1, column: '服从调济' });
    expect(issues[0]?.message).toMatch(
      /^unknown column "服从调济"; expected one of staff_id\/工号, id_number\/身份证号, name\/姓名, /,
    );
    expect(issues[0]?.message).toContain('accepts_adjustment/服从调剂');
  });

  it('skips bookkeeping columns such as 序号 and 备注 that rosters carry', async () => {
    const staff = [
      `序号,${staffHeader},备注`,
      '1,T001,张伟,M,1975-03-08,S01,语文,high,senior,25,88.5,借调返回',
    ].join('\n');
    const loaded = await parseEn(files({ staff }));
    expect(loaded.ok && loaded.dataset.staff.map((s) => [s.id, s.name])).toEqual([['T001', '张伟']]);
  });

  it('rejects the same column given twice, in English and in Chinese', async () => {
    const staff = [`${staffHeader},工号`, 'T001,张伟,M,1975-03-08,S01,语文,high,senior,25,88.5,T001'].join(
      '\n',
    );
    expect(await issuesOf(parseEn(files({ staff })))).toEqual([
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
    const issues = await issuesOf(parseEn(files({ schools })));
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
    const issues = await issuesOf(parseEn(files({ schools })));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'schools.csv', line: 2, column: null });
  });
});
