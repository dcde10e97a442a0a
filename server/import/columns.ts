import type { DatasetFileKind } from './types';

export type CsvKind = Exclude<DatasetFileKind, 'rules'>;

/** A column as SPEC §2 names it: its English header, its Chinese header, and whether it must be present. */
export interface ColumnSpec {
  readonly key: string;
  readonly zh: string;
  /** Optional columns have a default (or mean "none") when the whole column is left out. */
  readonly required: boolean;
  /** Other headers real rosters use for it. */
  readonly aliases?: readonly string[];
}

const col = (key: string, zh: string, required = true, aliases: readonly string[] = []): ColumnSpec => ({
  key,
  zh,
  required,
  aliases,
});

/** staff.csv columns that an id_number column can stand in for (GB 11643 carries both). */
export const DERIVED_FROM_ID_NUMBER: ReadonlySet<string> = new Set(['gender', 'birth_date']);

export const COLUMNS: Readonly<Record<CsvKind, readonly ColumnSpec[]>> = {
  schools: [
    col('school_code', '学校代码'),
    col('name', '学校名称'),
    col('stage', '学段'),
    col('township', '乡镇'),
    col('area', '城乡类别', false),
    col('status', '状态', false),
  ],
  posts: [
    col('school_code', '学校代码'),
    col('subject', '学科'),
    col('posts', '岗位数'),
    col('reserved', '跨校预留', false),
  ],
  staff: [
    col('staff_id', '工号'),
    col('id_number', '身份证号', false, ['身份证号码', '公民身份号码', '身份证件号码']),
    col('name', '姓名'),
    col('gender', '性别'),
    col('birth_date', '出生日期'),
    col('school_code', '现任学校代码'),
    col('subject', '任教学科'),
    col('cert_stage', '教师资格学段'),
    col('title', '职称'),
    col('years_of_service', '教龄'),
    col('score', '综合得分'),
    col('exemption', '直聘情形', false),
    col('barred', '不得参聘原因', false),
    col('resigned', '辞职', false),
    col('accepts_adjustment', '服从调剂', false),
    col('home_township', '居住乡镇', false),
  ],
  townships: [col('township', '乡镇'), col('lat', '纬度'), col('lon', '经度')],
  applications: [col('staff_id', '工号'), col('school_code', '学校代码'), col('score', '学校评分')],
};

/** The Chinese header of each canonical column, as the first file that has it names it (for messages). */
export const COLUMN_ZH: ReadonlyMap<string, string> = new Map(
  Object.values(COLUMNS)
    .flatMap((specs) => specs.map((spec) => [spec.key, spec.zh] as const))
    .reverse(),
);

/** Only staff.csv has the open-ended 志愿1…志愿N columns. */
export const HAS_CHOICES: Readonly<Record<CsvKind, boolean>> = {
  schools: false,
  posts: false,
  staff: true,
  townships: false,
  applications: false,
};

/**
 * Bookkeeping columns that rosters exported from Excel/WPS often carry and that mean nothing to the
 * allocation: they are ignored. Any other unknown column is still refused, because a misspelt optional
 * column (服从调济 for 服从调剂) would otherwise fall back to its default without a word.
 */
const BOOKKEEPING_COLUMNS = new Set(
  [
    '序号',
    '编号',
    '备注',
    '说明',
    '联系电话',
    '电话',
    '手机',
    '手机号',
    '手机号码',
    '民族',
    '政治面貌',
    '学历',
    '毕业院校',
    '参加工作时间',
    'no',
    'no.',
    '#',
    'remark',
    'remarks',
    'note',
    'notes',
    'phone',
  ].map((h) => normaliseHeader(h)),
);

/** True for a bookkeeping column such as 序号 or 备注, which the loader skips. */
export function isBookkeepingColumn(header: string): boolean {
  return BOOKKEEPING_COLUMNS.has(normaliseHeader(header));
}

/**
 * How a header is compared: the national template's marks dropped (a leading `*` for "required", a
 * `（必填）` suffix), full-width folded, line breaks and spaces inside Chinese headers dropped, English
 * case-insensitive with "School Code" ≡ "school-code" ≡ "school_code".
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .trim()
    .replace(/^\*+\s*/, '')
    .replace(/\s*\(\s*必填\s*\)$/, '')
    .replace(/([A-Za-z0-9])[\s-]+(?=[A-Za-z0-9])/g, '$1_')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/** The choice number of a 志愿N / choice_N header, or null when the header is not one. */
export function choiceNumber(header: string): number | null {
  const match = /^(?:choice_?(\d+)|志愿_?(\d+))$/.exec(normaliseHeader(header));
  const digits = match?.[1] ?? match?.[2];
  if (digits === undefined) return null;
  const n = Number(digits);
  return n >= 1 ? n : null;
}

/** "school_code/学校代码, name/学校名称, …" for messages that list what a file may contain. */
export function describeColumns(kind: CsvKind): string {
  const names = COLUMNS[kind].map((c) => `${c.key}/${c.zh}`);
  if (HAS_CHOICES[kind]) names.push('choice_1…choice_N/志愿1…志愿N');
  return names.join(', ');
}
