import { describe, expect, it } from 'vitest';
import { allocate } from '../../engine';
import { dataset, post, school, staff } from '../../tests/support/builders';
import { schoolCandidates } from './candidates';

describe('schoolCandidates', () => {
  it('names the direct hires (直聘) of each subject beside the round-1 list they took posts from', () => {
    const result = allocate(
      dataset({
        schools: [school('S1'), school('S2')],
        posts: [post('S1', '语文', 2), post('S2', '语文', 1)],
        staff: [
          staff('A', { exemption: 'pregnancy' }),
          staff('B', { score: 90 }),
          staff('C', { score: 80, choices: ['S2'] }),
        ],
      }),
    );
    const view = schoolCandidates(result, 'S1')!;
    const chinese = view.subjects.find((s) => s.subject === '语文')!;
    expect(chinese).toMatchObject({ posts: 2, exempt: 1, capacity: 1, cutoff: 90 });
    expect(chinese.directHires).toEqual([
      {
        staffId: 'A',
        name: '教师A',
        why: { exemption: 'pregnancy', kind: 'exemption' },
        reason: '孕期哺乳期',
      },
    ]);
    expect(schoolCandidates(result, 'S1', 'en')!.subjects[0]!.directHires[0]!.reason).toBe(
      'pregnancy or nursing',
    );
    expect(chinese.round1.map((c) => [c.staffId, c.hired])).toEqual([
      ['B', true],
      ['C', false],
    ]);
    expect(view.left.map((m) => [m.staffId, m.schoolCode])).toEqual([['C', 'S2']]);
    expect(schoolCandidates(result, 'S9')).toBeNull();
  });
});
