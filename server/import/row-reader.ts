import { COLUMN_ZH } from './columns';
import {
  asciiFold,
  Bad,
  type DecimalRange,
  isScientific,
  type Parsed,
  parseCount,
  parseDate,
  parseDecimal,
} from './fields';
import type { ColumnBinding } from './header-binding';
import type { MessageCode, MessageParams } from './messages';
import type { Problems } from './problems';
import { describeVocabulary, lookupWord, type Vocabulary } from './vocabulary';

/**
 * Reads the cells of one data row by canonical column name, recording every problem it meets instead of
 * stopping at the first, so one upload lists all a clerk has to fix. A getter that meets a bad cell
 * records a problem and returns a placeholder; callers check {@link RowReader.ok} before trusting the row.
 */
export class RowReader {
  private issueCount = 0;

  constructor(
    readonly file: string,
    readonly line: number,
    private readonly binding: ColumnBinding,
    private readonly cells: readonly string[],
    private readonly problems: Problems,
  ) {
    for (let i = 0; i < cells.length; i++) {
      if (cells[i] !== '' && (i >= binding.width || binding.unnamed.has(i))) {
        this.reportAt(null, 'ROW_STRAY_CELL', { cells: cells.length, width: binding.width });
        break;
      }
    }
  }

  /** False once any cell of this row was reported. */
  get ok(): boolean {
    return this.issueCount === 0;
  }

  /** The header as the file wrote it, else the canonical name (for a column the file left out). */
  header(key: string): string {
    return this.binding.headerOf.get(key) ?? key;
  }

  /** True when the file has this column. */
  has(key: string): boolean {
    return this.binding.indexOf.has(key);
  }

  /** The trimmed cell; '' when empty or when the file has no such column. */
  raw(key: string): string {
    const index = this.binding.indexOf.get(key);
    return index === undefined ? '' : (this.cells[index] ?? '');
  }

  report(key: string, code: MessageCode, params: MessageParams = {}): void {
    this.reportAt(this.header(key), code, params);
  }

  warn(key: string, code: MessageCode, params: MessageParams = {}): void {
    this.problems.warn({ file: this.file, line: this.line, column: this.header(key) }, code, params);
  }

  /** A required text cell, e.g. a name or a subject. */
  text(key: string): string {
    const value = this.raw(key);
    if (value === '') this.missing(key);
    return value;
  }

  /** A required code (school code, staff id): full-width characters folded, scientific notation refused. */
  code(key: string): string {
    const value = asciiFold(this.text(key));
    if (value !== '' && isScientific(value)) this.report(key, 'ID_SCIENTIFIC', { value });
    return value;
  }

  /** A person's name: kept exactly, but a `?` or U+FFFD where a character was lost is warned about. */
  personName(key: string): string {
    const value = this.text(key);
    const lost = /[?？\uFFFD]/.exec(value);
    if (lost !== null)
      this.warn(key, 'NAME_CHAR_LOST', { value, char: lost[0] === '\uFFFD' ? 'U+FFFD' : lost[0] });
    return value;
  }

  optionalText(key: string): string | null {
    const value = this.raw(key);
    return value === '' ? null : value;
  }

  /** An enumeration cell; `fallback` is the default for an empty cell, and without one the cell is required. */
  oneOf<T extends string>(key: string, vocabulary: Vocabulary<T>, fallback?: T): T {
    const value = this.optionalOneOf(key, vocabulary);
    if (value !== null) return value;
    if (fallback !== undefined) return fallback;
    if (this.raw(key) === '') this.missing(key);
    return vocabulary.entries[0][0];
  }

  /** An enumeration cell where empty means "none". A pre-reform word is read by its mapping, with a warning. */
  optionalOneOf<T extends string>(key: string, vocabulary: Vocabulary<T>): T | null {
    const raw = this.raw(key);
    if (raw === '') return null;
    const found = lookupWord(vocabulary, raw);
    if (found === null) {
      this.report(key, 'ENUM_UNKNOWN', {
        value: raw,
        noun: vocabulary.noun,
        nounZh: vocabulary.nounZh,
        expected: describeVocabulary(vocabulary),
      });
      return null;
    }
    if (found.legacy) {
      const mapped = vocabulary.entries.find(([value]) => value === found.value)?.[1] ?? found.value;
      this.warn(key, 'TITLE_OLD_SCALE', { value: raw, mapped: `${mapped} (${found.value})` });
    }
    return found.value;
  }

  date(key: string): string {
    return this.parsed(key, parseDate, '');
  }

  /** A whole number ≥ 0; `fallback` is the default for an empty cell, and without one the cell is required. */
  count(key: string, fallback?: number): number {
    if (fallback !== undefined && this.raw(key) === '') return fallback;
    return this.parsed(key, parseCount, 0);
  }

  decimal(key: string, range: DecimalRange): number {
    return this.parsed(key, (raw) => parseDecimal(raw, range), 0);
  }

  /** Non-empty 志愿 cells in choice-number order, as codes (full-width folded); the engine filters them. */
  choices(): string[] {
    // 志愿 numbers are what people wrote and what maxChoices counts: 志愿N goes to index N−1, and a blank or
    // missing 志愿 stays as a gap (''). Only trailing blanks go, so a roster with five 志愿 columns and one
    // with two give the same dataset.
    const cells: string[] = [];
    for (const c of this.binding.choices) {
      while (cells.length < c.n - 1) cells.push('');
      cells[c.n - 1] = asciiFold(this.cells[c.index] ?? '');
    }
    let end = cells.length;
    while (end > 0 && cells[end - 1] === '') end--;
    return end === cells.length ? cells : cells.slice(0, end);
  }

  private missing(key: string): void {
    this.report(key, 'CELL_MISSING', { key, zh: COLUMN_ZH.get(key) ?? key });
  }

  private parsed<T>(key: string, parse: (raw: string) => Parsed<T>, placeholder: T): T {
    const raw = this.raw(key);
    if (raw === '') {
      this.missing(key);
      return placeholder;
    }
    const result = parse(raw);
    if (!(result instanceof Bad)) return result;
    this.report(key, result.code, result.params);
    return placeholder;
  }

  private reportAt(column: string | null, code: MessageCode, params: MessageParams): void {
    this.issueCount++;
    this.problems.error({ file: this.file, line: this.line, column }, code, params);
  }
}
