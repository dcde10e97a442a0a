import { describe, expect, it } from 'vitest';
import type { PlacementRow } from '../../db';
import { neutralise, publicityCsv } from './publicity-csv';

const row = (over: Partial<PlacementRow>): PlacementRow => ({
  id: 1,
  runId: 1,
  staffId: 'T1',
  name: '王阳',
  outcome: 'in_school',
  schoolCode: 'S1',
  schoolName: '一中',
  subject: '语文',
  round: 1,
  fromSchoolCode: 'S1',
  fromSchoolName: '一中',
  choiceRank: null,
  distanceKm: null,
  explanation: '',
  steps: [
    {
      cutoff: null,
      decidedBy: null,
      hired: true,
      kind: 'ranked',
      of: 3,
      openPosts: 5,
      rank: 2,
      round: 1,
      schoolCode: 'S1',
      score: 86.5,
      subject: '语文',
    },
  ],
  ...over,
});

describe('公示 CSV', () => {
  it.each(['=1+1', '+86 138', '-2', '@SUM(A1)', '\t=1', '\r=1'])('neutralises %j', (cell) => {
    expect(neutralise(cell)).toBe(`'${cell}`);
  });

  it('shows the 志愿 obtained in round 2 and the distance of a round-3 assignment', () => {
    const text = publicityCsv([
      row({ staffId: 'T2', outcome: 'cross_school', round: 2, choiceRank: 3, steps: [] }),
      row({
        staffId: 'T3',
        outcome: 'administrative',
        round: 3,
        distanceKm: 27.4567,
        steps: null,
        explanation: 'y',
      }),
    ]);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      '工号,姓名,原学校代码,原学校,聘用结果,聘用学校代码,聘用学校,任教学科,轮次,所得志愿,调剂距离(公里),说明',
    );
    expect(lines[1]).toBe('T2,王阳,S1,一中,跨校竞聘,S1,一中,语文,第2轮,志愿3,,');
    expect(lines[2]).toBe('T3,王阳,S1,一中,组织调剂,S1,一中,语文,第3轮,,27.5,y');
  });

  it('leaves ordinary text alone', () => {
    expect(neutralise('王阳')).toBe('王阳');
    expect(neutralise('a=b')).toBe('a=b');
  });

  it('quotes cells with commas, quotes and line breaks, after neutralising', () => {
    const text = publicityCsv([
      row({ name: '=HYPERLINK("http://x","点我")', steps: null, explanation: 'a, b\nc' }),
    ]);
    expect(text.startsWith('\uFEFF工号,姓名,')).toBe(true);
    const [, line] = text.slice(1).split('\r\n');
    expect(line).toBe(
      `T1,"'=HYPERLINK(""http://x"",""点我"")",S1,一中,校内竞聘,S1,一中,语文,第1轮,,,"a, b\nc"`,
    );
  });

  it('writes empty cells for people without a post', () => {
    const text = publicityCsv([
      row({ outcome: 'standby', schoolCode: null, schoolName: null, subject: null, round: null }),
    ]);
    expect(text.slice(1).split('\r\n')[1]).toBe(
      'T1,王阳,S1,一中,待岗,,,,,,,第一轮：一中 语文，岗位 5 个，排名第 2（共 3 人），本人 86.50 → 聘用（校内竞聘）',
    );
  });

  it('writes the 说明 in Chinese from the steps, naming schools by the names given', () => {
    const steps: PlacementRow['steps'] = [
      { kind: 'not_ranked', round: 1, schoolCode: 'S1', why: { reason: 'merging' } },
      {
        ignored: [{ choice: 1, schoolCode: 'S7', why: { reason: 'own_school' } }],
        kind: 'choices_ignored',
        round: 2,
      },
    ];
    const text = publicityCsv([row({ steps })], { school: (code) => (code === 'S7' ? '七中' : '一中') });
    expect(text.slice(1).split('\r\n')[1]).toMatch(
      /,第一轮：一中撤并，不设岗位 → 进入第二轮；第二轮：不予考虑的志愿：第1志愿 七中（本校，跨校竞聘不含本校）$/,
    );
  });

  it('keeps the sentence a run of engine 1.0.0 stored, which has no steps', () => {
    const text = publicityCsv([row({ steps: null, explanation: 'round 1: hired' })]);
    expect(text.slice(1).split('\r\n')[1]).toMatch(/,round 1: hired$/);
  });
});
