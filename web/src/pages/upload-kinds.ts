/** The upload's form fields (server/import: DATASET_FILES), with the names a clerk gives the files. */
export const KINDS = [
  { kind: 'schools', label: '学校', names: ['schools', '学校'] },
  { kind: 'posts', label: '岗位设置', names: ['posts', '岗位'] },
  { kind: 'staff', label: '教职工', names: ['staff', '教职工', '教师'] },
  { kind: 'townships', label: '乡镇', names: ['townships', '乡镇'] },
  { kind: 'applications', label: '择优申请', names: ['applications', '申请', '择优'] },
  { kind: 'rules', label: '规则', names: ['rules', '规则'] },
  // One Excel workbook whose sheets are named for the files (学校, 岗位, 教职工, …).
  { kind: 'workbook', label: '整本工作簿', names: [] },
] as const;
export type Kind = (typeof KINDS)[number]['kind'];

/** The Chinese name of a dataset file's kind ("staff" → 教职工), or the kind itself when unknown. */
export const kindLabel = (kind: string): string => KINDS.find((k) => k.kind === kind)?.label ?? kind;

/**
 * The kind a file's name suggests: "staff.csv", "教职工.xlsx", "2020年岗位设置.xls" … Each goes up in the
 * multipart field of its kind (the API reads .csv, .xlsx and .xls there); an Excel file named for none
 * of them goes up as `workbook`, whose sheets the API reads by their names.
 */
export function guessKind(fileName: string): Kind | null {
  const base = fileName.toLowerCase().replace(/\.[^.]+$/, '');
  const named = KINDS.find((k) => k.names.some((n) => base.includes(n)))?.kind;
  if (named) return named;
  // An Excel file named for none of them is most likely the whole dataset in one workbook.
  return /\.xlsx?$/i.test(fileName) ? 'workbook' : null;
}
