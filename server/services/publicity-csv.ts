import { FormatterOptions } from '@fast-csv/format';
import { FieldFormatter } from '@fast-csv/format/build/src/formatter/index.js';
import type { PlacementRow } from '../../db';

const OUTCOME_LABELS: Readonly<Record<string, string>> = {
  in_school: '校内竞聘',
  cross_school: '跨校竞聘',
  administrative: '组织调剂',
  resigned: '辞职',
  standby: '待岗',
};

/** The 公示 columns, shared by the CSV and the .xlsx so they stay in step. */
export const PUBLICITY_HEADERS = [
  '工号',
  '姓名',
  '原学校代码',
  '原学校',
  '聘用结果',
  '聘用学校代码',
  '聘用学校',
  '任教学科',
  '轮次',
  // Round 2: the 志愿 number obtained; round 3: the distance the bureau's assignment sends the person.
  '所得志愿',
  '调剂距离(公里)',
  '说明',
];

/** Excel opens a UTF-8 CSV as UTF-8 only when it starts with a byte-order mark. */
export const UTF8_BOM = '\uFEFF';

/**
 * A cell Excel/WPS would read as a formula (= + - @, or a leading tab/CR that hides one) is prefixed with a
 * single quote, so a name like "=HYPERLINK(…)" is shown as text, never evaluated.
 */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * fast-csv's field quoting (RFC 4180: a cell with `"`, `,` or a line break is quoted, `"` doubled), used
 * synchronously cell by cell: its stream and writeToString are async, and a 公示 is built in one go.
 * Note: fast-csv also quotes a cell holding `|` and drops NUL characters; neither occurs in a 公示.
 */
const fields = new FieldFormatter(new FormatterOptions({}));

function line(cells: readonly (string | number | null)[]): string {
  return cells.map((c, i) => fields.format(neutralise(c === null ? '' : String(c)), i, false)).join(',');
}

/** One person's 公示 row, column by column as {@link PUBLICITY_HEADERS} names them. */
export function publicityCells(p: PlacementRow): (string | number | null)[] {
  return [
    p.staffId,
    p.name,
    p.fromSchoolCode,
    p.fromSchoolName,
    OUTCOME_LABELS[p.outcome] ?? p.outcome,
    p.schoolCode,
    p.schoolName,
    p.subject,
    p.round === null ? '' : `第${p.round}轮`,
    p.choiceRank === null ? '' : `志愿${p.choiceRank}`,
    p.distanceKm === null ? '' : p.distanceKm.toFixed(1),
    p.explanation,
  ];
}

/** The 公示 list: UTF-8 with BOM, Chinese headers, CRLF line ends (what Excel writes), formula-safe. */
export function publicityCsv(rows: readonly PlacementRow[]): string {
  const out = [line(PUBLICITY_HEADERS)];
  for (const p of rows) out.push(line(publicityCells(p)));
  return `${UTF8_BOM}${out.join('\r\n')}\r\n`;
}
