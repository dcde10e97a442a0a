/** Parsers for single cells. Each says what is wrong (a message code and its values) for a clerk to fix. */
import type { MessageCode, MessageParams } from './messages';

/**
 * Why a cell was refused. Parsers return the value itself or a Bad, so a good cell (nearly every cell)
 * costs no result object: the loader reads thousands of rows per upload.
 */
export class Bad {
  constructor(
    readonly code: MessageCode,
    readonly params: MessageParams,
  ) {}
}

export type Parsed<T> = T | Bad;

const bad = (code: MessageCode, params: MessageParams): Bad => new Bad(code, params);

/**
 * Full-width digits, letters and punctuation (１２．５, Ｓ０１) come from Chinese input methods; NFKC folds
 * them to ASCII. Used for codes, numbers and dates only, never for names, where it could change a
 * character. ASCII text (nearly every cell) is returned as it is, without a normalisation pass.
 */
export function asciiFold(raw: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is "anything beyond ASCII"
  return /[^\x00-\x7f]/.test(raw) ? raw.normalize('NFKC').trim() : raw;
}

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug makes serials from 61 on count from there). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** The date an Excel serial stands for, as YYYY-MM-DD. */
export function excelSerialDate(serial: number): string {
  return new Date(EXCEL_EPOCH_MS + serial * 86_400_000).toISOString().slice(0, 10);
}

const DATE_PATTERNS = [
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/,
  /^(\d{4})(年)(\d{1,2})月(\d{1,2})日$/,
];

/**
 * A real calendar date as YYYY-MM-DD, YYYY/M/D, YYYY.M.D or YYYY年M月D日, optionally followed by the time
 * Excel appends when it exports a date cell (`1985-05-01 0:00`), normalised to YYYY-MM-DD. A bare 5-digit
 * number is an Excel date serial that leaked when the column lost its date format: refused, naming the
 * date it stands for so the clerk can check it.
 *
 * @example
 * parseDate('1975/3/8'); // '1975-03-08'
 * parseDate('31178'); // Bad { code: 'DATE_EXCEL_SERIAL', params: { value: '31178', date: '1985-05-11' } }
 */
export function parseDate(raw: string): Parsed<string> {
  if (isIsoDate(raw)) return raw;
  const text = asciiFold(raw);
  if (/^\d{5}$/.test(text))
    return bad('DATE_EXCEL_SERIAL', { value: raw, date: excelSerialDate(Number(text)) });
  const match = DATE_PATTERNS[0]?.exec(text) ?? DATE_PATTERNS[1]?.exec(text) ?? null;
  if (match === null) return bad('DATE_INVALID', { value: raw });
  const year = Number(match[1]);
  const month = Number(match[3]);
  const day = Number(match[4]);
  if (!isRealDate(year, month, day)) return bad('DATE_NOT_REAL', { value: raw });
  return `${match[1]}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** The common case, checked by character codes: already YYYY-MM-DD and a real date. */
function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  let year = 0;
  let month = 0;
  let day = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (i < 4) year = year * 10 + d;
    else if (i < 7) month = month * 10 + d;
    else day = day * 10 + d;
  }
  return isRealDate(year, month, day);
}

/** True for an existing day of the proleptic Gregorian calendar (so 2019-02-29 is false). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/**
 * A whole number ≥ 0.
 *
 * @example
 * parseCount('12'); // 12
 */
export function parseCount(raw: string): Parsed<number> {
  const text = asciiFold(raw);
  if (text.length > 0 && text.length < 10 && /^\d+$/.test(text)) return Number(text);
  if (!/^\+?\d+$/.test(text)) return bad('COUNT_INVALID', { value: raw });
  const value = Number(text);
  if (!Number.isSafeInteger(value)) return bad('COUNT_INVALID', { value: raw });
  return value;
}

export interface DecimalRange {
  readonly min: number;
  readonly max: number;
  readonly maxDecimals?: number;
}

/**
 * A plain decimal number (no exponent, no thousands separator) within [min, max], with at most
 * `maxDecimals` decimals when given.
 *
 * @example
 * parseDecimal('85.5', { min: 0, max: 100, maxDecimals: 2 }); // 85.5
 */
export function parseDecimal(raw: string, range: DecimalRange): Parsed<number> {
  const text = asciiFold(raw);
  const quick = plainDecimal(text, range);
  if (quick !== null) return quick;
  // Worded by the message in its own language; '' when any number of decimals is fine.
  const expected = { min: range.min, max: range.max, decimals: range.maxDecimals ?? '' };
  const match = /^[-+]?\d+(?:\.(\d+))?$/.exec(text);
  if (match === null) return bad('NUMBER_INVALID', { value: raw, ...expected });
  const value = Number(text);
  if (value < range.min || value > range.max) return bad('NUMBER_OUT_OF_RANGE', { value: raw, ...expected });
  if (range.maxDecimals !== undefined && match[1] !== undefined) {
    const fraction = match[1].replace(/0+$/, '');
    if (fraction.length > range.maxDecimals) return bad('NUMBER_TOO_PRECISE', { value: raw, ...expected });
  }
  // Object.is(-0) would make "-0" and "0" hash differently downstream.
  return value === 0 ? 0 : value;
}

/**
 * The common case without a regular expression: digits with an optional point and at most `maxDecimals`
 * decimals, in range. Null sends anything else down the full path (which also words the problem).
 */
function plainDecimal(text: string, range: DecimalRange): number | null {
  const n = text.length;
  if (n === 0 || n > 20) return null;
  let point = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && point === -1 && i > 0 && i < n - 1) point = i;
    else if (c < 48 || c > 57) return null;
  }
  if (point !== -1 && range.maxDecimals !== undefined && n - point - 1 > range.maxDecimals) return null;
  const value = Number(text);
  return value >= range.min && value <= range.max ? value : null;
}

/** An ID Excel turned into a number and shows in scientific notation, e.g. 5.10322E+17. */
export function isScientific(text: string): boolean {
  return /^[+-]?\d+(?:\.\d+)?E[+-]?\d+$/i.test(asciiFold(text));
}
