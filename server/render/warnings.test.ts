import { describe, expect, it } from 'vitest';
import { allocate } from '../../engine';
import { dataset, post, school, staff, township } from '../../tests/support/builders';
import { warningText } from './warnings';
import { namesFrom } from './words';

describe('warnings in words', () => {
  const r = allocate(
    dataset({
      schools: [school('OLD', { status: 'merging', name: '原西河中学' }), school('N', { name: '北留中学' })],
      posts: [post('N', '语文', 1), post('N', '数学', 0)],
      townships: [township('凤城镇', 35.486, 112.422)],
      staff: [
        staff('A', { schoolCode: 'OLD', choices: ['OLD', 'N'] }),
        staff('B', { schoolCode: 'OLD', exemption: 'illness', homeTownship: '晋城市区' }),
        staff('C', { schoolCode: 'N', subject: '数学', exemption: 'secondment' }),
      ],
    }),
  );
  const names = namesFrom(r.schools);
  const text = (lang: 'zh' | 'en') => r.warnings.map((w) => [w.code, warningText(w, lang, names)]);

  it('words every warning of a run in Chinese', () => {
    expect(text('zh')).toEqual([
      ['EXEMPT_AT_MERGING_SCHOOL', 'B 符合直聘情形（重大疾病），但原西河中学撤并不设岗位，进入第二轮'],
      ['EXEMPT_OVERFLOW', '北留中学 数学：直聘人数超出岗位数（岗位 0 个，超出 1 人）'],
      ['CHOICE_OWN_SCHOOL', 'A 不予考虑的志愿：第1志愿 原西河中学（本校，跨校竞聘不含本校）'],
      ['HOME_TOWNSHIP_UNKNOWN', 'B 的居住乡镇“晋城市区”在乡镇表中没有坐标，调剂距离按 0 计'],
    ]);
  });

  it('and in English', () => {
    for (const [, line] of text('en')) expect(line).not.toMatch(/[，：；]|志愿|岗位/);
    expect(text('en')).toContainEqual([
      'EXEMPT_OVERFLOW',
      '北留中学 数学: 1 direct hire(s) beyond its 0 post(s)',
    ]);
  });
});
