import { describe, expect, it } from 'vitest';
import { allocate, type Step } from '../../engine';
import { dataset, post, school, staff } from '../../tests/support/builders';
import { thirdChoiceCounty } from '../../tests/support/why-not-higher';
import { explanationLines, explanationText } from './explanation';
import { namesFrom } from './words';

function linesOf(d: ReturnType<typeof thirdChoiceCounty>, id: string, lang: 'zh' | 'en') {
  const r = allocate(d);
  return explanationLines(r.placements.find((p) => p.staffId === id)!.steps, lang, namesFrom(r.schools));
}

describe('explanations in words', () => {
  it('says in Chinese, for 志愿 1 and 2 above the 3rd obtained, the last admitted and the rule that decided', () => {
    expect(linesOf(thirdChoiceCounty(), 'T', 'zh')).toEqual([
      '第一轮：学校OLD撤并，不设岗位 → 进入第二轮',
      '第二轮：第1志愿 学校X 语文，空缺岗位 1 个，排名第 2（共 2 人），最后录取者 85.00，本人 80.00，按分数排序 → 未录取',
      '第二轮：第2志愿 学校Y 语文，空缺岗位 1 个，排名第 2（共 2 人），最后录取者 80.00，本人 80.00，与之同分，按职称排序在后 → 未录取',
      '第二轮：第3志愿 学校Z 语文，空缺岗位 1 个，排名第 1（共 1 人），本人 80.00 → 聘用（跨校竞聘）',
    ]);
  });

  it('says when the school ranked by its own applications score', () => {
    expect(linesOf(thirdChoiceCounty(true), 'T', 'zh')[1]).toBe(
      '第二轮：第1志愿 学校X 语文，空缺岗位 1 个，排名第 2（共 2 人），最后录取者 90.00，本人 70.00（该校择优评分），按分数排序 → 未录取',
    );
  });

  it('says the same in English on request', () => {
    expect(linesOf(thirdChoiceCounty(), 'T', 'en')).toEqual([
      'Round 1: 学校OLD is merging and offers no posts → on to round 2',
      'Round 2: choice 1 学校X 语文, 1 open post, rank 2 of 2, last admitted 85.00, own 80.00, decided by score → not admitted',
      'Round 2: choice 2 学校Y 语文, 1 open post, rank 2 of 2, last admitted 80.00, own 80.00, tied on score, behind on title → not admitted',
      'Round 2: choice 3 学校Z 语文, 1 open post, rank 1 of 1, own 80.00 → hired (cross-school)',
    ]);
  });

  it('words round 1 as a 公示 does: posts, rank, cut-off, own score', () => {
    const r = allocate(
      dataset({
        schools: [school('S1', { name: '北留中学' })],
        posts: [post('S1', '语文', 1)],
        staff: [staff('A', { score: 81.5 }), staff('B', { score: 80.25 })],
      }),
    );
    const b = r.placements.find((p) => p.staffId === 'B')!;
    expect(explanationText(b.steps, 'zh', namesFrom(r.schools))).toMatch(
      /^第一轮：北留中学 语文，岗位 1 个，排名第 2（共 2 人），分数线 81\.50，本人 80\.25 → 进入第二轮；第二轮：无有效志愿 → 进入第三轮；第三轮：/,
    );
  });

  it('has words for every kind of step in both languages, none of them empty', () => {
    const samples: Step[] = [
      { kind: 'resigned', round: 0 },
      { kind: 'barred', reason: '师德考核不合格', round: 0 },
      {
        kind: 'direct_hire',
        round: 0,
        schoolCode: 'S1',
        subject: '语文',
        why: { age: 58, asOf: '2020-08-01', kind: 'near_retirement', retirementAge: 60 },
      },
      {
        kind: 'exempt_at_merging_school',
        round: 0,
        schoolCode: 'S1',
        why: { exemption: 'illness', kind: 'exemption' },
      },
      {
        ignored: [{ choice: 6, schoolCode: 'S9', why: { maxChoices: 5, reason: 'beyond_max' } }],
        kind: 'choices_ignored',
        round: 2,
      },
      { kind: 'refuses_adjustment', round: 3 },
      {
        distanceKm: 12.345,
        homeTownship: '凤城镇',
        kind: 'assigned',
        penaltyKm: 50,
        round: 3,
        schoolCode: 'S1',
        subject: '数学',
      },
    ];
    const names = namesFrom([{ schoolCode: 'S1', name: '凤城中学' }]);
    const zh = explanationLines(samples, 'zh', names);
    expect(zh).toEqual([
      '竞聘前：本人辞职，不参加竞聘',
      '竞聘前：不得参聘（师德考核不合格）→ 待岗',
      '竞聘前：凤城中学 语文 直聘（临近退休（截至 2020-08-01 年满 58 岁，60 岁退休））',
      '竞聘前：符合直聘情形（重大疾病），但凤城中学撤并 → 进入第二轮',
      '第二轮：不予考虑的志愿：第6志愿 S9（超出5个志愿的上限）',
      '第三轮：不服从调剂 → 待岗',
      '第三轮：组织调剂至 凤城中学 数学（跨学科，另计 50.0 公里），距居住乡镇凤城镇 12.3 公里',
    ]);
    const en = explanationLines(samples, 'en', names);
    expect(en).toHaveLength(samples.length);
    // English wording, Chinese only where the data is Chinese (names, subjects, the reason written).
    for (const line of en) expect(line).not.toMatch(/[，：；]|轮|聘|岗/);
  });
});
