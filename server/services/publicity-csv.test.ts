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
  explanation: 'round 1: hired',
  ...over,
});

describe('公示 CSV', () => {
  it.each(['=1+1', '+86 138', '-2', '@SUM(A1)', '\t=1', '\r=1'])('neutralises %j', (cell) => {
    expect(neutralise(cell)).toBe(`'${cell}`);
  });

  it('shows the 志愿 obtained in round 2 and the distance of a round-3 assignment', () => {
    const text = publicityCsv([
      row({ staffId: 'T2', outcome: 'cross_school', round: 2, choiceRank: 3, explanation: 'x' }),
      row({ staffId: 'T3', outcome: 'administrative', round: 3, distanceKm: 27.4567, explanation: 'y' }),
    ]);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      '工号,姓名,原学校代码,原学校,聘用结果,聘用学校代码,聘用学校,任教学科,轮次,所得志愿,调剂距离(公里),说明',
    );
    expect(lines[1]).toBe('T2,王阳,S1,一中,跨校竞聘,S1,一中,语文,第2轮,志愿3,,x');
    expect(lines[2]).toBe('T3,王阳,S1,一中,组织调剂,S1,一中,语文,第3轮,,27.5,y');
  });

  it('leaves ordinary text alone', () => {
    expect(neutralise('王阳')).toBe('王阳');
    expect(neutralise('a=b')).toBe('a=b');
  });

  it('quotes cells with commas, quotes and line breaks, after neutralising', () => {
    const text = publicityCsv([row({ name: '=HYPERLINK("http://x","点我")', explanation: 'a, b\nc' })]);
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
    expect(text.slice(1).split('\r\n')[1]).toBe('T1,王阳,S1,一中,待岗,,,,,,,round 1: hired');
  });
});
