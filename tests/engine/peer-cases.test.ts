import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  checkFairness,
  DEFAULT_RULES,
  type Placement,
  type Rules,
  withDefaults,
} from '../../engine';
import { application, dataset, post, school, staff } from '../support/builders';

/**
 * Conformance with the stable-matching literature and peer libraries (tests/engine/peer-cases, sources in its README): each
 * hospital/resident instance is mapped onto a county — hospitals become schools with posts, residents
 * become staff of a merging school whose choices are their lists, each hospital's ranking becomes its
 * applications.csv scores — and round 2 must return the published resident-optimal matching exactly.
 */
const CASES_DIR = join(import.meta.dirname, 'peer-cases');

interface HrInstance {
  residents: Record<string, string[]>;
  hospitals: Record<string, { prefs: string[]; capacity: number }>;
}
interface Matching {
  matching: Record<string, string[]>;
  unmatched: string[];
}
interface PeerCase {
  id: string;
  kind: 'hr' | 'hr_check' | 'serial_dictatorship';
  instance: HrInstance & {
    individuals: Record<string, string[]>;
    priority: string[];
    capacity: Record<string, number>;
  };
  expected: { resident?: Matching; assignment?: Record<string, string> };
  checks?: {
    name: string;
    matching: Record<string, string[]>;
    expected: { valid: boolean; stable?: boolean; blocking_pairs?: [string, string][] };
  }[];
}

const cases: PeerCase[] = readdirSync(CASES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(CASES_DIR, f), 'utf8')) as PeerCase);

// School and staff codes carry a prefix so a hospital called "M" can never collide with the origin school.
const H = (id: string) => `H:${id}`;
const R = (id: string) => `R:${id}`;
const ORIGIN = 'ORIGIN';
const RULES: Rules = withDefaults({ crossSchool: { maxChoices: 50 } });

function toDataset(inst: HrInstance) {
  const hospitals = Object.entries(inst.hospitals);
  return dataset({
    schools: [school(ORIGIN, { status: 'merging' }), ...hospitals.map(([h]) => school(H(h)))],
    // A hospital that ranks nobody accepts nobody; with no applications rows a school would accept
    // everyone by 综合得分, so such a hospital is given no posts, which is the same thing.
    posts: hospitals.map(([h, v]) => post(H(h), '语文', v.prefs.length > 0 ? v.capacity : 0)),
    staff: Object.entries(inst.residents).map(([r, list]) =>
      staff(R(r), { schoolCode: ORIGIN, score: 60, choices: list.map(H), acceptsAdjustment: false }),
    ),
    applications: hospitals.flatMap(([h, v]) =>
      v.prefs.map((r, i) => application(R(r), H(h), v.prefs.length - i)),
    ),
  });
}

function round2Matching(placements: readonly Placement[], inst: HrInstance): Matching {
  const matching: Record<string, string[]> = Object.fromEntries(
    Object.keys(inst.hospitals).map((h) => [h, []]),
  );
  const unmatched: string[] = [];
  for (const p of placements) {
    const r = p.staffId.slice(2);
    if (p.round === 2 && p.schoolCode !== null) matching[p.schoolCode.slice(2)]!.push(r);
    else unmatched.push(r);
  }
  return normalise({ matching, unmatched });
}

function normalise(m: Matching): Matching {
  return {
    matching: Object.fromEntries(Object.entries(m.matching).map(([h, rs]) => [h, [...rs].sort()])),
    unmatched: [...m.unmatched].sort(),
  };
}

describe('peer cases: round 2 reproduces the resident-optimal stable matching', () => {
  const hr = cases.filter((c) => c.kind === 'hr' && c.expected.resident !== undefined);
  it('covers every hospital/resident case on file', () => {
    expect(hr.length).toBeGreaterThanOrEqual(15);
  });
  it.each(hr.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const result = allocate(toDataset(c.instance), RULES);
    const expected = c.expected.resident!;
    const full = {
      ...Object.fromEntries(Object.keys(c.instance.hospitals).map((h) => [h, []])),
      ...expected.matching,
    };
    expect(round2Matching(result.placements, c.instance)).toEqual(
      normalise({ matching: full, unmatched: expected.unmatched }),
    );
    expect(result.fairness.justifiedEnvy).toBe(0);
    expect(result.fairness.wastefulness).toBe(0);
  });
});

describe('peer cases: the fairness audit judges candidate matchings as the literature does', () => {
  for (const c of cases.filter((x) => x.kind === 'hr_check')) {
    const data = toDataset(c.instance);
    it.each(c.checks!.map((k) => [k.name, k] as const))(`${c.id} %s`, (_name, check) => {
      const where = new Map<string, string>();
      for (const [h, rs] of Object.entries(check.matching)) for (const r of rs) where.set(R(r), H(h));
      const placements = data.staff.map((s): Placement => {
        const at = where.get(s.id) ?? null;
        return {
          staffId: s.id,
          name: s.name,
          outcome: at === null ? 'standby' : 'cross_school',
          schoolCode: at,
          subject: at === null ? null : '语文',
          round: at === null ? null : 2,
          fromSchoolCode: ORIGIN,
          exemptReason: null,
          round1: null,
          round2: null,
          choiceRank: null,
          distanceKm: null,
          steps: [],
        };
      });
      const f = checkFairness(data, RULES, placements);
      expect(f.capacityViolations + f.eligibilityViolations === 0).toBe(check.expected.valid);
      if (check.expected.stable !== undefined) {
        expect(f.justifiedEnvy + f.wastefulness === 0).toBe(check.expected.stable);
        const pairs = f.envyPairs.map((e) => [e.staffId.slice(2), e.schoolCode.slice(2)]);
        expect(pairs).toEqual(check.expected.blocking_pairs);
      }
    });
  }
});

describe('peer cases: serial dictatorship', () => {
  for (const c of cases.filter((x) => x.kind === 'serial_dictatorship')) {
    it(c.id, () => {
      const { individuals, priority, capacity } = c.instance;
      const data = dataset({
        schools: [school(ORIGIN, { status: 'merging' }), ...Object.keys(capacity).map((o) => school(H(o)))],
        posts: Object.entries(capacity).map(([o, n]) => post(H(o), '语文', n)),
        staff: priority.map((i, rank) =>
          staff(R(i), {
            schoolCode: ORIGIN,
            score: 90 - rank,
            choices: individuals[i]!.map(H),
            acceptsAdjustment: false,
          }),
        ),
      });
      const rules = withDefaults({ ...DEFAULT_RULES, crossSchool: { mechanism: 'serial_dictatorship' } });
      const got = Object.fromEntries(
        allocate(data, rules).placements.map((p) => [p.staffId.slice(2), p.schoolCode?.slice(2)]),
      );
      expect(got).toEqual(c.expected.assignment);
    });
  }
});
