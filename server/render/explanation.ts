import type { ChoiceStanding, IgnoredReason, Step, TieBreakKey, Unavailable } from '../../engine';
import type { Lang } from '../i18n/lang';
import {
  directHireWords,
  km1,
  type Names,
  OUTCOME_WORDS,
  ROUND_WORDS,
  STAGE_WORDS,
  score2,
  TIE_BREAK_WORDS,
} from './words';

type Render<S> = Readonly<Record<Lang, (step: S, names: Names) => string>>;

const NEXT = {
  2: { zh: '进入第二轮', en: 'on to round 2' },
  3: { zh: '进入第三轮', en: 'on to round 3' },
} as const;

const unavailable: Render<{ schoolCode: string; why: Unavailable }> = {
  zh: ({ schoolCode, why }, n) => {
    const school = n.school(schoolCode);
    if (why.reason === 'merging') return `${school}撤并，不设岗位`;
    if (why.reason === 'no_posts') return `${school}未设${why.subject}岗位`;
    return `${STAGE_WORDS[why.certStage].zh}教师资格不适用于${school}（${STAGE_WORDS[why.stage].zh}）`;
  },
  en: ({ schoolCode, why }, n) => {
    const school = n.school(schoolCode);
    if (why.reason === 'merging') return `${school} is merging and offers no posts`;
    if (why.reason === 'no_posts') return `${school} has no ${why.subject} posts`;
    return `a ${STAGE_WORDS[why.certStage].en} certificate does not cover ${school} (${STAGE_WORDS[why.stage].en})`;
  },
};

function ignoredWhy(why: IgnoredReason, schoolCode: string, n: Names, lang: Lang): string {
  const zh = lang === 'zh';
  switch (why.reason) {
    case 'beyond_max':
      return zh ? `超出${why.maxChoices}个志愿的上限` : `beyond the ${why.maxChoices} choices allowed`;
    case 'duplicate':
      return zh ? '重复填报' : 'listed more than once';
    case 'unknown_school':
      return zh ? '无此学校' : 'no such school';
    case 'own_school':
      return zh ? '本校，跨校竞聘不含本校' : 'own school (round 2 is across schools)';
    case 'upward_move':
      return zh
        ? `不得由${STAGE_WORDS[why.from].zh}向${STAGE_WORDS[why.to].zh}流动`
        : `no upward move from ${STAGE_WORDS[why.from].en} to ${STAGE_WORDS[why.to].en}`;
    case 'not_shortlisted':
      return zh ? '未列入该校择优名单' : 'not on that school’s shortlist';
    default:
      return unavailable[lang]({ schoolCode, why }, n);
  }
}

/** "按分数" or, on a tie, the key that decided. */
function decided(key: TieBreakKey | null, lang: Lang): string {
  if (key === null) return '';
  if (key === 'score') return lang === 'zh' ? '，按分数排序' : ', decided by score';
  return lang === 'zh'
    ? `，与之同分，按${TIE_BREAK_WORDS[key].zh}排序在后`
    : `, tied on score, behind on ${TIE_BREAK_WORDS[key].en}`;
}

/** Said only when the school ranked by its own applications score rather than 综合得分. */
const basis = (s: ChoiceStanding, lang: Lang) =>
  s.scoreBasis === 'composite' ? '' : lang === 'zh' ? '（该校择优评分）' : ' (that school’s own scores)';

const openPosts = (n: number) => `${n} open ${n === 1 ? 'post' : 'posts'}`;

const choiceHead: Render<ChoiceStanding> = {
  zh: (s, n) =>
    `第${s.choice}志愿 ${n.school(s.schoolCode)} ${s.subject}，空缺岗位 ${s.vacancies} 个，排名第 ${s.rank}（共 ${s.of} 人）`,
  en: (s, n) =>
    `choice ${s.choice} ${n.school(s.schoolCode)} ${s.subject}, ${openPosts(s.vacancies)}, rank ${s.rank} of ${s.of}`,
};

/** Every kind of step in both languages: a kind added to engine/steps.ts fails to compile here. */
const STEP_TEXT: { readonly [K in Step['kind']]: Render<Extract<Step, { kind: K }>> } = {
  resigned: { zh: () => '本人辞职，不参加竞聘', en: () => 'resigned; leaves the process' },
  barred: {
    zh: (s) => `不得参聘（${s.reason}）→ 待岗`,
    en: (s) => `barred from competing (${s.reason}) → standby`,
  },
  direct_hire: {
    zh: (s, n) => `${n.school(s.schoolCode)} ${s.subject} 直聘（${directHireWords(s.why, 'zh')}）`,
    en: (s, n) =>
      `hired directly at ${n.school(s.schoolCode)} in ${s.subject} (${directHireWords(s.why, 'en')})`,
  },
  exempt_at_merging_school: {
    zh: (s, n) =>
      `符合直聘情形（${directHireWords(s.why, 'zh')}），但${n.school(s.schoolCode)}撤并 → ${NEXT[2].zh}`,
    en: (s, n) =>
      `exempt (${directHireWords(s.why, 'en')}) but ${n.school(s.schoolCode)} is merging → ${NEXT[2].en}`,
  },
  not_ranked: {
    zh: (s, n) => `${unavailable.zh(s, n)} → ${NEXT[2].zh}`,
    en: (s, n) => `${unavailable.en(s, n)} → ${NEXT[2].en}`,
  },
  ranked: {
    zh: (s, n) => {
      const cut = s.cutoff === null ? '' : `，分数线 ${score2(s.cutoff)}`;
      const head = `${n.school(s.schoolCode)} ${s.subject}，岗位 ${s.openPosts} 个，排名第 ${s.rank}（共 ${s.of} 人）${cut}，本人 ${score2(s.score)}`;
      if (s.hired) return `${head} → 聘用（${OUTCOME_WORDS.in_school.zh}）`;
      const tie = s.decidedBy !== null && s.decidedBy !== 'score' ? decided(s.decidedBy, 'zh') : '';
      return `${head}${tie} → ${NEXT[2].zh}`;
    },
    en: (s, n) => {
      const cut = s.cutoff === null ? '' : `, cut-off ${score2(s.cutoff)}`;
      const head = `${s.subject} at ${n.school(s.schoolCode)}, ${openPosts(s.openPosts)}, rank ${s.rank} of ${s.of}${cut}, own score ${score2(s.score)}`;
      if (s.hired) return `${head} → hired (${OUTCOME_WORDS.in_school.en})`;
      const tie = s.decidedBy !== null && s.decidedBy !== 'score' ? decided(s.decidedBy, 'en') : '';
      return `${head}${tie} → ${NEXT[2].en}`;
    },
  },
  choices_ignored: {
    zh: (s, n) =>
      `不予考虑的志愿：${s.ignored.map((c) => `第${c.choice}志愿 ${n.school(c.schoolCode)}（${ignoredWhy(c.why, c.schoolCode, n, 'zh')}）`).join('、')}`,
    en: (s, n) =>
      `choices not considered: ${s.ignored.map((c) => `choice ${c.choice} ${n.school(c.schoolCode)} (${ignoredWhy(c.why, c.schoolCode, n, 'en')})`).join(', ')}`,
  },
  no_valid_choice: {
    zh: () => `无有效志愿 → ${NEXT[3].zh}`,
    en: () => `no valid choice → ${NEXT[3].en}`,
  },
  not_higher: {
    zh: (s, n) => {
      if (s.lastAdmitted === null)
        return `第${s.choice}志愿 ${n.school(s.schoolCode)} ${s.subject}，无空缺岗位 → 未录取`;
      const last = `，最后录取者 ${score2(s.lastAdmitted.score)}，本人 ${score2(s.score)}${basis(s, 'zh')}${decided(s.decidedBy, 'zh')}`;
      return `${choiceHead.zh(s, n)}${last} → 未录取`;
    },
    en: (s, n) => {
      if (s.lastAdmitted === null)
        return `choice ${s.choice} ${n.school(s.schoolCode)} ${s.subject}, no open post → not admitted`;
      const last = `, last admitted ${score2(s.lastAdmitted.score)}, own ${score2(s.score)}${basis(s, 'en')}${decided(s.decidedBy, 'en')}`;
      return `${choiceHead.en(s, n)}${last} → not admitted`;
    },
  },
  admitted: {
    zh: (s, n) =>
      `${choiceHead.zh(s, n)}，本人 ${score2(s.score)}${basis(s, 'zh')} → 聘用（${OUTCOME_WORDS.cross_school.zh}）`,
    en: (s, n) =>
      `${choiceHead.en(s, n)}, own ${score2(s.score)}${basis(s, 'en')} → hired (${OUTCOME_WORDS.cross_school.en})`,
  },
  not_admitted: {
    zh: () => `所填志愿均未录取 → ${NEXT[3].zh}`,
    en: () => `not admitted by any choice → ${NEXT[3].en}`,
  },
  refuses_adjustment: {
    zh: () => '不服从调剂 → 待岗',
    en: () => 'does not accept adjustment → standby',
  },
  assigned: {
    zh: (s, n) => {
      const cross = s.penaltyKm > 0 ? `（跨学科，另计 ${km1(s.penaltyKm)} 公里）` : '';
      const from =
        s.homeTownship === null
          ? '居住乡镇不详，距离按 0 计'
          : `距居住乡镇${s.homeTownship} ${km1(s.distanceKm)} 公里`;
      return `${OUTCOME_WORDS.administrative.zh}至 ${n.school(s.schoolCode)} ${s.subject}${cross}，${from}`;
    },
    en: (s, n) => {
      const cross = s.penaltyKm > 0 ? ` (another subject, +${km1(s.penaltyKm)} km penalty)` : '';
      const from =
        s.homeTownship === null
          ? 'home township unknown, distance counted as 0'
          : `${km1(s.distanceKm)} km from home township ${s.homeTownship}`;
      return `assigned by the bureau to ${n.school(s.schoolCode)} ${s.subject}${cross}, ${from}`;
    },
  },
  no_vacancy: {
    zh: (s) =>
      s.vacancies === 0
        ? `已无${STAGE_WORDS[s.certStage].zh}教师资格可任教的${s.subject}空缺岗位 → 待岗`
        : `可任教的 ${s.vacancies} 个空缺岗位经统筹调剂（先使安置人数最多，再使总距离最短）由他人聘用 → 待岗`,
    en: (s) =>
      s.vacancies === 0
        ? `no ${s.subject} vacancy left that a ${STAGE_WORDS[s.certStage].en} certificate covers → standby`
        : `the ${s.vacancies} vacancies this person could fill went to others under the optimal assignment (most placed, then least total distance) → standby`,
  },
};

/** One step in words, without its round. */
export function stepText(step: Step, lang: Lang, names: Names): string {
  const render = STEP_TEXT[step.kind][lang] as (s: Step, n: Names) => string;
  return render(step, names);
}

/**
 * A person's explanation, one line per step, each headed by its round, e.g.
 * "第一轮：北留中学 语文，岗位 6 个，排名第 7（共 9 人），分数线 81.50，本人 80.25 → 进入第二轮".
 */
export function explanationLines(steps: readonly Step[], lang: Lang, names: Names): string[] {
  return steps.map(
    (s) => `${ROUND_WORDS[s.round][lang]}${lang === 'zh' ? '：' : ': '}${stepText(s, lang, names)}`,
  );
}

/** The explanation as one paragraph, as the 公示's 说明 column prints it. */
export function explanationText(steps: readonly Step[], lang: Lang, names: Names): string {
  return explanationLines(steps, lang, names).join(lang === 'zh' ? '；' : '; ');
}
