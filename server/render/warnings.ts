import type { EngineWarning, WarningCode } from '../../engine';
import type { Lang } from '../i18n/lang';
import { stepText } from './explanation';
import { directHireWords, type Names } from './words';

type Render<W> = Readonly<Record<Lang, (w: W, names: Names) => string>>;

const choice: Render<Extract<EngineWarning, { ignored: unknown }>> = {
  zh: (w, n) =>
    `${w.staffId} ${stepText({ ignored: [w.ignored], kind: 'choices_ignored', round: 2 }, 'zh', n)}`,
  en: (w, n) =>
    `${w.staffId} ${stepText({ ignored: [w.ignored], kind: 'choices_ignored', round: 2 }, 'en', n)}`,
};

/** Every warning code in both languages: a code added to the engine fails to compile here. */
const WARNING_TEXT: { readonly [C in WarningCode]: Render<Extract<EngineWarning, { code: C }>> } = {
  CHOICE_BEYOND_MAX: choice,
  CHOICE_UNKNOWN_SCHOOL: choice,
  CHOICE_OWN_SCHOOL: choice,
  CHOICE_DUPLICATE: choice,
  CHOICE_INELIGIBLE: choice,
  CHOICE_NOT_SHORTLISTED: choice,
  HOME_TOWNSHIP_UNKNOWN: {
    zh: (w) => `${w.staffId} 的居住乡镇“${w.township}”在乡镇表中没有坐标，调剂距离按 0 计`,
    en: (w) =>
      `${w.staffId}: home township ${w.township} has no coordinates in townships.csv; distances count as 0`,
  },
  EXEMPT_OVERFLOW: {
    zh: (w, n) =>
      `${n.school(w.schoolCode)} ${w.subject}：直聘人数超出岗位数（岗位 ${w.posts} 个，超出 ${w.excess} 人）`,
    en: (w, n) =>
      `${n.school(w.schoolCode)} ${w.subject}: ${w.excess} direct hire(s) beyond its ${w.posts} post(s)`,
  },
  EXEMPT_AT_MERGING_SCHOOL: {
    zh: (w, n) =>
      `${w.staffId} 符合直聘情形（${directHireWords(w.why, 'zh')}），但${n.school(w.schoolCode)}撤并不设岗位，进入第二轮`,
    en: (w, n) =>
      `${w.staffId} is exempt (${directHireWords(w.why, 'en')}) but ${n.school(w.schoolCode)} is merging and offers no posts: goes to round 2`,
  },
};

/** A warning in words, for people (the run view, the CLI). */
export function warningText(w: EngineWarning, lang: Lang, names: Names): string {
  const render = WARNING_TEXT[w.code][lang] as (w: EngineWarning, n: Names) => string;
  return render(w, names);
}
