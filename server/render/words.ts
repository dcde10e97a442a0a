import type {
  DirectHireReason,
  Exemption,
  Outcome,
  RoundNumber,
  Stage,
  TieBreakKey,
  Title,
} from '../../engine';
import type { Lang } from '../i18n/lang';

/**
 * The vocabulary of the 公示 and of the bureau's documents, in Chinese and English. Every table is keyed by
 * an engine enumeration, so a value added there (an outcome, a round, a stage …) fails to compile here until
 * it has its words.
 */
export type Words = Readonly<Record<Lang, string>>;

export const OUTCOME_WORDS = {
  in_school: { zh: '校内竞聘', en: 'in-school' },
  cross_school: { zh: '跨校竞聘', en: 'cross-school' },
  administrative: { zh: '组织调剂', en: 'administrative' },
  resigned: { zh: '辞职', en: 'resigned' },
  standby: { zh: '待岗', en: 'standby' },
} as const satisfies Record<Outcome, Words>;

/** Round 0 is what happens before round 1 (辞职, 不得参聘, 直聘). */
export const ROUND_WORDS = {
  0: { zh: '竞聘前', en: 'Before round 1' },
  1: { zh: '第一轮', en: 'Round 1' },
  2: { zh: '第二轮', en: 'Round 2' },
  3: { zh: '第三轮', en: 'Round 3' },
} as const satisfies Record<0 | RoundNumber, Words>;

export const STAGE_WORDS = {
  high: { zh: '高中', en: 'high school' },
  middle: { zh: '初中', en: 'middle school' },
  primary: { zh: '小学', en: 'primary school' },
  kindergarten: { zh: '幼儿园', en: 'kindergarten' },
} as const satisfies Record<Stage, Words>;

export const EXEMPTION_WORDS = {
  secondment: { zh: '援派借调', en: 'secondment' },
  pregnancy: { zh: '孕期哺乳期', en: 'pregnancy or nursing' },
  illness: { zh: '重大疾病', en: 'serious illness' },
  retirement: { zh: '临近退休', en: 'near retirement' },
  other: { zh: '其他', en: 'other exemption' },
} as const satisfies Record<Exemption, Words>;

/** The priority keys, as a person is told which one decided. */
export const TIE_BREAK_WORDS = {
  score: { zh: '分数', en: 'score' },
  title: { zh: '职称', en: 'title' },
  years_of_service: { zh: '教龄', en: 'years of service' },
  birth_date: { zh: '年龄（年长者在前）', en: 'age (older first)' },
  staff_id: { zh: '工号', en: 'staff ID' },
} as const satisfies Record<TieBreakKey, Words>;

export const TITLE_WORDS = {
  senior_professor: { zh: '正高级', en: 'senior professor' },
  senior: { zh: '高级', en: 'senior' },
  first: { zh: '一级', en: 'first grade' },
  second: { zh: '二级', en: 'second grade' },
  third: { zh: '三级', en: 'third grade' },
  none: { zh: '未定级', en: 'no title' },
} as const satisfies Record<Title, Words>;

/** Scores as the 公示 lists print them: always two decimals. */
export const score2 = (n: number): string => n.toFixed(2);

/** Kilometres to one decimal. */
export const km1 = (n: number): string => n.toFixed(1);

/** Why a person was hired directly, in a few words. */
export function directHireWords(why: DirectHireReason, lang: Lang): string {
  if (why.kind === 'exemption') return EXEMPTION_WORDS[why.exemption][lang];
  return lang === 'zh'
    ? `临近退休（截至 ${why.asOf} 年满 ${why.age} 岁，${why.retirementAge} 岁退休）`
    : `near retirement (aged ${why.age} on ${why.asOf}, retires at ${why.retirementAge})`;
}

/** School names by code, for text; an unknown code is shown as written. */
export interface Names {
  school(code: string): string;
}

export function namesFrom(schools: readonly { readonly schoolCode: string; readonly name: string }[]): Names {
  const byCode = new Map(schools.map((s) => [s.schoolCode, s.name]));
  return { school: (code) => byCode.get(code) ?? code };
}
