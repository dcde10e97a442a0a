import { describe, expect, it } from 'vitest';
import { files, issuesOf, parseEn, staffHeader } from './testdata/inline';

describe('parseDataset — checks across rows and files', () => {
  it('reports duplicate ids on the later row, pointing at the first', async () => {
    const staff = [
      staffHeader,
      'T001,张伟,M,1975-03-08,S01,语文,high,senior,25,88.5',
      'T001,王芳,F,1990-11-23,S02,数学,middle,first,8,79',
    ].join('\n');
    expect(await issuesOf(parseEn(files({ staff })))).toEqual([
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
    expect(await issuesOf(parseEn(files({ schools, posts })))).toEqual([
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
    expect(await issuesOf(parseEn(files({ posts, staff, applications })))).toEqual([
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
    expect(await issuesOf(parseEn(files({ applications })))).toEqual([
      { file: 'applications.csv', line: 3, column: '工号', message: 'staff_id "T404" is not in staff.csv' },
      {
        file: 'applications.csv',
        line: 4,
        column: '学校代码',
        message: 'duplicate application (staff_id, school_code) "T001", "S02"; first on line 2',
      },
    ]);
  });

  it('checks school townships against townships.csv only when it is given; a home township may lie outside', async () => {
    const staff = [
      `${staffHeader},home_township`,
      'T001,张伟,M,1975-03-08,S01,语文,high,senior,25,88.5,西河乡',
    ].join('\n');
    expect((await parseEn(files({ staff }))).ok).toBe(true);
    const townships = ['township,lat,lon', '凤城镇,35.4861,112.4153'].join('\n');
    expect(await issuesOf(parseEn(files({ staff, townships })))).toEqual([
      {
        file: 'schools.csv',
        line: 3,
        column: 'township',
        message: 'township "北留镇" is not in townships.csv; add it there or correct the name',
      },
    ]);
    const bothKnown = ['township,lat,lon', '凤城镇,35.4861,112.4153', '北留镇,35.55,112.53'].join('\n');
    const loaded = await parseEn(files({ staff, townships: bothKnown }));
    expect(loaded.ok && loaded.dataset.staff[0]?.homeTownship).toBe('西河乡');
  });

  it('does not repeat a broken file as unknown references in the others', async () => {
    const schools = 'school_code,name,township\nS01,一中,凤城镇';
    expect(await issuesOf(parseEn(files({ schools })))).toEqual([
      { file: 'schools.csv', line: 1, column: 'stage', message: 'missing required column stage (学段)' },
    ]);
  });
});
