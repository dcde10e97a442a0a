import { describe, expect, it } from 'vitest';
import { allocate, checkFairness, DEFAULT_RULES } from '../../engine';
import type { Application, Dataset, Placement } from '../../engine/types';
import { post, school, staff } from '../support/builders';

/** X, Y and Z of a merging school all want A (2 posts); the audit judges a matching we impose. */
function county(posts: number, applications: Application[] = []): Dataset {
  return {
    schools: [school('M', { status: 'merging' }), school('A')],
    posts: [post('A', '语文', posts)],
    staff: [
      staff('X', { schoolCode: 'M', score: 90, choices: ['A'] }),
      staff('Y', { schoolCode: 'M', score: 70, choices: ['A'] }),
      staff('Z', { schoolCode: 'M', score: 60, choices: ['A'] }),
    ],
    townships: [],
    applications,
  };
}

/** The engine's placements, then `hired` moved into A in round 2 and everyone else left on standby. */
function imposed(d: Dataset, hired: readonly string[]): Placement[] {
  return allocate(d).placements.map((p) =>
    hired.includes(p.staffId)
      ? { ...p, outcome: 'cross_school', schoolCode: 'A', subject: '语文', round: 2 }
      : { ...p, outcome: 'standby', schoolCode: null, subject: null, round: null },
  );
}

describe('fairness audit', () => {
  it('names the lowest-priority hire as the one displacing a blocked applicant', () => {
    const d = county(2);
    const f = checkFairness(d, DEFAULT_RULES, imposed(d, ['Y', 'Z']));
    expect(f.envyPairs).toEqual([{ staffId: 'X', schoolCode: 'A', subject: '语文', displacedBy: 'Z' }]);
    expect(f.justifiedEnvy).toBe(1);
  });

  it("ranks by the school's own applications score where it filed one", () => {
    const apps = [
      { staffId: 'X', schoolCode: 'A', score: 50 },
      { staffId: 'Y', schoolCode: 'A', score: 10 },
      { staffId: 'Z', schoolCode: 'A', score: 30 },
    ];
    const d = county(2, apps);
    const f = checkFairness(d, DEFAULT_RULES, imposed(d, ['Y', 'Z']));
    expect(f.envyPairs).toEqual([{ staffId: 'X', schoolCode: 'A', subject: '语文', displacedBy: 'Y' }]);
  });

  it('reports an empty post someone wanted as waste, and a fair matching as clean', () => {
    const d = county(3);
    const waste = checkFairness(d, DEFAULT_RULES, imposed(d, ['Y', 'Z']));
    expect(waste.envyPairs).toEqual([{ staffId: 'X', schoolCode: 'A', subject: '语文', displacedBy: null }]);
    expect(waste.wastefulness).toBe(1);
    const fair = checkFairness(county(2), DEFAULT_RULES, imposed(county(2), ['X', 'Y']));
    expect([fair.justifiedEnvy, fair.wastefulness, fair.envyPairs]).toEqual([0, 0, []]);
  });
});
