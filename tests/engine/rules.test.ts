import { describe, expect, it } from 'vitest';
import { allocate, type Dataset, type Placement, percentages, withDefaults } from '../../engine';
import { application, dataset, post, school, staff } from '../support/builders';

/** One test (at least) per rule of SPEC §3: each fails if its rule is broken. */
const byId = (placements: readonly Placement[]) => new Map(placements.map((p) => [p.staffId, p]));
const run = (d: Dataset, rules = withDefaults()) => {
  const r = allocate(d, rules);
  return { ...r, who: byId(r.placements) };
};

describe('before round 1', () => {
  it('resigned staff leave the process and take no post', () => {
    const r = run(
      dataset({
        schools: [school('S1')],
        posts: [post('S1', '语文', 1)],
        staff: [staff('A', { score: 99, resigned: true }), staff('B', { score: 50 })],
      }),
    );
    expect(r.who.get('A')).toMatchObject({ outcome: 'resigned', schoolCode: null, round: null });
    expect(r.who.get('B')).toMatchObject({ outcome: 'in_school', round: 1 });
  });

  it('barred staff go to standby and take no post, whatever their score', () => {
    const r = run(
      dataset({
        schools: [school('S1')],
        posts: [post('S1', '语文', 1)],
        staff: [staff('A', { score: 99, barred: '师德考核不合格' }), staff('B', { score: 50 })],
      }),
    );
    expect(r.who.get('A')).toMatchObject({ outcome: 'standby', schoolCode: null });
    expect(r.who.get('A')!.steps).toEqual([{ kind: 'barred', reason: '师德考核不合格', round: 0 }]);
    expect(r.who.get('B')!.outcome).toBe('in_school');
  });

  it('exempt staff are hired directly and use up a post before anyone competes', () => {
    const r = run(
      dataset({
        schools: [school('S1'), school('S2')],
        posts: [post('S1', '语文', 2), post('S2', '语文', 1)],
        staff: [
          staff('A', { score: 10, exemption: 'pregnancy' }),
          staff('B', { score: 90 }),
          staff('C', { score: 80, choices: ['S2'] }),
        ],
      }),
    );
    expect(r.who.get('A')).toMatchObject({
      outcome: 'in_school',
      round: 1,
      exemptReason: { exemption: 'pregnancy', kind: 'exemption' },
    });
    expect(r.who.get('B')).toMatchObject({ outcome: 'in_school', round: 1 });
    expect(r.who.get('C')).toMatchObject({ outcome: 'cross_school', schoolCode: 'S2' });
  });

  it('near retirement is computed from birth date, gender, retirementAge and asOf', () => {
    // asOf 2020-08-01, window 3 years: women from 52, men from 57.
    const people = [
      staff('F52', { gender: 'F', birthDate: '1968-08-01', score: 1 }),
      staff('F51', { gender: 'F', birthDate: '1968-08-02', score: 2 }),
      staff('M57', { gender: 'M', birthDate: '1963-07-31', score: 3 }),
      staff('M56', { gender: 'M', birthDate: '1964-01-01', score: 4 }),
    ];
    const r = run(dataset({ schools: [school('S1')], posts: [post('S1', '语文', 2)], staff: people }));
    expect(r.who.get('F52')!.exemptReason).toEqual({
      age: 52,
      asOf: '2020-08-01',
      kind: 'near_retirement',
      retirementAge: 55,
    });
    expect(r.who.get('M57')!.exemptReason).toMatchObject({
      age: 57,
      kind: 'near_retirement',
      retirementAge: 60,
    });
    expect(r.who.get('F51')!.exemptReason).toBeNull();
    expect(r.who.get('M56')!.exemptReason).toBeNull();
    expect(r.summary.inSchool).toBe(2);
    const later = run(
      dataset({ schools: [school('S1')], posts: [post('S1', '语文', 2)], staff: people }),
      withDefaults({ asOf: '2021-08-01' }),
    );
    expect(later.who.get('F51')!.exemptReason).toMatchObject({ age: 52, asOf: '2021-08-01' });
  });

  it('direct hires beyond the posts are still hired and the overflow is reported, not counted as a violation', () => {
    const r = run(
      dataset({
        schools: [school('S1')],
        posts: [post('S1', '语文', 1)],
        staff: [staff('A', { exemption: 'illness' }), staff('B', { exemption: 'secondment' }), staff('C')],
      }),
    );
    expect(r.summary.inSchool).toBe(2);
    expect(r.fairness).toMatchObject({ exemptOverflow: 1, capacityViolations: 0, eligibilityViolations: 0 });
    expect(r.warnings.map((w) => w.code)).toContain('EXEMPT_OVERFLOW');
    expect(r.who.get('C')!.outcome).toBe('standby');
  });
});

describe('round 1', () => {
  it('fills posts − reserved − exempt with own staff in priority order; reserved posts go to round 2', () => {
    const r = run(
      dataset({
        schools: [school('S1'), school('S2')],
        posts: [post('S1', '数学', 3, 1), post('S2', '数学', 1)],
        staff: [
          staff('E', { subject: '数学', exemption: 'other' }),
          staff('A', { subject: '数学', score: 90 }),
          staff('B', { subject: '数学', score: 85 }),
          staff('X', { subject: '数学', schoolCode: 'S2', score: 95 }),
          staff('Y', { subject: '数学', schoolCode: 'S2', score: 70, choices: ['S1'] }),
        ],
      }),
    );
    expect(r.who.get('A')!.outcome).toBe('in_school');
    expect(r.who.get('B')!.outcome).not.toBe('in_school');
    expect(r.who.get('Y')).toMatchObject({ outcome: 'cross_school', schoolCode: 'S1', round: 2 });
    const list = r.round1Lists.find((l) => l.schoolCode === 'S1')!;
    expect(list).toMatchObject({ posts: 3, reserved: 1, exempt: 1, capacity: 1, cutoff: 90 });
    expect(r.who.get('B')!.steps).toContainEqual({
      cutoff: 90,
      decidedBy: 'score',
      hired: false,
      kind: 'ranked',
      of: 2,
      openPosts: 1,
      rank: 2,
      round: 1,
      schoolCode: 'S1',
      score: 85,
      subject: '数学',
    });
  });

  it.each([
    ['title' as const, { title: 'senior' as const }, { title: 'first' as const }],
    ['years_of_service' as const, { yearsOfService: 20 }, { yearsOfService: 19 }],
    ['birth_date' as const, { birthDate: '1980-01-01' }, { birthDate: '1980-01-02' }],
  ])('breaks a score tie by %s', (key, better, worse) => {
    const d = dataset({
      schools: [school('S1')],
      posts: [post('S1', '语文', 1)],
      // The worse one has the smaller id, so only the rule under test can put the better one first.
      staff: [staff('A', { score: 80, ...worse }), staff('B', { score: 80, ...better })],
    });
    expect(run(d).who.get('B')!.outcome).toBe('in_school');
    expect(run(d).who.get('A')!.steps).toContainEqual(
      expect.objectContaining({ kind: 'ranked', cutoff: 80, score: 80, hired: false, decidedBy: key }),
    );
  });

  it('breaks a full tie by the smaller staff_id compared as a plain string', () => {
    const d = dataset({
      schools: [school('S1')],
      posts: [post('S1', '语文', 1)],
      staff: [staff('b', { score: 80 }), staff('B', { score: 80 })],
    });
    expect(run(d).who.get('B')!.outcome).toBe('in_school');
  });

  it('follows the tie-break order the rules give', () => {
    const d = dataset({
      schools: [school('S1')],
      posts: [post('S1', '语文', 1)],
      staff: [
        staff('A', { score: 80, title: 'senior', yearsOfService: 5 }),
        staff('B', { score: 80, title: 'first', yearsOfService: 30 }),
      ],
    });
    expect(run(d).who.get('A')!.outcome).toBe('in_school');
    const yearsFirst = withDefaults({ tieBreak: ['score', 'years_of_service', 'title', 'staff_id'] });
    expect(run(d, yearsFirst).who.get('B')!.outcome).toBe('in_school');
  });

  it('needs a certificate of the school stage or higher; kindergarten certificates cover only kindergartens', () => {
    const r = run(
      dataset({
        schools: [
          school('M', { stage: 'middle' }),
          school('P', { stage: 'primary' }),
          school('K', { stage: 'kindergarten' }),
        ],
        posts: [post('M', '语文', 1), post('P', '语文', 2), post('K', '语文', 1)],
        staff: [
          staff('low', { schoolCode: 'M', certStage: 'primary', choices: ['P'] }),
          staff('high', { schoolCode: 'K', certStage: 'high', choices: ['P'] }),
          staff('kg', { schoolCode: 'P', certStage: 'kindergarten', choices: ['K'] }),
        ],
      }),
    );
    expect(r.who.get('low')).toMatchObject({ outcome: 'cross_school', schoolCode: 'P' });
    expect(r.who.get('high')).toMatchObject({ outcome: 'cross_school', schoolCode: 'P' });
    expect(r.who.get('kg')).toMatchObject({ outcome: 'cross_school', schoolCode: 'K' });
    expect(r.who.get('low')!.steps[0]).toEqual({
      kind: 'not_ranked',
      round: 1,
      schoolCode: 'M',
      why: { certStage: 'primary', reason: 'cert_not_covering', stage: 'middle' },
    });
  });

  it('a merging school offers no posts and all its staff start in round 2', () => {
    const r = run(
      dataset({
        schools: [school('OLD', { status: 'merging' }), school('NEW')],
        posts: [post('OLD', '语文', 5), post('NEW', '语文', 1)],
        staff: [
          staff('A', { schoolCode: 'OLD', choices: ['NEW'] }),
          staff('B', { schoolCode: 'OLD', exemption: 'illness' }),
        ],
      }),
    );
    expect(r.who.get('A')).toMatchObject({ outcome: 'cross_school', schoolCode: 'NEW' });
    expect(r.who.get('B')!.outcome).not.toBe('in_school');
    expect(r.warnings.map((w) => w.code)).toContain('EXEMPT_AT_MERGING_SCHOOL');
    expect(r.schools.find((s) => s.schoolCode === 'OLD')!.posts).toBe(0);
  });
});

describe('round 2', () => {
  const county = dataset({
    schools: [
      school('S1'),
      school('S2'),
      school('S3'),
      school('P', { stage: 'primary' }),
      school('H', { stage: 'high' }),
    ],
    posts: [
      post('S1', '语文', 0),
      post('S2', '语文', 1),
      post('S3', '语文', 1),
      post('P', '语文', 1),
      post('H', '语文', 1),
    ],
  });

  it('ignores and reports choices beyond maxChoices, unknown, own-school, duplicate and ineligible ones', () => {
    const d = {
      ...county,
      staff: [staff('A', { choices: ['S1', 'NOPE', 'S2', 'S2', 'K9', 'S3'], certStage: 'middle' })],
      schools: [...county.schools, school('K9', { stage: 'kindergarten' })],
      posts: [...county.posts, post('K9', '语文', 1)],
    };
    const r = run(d, withDefaults({ crossSchool: { maxChoices: 5 } }));
    expect(r.warnings.filter((w) => w.staffId === 'A').map((w) => [w.code, w.schoolCode])).toEqual([
      ['CHOICE_OWN_SCHOOL', 'S1'],
      ['CHOICE_UNKNOWN_SCHOOL', 'NOPE'],
      ['CHOICE_DUPLICATE', 'S2'],
      ['CHOICE_INELIGIBLE', 'K9'],
      ['CHOICE_BEYOND_MAX', 'S3'],
    ]);
    // choiceRank is the 志愿 number as written: S2 was 志愿3.
    expect(r.who.get('A')).toMatchObject({ outcome: 'cross_school', schoolCode: 'S2', choiceRank: 3 });
    expect(r.who.get('A')!.steps).toContainEqual(
      expect.objectContaining({
        kind: 'choices_ignored',
        ignored: expect.arrayContaining([{ choice: 1, schoolCode: 'S1', why: { reason: 'own_school' } }]),
      }),
    );
    expect(r.fairness.choiceRanks).toEqual([0, 0, 1]);
  });

  it('counts maxChoices over 志愿 as written, blanks included', () => {
    const d = { ...county, staff: [staff('A', { choices: ['', 'S2', 'S3'] })] };
    const r = run(d, withDefaults({ crossSchool: { maxChoices: 2 } }));
    expect(r.who.get('A')).toMatchObject({ schoolCode: 'S2', choiceRank: 2 });
    expect(r.warnings.map((w) => [w.code, w.schoolCode])).toEqual([['CHOICE_BEYOND_MAX', 'S3']]);
    expect(r.who.get('A')!.steps).toContainEqual(
      expect.objectContaining({ kind: 'admitted', choice: 2, schoolCode: 'S2' }),
    );
  });

  it('noUpwardMoves forbids a move to a school of a higher stage', () => {
    // A's own primary school has no room, so A goes to round 2 wishing for the high school first.
    const d = {
      schools: [...county.schools, school('P2', { stage: 'primary' })],
      posts: [
        ...county.posts.map((p) => (p.schoolCode === 'P' ? { ...p, posts: 0 } : p)),
        post('P2', '语文', 1),
      ],
      staff: [staff('A', { schoolCode: 'P', choices: ['H', 'S2', 'P2'] })],
      townships: [],
      applications: [],
    };
    expect(run(d).who.get('A')).toMatchObject({ schoolCode: 'H', round: 2 });
    const r = run(d, withDefaults({ crossSchool: { noUpwardMoves: true } }));
    expect(r.who.get('A')).toMatchObject({ schoolCode: 'P2', round: 2, choiceRank: 3 });
    expect(r.warnings.filter((w) => w.code === 'CHOICE_INELIGIBLE').map((w) => w.schoolCode)).toEqual([
      'H',
      'S2',
    ]);
  });

  it('noUpwardMoves takes the kindergarten as the lowest stage', () => {
    const d = dataset({
      schools: [
        school('K', { stage: 'kindergarten' }),
        school('P', { stage: 'primary' }),
        school('K2', { stage: 'kindergarten' }),
      ],
      posts: [post('K', '语文', 0), post('P', '语文', 1), post('K2', '语文', 1)],
      staff: [staff('A', { schoolCode: 'K', certStage: 'primary', choices: ['P', 'K2'] })],
    });
    expect(run(d).who.get('A')!.schoolCode).toBe('P');
    const r = run(d, withDefaults({ crossSchool: { noUpwardMoves: true } }));
    expect(r.warnings.map((w) => [w.code, w.schoolCode])).toEqual([
      ['CHOICE_INELIGIBLE', 'P'],
      ['CHOICE_INELIGIBLE', 'K2'],
    ]);
    expect(r.who.get('A')!.round).not.toBe(2);
  });

  it('deferred acceptance: the school keeps the applicant it ranks higher, and no one has justified envy', () => {
    const d = {
      ...county,
      staff: [
        staff('A', { score: 90, choices: ['S2', 'S3'] }),
        staff('B', { score: 80, choices: ['S2', 'S3'] }),
        staff('C', { score: 70, choices: ['S3'] }),
      ],
    };
    const r = run(d);
    expect(r.who.get('A')!.schoolCode).toBe('S2');
    expect(r.who.get('B')!.schoolCode).toBe('S3');
    expect(r.who.get('C')!.outcome).toBe('administrative');
    expect(r.fairness.justifiedEnvy).toBe(0);
    expect(r.fairness.choiceRanks).toEqual([1, 1]);
  });

  it('applications.csv: only shortlisted staff are acceptable, ranked by the school score; serial dictatorship ignores the scores', () => {
    const d = {
      ...county,
      staff: [
        staff('A', { score: 90, choices: ['S2', 'S3'] }),
        staff('B', { score: 80, choices: ['S2', 'S3'] }),
        staff('C', { score: 95, choices: ['S3'] }),
      ],
      applications: [application('A', 'S2', 60), application('B', 'S2', 75)],
    };
    const da = run(d);
    expect(da.who.get('B')!.schoolCode).toBe('S2');
    expect(da.who.get('A')!.schoolCode).not.toBe('S2');
    const sd = run(d, withDefaults({ crossSchool: { mechanism: 'serial_dictatorship' } }));
    expect(sd.who.get('A')!.schoolCode).toBe('S2');
    expect(sd.who.get('B')!.schoolCode).not.toBe('S2');
    expect(da.fairness.justifiedEnvy + sd.fairness.justifiedEnvy).toBe(0);
    const shortlistOnly = run({ ...d, applications: [application('B', 'S2', 1)] });
    expect(shortlistOnly.warnings).toContainEqual(
      expect.objectContaining({ code: 'CHOICE_NOT_SHORTLISTED', staffId: 'A' }),
    );
    expect(shortlistOnly.who.get('A')!.schoolCode).not.toBe('S2');
  });
});

describe('round 3', () => {
  const twoTowns = {
    townships: [
      { name: '凤城镇', lat: 35.486, lon: 112.422 },
      { name: '蟒河镇', lat: 35.25, lon: 112.35 },
    ],
  };

  it('places the most people first, then the least total distance', () => {
    // Greedy by priority would send A to the near school N, leaving B (primary certificate) nowhere.
    const r = run(
      dataset({
        ...twoTowns,
        schools: [
          school('OLD', { status: 'merging' }),
          school('N', { township: '凤城镇', stage: 'primary' }),
          school('F', { township: '蟒河镇' }),
        ],
        posts: [post('N', '语文', 1), post('F', '语文', 1)],
        staff: [
          staff('A', { schoolCode: 'OLD', score: 90, homeTownship: '凤城镇', certStage: 'middle' }),
          staff('B', { schoolCode: 'OLD', score: 80, homeTownship: '凤城镇', certStage: 'primary' }),
        ],
      }),
    );
    expect(r.who.get('A')).toMatchObject({ outcome: 'administrative', schoolCode: 'F', round: 3 });
    expect(r.who.get('B')).toMatchObject({ outcome: 'administrative', schoolCode: 'N' });
    expect(r.who.get('A')!.distanceKm).toBeGreaterThan(25);
    expect(r.who.get('B')!.distanceKm).toBe(0);
  });

  it('those who refuse adjustment, or have no feasible vacancy, end in standby', () => {
    const r = run(
      dataset({
        schools: [school('OLD', { status: 'merging' }), school('N')],
        posts: [post('N', '语文', 1), post('N', '数学', 1)],
        staff: [
          staff('A', { schoolCode: 'OLD', acceptsAdjustment: false }),
          staff('B', { schoolCode: 'OLD', subject: '英语' }),
        ],
      }),
    );
    expect(r.who.get('A')!.outcome).toBe('standby');
    expect(r.who.get('A')!.steps.at(-1)).toEqual({ kind: 'refuses_adjustment', round: 3 });
    expect(r.who.get('B')!.outcome).toBe('standby');
    expect(r.who.get('B')!.steps.at(-1)).toEqual({
      certStage: 'high',
      kind: 'no_vacancy',
      round: 3,
      subject: '英语',
      vacancies: 0,
    });
    expect(r.fairness.unfilledPosts).toBe(2);
  });

  it('says when the vacancies someone could fill went to others, and warns of a home township without coordinates', () => {
    const r = run(
      dataset({
        ...twoTowns,
        schools: [school('OLD', { status: 'merging' }), school('F', { township: '蟒河镇' })],
        posts: [post('F', '语文', 1)],
        staff: [
          staff('A', { schoolCode: 'OLD', score: 90, homeTownship: '凤城镇' }),
          staff('B', { schoolCode: 'OLD', score: 50, homeTownship: '晋城市区' }),
        ],
      }),
    );
    // B's unknown home counts as 0 km, so the least total distance sends B, not the higher-scored A.
    expect(r.who.get('B')!.outcome).toBe('administrative');
    expect(r.who.get('A')!.steps.at(-1)).toMatchObject({ kind: 'no_vacancy', vacancies: 1 });
    expect(r.warnings).toContainEqual(
      expect.objectContaining({ code: 'HOME_TOWNSHIP_UNKNOWN', staffId: 'B' }),
    );
  });

  it('another subject is allowed only when the rules say so, at the penalty', () => {
    const d = dataset({
      schools: [school('OLD', { status: 'merging' }), school('N')],
      posts: [post('N', '数学', 1)],
      staff: [staff('B', { schoolCode: 'OLD', subject: '英语' })],
    });
    expect(run(d).who.get('B')!.outcome).toBe('standby');
    const r = run(
      d,
      withDefaults({ administrative: { allowCrossSubject: true, crossSubjectPenaltyKm: 40 } }),
    );
    expect(r.who.get('B')).toMatchObject({ outcome: 'administrative', subject: '数学', distanceKm: 40 });
    expect(r.fairness.eligibilityViolations).toBe(0);
  });
});

describe('determinism', () => {
  it('gives the same output hash for the same input, and for its rows in another order', () => {
    const d = dataset({
      schools: [school('S1'), school('S2')],
      posts: [post('S1', '语文', 1), post('S2', '语文', 1)],
      staff: [
        staff('A', { score: 80, choices: ['S2'] }),
        staff('B', { score: 80 }),
        staff('C', { schoolCode: 'S2', score: 60 }),
      ],
    });
    const shuffled = {
      ...d,
      schools: [...d.schools].reverse(),
      posts: [...d.posts].reverse(),
      staff: [...d.staff].reverse(),
    };
    const a = allocate(d);
    expect(allocate(d).outputHash).toBe(a.outputHash);
    expect(allocate(shuffled)).toEqual(a);
    expect(
      allocate({ ...d, staff: d.staff.map((s) => (s.id === 'C' ? { ...s, score: 61 } : s)) }).outputHash,
    ).not.toBe(a.outputHash);
    expect(a.inputHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('summary', () => {
  it('gives shares to one decimal that add up to 100, rounded as the county report rounds them', () => {
    expect(percentages([3147, 198, 137, 5, 0])).toEqual([90.3, 5.7, 3.9, 0.1, 0]);
    expect(percentages([1, 1, 1])).toEqual([33.4, 33.3, 33.3]);
    expect(percentages([0, 0])).toEqual([0, 0]);
    const r = run(
      dataset({
        schools: [school('S1')],
        posts: [post('S1', '语文', 2)],
        staff: [staff('A'), staff('B'), staff('C', { resigned: true })],
      }),
    );
    expect(r.summary.percent).toEqual({
      inSchool: 66.7,
      crossSchool: 0,
      administrative: 0,
      resigned: 33.3,
      standby: 0,
    });
    expect(r.summary.byStage.find((s) => s.stage === 'middle')!.percent.inSchool).toBe(66.7);
  });
});
