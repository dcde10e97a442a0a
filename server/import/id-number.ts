import { asciiFold, isRealDate } from './fields';

export type IdNumberRead =
  | { ok: true; birthDate: string; gender: 'M' | 'F' }
  | { ok: false; reason: 'shape' | 'checksum' };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/**
 * Reads an 18-character resident ID number (GB 11643-1999): 6 digits of region, the birth date as
 * YYYYMMDD, a 3-digit sequence whose parity is the gender (odd: male), and an ISO 7064 MOD 11-2 check
 * character. The number itself is never returned or quoted, so it cannot leak into a message.
 *
 * @example
 * readIdNumber('11010519491231002X'); // { ok: true, birthDate: '1949-12-31', gender: 'F' }
 */
export function readIdNumber(raw: string): IdNumberRead {
  const text = asciiFold(raw).toUpperCase();
  if (!/^\d{17}[\dX]$/.test(text)) return { ok: false, reason: 'shape' };
  const year = Number(text.slice(6, 10));
  const month = Number(text.slice(10, 12));
  const day = Number(text.slice(12, 14));
  if (year < 1900 || !isRealDate(year, month, day)) return { ok: false, reason: 'shape' };
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(text[i]) * (WEIGHTS[i] ?? 0);
  if (CHECK[sum % 11] !== text[17]) return { ok: false, reason: 'checksum' };
  return {
    ok: true,
    birthDate: `${text.slice(6, 10)}-${text.slice(10, 12)}-${text.slice(12, 14)}`,
    gender: Number(text[16]) % 2 === 1 ? 'M' : 'F',
  };
}
