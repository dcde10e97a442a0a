import {
  COLUMNS,
  type CsvKind,
  choiceNumber,
  describeColumns,
  HAS_CHOICES,
  isBookkeepingColumn,
  normaliseHeader,
} from './columns';
import type { DatasetIssue } from './types';

export interface ChoiceColumn {
  readonly n: number;
  readonly index: number;
  readonly header: string;
}

/** Where each canonical column sits in a file, and what the file called it. */
export interface ColumnBinding {
  readonly indexOf: ReadonlyMap<string, number>;
  readonly headerOf: ReadonlyMap<string, string>;
  /** Sorted by choice number, so 志愿2 before 志愿10 whatever the column order. */
  readonly choices: readonly ChoiceColumn[];
  /** Columns with an empty header (a stray trailing comma); their cells must stay empty. */
  readonly unnamed: readonly number[];
  /** Number of header cells; cells beyond it must be empty. */
  readonly width: number;
}

export type BindResult = { ok: true; binding: ColumnBinding } | { ok: false; issues: DatasetIssue[] };

/**
 * Maps a file's header row onto SPEC §2's columns. Unknown headers are rejected rather than ignored:
 * a misspelt optional column (e.g. "服从调济") would otherwise silently fall back to its default.
 *
 * @example
 * bindHeaders('posts.csv', 'posts', ['学校代码', 'subject', '岗位数'], 1).ok; // true
 */
export function bindHeaders(
  file: string,
  kind: CsvKind,
  headers: readonly string[],
  line: number,
): BindResult {
  const issues: DatasetIssue[] = [];
  const byName = new Map<string, string>();
  for (const spec of COLUMNS[kind]) {
    byName.set(normaliseHeader(spec.key), spec.key);
    byName.set(normaliseHeader(spec.zh), spec.key);
  }
  const indexOf = new Map<string, number>();
  const headerOf = new Map<string, string>();
  const choiceByN = new Map<number, ChoiceColumn>();
  const unnamed: number[] = [];

  headers.forEach((header, index) => {
    if (header === '') {
      unnamed.push(index);
      return;
    }
    const key = byName.get(normaliseHeader(header));
    const n = HAS_CHOICES[kind] ? choiceNumber(header) : null;
    const earlier = key !== undefined ? headerOf.get(key) : n !== null ? choiceByN.get(n)?.header : undefined;
    if (earlier !== undefined) {
      const meaning = key ?? `choice_${n}`;
      issues.push({
        file,
        line,
        column: header,
        message: `duplicate column: "${earlier}" and "${header}" both mean ${meaning}; keep one`,
      });
    } else if (key !== undefined) {
      indexOf.set(key, index);
      headerOf.set(key, header);
    } else if (n !== null) {
      choiceByN.set(n, { n, index, header });
    } else if (isBookkeepingColumn(header)) {
      // 序号, 备注 and the like: carried by many rosters, meaningless here.
    } else {
      issues.push({
        file,
        line,
        column: header,
        message: `unknown column "${header}"; expected one of ${describeColumns(kind)}`,
      });
    }
  });

  for (const spec of COLUMNS[kind]) {
    if (spec.required && !indexOf.has(spec.key)) {
      issues.push({
        file,
        line,
        column: spec.key,
        message: `missing required column ${spec.key} (${spec.zh})`,
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const choices = [...choiceByN.values()].sort((a, b) => a.n - b.n);
  return { ok: true, binding: { indexOf, headerOf, choices, unnamed, width: headers.length } };
}
