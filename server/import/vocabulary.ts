import type { Area, Exemption, Gender, SchoolStatus, Stage, Title } from '../../engine/types';

type Entry<T extends string> = readonly [T, ...string[]];

/** An enumeration as users may write it: each value with its accepted words (English first, then Chinese). */
export interface Vocabulary<T extends string> {
  /** What one value is called in messages: `"x" is not a ${noun}`. */
  readonly noun: string;
  /** The same in Chinese: `"x" 不是有效的${nounZh}`. */
  readonly nounZh: string;
  readonly entries: readonly [Entry<T>, ...Entry<T>[]];
  /**
   * Words from before a reform that map onto a value other than their namesake's; accepted with a warning
   * (TITLE_OLD_SCALE) so the clerk checks them.
   */
  readonly legacy?: readonly (readonly [string, T])[];
}

export const STAGE: Vocabulary<Stage> = {
  noun: 'stage',
  nounZh: '学段',
  entries: [
    ['high', '高中'],
    ['middle', '初中'],
    ['primary', '小学'],
    ['kindergarten', '幼儿园'],
  ],
};

export const AREA: Vocabulary<Area> = {
  noun: 'area',
  nounZh: '城乡类别',
  entries: [
    ['urban', '城区'],
    ['town', '镇区'],
    ['rural', '乡村'],
  ],
};

export const SCHOOL_STATUS: Vocabulary<SchoolStatus> = {
  noun: 'school status',
  nounZh: '学校状态',
  entries: [
    ['open', '正常'],
    ['merging', '撤并'],
  ],
};

export const GENDER: Vocabulary<Gender> = {
  noun: 'gender',
  nounZh: '性别',
  entries: [
    ['M', '男', 'male'],
    ['F', '女', 'female'],
  ],
};

export const TITLE: Vocabulary<Title> = {
  noun: 'title',
  nounZh: '职称',
  entries: [
    // The full names of the national teacher-MIS template and of the 2015 reform (人社部发〔2015〕79号).
    ['senior_professor', '正高级', '正高级教师', '中小学正高级教师'],
    ['senior', '高级', '高级教师', '中学高级教师', '中小学高级教师', '中学高级'],
    ['first', '一级', '一级教师', '中学一级教师', '中小学一级教师', '中学一级'],
    ['second', '二级', '二级教师', '中学二级教师', '中小学二级教师', '中学二级'],
    ['third', '三级', '三级教师', '中学三级教师', '中小学三级教师', '中学三级'],
    ['none', '未定级', '无', '未评'],
  ],
  // Before 2015 primary and kindergarten teachers had their own scale, one step below the secondary one:
  // the reform mapped 小学高级 onto today's 一级, 小学一级 onto 二级, 小学二级/三级 onto 三级. Read by
  // their namesake they would rank a teacher one grade too high.
  legacy: [
    ['小学高级教师', 'first'],
    ['小学高级', 'first'],
    ['幼儿园高级教师', 'first'],
    ['小学一级教师', 'second'],
    ['小学一级', 'second'],
    ['幼儿园一级教师', 'second'],
    ['小学二级教师', 'third'],
    ['小学二级', 'third'],
    ['幼儿园二级教师', 'third'],
    ['小学三级教师', 'third'],
    ['小学三级', 'third'],
    ['幼儿园三级教师', 'third'],
  ],
};

export const EXEMPTION: Vocabulary<Exemption> = {
  noun: 'exemption',
  nounZh: '直聘情形',
  entries: [
    ['secondment', '援派借调'],
    ['pregnancy', '孕期哺乳期'],
    ['illness', '重大疾病'],
    ['retirement', '临近退休'],
    ['other', '其他'],
  ],
};

export const YES_NO: Vocabulary<'yes' | 'no'> = {
  noun: 'yes/no answer',
  nounZh: '是/否',
  entries: [
    ['yes', '是'],
    ['no', '否'],
  ],
};

/** What a cell's word means: the value, and whether it was read by an old (pre-reform) scale. */
export interface Looked<T extends string> {
  readonly value: T;
  readonly legacy: boolean;
}

const indexes = new WeakMap<object, Map<string, Looked<string>>>();

function indexOf<T extends string>(vocabulary: Vocabulary<T>): Map<string, Looked<T>> {
  let index = indexes.get(vocabulary) as Map<string, Looked<T>> | undefined;
  if (index === undefined) {
    index = new Map();
    for (const [value, ...words] of vocabulary.entries) {
      for (const word of [value, ...words]) index.set(word.toLowerCase(), { value, legacy: false });
    }
    for (const [word, value] of vocabulary.legacy ?? [])
      index.set(word.toLowerCase(), { value, legacy: true });
    indexes.set(vocabulary, index as Map<string, Looked<string>>);
  }
  return index;
}

/**
 * The value a word stands for, comparing English case-insensitively. The template's coded form (`1-男`,
 * `2－女`, `1.是`) is read by its word; full-width letters are folded.
 *
 * @example
 * lookupWord(STAGE, '初中'); // { value: 'middle', legacy: false }
 * lookupWord(GENDER, '2-女'); // { value: 'F', legacy: false }
 * lookupWord(TITLE, '小学高级教师'); // { value: 'first', legacy: true }
 */
export function lookupWord<T extends string>(vocabulary: Vocabulary<T>, word: string): Looked<T> | null {
  const index = indexOf(vocabulary);
  // Most cells are written exactly as a word of the vocabulary: no case folding needed.
  const direct = index.get(word) ?? index.get(word.toLowerCase());
  if (direct !== undefined) return direct;
  const folded = word
    .normalize('NFKC')
    .replace(/^\d{1,2}\s*[-—.、:：]\s*/, '')
    .replace(/\s+/g, '')
    .toLowerCase();
  return index.get(folded) ?? null;
}

/** {@link lookupWord}'s value alone. */
export function lookup<T extends string>(vocabulary: Vocabulary<T>, word: string): T | null {
  return lookupWord(vocabulary, word)?.value ?? null;
}

/** "senior_professor/正高级, senior/高级, …" */
export function describeVocabulary<T extends string>(vocabulary: Vocabulary<T>): string {
  return vocabulary.entries.map(([value, zh]) => `${value}/${zh}`).join(', ');
}
