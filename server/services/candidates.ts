import type { DirectHireReason } from '../../engine';
import type {
  AllocationResult,
  Outcome,
  Round1Candidate,
  Round2Applicant,
  SchoolReport,
} from '../../engine/types';
import type { Lang } from '../i18n/lang';
import { directHireWords } from '../render';

export interface SubjectCandidates {
  readonly subject: string;
  readonly posts: number;
  readonly reserved: number;
  readonly exempt: number;
  /** Who was hired directly (直聘) before round 1, and why, in staff-id order. */
  readonly directHires: readonly {
    readonly staffId: string;
    readonly name: string;
    readonly why: DirectHireReason;
    /** `why` in words. */
    readonly reason: string;
  }[];
  /** Posts open to round-1 competition (posts − reserved − exempt). */
  readonly capacity: number;
  readonly cutoff: number | null;
  /** Own staff competing in round 1, in rank order; empty for a merging school. */
  readonly round1: readonly Round1Candidate[];
  /** Round 2: posts open, and the applicants to this school in its rank order. */
  readonly round2: { readonly vacancies: number; readonly applicants: readonly Round2Applicant[] } | null;
}

export interface Mover {
  readonly staffId: string;
  readonly name: string;
  readonly outcome: Outcome;
  readonly subject: string | null;
  readonly round: number | null;
  /** The other school: where a leaver went (null when resigned or standby), where an arrival came from. */
  readonly schoolCode: string | null;
  readonly schoolName: string | null;
}

export interface SchoolCandidates {
  readonly school: SchoolReport;
  readonly subjects: readonly SubjectCandidates[];
  /** Own staff who do not hold a post here after the run. */
  readonly left: readonly Mover[];
  /** Staff of other schools who hold a post here after the run. */
  readonly arrived: readonly Mover[];
}

/** Plain code-unit order, as the engine sorts: never locale-dependent. */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What a principal sees of one run: per subject the round-1 list with cut-off and the round-2 applicants,
 * then who left and who arrived, with the reasons for direct hires in `lang`. Null when the school is not in
 * the run.
 */
export function schoolCandidates(
  result: AllocationResult,
  schoolCode: string,
  lang: Lang = 'zh',
): SchoolCandidates | null {
  const school = result.schools.find((s) => s.schoolCode === schoolCode);
  if (!school) return null;
  const names = new Map(result.schools.map((s) => [s.schoolCode, s.name]));

  const round1 = new Map(
    result.round1Lists.filter((l) => l.schoolCode === schoolCode).map((l) => [l.subject, l]),
  );
  const round2 = new Map(
    result.round2Lists.filter((l) => l.schoolCode === schoolCode).map((l) => [l.subject, l]),
  );
  const subjectNames = new Set([
    ...school.subjects.map((s) => s.subject),
    ...round1.keys(),
    ...round2.keys(),
  ]);
  const reports = new Map(school.subjects.map((s) => [s.subject, s]));
  const direct = new Map<string, SubjectCandidates['directHires'][number][]>();
  for (const p of result.placements) {
    if (p.schoolCode !== schoolCode || p.exemptReason === null || p.subject === null) continue;
    const list = direct.get(p.subject) ?? [];
    const why = p.exemptReason;
    list.push({ staffId: p.staffId, name: p.name, why, reason: directHireWords(why, lang) });
    direct.set(p.subject, list);
  }

  const subjects = [...subjectNames].sort(byText).map((subject): SubjectCandidates => {
    const r1 = round1.get(subject);
    const r2 = round2.get(subject);
    const report = reports.get(subject);
    return {
      subject,
      posts: r1?.posts ?? report?.posts ?? 0,
      reserved: r1?.reserved ?? report?.reserved ?? 0,
      exempt: r1?.exempt ?? report?.exempt ?? 0,
      directHires: direct.get(subject) ?? [],
      capacity: r1?.capacity ?? 0,
      cutoff: r1?.cutoff ?? null,
      round1: r1?.candidates ?? [],
      round2: r2 ? { vacancies: r2.vacancies, applicants: r2.applicants } : null,
    };
  });

  const left: Mover[] = [];
  const arrived: Mover[] = [];
  for (const p of result.placements) {
    if (p.fromSchoolCode === schoolCode && p.schoolCode !== schoolCode) {
      const to = p.schoolCode;
      left.push({ ...moverOf(p), schoolCode: to, schoolName: to === null ? null : (names.get(to) ?? null) });
    } else if (p.schoolCode === schoolCode && p.fromSchoolCode !== schoolCode) {
      const from = p.fromSchoolCode;
      arrived.push({ ...moverOf(p), schoolCode: from, schoolName: names.get(from) ?? null });
    }
  }
  return { school, subjects, left, arrived };
}

function moverOf(p: AllocationResult['placements'][number]): Omit<Mover, 'schoolCode' | 'schoolName'> {
  return { staffId: p.staffId, name: p.name, outcome: p.outcome, subject: p.subject, round: p.round };
}
