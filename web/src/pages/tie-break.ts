import type { Candidates, Rules } from '../api/types';

type Candidate = Candidates['subjects'][number]['round1'][number];
type Key = Rules['tieBreak'][number];

const TITLE_RANK: Record<Candidate['title'], number> = {
  senior_professor: 6,
  senior: 5,
  first: 4,
  second: 3,
  third: 2,
  none: 1,
};

/** For each key: what equal values are called, and why the one above won when they differ. */
const WORDS: Record<Key, { same: string; above: string }> = {
  score: { same: '同分', above: '得分较高' },
  title: { same: '同职称', above: '职称较高' },
  years_of_service: { same: '同教龄', above: '教龄较长' },
  birth_date: { same: '同出生日期', above: '年龄较大' },
  staff_id: { same: '同工号', above: '工号较小' },
};

function differs(key: Key, a: Candidate, b: Candidate): boolean {
  switch (key) {
    case 'score':
      return a.score !== b.score;
    case 'title':
      return TITLE_RANK[a.title] !== TITLE_RANK[b.title];
    case 'years_of_service':
      return a.yearsOfService !== b.yearsOfService;
    case 'birth_date':
      return a.birthDate !== b.birthDate;
    case 'staff_id':
      return a.staffId !== b.staffId;
  }
}

/**
 * Why `a` stands just above `b` when the first key of the run's tie-break order (rules.tieBreak, SPEC §3)
 * does not separate them: "与第8名同分、同职称，教龄较长". Null when the first key already decides.
 *
 * @example tieBreakFact(a, b, ['score', 'title', 'years_of_service', 'birth_date', 'staff_id'])
 */
export function tieBreakFact(a: Candidate, b: Candidate, order: readonly Key[]): string | null {
  const same: string[] = [];
  for (const key of order) {
    if (differs(key, a, b))
      return same.length === 0 ? null : `与第${b.rank}名${same.join('、')}，${WORDS[key].above}`;
    same.push(WORDS[key].same);
  }
  return null;
}

/** The engine's default order (engine/rules.ts), for runs whose rules the page has not loaded. */
export const DEFAULT_TIE_BREAK: readonly Key[] = [
  'score',
  'title',
  'years_of_service',
  'birth_date',
  'staff_id',
];
