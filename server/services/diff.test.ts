import { describe, expect, it } from 'vitest';
import type { AllocationResult, Placement, SchoolReport } from '../../engine/types';
import { diffRuns } from './diff';

const person = (staffId: string, over: Partial<Placement> = {}): Placement => ({
  staffId,
  name: staffId,
  outcome: 'in_school',
  schoolCode: 'S1',
  subject: '语文',
  round: 1,
  fromSchoolCode: 'S1',
  exemptReason: null,
  round1: null,
  round2: null,
  choiceRank: null,
  distanceKm: null,
  steps: [],
  ...over,
});

const school = (schoolCode: string, over: Partial<SchoolReport> = {}): SchoolReport => ({
  schoolCode,
  name: schoolCode,
  stage: 'middle',
  township: 't',
  status: 'open',
  posts: 2,
  round1: 2,
  round2: 0,
  round3: 0,
  vacancies: 0,
  staffOut: 0,
  staffIn: 0,
  subjects: [],
  ...over,
});

const run = (placements: Placement[], schools: SchoolReport[]) =>
  ({ placements, schools }) as unknown as AllocationResult;

describe('diffRuns', () => {
  it('names people whose outcome, school or round changed, and people in one run only', () => {
    const before = run([person('A'), person('B'), person('C'), person('D')], [school('S1')]);
    const after = run(
      [
        person('A'),
        person('B', { round: 3, outcome: 'administrative' }),
        person('C', { schoolCode: 'S2', outcome: 'cross_school', round: 2 }),
        person('E'),
      ],
      [school('S1', { round1: 1, round3: 1 })],
    );
    const diff = diffRuns(before, after);
    expect(diff.people.map((p) => p.staffId)).toEqual(['B', 'C', 'D', 'E']);
    expect(diff.people.find((p) => p.staffId === 'D')?.after).toBeNull();
    expect(diff.people.find((p) => p.staffId === 'E')?.before).toBeNull();
    expect(diff.schools).toEqual([
      {
        schoolCode: 'S1',
        name: 'S1',
        before: { posts: 2, round1: 2, round2: 0, round3: 0, vacancies: 0, staffOut: 0, staffIn: 0 },
        after: { posts: 2, round1: 1, round2: 0, round3: 1, vacancies: 0, staffOut: 0, staffIn: 0 },
        gained: ['E'],
        lost: ['C', 'D'],
      },
    ]);
  });

  it('names a school whose figures stayed equal but whose people were swapped', () => {
    const before = run(
      [
        person('A', { schoolCode: 'S2', round: 2, outcome: 'cross_school' }),
        person('B', { schoolCode: 'S3' }),
      ],
      [school('S2')],
    );
    const after = run(
      [
        person('A', { schoolCode: 'S3' }),
        person('B', { schoolCode: 'S2', round: 2, outcome: 'cross_school' }),
      ],
      [school('S2')],
    );
    const s2 = diffRuns(before, after).schools.find((s) => s.schoolCode === 'S2');
    expect(s2).toMatchObject({ gained: ['B'], lost: ['A'] });
    expect(s2?.before).toEqual(s2?.after);
  });

  it('names a person moved to another subject at the same school (round 3 across subjects)', () => {
    const before = run([person('A', { outcome: 'administrative', round: 3 })], []);
    const after = run([person('A', { outcome: 'administrative', round: 3, subject: '数学' })], []);
    expect(diffRuns(before, after).people).toEqual([
      {
        staffId: 'A',
        name: 'A',
        before: { outcome: 'administrative', schoolCode: 'S1', subject: '语文', round: 3 },
        after: { outcome: 'administrative', schoolCode: 'S1', subject: '数学', round: 3 },
      },
    ]);
  });

  it('ignores an explanation or rank that changed while the placement did not', () => {
    const ranked = (rank: number) =>
      person('A', {
        round1: { of: 3, rank, schoolCode: 'S1', subject: '语文' },
        steps: [
          {
            kind: 'direct_hire',
            round: 0,
            schoolCode: 'S1',
            subject: '语文',
            why: { exemption: 'other', kind: 'exemption' },
          },
        ],
      });
    const before = run([ranked(2)], []);
    const after = run([{ ...ranked(1), steps: [] }], []);
    expect(diffRuns(before, after)).toEqual({ people: [], schools: [] });
  });
});
