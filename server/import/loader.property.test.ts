import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LISTED } from './limits';
import { MESSAGES } from './messages';
import { parseDataset } from './parse-dataset';
import { BASE, bytes, staffHeader } from './testdata/inline';
import type { DatasetFileKind, LoadResult } from './types';

const CODES = new Set(Object.keys(MESSAGES));

/** What every load must be, whatever it was fed: a dataset, or located problems with known codes, all bounded. */
function expectWellFormed(r: LoadResult): void {
  const lists = r.ok ? [r.warnings] : [r.issues, r.warnings];
  for (const list of lists) {
    expect(list.length).toBeLessThanOrEqual(MAX_LISTED);
    for (const issue of list) {
      expect(CODES.has(issue.code)).toBe(true);
      expect(issue.file.length).toBeGreaterThan(0);
      expect(issue.line === null || (Number.isInteger(issue.line) && issue.line >= 1)).toBe(true);
      // A quoted cell is cut to 80 characters, so no message can carry a whole huge cell.
      expect(issue.message.length).toBeLessThan(1_500);
      expect((issue.column ?? '').length).toBeLessThanOrEqual(80);
    }
  }
  expect(r.moreWarnings).toBeGreaterThanOrEqual(0);
  if (!r.ok) {
    expect(r.issues.length).toBeGreaterThan(0);
    expect(r.moreIssues).toBeGreaterThanOrEqual(0);
  }
}

/** Random bytes, some dressed as a zip (.xlsx) or an OLE2 file (.xls) so the workbook readers get them too. */
const anyBytes = fc
  .tuple(
    fc.constantFrom([], [0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    fc.uint8Array({ maxLength: 400 }),
  )
  .map(([magic, rest]) => new Uint8Array([...magic, ...rest]));

const kind = fc.constantFrom<DatasetFileKind>(
  'schools',
  'posts',
  'staff',
  'townships',
  'applications',
  'rules',
);

/** Cells drawn from what real files hold and what breaks parsers: quotes, separators, invisible and wide characters. */
const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '',
    '"',
    '""',
    ',',
    '\t',
    '\r',
    '\n',
    '\u200B',
    '\u00A0',
    '　',
    '?',
    '５.１E+17',
    '31178',
    '1-男',
    '小学高级教师',
  ),
  fc.constantFrom(
    'S01',
    'S02',
    'T001',
    '语文',
    '数学',
    'high',
    'M',
    'F',
    '1975-03-08',
    '88.5',
    '志愿60',
    '*工号',
  ),
);
const csvLine = fc.array(cell, { maxLength: 14 }).map((cells) => cells.join(','));

describe('the loader on any input', () => {
  it('never throws on random bytes in any file, and answers a dataset or located problems', async () => {
    await fc.assert(
      fc.asyncProperty(kind, anyBytes, async (k, raw) => {
        const files: Partial<Record<DatasetFileKind, Uint8Array>> = {
          schools: bytes(BASE.schools),
          posts: bytes(BASE.posts),
          staff: bytes(BASE.staff),
        };
        files[k] = raw;
        expectWellFormed(await parseDataset(files));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random rows under real headers, and stays within its lists', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(csvLine, { maxLength: 40 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        async (lines, eol, header) => {
          const staff = [header ? staffHeader : (lines[0] ?? ''), ...lines].join(eol);
          expectWellFormed(
            await parseDataset({
              schools: bytes(BASE.schools),
              posts: bytes(BASE.posts),
              staff: bytes(staff),
            }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('lists at most 200 problems of a file with thousands of bad rows, and counts the rest', async () => {
    const staff = `${staffHeader}\n${'x,,,,,,,,,\n'.repeat(5_000)}`;
    const r = await parseDataset({
      schools: bytes(BASE.schools),
      posts: bytes(BASE.posts),
      staff: bytes(staff),
    });
    expectWellFormed(r);
    expect(!r.ok && r.issues.length).toBe(MAX_LISTED);
    expect(!r.ok && r.issues.length + r.moreIssues).toBeGreaterThan(5_000 * 5);
  });

  it('stops at a row of a million commas instead of building a million-cell row', async () => {
    const staff = `${staffHeader}\nT001${','.repeat(1_000_000)}\n`;
    const r = await parseDataset({
      schools: bytes(BASE.schools),
      posts: bytes(BASE.posts),
      staff: bytes(staff),
    });
    expect(!r.ok && r.issues.map((i) => [i.code, i.file, i.line])).toEqual([
      ['FILE_TOO_MANY_COLUMNS', 'staff.csv', 2],
    ]);
  });
});
