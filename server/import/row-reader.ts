import { type Parsed, parseCount, parseDate, parseDecimal } from './fields';
import type { ColumnBinding } from './header-binding';
import type { DatasetIssue } from './types';
import { describeVocabulary, lookup, type Vocabulary } from './vocabulary';

/**
 * Reads the cells of one data row by canonical column name, recording every problem it meets instead of
 * stopping at the first, so one upload lists all a clerk has to fix. A getter that meets a bad cell
 * records an issue and returns a placeholder; callers check {@link RowReader.ok} before trusting the row.
 */
export class RowReader {
  private issueCount = 0;

  constructor(
    readonly file: string,
    readonly line: number,
    private readonly binding: ColumnBinding,
    private readonly cells: readonly string[],
    private readonly issues: DatasetIssue[],
  ) {
    const stray = cells.some((cell, i) => cell !== '' && (i >= binding.width || binding.unnamed.includes(i)));
    if (stray) {
      this.reportAt(
        null,
        `row has a value in a column without a header (${cells.length} cells, ${binding.width} headers); check for an unquoted comma in a cell`,
      );
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

  /** The trimmed cell; '' when empty or when the file has no such column. */
  raw(key: string): string {
    const index = this.binding.indexOf.get(key);
    return index === undefined ? '' : (this.cells[index] ?? '');
  }

  report(key: string, message: string): void {
    this.reportAt(this.header(key), message);
  }

  /** A required text cell, e.g. a code or a name. */
  text(key: string, what: string): string {
    const value = this.raw(key);
    if (value === '') this.report(key, `missing value; expected ${what}`);
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
    if (this.raw(key) === '') {
      this.report(key, `missing value; expected one of ${describeVocabulary(vocabulary)}`);
    }
    return vocabulary.entries[0][0];
  }

  /** An enumeration cell where empty means "none". */
  optionalOneOf<T extends string>(key: string, vocabulary: Vocabulary<T>): T | null {
    const raw = this.raw(key);
    if (raw === '') return null;
    const value = lookup(vocabulary, raw);
    if (value === null) {
      this.report(
        key,
        `"${raw}" is not a ${vocabulary.noun}; expected one of ${describeVocabulary(vocabulary)}`,
      );
    }
    return value;
  }

  date(key: string): string {
    return this.parsed(key, parseDate, '', 'a date like 1975-03-08');
  }

  /** A whole number ≥ 0; `fallback` is the default for an empty cell, and without one the cell is required. */
  count(key: string, fallback?: number): number {
    if (fallback !== undefined && this.raw(key) === '') return fallback;
    return this.parsed(key, parseCount, 0, 'a whole number ≥ 0');
  }

  decimal(key: string, range: { min: number; max: number; maxDecimals?: number; what: string }): number {
    return this.parsed(key, (raw) => parseDecimal(raw, range), 0, range.what);
  }

  /** Non-empty 志愿 cells in choice-number order, kept verbatim: the engine filters and reports them. */
  choices(): string[] {
    // 志愿 numbers are what people wrote and what maxChoices counts: 志愿N goes to index N−1, and a blank or
    // missing 志愿 stays as a gap (''). Only trailing blanks go, so a roster with five 志愿 columns and one
    // with two give the same dataset.
    const cells: string[] = [];
    for (const c of this.binding.choices) {
      while (cells.length < c.n - 1) cells.push('');
      cells[c.n - 1] = this.cells[c.index] ?? '';
    }
    let end = cells.length;
    while (end > 0 && cells[end - 1] === '') end--;
    return cells.slice(0, end);
  }

  private parsed<T>(key: string, parse: (raw: string) => Parsed<T>, placeholder: T, what: string): T {
    const raw = this.raw(key);
    if (raw === '') {
      this.report(key, `missing value; expected ${what}`);
      return placeholder;
    }
    const result = parse(raw);
    if (result.ok) return result.value;
    this.report(key, result.message);
    return placeholder;
  }

  private reportAt(column: string | null, message: string): void {
    this.issueCount++;
    this.issues.push({ file: this.file, line: this.line, column, message });
  }
}
