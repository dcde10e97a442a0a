import type { Lang } from '../i18n/lang';

/** Values a message template fills in; cells quoted here are already cut to {@link QUOTE_LIMIT}. */
export type MessageParams = Readonly<Record<string, string | number>>;
type Template = (p: MessageParams) => string;

/** The range of a number column ({min, max, decimals}; decimals '' for any), in words. */
const numberRangeZh = (p: MessageParams) =>
  ` ${p.min} 到 ${p.max} 之间的数${p.decimals === '' ? '' : `，最多 ${p.decimals} 位小数`}`;
const numberRangeEn = (p: MessageParams) =>
  `${p.min} – ${p.max}${p.decimals === '' ? '' : ` (≤ ${p.decimals} dp)`}`;

/**
 * Every import problem and warning, by stable code, in Chinese (what the HR office reads) and English.
 * Codes are part of the API: clients and the problem report branch on them, never on the text.
 * docs/DATASET.md lists them.
 */
export const MESSAGES = {
  // Files and folders
  FOLDER_UNREADABLE: {
    zh: (p) => `数据集文件夹 ${p.dir} 无法读取（${p.reason}）`,
    en: (p) => `dataset folder ${p.dir} cannot be read (${p.reason})`,
  },
  FILE_UNREADABLE: {
    zh: (p) => `无法读取文件 ${p.path}（${p.reason}）`,
    en: (p) => `cannot read ${p.path} (${p.reason})`,
  },
  FILE_MISSING: {
    zh: (p) => `缺少必需的文件 ${p.file}（也可以是工作簿中名为 ${p.sheets} 的工作表）`,
    en: (p) => `required file ${p.file} is missing (or a workbook sheet named ${p.sheets})`,
  },
  UPLOAD_FIELD_UNKNOWN: {
    zh: (p) => `无法识别的上传字段 "${p.field}"；应为 ${p.expected}`,
    en: (p) => `unknown upload field "${p.field}"; expected ${p.expected}`,
  },
  FILE_GIVEN_TWICE: {
    zh: (p) => `${p.kind} 给了两次（${p.first} 和 ${p.second}）；只保留一个`,
    en: (p) => `${p.kind} is given twice (${p.first} and ${p.second}); keep one`,
  },
  FILE_EMPTY: {
    zh: () => '文件是空的；应有表头行和数据行',
    en: () => 'file is empty; expected a header row and data rows',
  },
  FILE_NO_ROWS: { zh: () => '文件只有表头，没有数据行', en: () => 'file has a header but no data rows' },
  FILE_TOO_LARGE: {
    zh: (p) => `文件有 ${p.bytes} 字节，超过上限 ${p.limit} 字节`,
    en: (p) => `file has ${p.bytes} bytes, more than the limit of ${p.limit}`,
  },
  FILE_TOO_MANY_ROWS: {
    zh: (p) => `文件超过 ${p.limit} 行的上限；请检查是否选错了文件`,
    en: (p) => `file has more than the limit of ${p.limit} rows; check it is the right file`,
  },
  FILE_TOO_MANY_COLUMNS: {
    zh: (p) => `表头有 ${p.count} 列，超过上限 ${p.limit} 列`,
    en: (p) => `header has ${p.count} columns, more than the limit of ${p.limit}`,
  },
  FILE_NOT_TEXT: {
    zh: (p) =>
      `文件含有二进制控制字符（U+${p.codePoint}），不是 CSV 文本文件；请从 Excel/WPS 另存为 CSV 或直接上传 .xlsx`,
    en: (p) =>
      `file contains a binary control character (U+${p.codePoint}); expected a CSV text file or an .xlsx/.xls workbook`,
  },
  ENCODING_UNKNOWN: {
    zh: () => '文件既不是 UTF-8 也不是 GBK/GB18030 文本；请从 Excel/WPS 另存为 CSV',
    en: () => 'file is neither UTF-8 nor GBK/GB18030 text; save it as CSV from Excel/WPS',
  },
  LINE_UNDECODABLE: {
    zh: () => '这一行的字节既不是 UTF-8 也不是 GBK/GB18030；请重新输入这一行或重新保存文件',
    en: () => 'this line is neither UTF-8 nor GBK/GB18030; retype the line or save the file again',
  },
  ENCODING_MIXED: {
    zh: (p) =>
      `这一行是 ${p.encoding} 编码，而文件其余部分是 ${p.other}（可能是从别处粘贴的）；请重新输入这一行或整体另存为一种编码`,
    en: (p) =>
      `this line is ${p.encoding} while the rest of the file is ${p.other} (pasted from elsewhere?); retype the line or save the file in one encoding`,
  },
  CSV_MALFORMED: {
    zh: (p) => `不是有效的 CSV（${p.detail}）；请检查引号（"）`,
    en: (p) => `not valid CSV (${p.detail}); check the quotes (")`,
  },
  WORKBOOK_UNREADABLE: {
    zh: (p) =>
      `无法读取 Excel 工作簿（${p.detail}）；请用 Excel/WPS 打开后重新保存为 .xlsx，过大的工作簿请拆分`,
    en: (p) =>
      `cannot read the Excel workbook (${p.detail}); open it in Excel/WPS and save it again as .xlsx`,
  },
  WORKBOOK_NO_SHEETS: {
    zh: (p) => `工作簿中没有可识别的工作表；工作表应命名为 ${p.sheets}`,
    en: (p) => `the workbook has no sheet this dataset uses; name the sheets ${p.sheets}`,
  },
  // Header
  HEADER_DUPLICATE: {
    zh: (p) => `重复的列："${p.earlier}" 和 "${p.header}" 都表示 ${p.meaning}；只保留一列`,
    en: (p) => `duplicate column: "${p.earlier}" and "${p.header}" both mean ${p.meaning}; keep one`,
  },
  HEADER_UNKNOWN: {
    zh: (p) => `无法识别的列 "${p.header}"；应为以下之一：${p.expected}`,
    en: (p) => `unknown column "${p.header}"; expected one of ${p.expected}`,
  },
  HEADER_MISSING: {
    zh: (p) => `缺少必需的列 ${p.zh}（${p.key}）`,
    en: (p) => `missing required column ${p.key} (${p.zh})`,
  },
  CHOICE_COLUMNS_TOO_MANY: {
    zh: (p) => `志愿列最多 ${p.limit} 个，这里是 ${p.header}`,
    en: (p) => `at most ${p.limit} choice columns are allowed; this is ${p.header}`,
  },
  // Cells
  ROW_STRAY_CELL: {
    zh: (p) =>
      `这一行在没有表头的列里有内容（${p.cells} 个单元格，${p.width} 个表头）；请检查单元格中是否有未加引号的逗号`,
    en: (p) =>
      `row has a value in a column without a header (${p.cells} cells, ${p.width} headers); check for an unquoted comma in a cell`,
  },
  CELL_MISSING: { zh: (p) => `缺少内容；请填写${p.zh}`, en: (p) => `missing value; expected ${p.key}` },
  CELL_TOO_LONG: {
    zh: (p) => `单元格有 ${p.length} 个字符，超过上限 ${p.limit}`,
    en: (p) => `cell has ${p.length} characters, more than the limit of ${p.limit}`,
  },
  ENUM_UNKNOWN: {
    zh: (p) => `"${p.value}" 不是有效的${p.nounZh}；应为以下之一：${p.expected}`,
    en: (p) => `"${p.value}" is not a ${p.noun}; expected one of ${p.expected}`,
  },
  DATE_INVALID: {
    zh: (p) => `"${p.value}" 不是日期；应写作 1975-03-08（或 1975/3/8、1975年3月8日）`,
    en: (p) => `"${p.value}" is not a date; expected a date like 1975-03-08 (or 1975/3/8, 1975年3月8日)`,
  },
  DATE_NOT_REAL: {
    zh: (p) => `"${p.value}" 不是真实存在的日期`,
    en: (p) => `"${p.value}" is not a real calendar date`,
  },
  DATE_EXCEL_SERIAL: {
    zh: (p) =>
      `${p.value} 像是 Excel 的日期序号（代表 ${p.date}）：该列丢失了日期格式；请把单元格设为日期格式或写成 ${p.date}`,
    en: (p) =>
      `${p.value} looks like an Excel date serial (it stands for ${p.date}): the column lost its date format; format the cells as dates or write ${p.date}`,
  },
  COUNT_INVALID: {
    zh: (p) => `"${p.value}" 不是 ≥ 0 的整数`,
    en: (p) => `"${p.value}" is not a whole number ≥ 0`,
  },
  NUMBER_INVALID: {
    zh: (p) => `"${p.value}" 不是数字；应为${numberRangeZh(p)}`,
    en: (p) => `"${p.value}" is not a number; expected ${numberRangeEn(p)}`,
  },
  NUMBER_OUT_OF_RANGE: {
    zh: (p) => `${p.value} 超出范围；应为${numberRangeZh(p)}`,
    en: (p) => `${p.value} is out of range; expected ${numberRangeEn(p)}`,
  },
  NUMBER_TOO_PRECISE: {
    zh: (p) => `${p.value} 小数位太多；应为${numberRangeZh(p)}`,
    en: (p) => `${p.value} has too many decimals; expected ${numberRangeEn(p)}`,
  },
  ID_SCIENTIFIC: {
    zh: (p) =>
      `"${p.value}" 是科学计数法：表格软件把编号当成了数字，后几位已丢失；请把该列设为"文本"格式（或在编号前加英文单引号 '）后重新输入`,
    en: (p) =>
      `"${p.value}" is in scientific notation: the spreadsheet turned the ID into a number and lost its last digits; format the column as Text (or type ' before the ID) and enter the IDs again`,
  },
  ID_NUMBER_INVALID: {
    zh: (p) =>
      `身份证号无效：${p.reason === 'checksum' ? '校验位不符（GB 11643）' : '应为 18 位（最后一位可为 X）且含有真实的出生日期'}`,
    en: (p) =>
      `invalid ID number: ${p.reason === 'checksum' ? 'the check digit does not match (GB 11643)' : 'expected 18 characters (the last may be X) holding a real birth date'}`,
  },
  ID_NUMBER_MISMATCH: {
    zh: (p) => `与身份证号不一致：身份证号所示的${p.field === 'gender' ? '性别' : '出生日期'}不同；请核对`,
    en: (p) =>
      `does not agree with the ID number, which gives another ${p.field === 'gender' ? 'gender' : 'birth date'}; check both`,
  },
  RESERVED_ABOVE_POSTS: {
    zh: (p) => `跨校预留 ${p.reserved} 多于岗位数 ${p.posts}；应为 0 到 ${p.posts}`,
    en: (p) => `reserved ${p.reserved} is more than the ${p.posts} posts; expected 0 to ${p.posts}`,
  },
  DUPLICATE_KEY: {
    zh: (p) => `重复的${p.whatZh} ${p.shown}；第一次出现在第 ${p.first} 行`,
    en: (p) => `duplicate ${p.what} ${p.shown}; first on line ${p.first}`,
  },
  SCHOOL_UNKNOWN: {
    zh: (p) => `学校代码 "${p.code}" 不在学校表中`,
    en: (p) => `school_code "${p.code}" is not in schools.csv`,
  },
  TOWNSHIP_UNKNOWN: {
    zh: (p) => `乡镇 "${p.name}" 不在乡镇表中；请在乡镇表中添加或更正名称`,
    en: (p) => `township "${p.name}" is not in townships.csv; add it there or correct the name`,
  },
  STAFF_UNKNOWN: {
    zh: (p) => `工号 "${p.id}" 不在教职工表中`,
    en: (p) => `staff_id "${p.id}" is not in staff.csv`,
  },
  // rules.json
  RULES_JSON_SYNTAX: {
    zh: (p) =>
      `不是有效的 JSON${p.line === undefined ? '' : `：第 ${p.line} 行第 ${p.column} 列`}（${p.detail}）`,
    en: (p) =>
      `not valid JSON${p.line === undefined ? '' : ` at line ${p.line}, column ${p.column}`} (${p.detail})`,
  },
  RULES_UNKNOWN_KEY: {
    zh: (p) => `${p.where} 中有无法识别的键 ${p.keys}；请检查拼写`,
    en: (p) =>
      `unknown key${Number(p.count) > 1 ? 's' : ''} ${p.keys} in ${p.where}; check the spelling (see SPEC §2 rules.json)`,
  },
  RULES_INVALID_VALUE: {
    zh: (p) => `规则 ${p.path} 的值无效：${p.detail}`,
    en: (p) => `${p.path}: ${p.detail}`,
  },
  // Warnings: the import goes on
  INVISIBLE_CHAR_REMOVED: {
    zh: (p) => `已删除不可见字符 ${p.codePoints}（常见于从网页复制的内容）`,
    en: (p) => `removed the invisible character(s) ${p.codePoints} (often copied from a web page)`,
  },
  NAME_CHAR_LOST: {
    zh: (p) =>
      `"${p.value}" 含有 ${p.char}：保存时丢失了一个字符（GBK 放不下的生僻字），请在公示前改正姓名（可另存为"CSV UTF-8"或 .xlsx）`,
    en: (p) =>
      `"${p.value}" contains ${p.char}: a character was lost when the file was saved (a rare character GBK cannot hold); fix the name before the 公示 (save as "CSV UTF-8" or .xlsx)`,
  },
  TITLE_OLD_SCALE: {
    zh: (p) =>
      `"${p.value}" 是 2015 年职称改革前的小学/幼儿园职称，按改革对应为 ${p.mapped}（不是同名的中学职称）；请核对`,
    en: (p) =>
      `"${p.value}" is a primary/kindergarten title from before the 2015 reform; read by the reform's mapping as ${p.mapped} (not its namesake); check it`,
  },
  POSTS_OF_MERGING_SCHOOL: {
    zh: (p) => `学校 ${p.code} 撤并，这些岗位不会提供；其教职工全部进入第二轮`,
    en: (p) => `school ${p.code} is merging: these posts are not offered and all its staff start in round 2`,
  },
  SUBJECT_WITHOUT_POSTS: {
    zh: (p) => `任教学科 "${p.subject}" 在全县岗位表中没有岗位（第 ${p.lines} 行）；请检查学科名称`,
    en: (p) =>
      `no post in the county has the subject "${p.subject}" (lines ${p.lines}); check the subject's spelling`,
  },
} as const satisfies Record<string, Readonly<Record<Lang, Template>>>;

export type MessageCode = keyof typeof MESSAGES;

/** A cell quoted in a message is cut to this many characters, so one huge cell cannot bloat a report. */
export const QUOTE_LIMIT = 80;

/** A cell as a message quotes it: at most {@link QUOTE_LIMIT} characters, an ellipsis marking a cut. */
export function quoteCell(value: string): string {
  const chars = Array.from(value.slice(0, QUOTE_LIMIT * 2));
  return chars.length > QUOTE_LIMIT ? `${chars.slice(0, QUOTE_LIMIT - 1).join('')}…` : chars.join('');
}

/** The text of a message in a language. */
export function renderMessage(code: MessageCode, params: MessageParams, lang: Lang): string {
  return MESSAGES[code][lang](params);
}
