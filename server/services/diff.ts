import type { AllocationResult, Outcome, Placement, SchoolReport } from '../../engine/types';

export interface PersonState {
  readonly outcome: Outcome;
  readonly schoolCode: string | null;
  readonly subject: string | null;
  readonly round: number | null;
}

export interface PersonChange {
  readonly staffId: string;
  readonly name: string;
  /** Null when the person is absent from that run's dataset. */
  readonly before: PersonState | null;
  readonly after: PersonState | null;
}

const SCHOOL_FIGURES = ['posts', 'round1', 'round2', 'round3', 'vacancies', 'staffOut', 'staffIn'] as const;
type SchoolFigures = Record<(typeof SCHOOL_FIGURES)[number], number>;

export interface SchoolChange {
  readonly schoolCode: string;
  readonly name: string;
  readonly before: SchoolFigures | null;
  readonly after: SchoolFigures | null;
  /** Who holds a post here only after / only before: a swap leaves the figures equal but not the people. */
  readonly gained: readonly string[];
  readonly lost: readonly string[];
}

export interface RunDiff {
  readonly people: readonly PersonChange[];
  readonly schools: readonly SchoolChange[];
}

function stateOf(p: Placement): PersonState {
  return { outcome: p.outcome, schoolCode: p.schoolCode, subject: p.subject, round: p.round };
}

function figuresOf(s: SchoolReport): SchoolFigures {
  return Object.fromEntries(SCHOOL_FIGURES.map((k) => [k, s[k]])) as SchoolFigures;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What changed from run `before` to run `after`: the people whose outcome, school, subject or round differ (or who
 * are in only one run), and the schools whose figures differ. A score corrected on appeal shows up as
 * exactly the people it moved.
 */
export function diffRuns(before: AllocationResult, after: AllocationResult): RunDiff {
  const a = new Map(before.placements.map((p) => [p.staffId, p]));
  const b = new Map(after.placements.map((p) => [p.staffId, p]));
  const people: PersonChange[] = [];
  for (const id of [...new Set([...a.keys(), ...b.keys()])].sort(byText)) {
    const pa = a.get(id);
    const pb = b.get(id);
    const moved =
      !pa ||
      !pb ||
      pa.outcome !== pb.outcome ||
      pa.schoolCode !== pb.schoolCode ||
      // Round 3 may move someone to another subject at the same school when the rules allow it.
      pa.subject !== pb.subject ||
      pa.round !== pb.round;
    if (!moved) continue;
    people.push({
      staffId: id,
      name: (pb ?? pa)?.name ?? '',
      before: pa ? stateOf(pa) : null,
      after: pb ? stateOf(pb) : null,
    });
  }

  const holders = (r: AllocationResult) => {
    const m = new Map<string, Set<string>>();
    for (const p of r.placements) {
      if (p.schoolCode === null) continue;
      const set = m.get(p.schoolCode) ?? new Set<string>();
      set.add(p.staffId);
      m.set(p.schoolCode, set);
    }
    return m;
  };
  const ha = holders(before);
  const hb = holders(after);
  const minus = (x: Set<string> | undefined, y: Set<string> | undefined) =>
    [...(x ?? [])].filter((id) => !y?.has(id)).sort(byText);
  const sa = new Map(before.schools.map((s) => [s.schoolCode, s]));
  const sb = new Map(after.schools.map((s) => [s.schoolCode, s]));
  const schools: SchoolChange[] = [];
  for (const code of [...new Set([...sa.keys(), ...sb.keys()])].sort(byText)) {
    const xa = sa.get(code);
    const xb = sb.get(code);
    const gained = minus(hb.get(code), ha.get(code));
    const lost = minus(ha.get(code), hb.get(code));
    const same = xa && xb && SCHOOL_FIGURES.every((k) => xa[k] === xb[k]);
    if (same && gained.length === 0 && lost.length === 0) continue;
    schools.push({
      schoolCode: code,
      name: (xb ?? xa)?.name ?? '',
      before: xa ? figuresOf(xa) : null,
      after: xb ? figuresOf(xb) : null,
      gained,
      lost,
    });
  }
  return { people, schools };
}
