import { FormatterOptions } from '@fast-csv/format';
import { FieldFormatter } from '@fast-csv/format/build/src/formatter/index.js';
import type { PlacementRow } from '../../db';
import { explanationText, type Names, OUTCOME_WORDS } from '../render';

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

/** School names as the rows themselves give them, for when the run's full list is not at hand. */
function namesFromRows(rows: readonly PlacementRow[]): Names {
  const byCode = new Map<string, string>();
  for (const r of rows) {
    byCode.set(r.fromSchoolCode, r.fromSchoolName);
    if (r.schoolCode !== null && r.schoolName !== null) byCode.set(r.schoolCode, r.schoolName);
  }
  return { school: (code) => byCode.get(code) ?? code };
}

/**
 * The 说明 of one row, in Chinese as the 公示 prints it: the steps in words, or for runs of engines < 1.1.0
 * (no steps) the sentence they stored.
 */
export function publicityExplanation(row: PlacementRow, names: Names): string {
  return row.steps == null ? row.explanation : explanationText(row.steps, 'zh', names);
}

/**
 * One person's 公示 row, column by column as {@link PUBLICITY_HEADERS} names them. `names` gives every
 * school's name (the run's schools) for the 志愿 the 说明 mentions; by default, those the rows carry.
 */
export function publicityCells(
  p: PlacementRow,
  names: Names = namesFromRows([p]),
): (string | number | null)[] {
  return [
    p.staffId,
    p.name,
    p.fromSchoolCode,
    p.fromSchoolName,
    OUTCOME_WORDS[p.outcome].zh,
    p.schoolCode,
    p.schoolName,
    p.subject,
    p.round === null ? '' : `第${p.round}轮`,
    p.choiceRank === null ? '' : `志愿${p.choiceRank}`,
    p.distanceKm === null ? '' : p.distanceKm.toFixed(1),
    publicityExplanation(p, names),
  ];
}

/** The 公示 list: UTF-8 with BOM, Chinese headers, CRLF line ends (what Excel writes), formula-safe. */
export function publicityCsv(rows: readonly PlacementRow[], names: Names = namesFromRows(rows)): string {
  const out = [line(PUBLICITY_HEADERS)];
  for (const p of rows) out.push(line(publicityCells(p, names)));
  return `${UTF8_BOM}${out.join('\r\n')}\r\n`;
}
