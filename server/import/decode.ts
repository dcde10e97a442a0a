import { createHash } from 'node:crypto';
import type { MessageCode, MessageParams } from './messages';
import type { Encoding } from './types';

/** A decoding problem, on a line of the file (the physical line, counted from 1) or the whole file. */
export interface DecodeProblem {
  readonly line: number | null;
  readonly code: MessageCode;
  readonly params: MessageParams;
}

export type Decoded =
  | { ok: true; text: string; encoding: Encoding }
  | { ok: false; problems: DecodeProblem[] };

/** SHA-256 hex of the raw bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * GB18030-2022 moved six characters out of the private-use area that the 2005 edition (and Node's
 * ICU/WHATWG decoder) still maps them to: FE51, FE52, FE53, FE6C, FE76, FE91. The 2022 edition's other
 * 18 changes (A6D9…, FE59…) Node already decodes as 2022 does (tested in encoding.test.ts).
 */
const GB18030_2022_PUA: ReadonlyMap<string, string> = new Map([
  ['\uE816', '\u{20087}'],
  ['\uE817', '\u{20089}'],
  ['\uE818', '\u{200CC}'],
  ['\uE831', '\u{215D7}'],
  ['\uE83B', '\u{2298F}'],
  ['\uE855', '\u{241FE}'],
]);
const PUA_2005 = /[\uE816\uE817\uE818\uE831\uE83B\uE855]/g;

function decodeGb18030(bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return text.replace(PUA_2005, (c) => GB18030_2022_PUA.get(c) ?? c);
  } catch {
    return null;
  }
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    // TextDecoder drops a leading BOM itself (ignoreBOM defaults to false).
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Characters that do not occur in a Chinese roster: Latin-1/Greek/Cyrillic/… letters, combining marks,
 * private use, replacement characters. GBK read as UTF-8 yields these (C2–DF pairs), so their count is
 * the evidence for which decoding is right.
 */
/** Everything {@link implausibleCount} lets pass, as one character class, to skip clean text at regex speed. */
const IMPLAUSIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the class starts at U+0000 to let all of ASCII pass
  /[^\x00-\x7f\u4e00-\u9fff\u3400-\u4dbf\ud840-\ud88d\udc00-\udfff\u3000-\u303f\uff00-\uffef\u2000-\u206f\ufe10-\ufe4f\u2150-\u218f\u2460-\u24ff\u00a0\u00b7\u00d7\ufeff]/;

function implausibleCount(text: string): number {
  if (!IMPLAUSIBLE.test(text)) return 0;
  let count = 0;
  for (const char of text) {
    const c = char.codePointAt(0) ?? 0;
    if (c < 0x80) continue;
    const plausible =
      (c >= 0x4e00 && c <= 0x9fff) || // CJK Unified Ideographs
      (c >= 0x3400 && c <= 0x4dbf) || // Extension A
      (c >= 0x20000 && c <= 0x3134f) || // Extensions B–G
      (c >= 0x3000 && c <= 0x303f) || // CJK punctuation
      (c >= 0xff00 && c <= 0xffef) || // full-width forms
      (c >= 0x2000 && c <= 0x206f) || // general punctuation (incl. zero-width, cleaned later)
      (c >= 0xfe10 && c <= 0xfe4f) || // vertical and compatibility forms
      (c >= 0x2150 && c <= 0x218f) || // Roman numerals
      (c >= 0x2460 && c <= 0x24ff) || // circled numbers
      c === 0xa0 ||
      c === 0xb7 ||
      c === 0xd7 ||
      c === 0xfeff;
    if (!plausible) count++;
  }
  return count;
}

/**
 * Decodes a CSV file's bytes, choosing the encoding on evidence (SPEC §2): UTF-16 by its BOM (Excel's
 * "Unicode text"); otherwise UTF-8 and GB18030-2022 are both tried and, when both succeed, the one whose
 * text has fewer characters foreign to a Chinese roster wins (short GBK text can be valid UTF-8: the
 * 联通 problem). A file whose lines are in different encodings is rejected naming those lines.
 *
 * Rejected too: text with NUL or other control characters (a binary file renamed .csv).
 *
 * @example
 * decodeText(new Uint8Array([0xd6, 0xd0])); // { ok: true, text: '中', encoding: 'gb18030' }
 */
export function decodeText(bytes: Uint8Array): Decoded {
  // Outside UTF-16 a byte below 0x20 or 0x7F is that control character in UTF-8 and in GB18030 alike (no
  // multi-byte sequence of either uses one), so a binary file is told at once — not as a line-by-line list
  // of undecodable lines when its bytes are no encoding either.
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  const controlByte = utf16 ? -1 : bytes.findIndex(isControl);
  if (controlByte !== -1) {
    const codePoint = (bytes[controlByte] ?? 0).toString(16).toUpperCase().padStart(4, '0');
    return { ok: false, problems: [{ line: null, code: 'FILE_NOT_TEXT', params: { codePoint } }] };
  }
  const decoded = chooseDecoding(bytes);
  if (!decoded.ok) return decoded;
  const control = findControlCharacter(decoded.text);
  if (control !== null) {
    return { ok: false, problems: [{ line: null, code: 'FILE_NOT_TEXT', params: { codePoint: control } }] };
  }
  return decoded;
}

function chooseDecoding(bytes: Uint8Array): Decoded {
  for (const [bom, label, encoding] of [
    [[0xff, 0xfe], 'utf-16le', 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be', 'utf-16be'],
  ] as const) {
    if (!startsWith(bytes, bom)) continue;
    try {
      return { ok: true, text: new TextDecoder(label, { fatal: true }).decode(bytes), encoding };
    } catch {
      return { ok: false, problems: [{ line: null, code: 'ENCODING_UNKNOWN', params: {} }] };
    }
  }
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== null) {
    if (bom) return { ok: true, text: utf8, encoding: 'utf-8-bom' };
    const suspicious = implausibleCount(utf8);
    if (suspicious > 0) {
      const gb = decodeGb18030(bytes);
      if (gb !== null && implausibleCount(gb) < suspicious)
        return { ok: true, text: gb, encoding: 'gb18030' };
    }
    return { ok: true, text: utf8, encoding: 'utf-8' };
  }
  const mixed = mixedLines(bytes);
  if (mixed.length > 0) return { ok: false, problems: mixed };
  const gb = bom ? null : decodeGb18030(bytes);
  if (gb !== null) return { ok: true, text: gb, encoding: 'gb18030' };
  return { ok: false, problems: undecodableLines(bytes) };
}

interface LineInfo {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly ascii: boolean;
  readonly utf8: boolean;
}

/** Each physical line (split at LF, which no UTF-8 or GBK multi-byte character contains). */
function scanLines(bytes: Uint8Array): LineInfo[] {
  const lines: LineInfo[] = [];
  let start = 0;
  let line = 1;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const { ascii, utf8 } = utf8Shape(bytes, start, end);
    lines.push({ line, start, end, ascii, utf8 });
    start = end + 1;
    line++;
  }
  return lines;
}

/** Whether bytes[start, end) are all ASCII, and whether they are well-formed UTF-8 (no overlongs, no surrogates). */
function utf8Shape(bytes: Uint8Array, start: number, end: number): { ascii: boolean; utf8: boolean } {
  let ascii = true;
  let i = start;
  while (i < end) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    ascii = false;
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return { ascii, utf8: false };
    for (let k = 1; k <= need; k++) {
      const t = i + k < end ? (bytes[i + k] ?? 0) : -1;
      const [min, max] = k === 1 ? [lo, hi] : [0x80, 0xbf];
      if (t < min || t > max) return { ascii, utf8: false };
    }
    i += need + 1;
  }
  return { ascii, utf8: true };
}

/**
 * In a file that is not UTF-8 as a whole, lines that are UTF-8 (with Chinese that reads as Chinese) were
 * pasted in from elsewhere: read as GBK they would turn silently into mojibake. The lines of the smaller
 * group are named, since they are the ones to retype.
 */
function mixedLines(bytes: Uint8Array): DecodeProblem[] {
  const lines = scanLines(bytes);
  const utf8Lines: number[] = [];
  const otherLines: number[] = [];
  for (const info of lines) {
    if (info.ascii) continue;
    const text = info.utf8 ? decodeUtf8(bytes.subarray(info.start, info.end)) : null;
    if (text !== null && implausibleCount(text) === 0) utf8Lines.push(info.line);
    else otherLines.push(info.line);
  }
  if (utf8Lines.length === 0 || otherLines.length === 0) return [];
  const [named, encoding, other] =
    utf8Lines.length <= otherLines.length
      ? [utf8Lines, 'UTF-8', 'GBK/GB18030']
      : [otherLines, 'GBK/GB18030', 'UTF-8'];
  return named.map((line) => ({ line, code: 'ENCODING_MIXED', params: { encoding, other } }));
}

function undecodableLines(bytes: Uint8Array): DecodeProblem[] {
  const problems: DecodeProblem[] = [];
  for (const info of scanLines(bytes)) {
    if (info.ascii || info.utf8) continue;
    if (decodeGb18030(bytes.subarray(info.start, info.end)) === null) {
      problems.push({ line: info.line, code: 'LINE_UNDECODABLE', params: {} });
    }
  }
  return problems.length > 0 ? problems : [{ line: null, code: 'ENCODING_UNKNOWN', params: {} }];
}

/** Tab, LF and CR are legitimate in CSV; every other C0 control (and DEL) is not. */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f;
}

function findControlCharacter(text: string): string | null {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isControl(code)) return code.toString(16).toUpperCase().padStart(4, '0');
  }
  return null;
}

export function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}
