import type { Area, Exemption, Gender, SchoolStatus, Stage, Title } from '../../engine/types';

type Entry<T extends string> = readonly [T, ...string[]];

/** An enumeration as users may write it: each value with its accepted words (English first, then Chinese). */
export interface Vocabulary<T extends string> {
  /** What one value is called in messages: `"x" is not a ${noun}`. */
  readonly noun: string;
  readonly entries: readonly [Entry<T>, ...Entry<T>[]];
}

export const STAGE: Vocabulary<Stage> = {
  noun: 'stage',
  entries: [
    ['high', '高中'],
    ['middle', '初中'],
    ['primary', '小学'],
    ['kindergarten', '幼儿园'],
  ],
};

export const AREA: Vocabulary<Area> = {
  noun: 'area',
  entries: [
    ['urban', '城区'],
    ['town', '镇区'],
    ['rural', '乡村'],
  ],
};

export const SCHOOL_STATUS: Vocabulary<SchoolStatus> = {
  noun: 'school status',
  entries: [
    ['open', '正常'],
    ['merging', '撤并'],
  ],
};

export const GENDER: Vocabulary<Gender> = {
  noun: 'gender',
  entries: [
    ['M', '男', 'male'],
    ['F', '女', 'female'],
  ],
};

export const TITLE: Vocabulary<Title> = {
  noun: 'title',
  entries: [
    ['senior_professor', '正高级'],
    ['senior', '高级'],
    ['first', '一级'],
    ['second', '二级'],
    ['third', '三级'],
    ['none', '未定级'],
  ],
};

export const EXEMPTION: Vocabulary<Exemption> = {
  noun: 'exemption',
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
  entries: [
    ['yes', '是'],
    ['no', '否'],
  ],
};

/**
 * The value a word stands for, comparing English case-insensitively.
 *
 * @example
 * lookup(STAGE, '初中'); // 'middle'
 * lookup(GENDER, 'f'); // 'F'
 */
export function lookup<T extends string>(vocabulary: Vocabulary<T>, word: string): T | null {
  const wanted = word.toLowerCase();
  for (const [value, ...words] of vocabulary.entries) {
    if (value.toLowerCase() === wanted || words.some((w) => w.toLowerCase() === wanted)) return value;
  }
  return null;
}

/** "senior_professor/正高级, senior/高级, …" */
export function describeVocabulary<T extends string>(vocabulary: Vocabulary<T>): string {
  return vocabulary.entries.map(([value, zh]) => `${value}/${zh}`).join(', ');
}
