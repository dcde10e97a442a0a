import { createHash } from 'node:crypto';
import type { Encoding } from './types';

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; message: string };

/** SHA-256 hex of the raw bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Decodes bytes as UTF-8 (with or without BOM) or, failing that, GB18030 (a superset of GBK).
 * Excel/WPS in China save GBK by default, so the encoding is detected rather than asked: valid UTF-8
 * is taken as UTF-8 (GBK text of any length is almost never valid UTF-8), anything else as GB18030.
 *
 * Rejected: bytes that are valid in neither, UTF-16 (Excel's "Unicode text"), and text with NUL or
 * other control characters — GB18030 decodes nearly any byte soup, so control characters are how a
 * binary file (e.g. an .xlsx renamed to .csv) is told apart from text.
 *
 * @example
 * decodeText(new Uint8Array([0xd6, 0xd0])); // { ok: true, text: '中', encoding: 'gb18030' }
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { ok: false, message: 'file is UTF-16 encoded; save it as "CSV UTF-8" or plain CSV (GBK)' };
  }
  const decoded = tryDecode(bytes);
  if (decoded === null) {
    return {
      ok: false,
      message: 'file is neither UTF-8 nor GBK/GB18030 text; save it as CSV from Excel/WPS',
    };
  }
  const control = findControlCharacter(decoded.text);
  if (control !== null) {
    return {
      ok: false,
      message: `file contains a binary control character (U+${control}); expected a CSV text file, not a spreadsheet or other binary file`,
    };
  }
  return { ok: true, ...decoded };
}

function tryDecode(bytes: Uint8Array): { text: string; encoding: Encoding } | null {
  const encoding: Encoding = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 'utf-8-bom' : 'utf-8';
  try {
    // TextDecoder drops a leading BOM itself (ignoreBOM defaults to false).
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding };
  } catch {
    // Not UTF-8: fall through to GB18030.
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
  } catch {
    return null;
  }
}

function findControlCharacter(text: string): string | null {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Tab, LF and CR are legitimate in CSV; every other C0 control (and DEL) is not.
    const isControl = (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f;
    if (isControl) return code.toString(16).toUpperCase().padStart(4, '0');
  }
  return null;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}
