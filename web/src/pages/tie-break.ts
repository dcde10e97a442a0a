import type { Candidates } from '../api/types';

type Candidate = Candidates['subjects'][number]['round1'][number];

const TITLE_RANK: Record<Candidate['title'], number> = {
  senior_professor: 6,
  senior: 5,
  first: 4,
  second: 3,
  third: 2,
  none: 1,
};

/**
 * Why `a` stands above `b` when their scores are equal, by the default tie-break order (SPEC §3: higher
 * title, more years of service, older, smaller 工号). Null when the scores differ.
 */
export function tieBreakFact(a: Candidate, b: Candidate): string | null {
  if (a.score !== b.score) return null;
  if (TITLE_RANK[a.title] !== TITLE_RANK[b.title]) return `与第${b.rank}名同分，职称较高`;
  if (a.yearsOfService !== b.yearsOfService) return `与第${b.rank}名同分、同职称，教龄较长`;
  if (a.birthDate !== b.birthDate) return `与第${b.rank}名同分、同职称、同教龄，年龄较大`;
  return `与第${b.rank}名各项相同，工号较小`;
}
