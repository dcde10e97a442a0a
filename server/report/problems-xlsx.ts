import ExcelJS from 'exceljs';
import type { Lang } from '../i18n/lang';
import type { DatasetIssue } from '../import';

const HEADERS: Readonly<Record<Lang, readonly string[]>> = {
  zh: ['类型', '文件', '行', '列', '代码', '说明'],
  en: ['Kind', 'File', 'Row', 'Column', 'Code', 'Message'],
};
const KIND: Readonly<Record<Lang, { error: string; warning: string; more: (n: number) => string }>> = {
  zh: { error: '问题', warning: '提醒', more: (n) => `另有 ${n} 条未列出` },
  en: { error: 'problem', warning: 'warning', more: (n) => `${n} more not listed` },
};

export interface ProblemReport {
  readonly issues: readonly DatasetIssue[];
  readonly moreIssues: number;
  readonly warnings: readonly DatasetIssue[];
  readonly moreWarnings: number;
}

/**
 * The problems and warnings of an import as an .xlsx the HR office can sort and tick off: kind, file,
 * spreadsheet row, column as written, code and message, header frozen. It carries what the issues carry
 * and nothing else; the loader is asked to leave birth dates and ID numbers out of them (`redact`).
 *
 * @returns the workbook's bytes
 */
export async function problemsXlsx(report: ProblemReport, lang: Lang): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(lang === 'zh' ? '导入问题' : 'Import problems', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = (HEADERS[lang] ?? []).map((header, i) => ({
    header,
    width: [8, 22, 6, 18, 26, 80][i] ?? 12,
  }));
  sheet.getRow(1).font = { bold: true };
  const kind = KIND[lang];
  const add = (list: readonly DatasetIssue[], label: string) => {
    for (const i of list) {
      const row = sheet.addRow([label, i.file, i.line ?? '', i.column ?? '', i.code, i.message]);
      // Text, so nothing in a message is ever read as a formula or a number.
      for (const c of [2, 4, 6]) row.getCell(c).numFmt = '@';
    }
  };
  add(report.issues, kind.error);
  if (report.moreIssues > 0) sheet.addRow([kind.error, '', '', '', '', kind.more(report.moreIssues)]);
  add(report.warnings, kind.warning);
  if (report.moreWarnings > 0) sheet.addRow([kind.warning, '', '', '', '', kind.more(report.moreWarnings)]);
  sheet.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
