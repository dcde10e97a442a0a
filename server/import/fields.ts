/** Parsers for single cells. Each says what is wrong and what it expected, for an HR clerk to fix. */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (message: string): Parsed<never> => ({ ok: false, message });

/**
 * Full-width digits and punctuation (１２．５) come from Chinese input methods; NFKC folds them to
 * ASCII. Used for numbers and dates only, never for names, where it could change a character.
 */
function asciiFold(raw: string): string {
  return raw.normalize('NFKC').trim();
}

/**
 * A real calendar date in YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD or YYYY年M月D日, month and day with one or
 * two digits (Excel writes 1975/3/8), normalised to YYYY-MM-DD.
 *
 * @example
 * parseDate('1975/3/8'); // { ok: true, value: '1975-03-08' }
 */
export function parseDate(raw: string): Parsed<string> {
  const text = asciiFold(raw);
  const match =
    /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(text) ?? /^(\d{4})(年)(\d{1,2})月(\d{1,2})日$/.exec(text);
  const expected = 'expected a date like 1975-03-08 (or 1975/03/08, 1975.03.08)';
  if (match === null) return bad(`"${raw}" is not a date; ${expected}`);
  const year = Number(match[1]);
  const month = Number(match[3]);
  const day = Number(match[4]);
  if (!isRealDate(year, month, day)) return bad(`"${raw}" is not a real calendar date; ${expected}`);
  return ok(`${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
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
 * parseCount('12'); // { ok: true, value: 12 }
 */
export function parseCount(raw: string): Parsed<number> {
  const text = asciiFold(raw);
  const expected = 'expected a whole number ≥ 0';
  if (/^-\d+$/.test(text)) return bad(`${raw} is negative; ${expected}`);
  if (!/^\+?\d+$/.test(text)) return bad(`"${raw}" is not a whole number; ${expected}`);
  const value = Number(text);
  if (!Number.isSafeInteger(value)) return bad(`"${raw}" is too large; ${expected}`);
  return ok(value);
}

/**
 * A plain decimal number (no exponent, no thousands separator) within [min, max], with at most
 * `maxDecimals` decimals when given.
 *
 * @example
 * parseDecimal('85.5', { min: 0, max: 100, maxDecimals: 2, what: 'a score' }); // { ok: true, value: 85.5 }
 */
export function parseDecimal(
  raw: string,
  range: { min: number; max: number; maxDecimals?: number; what: string },
): Parsed<number> {
  const text = asciiFold(raw);
  const decimals = range.maxDecimals === undefined ? '' : `, at most ${range.maxDecimals} decimals`;
  const expected = `expected ${range.what}: a number from ${range.min} to ${range.max}${decimals}`;
  const match = /^[-+]?\d+(?:\.(\d+))?$/.exec(text);
  if (match === null) return bad(`"${raw}" is not a number; ${expected}`);
  const value = Number(text);
  if (value < range.min || value > range.max) return bad(`${raw} is out of range; ${expected}`);
  const fraction = (match[1] ?? '').replace(/0+$/, '');
  if (range.maxDecimals !== undefined && fraction.length > range.maxDecimals) {
    return bad(`${raw} has too many decimals; ${expected}`);
  }
  // Object.is(-0) would make "-0" and "0" hash differently downstream.
  return ok(value === 0 ? 0 : value);
}
