import {
  COLUMNS,
  type CsvKind,
  choiceNumber,
  DERIVED_FROM_ID_NUMBER,
  describeColumns,
  HAS_CHOICES,
  isBookkeepingColumn,
  normaliseHeader,
} from './columns';
import { MAX_CHOICE_COLUMNS } from './limits';
import type { Problems } from './problems';

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
  readonly unnamed: ReadonlySet<number>;
  /** Number of header cells; cells beyond it must be empty. */
  readonly width: number;
}

/**
 * Maps a file's header row onto SPEC §2's columns, or returns null after reporting why it cannot.
 * Unknown headers are rejected rather than ignored: a misspelt optional column (e.g. "服从调济") would
 * otherwise silently fall back to its default. At most {@link MAX_CHOICE_COLUMNS} 志愿 columns.
 *
 * @example
 * bindHeaders('posts.csv', 'posts', ['学校代码', '*学科', '岗位数（必填）'], 1, problems) !== null; // true
 */
export function bindHeaders(
  file: string,
  kind: CsvKind,
  headers: readonly string[],
  line: number,
  problems: Problems,
): ColumnBinding | null {
  const before = problems.errorCount;
  const at = (column: string) => ({ file, line, column });
  const byName = new Map<string, string>();
  for (const spec of COLUMNS[kind]) {
    for (const name of [spec.key, spec.zh, ...(spec.aliases ?? [])])
      byName.set(normaliseHeader(name), spec.key);
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
      problems.error(at(header), 'HEADER_DUPLICATE', { earlier, header, meaning });
    } else if (key !== undefined) {
      indexOf.set(key, index);
      headerOf.set(key, header);
    } else if (n !== null && n > MAX_CHOICE_COLUMNS) {
      problems.error(at(header), 'CHOICE_COLUMNS_TOO_MANY', { limit: MAX_CHOICE_COLUMNS, header });
    } else if (n !== null) {
      choiceByN.set(n, { n, index, header });
    } else if (isBookkeepingColumn(header)) {
      // 序号, 备注 and the like: carried by many rosters, meaningless here.
    } else {
      problems.error(at(header), 'HEADER_UNKNOWN', { header, expected: describeColumns(kind) });
    }
  });

  const hasIdNumber = indexOf.has('id_number');
  for (const spec of COLUMNS[kind]) {
    const derived = hasIdNumber && DERIVED_FROM_ID_NUMBER.has(spec.key);
    if (spec.required && !derived && !indexOf.has(spec.key)) {
      problems.error(at(problems.lang === 'zh' ? spec.zh : spec.key), 'HEADER_MISSING', {
        key: spec.key,
        zh: spec.zh,
      });
    }
  }
  if (problems.errorCount > before) return null;
  const choices = [...choiceByN.values()].sort((a, b) => a.n - b.n);
  return { indexOf, headerOf, choices, unnamed: new Set(unnamed), width: headers.length };
}
