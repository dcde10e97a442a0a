import { DEFAULT_LANG, type Lang } from '../i18n/lang';
import { MAX_LISTED } from './limits';
import { type MessageCode, type MessageParams, quoteCell, renderMessage } from './messages';
import type { DatasetIssue } from './types';

/** Where a problem is: the file, the spreadsheet row (null: the whole file), the header as written. */
export interface Where {
  readonly file: string;
  readonly line: number | null;
  readonly column: string | null;
}

/** Params that hold lists or templates of ours rather than a user's cell; they are never cut. */
const UNCUT = new Set(['expected', 'sheets', 'lines', 'codePoints', 'at', 'detail']);

/** Codes whose `value` may be a birth date or an ID number. */
const REDACTED_CODES: ReadonlySet<MessageCode> = new Set([
  'DATE_INVALID',
  'DATE_NOT_REAL',
  'DATE_EXCEL_SERIAL',
  'ID_SCIENTIFIC',
]);

/**
 * Collects the problems (which reject the dataset) and warnings (which do not) of one import, in one
 * language. Each list keeps the first {@link MAX_LISTED} and counts the rest, so a file with a million
 * bad rows costs a counter, not a million objects (and the API body stays small).
 */
export class Problems {
  readonly errors: DatasetIssue[] = [];
  readonly warnings: DatasetIssue[] = [];
  errorCount = 0;
  warningCount = 0;

  /**
   * @param redact leave cell values of dates and ID columns out of messages (for a problem report that
   *   is e-mailed around: it must not carry ID numbers or birth dates).
   */
  constructor(
    readonly lang: Lang = DEFAULT_LANG,
    private readonly redact = false,
  ) {}

  error(where: Where, code: MessageCode, params: MessageParams = {}): void {
    this.errorCount++;
    if (this.errors.length < MAX_LISTED) this.errors.push(this.issue(where, code, params));
  }

  warn(where: Where, code: MessageCode, params: MessageParams = {}): void {
    this.warningCount++;
    if (this.warnings.length < MAX_LISTED) this.warnings.push(this.issue(where, code, params));
  }

  /** Adds problems made elsewhere (rules.json's validator), still capped. */
  addErrors(issues: readonly DatasetIssue[]): void {
    for (const issue of issues) {
      this.errorCount++;
      if (this.errors.length < MAX_LISTED) this.errors.push(issue);
    }
  }

  /** True once the list is full: callers doing per-row work that only yields more problems may stop. */
  get full(): boolean {
    return this.errors.length >= MAX_LISTED;
  }

  private issue(where: Where, code: MessageCode, params: MessageParams): DatasetIssue {
    const shown: Record<string, string | number> = {};
    const hide = this.redact && REDACTED_CODES.has(code);
    for (const [key, value] of Object.entries(params)) {
      if (hide && (key === 'value' || key === 'date')) shown[key] = '…';
      else shown[key] = typeof value === 'string' && !UNCUT.has(key) ? quoteCell(value) : value;
    }
    const column = where.column === null ? null : quoteCell(where.column);
    return {
      code,
      file: where.file,
      line: where.line,
      column,
      message: renderMessage(code, shown, this.lang),
    };
  }
}
