import type { LoadedCsv } from './load-csv';
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

  unique(schools?.rows, 'school_code', (s) => [s.code], 'school_code');
  unique(posts?.rows, 'subject', (p) => [p.schoolCode, p.subject], 'subject at this school');
  unique(staff?.rows, 'staff_id', (s) => [s.id], 'staff_id');
  unique(townships?.rows, 'township', (t) => [t.name], 'township');
  unique(
    applications?.rows,
    'school_code',
    (a) => [a.staffId, a.schoolCode],
    'application (staff_id, school_code)',
  );

  if (schools !== null) {
    const codes = keySet(schools.rows, (s) => s.code);
    const schoolExists = (code: string) => (code === '' || codes.has(code) ? null : unknownSchool(code));
    refer(posts?.rows, 'school_code', (p) => schoolExists(p.schoolCode));
    refer(staff?.rows, 'school_code', (s) => schoolExists(s.schoolCode));
    refer(applications?.rows, 'school_code', (a) => schoolExists(a.schoolCode));
  }
  if (townships !== null) {
    const names = keySet(townships.rows, (t) => t.name);
    const townshipExists = (name: string | null) =>
      name === null || name === '' || names.has(name)
        ? null
        : `township "${name}" is not in townships.csv; add it there or correct the name`;
    refer(schools?.rows, 'township', (s) => townshipExists(s.township));
    // A home township is optional and may lie outside the county (a teacher living in 晋城市区): it is
    // accepted, counts as 0 km in round 3 as SPEC §3 says, and the engine warns (HOME_TOWNSHIP_UNKNOWN).
  }
  if (staff !== null) {
    const ids = keySet(staff.rows, (s) => s.id);
    refer(applications?.rows, 'staff_id', (a) =>
      a.staffId === '' || ids.has(a.staffId) ? null : `staff_id "${a.staffId}" is not in staff.csv`,
    );
  }
}

function unknownSchool(code: string): string {
  return `school_code "${code}" is not in schools.csv`;
}

function keySet<T>(rows: readonly Located<T>[], key: (value: T) => string): Set<string> {
  return new Set(rows.map((row) => key(row.value)).filter((k) => k !== ''));
}

/** Reports every row after the first with the same (non-empty) key. */
function unique<T>(
  rows: readonly Located<T>[] | undefined,
  column: string,
  key: (value: T) => readonly string[],
  what: string,
): void {
  const firstLine = new Map<string, number>();
  for (const row of rows ?? []) {
    const parts = key(row.value);
    if (parts.some((part) => part === '')) continue;
    // JSON keeps ("a,b", "c") and ("a", "b,c") apart.
    const k = JSON.stringify(parts);
    const first = firstLine.get(k);
    if (first === undefined) {
      firstLine.set(k, row.at.line);
    } else {
      const shown = parts.map((p) => `"${p}"`).join(', ');
      row.at.report(column, `duplicate ${what} ${shown}; first on line ${first}`);
    }
  }
}

function refer<T>(
  rows: readonly Located<T>[] | undefined,
  column: string,
  problem: (value: T) => string | null,
): void {
  for (const row of rows ?? []) {
    const message = problem(row.value);
    if (message !== null) row.at.report(column, message);
  }
}
