import { describe, expect, it } from 'vitest';
import { DEFAULT_TIE_BREAK, tieBreakFact } from '../../web/src/pages/tie-break';

type Candidate = Parameters<typeof tieBreakFact>[0];

const person = (rank: number, over: Partial<Candidate> = {}): Candidate => ({
  staffId: `T${rank}`,
  name: `教师${rank}`,
  rank,
  score: 80,
  title: 'first',
  yearsOfService: 10,
  birthDate: '1980-01-01',
  hired: true,
  ...over,
});

describe('the 同分比较 column of a principal’s round-1 list', () => {
  it('says nothing when the scores already differ', () => {
    expect(tieBreakFact(person(1, { score: 81 }), person(2), DEFAULT_TIE_BREAK)).toBeNull();
  });

  it('names the first key that separates equal scores, after those that did not', () => {
    expect(tieBreakFact(person(1, { title: 'senior' }), person(2), DEFAULT_TIE_BREAK)).toBe(
      '与第2名同分，职称较高',
    );
    expect(tieBreakFact(person(3, { yearsOfService: 12 }), person(4), DEFAULT_TIE_BREAK)).toBe(
      '与第4名同分、同职称，教龄较长',
    );
    expect(tieBreakFact(person(5, { birthDate: '1970-01-01' }), person(6), DEFAULT_TIE_BREAK)).toBe(
      '与第6名同分、同职称、同教龄，年龄较大',
    );
    expect(tieBreakFact(person(7), person(8), DEFAULT_TIE_BREAK)).toBe(
      '与第8名同分、同职称、同教龄、同出生日期，工号较小',
    );
  });

  it('follows the run’s own tie-break order', () => {
    const order = ['score', 'years_of_service', 'title', 'birth_date', 'staff_id'] as const;
    const a = person(1, { yearsOfService: 20, title: 'second' });
    expect(tieBreakFact(a, person(2), order)).toBe('与第2名同分，教龄较长');
  });
});
