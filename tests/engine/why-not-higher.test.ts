import { describe, expect, it } from 'vitest';
import { allocate } from '../../engine';
import { thirdChoiceCounty } from '../support/why-not-higher';

const placementOf = (r: ReturnType<typeof allocate>, id: string) =>
  r.placements.find((p) => p.staffId === id)!;

describe('why not a higher 志愿', () => {
  it('names, for 志愿 1 and 2, the posts, the last admitted, the own score and the rule that decided', () => {
    const t = placementOf(allocate(thirdChoiceCounty()), 'T');
    expect(t).toMatchObject({ outcome: 'cross_school', schoolCode: 'Z', choiceRank: 3 });
    expect(t.steps.filter((s) => s.round === 2)).toEqual([
      {
        choice: 1,
        decidedBy: 'score',
        kind: 'not_higher',
        lastAdmitted: { score: 85, staffId: 'A' },
        of: 2,
        rank: 2,
        round: 2,
        schoolCode: 'X',
        score: 80,
        scoreBasis: 'composite',
        subject: '语文',
        vacancies: 1,
      },
      {
        choice: 2,
        decidedBy: 'title',
        kind: 'not_higher',
        lastAdmitted: { score: 80, staffId: 'B' },
        of: 2,
        rank: 2,
        round: 2,
        schoolCode: 'Y',
        score: 80,
        scoreBasis: 'composite',
        subject: '语文',
        vacancies: 1,
      },
      {
        choice: 3,
        decidedBy: null,
        kind: 'admitted',
        lastAdmitted: { score: 80, staffId: 'T' },
        of: 1,
        rank: 1,
        round: 2,
        schoolCode: 'Z',
        score: 80,
        scoreBasis: 'composite',
        subject: '语文',
        vacancies: 1,
      },
    ]);
  });

  it('gives scores as the school ranked them: its applications score when it has one', () => {
    const t = placementOf(allocate(thirdChoiceCounty(true)), 'T');
    expect(t.steps.find((s) => s.kind === 'not_higher' && s.choice === 1)).toMatchObject({
      lastAdmitted: { score: 90, staffId: 'A' },
      score: 70,
      scoreBasis: 'application',
      decidedBy: 'score',
    });
  });

  it('lists every valid 志愿 for someone not placed in round 2', () => {
    const d = thirdChoiceCounty();
    const full = { ...d, posts: d.posts.filter((p) => p.schoolCode !== 'Z') };
    const t = placementOf(allocate(full), 'T');
    expect(t.outcome).toBe('standby');
    const round2 = t.steps.filter((s) => s.round === 2);
    expect(round2.map((s) => [s.kind, 'choice' in s ? s.choice : null])).toEqual([
      ['choices_ignored', null],
      ['not_higher', 1],
      ['not_higher', 2],
      ['not_admitted', null],
    ]);
  });
});
