import type { LoadedCsv } from './load-table';
import type { MessageCode, MessageParams } from './messages';
import type { Located } from './records';

/** The CSV files that loaded well enough to be checked against each other (null: unusable or absent). */
export interface LoadedCsvFiles {
  readonly schools: LoadedCsv<'schools'> | null;
  readonly posts: LoadedCsv<'posts'> | null;
  readonly staff: LoadedCsv<'staff'> | null;
  readonly townships: LoadedCsv<'townships'> | null;
  readonly applications: LoadedCsv<'applications'> | null;
}

/**
 * Checks that need more than one row: unique keys and references between files. Problems are reported
 * on the offending row (the later duplicate, the row naming what does not exist). Unknown 志愿 codes are
 * deliberately not checked: SPEC §3 has the engine ignore and report them per person.
 */
export function crossCheck(files: LoadedCsvFiles): void {
  const { schools, posts, staff, townships, applications } = files;

  unique(schools?.rows, 'school_code', (s) => s.code, ['学校代码', 'school_code']);
  unique(posts?.rows, 'subject', (p) => [p.schoolCode, p.subject], ['本校学科', 'subject at this school']);
  unique(staff?.rows, 'staff_id', (s) => s.id, ['工号', 'staff_id']);
  unique(townships?.rows, 'township', (t) => t.name, ['乡镇', 'township']);
  unique(applications?.rows, 'school_code', (a) => [a.staffId, a.schoolCode], [
    '择优记录（工号, 学校代码）',
    'application (staff_id, school_code)',
  ]);

  if (schools !== null) {
    const codes = keySet(schools.rows, (s) => s.code);
    const schoolExists = (code: string): Problem | null =>
      code === '' || codes.has(code) ? null : ['SCHOOL_UNKNOWN', { code }];
    refer(posts?.rows, 'school_code', (p) => schoolExists(p.schoolCode));
    refer(staff?.rows, 'school_code', (s) => schoolExists(s.schoolCode));
    refer(applications?.rows, 'school_code', (a) => schoolExists(a.schoolCode));
  }
  if (townships !== null) {
    const names = keySet(townships.rows, (t) => t.name);
    const townshipExists = (name: string | null): Problem | null =>
      name === null || name === '' || names.has(name) ? null : ['TOWNSHIP_UNKNOWN', { name }];
    refer(schools?.rows, 'township', (s) => townshipExists(s.township));
    // A home township is optional and may lie outside the county (a teacher living in 晋城市区): it is
    // accepted, counts as 0 km in round 3 as SPEC §3 says, and the engine warns (HOME_TOWNSHIP_UNKNOWN).
  }
  if (staff !== null) {
    const ids = keySet(staff.rows, (s) => s.id);
    refer(applications?.rows, 'staff_id', (a) =>
      a.staffId === '' || ids.has(a.staffId) ? null : ['STAFF_UNKNOWN', { id: a.staffId }],
    );
  }
}

type Problem = readonly [MessageCode, MessageParams];

/**
 * Data that is accepted but surely deserves a second look (SPEC §6 warnings): posts given to a merging
 * school (the engine offers none of them), and a staff subject that no post in the county has (often a
 * spelling: 语文 vs 语文教学), named once per subject with its lines.
 */
export function crossWarnings(files: LoadedCsvFiles): void {
  const { schools, posts, staff } = files;
  if (schools === null || posts === null) return;
  const merging = new Set(schools.rows.filter((s) => s.value.status === 'merging').map((s) => s.value.code));
  for (const row of posts.rows) {
    if (merging.has(row.value.schoolCode) && row.value.posts > 0) {
      row.at.warn('school_code', 'POSTS_OF_MERGING_SCHOOL', { code: row.value.schoolCode });
    }
  }
  if (staff === null) return;
  const subjects = new Set(posts.rows.map((p) => p.value.subject));
  const orphans = new Map<string, Located<{ subject: string }>[]>();
  for (const row of staff.rows) {
    const subject = row.value.subject;
    if (subject === '' || subjects.has(subject)) continue;
    const list = orphans.get(subject) ?? [];
    list.push(row);
    orphans.set(subject, list);
  }
  for (const [subject, rows] of orphans) {
    const first = rows[0];
    if (first === undefined) continue;
    const lines =
      rows
        .slice(0, 20)
        .map((r) => r.at.line)
        .join(', ') + (rows.length > 20 ? ' …' : '');
    first.at.warn('subject', 'SUBJECT_WITHOUT_POSTS', { subject, lines });
  }
}

function keySet<T>(rows: readonly Located<T>[], key: (value: T) => string): Set<string> {
  return new Set(rows.map((row) => key(row.value)).filter((k) => k !== ''));
}

/** Reports every row after the first with the same (non-empty) key. */
function unique<T>(
  rows: readonly Located<T>[] | undefined,
  column: string,
  key: (value: T) => string | readonly [string, string],
  [whatZh, what]: readonly [string, string],
): void {
  const firstLine = new Map<string, number>();
  for (const row of rows ?? []) {
    const parts = key(row.value);
    const single = typeof parts === 'string';
    if (single ? parts === '' : parts[0] === '' || parts[1] === '') continue;
    // JSON keeps ("a,b", "c") and ("a", "b,c") apart; a one-part key needs no encoding (nor an array).
    const k = single ? parts : JSON.stringify(parts);
    const first = firstLine.get(k);
    if (first === undefined) {
      firstLine.set(k, row.at.line);
    } else {
      const shown = (single ? [parts] : parts).map((p) => `"${p.slice(0, 40)}"`).join(', ');
      row.at.report(column, 'DUPLICATE_KEY', { what, whatZh, shown, first });
    }
  }
}

function refer<T>(
  rows: readonly Located<T>[] | undefined,
  column: string,
  problem: (value: T) => Problem | null,
): void {
  for (const row of rows ?? []) {
    const found = problem(row.value);
    if (found !== null) row.at.report(column, found[0], found[1]);
  }
}
