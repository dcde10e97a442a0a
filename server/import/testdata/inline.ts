import { parseDataset } from '../parse-dataset';
import type { DatasetFileKind, DatasetIssue, LoadResult } from '../types';

/** parseDataset with English messages, which the older tests spell out. */
export function parseEn(files: Partial<Record<DatasetFileKind, Uint8Array>>): Promise<LoadResult> {
  return parseDataset(files, { lang: 'en' });
}

/** UTF-8 bytes of CSV text written inline in a test. */
export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** The smallest valid dataset, English headers; tests replace one file to break it in one way. */
export const BASE: Readonly<Record<'schools' | 'posts' | 'staff', string>> = {
  schools: ['school_code,name,stage,township', 'S01,一中,high,凤城镇', 'S02,北留中学,middle,北留镇', ''].join(
    '\n',
  ),
  posts: ['school_code,subject,posts,reserved', 'S01,语文,2,1', 'S02,数学,1,0', ''].join('\n'),
  staff: [
    'staff_id,name,gender,birth_date,school_code,subject,cert_stage,title,years_of_service,score',
    'T001,张伟,M,1975-03-08,S01,语文,high,senior,25,88.5',
    'T002,王芳,F,1990-11-23,S02,数学,middle,first,8,79',
    '',
  ].join('\n'),
};

/** The base dataset as bytes, with some files replaced (a string) or removed (null). */
export function files(
  overrides: Partial<Record<DatasetFileKind, string | Uint8Array | null>> = {},
): Partial<Record<DatasetFileKind, Uint8Array>> {
  const out: Partial<Record<DatasetFileKind, Uint8Array>> = {};
  const all: Partial<Record<DatasetFileKind, string | Uint8Array | null>> = { ...BASE, ...overrides };
  for (const [kind, content] of Object.entries(all) as [DatasetFileKind, string | Uint8Array | null][]) {
    if (content === null) continue;
    out[kind] = typeof content === 'string' ? bytes(content) : content;
  }
  return out;
}

/** The header of the base staff.csv, for tests that write their own rows. */
export const staffHeader =
  'staff_id,name,gender,birth_date,school_code,subject,cert_stage,title,years_of_service,score';

/**
 * The issues of a load that must fail, as {file, line, column, message}; throws when the dataset was
 * accepted. Codes are asserted by {@link codesOf}.
 */
export async function issuesOf(result: Promise<LoadResult>): Promise<Omit<DatasetIssue, 'code'>[]> {
  const r = await result;
  if (r.ok) throw new Error('expected the dataset to be rejected');
  return r.issues.map(({ code: _code, ...rest }) => rest);
}

/** [code, file, line, column] of each problem of a load that must fail. */
export async function codesOf(
  result: Promise<LoadResult>,
): Promise<[string, string, number | null, string | null][]> {
  const r = await result;
  if (r.ok) throw new Error('expected the dataset to be rejected');
  return r.issues.map((i) => [i.code, i.file, i.line, i.column]);
}
