import type { AllocationResult, Placement } from '../../engine';
import type { Lang } from '../i18n/lang';
import { explanationLines, namesFrom, OUTCOME_WORDS } from '../render';

/**
 * One person's result and explanation for a terminal: a heading line (who, outcome, where), then one line
 * per step, the 志愿 above the one obtained included (why not higher).
 *
 * @example
 * // T0123 王建华：跨校竞聘 北留中学 语文（第二轮，第3志愿）
 * //   第一轮：凤城中学 语文，岗位 6 个，排名第 7（共 9 人），分数线 81.50，本人 80.25 → 进入第二轮
 * //   …
 */
export function formatPerson(result: AllocationResult, p: Placement, lang: Lang = 'zh'): string {
  const names = namesFrom(result.schools);
  const where = p.schoolCode === null ? '' : ` ${names.school(p.schoolCode)} ${p.subject ?? ''}`;
  const how =
    p.round === null
      ? ''
      : lang === 'zh'
        ? `（第${p.round}轮${p.choiceRank === null ? '' : `，第${p.choiceRank}志愿`}）`
        : ` (round ${p.round}${p.choiceRank === null ? '' : `, choice ${p.choiceRank}`})`;
  const head = `${p.staffId} ${p.name}${lang === 'zh' ? '：' : ': '}${OUTCOME_WORDS[p.outcome][lang]}${where}${how}`;
  return [head, ...explanationLines(p.steps, lang, names).map((l) => `  ${l}`)].join('\n');
}
