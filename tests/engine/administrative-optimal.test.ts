import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, certCovers, type Dataset, type Rules, STAGES, withDefaults } from '../../engine';
import { townshipDistanceKm } from '../../engine/geo';

const TOWNS = [
  { name: '凤城镇', lat: 35.486, lon: 112.422 },
  { name: '北留镇', lat: 35.55, lon: 112.53 },
  { name: '蟒河镇', lat: 35.25, lon: 112.35 },
  { name: '西河乡', lat: 35.6, lon: 112.3 },
];
const SUBJECTS = ['语文', '数学'];

/** Everyone starts at a merging school with no choices, so round 3 alone decides: the brute force's game. */
const round3Instance = fc
  .record({
    seats: fc.array(
      fc.record({
        stage: fc.constantFrom(...STAGES),
        town: fc.nat(3),
        subject: fc.nat(1),
        n: fc.integer({ min: 1, max: 2 }),
      }),
      {
        minLength: 1,
        maxLength: 4,
      },
    ),
    people: fc.array(
      fc.record({
        cert: fc.constantFrom(...STAGES),
        home: fc.option(fc.nat(3), { freq: 5 }),
        subject: fc.nat(1),
        score: fc.nat(3),
      }),
      {
        minLength: 1,
        maxLength: 6,
      },
    ),
    cross: fc.boolean(),
  })
  .map(({ seats, people, cross }) => {
    const data: Dataset = {
      schools: [
        {
          code: 'OLD',
          name: '撤并校',
          stage: 'primary',
          township: TOWNS[0]!.name,
          area: 'rural',
          status: 'merging',
        },
        ...seats.map((s, i) => ({
          code: `S${i}`,
          name: `学校${i}`,
          stage: s.stage,
          township: TOWNS[s.town]!.name,
          area: 'rural' as const,
          status: 'open' as const,
        })),
      ],
      posts: seats.map((s, i) => ({
        schoolCode: `S${i}`,
        subject: SUBJECTS[s.subject]!,
        posts: s.n,
        reserved: 0,
      })),
      staff: people.map((p, i) => ({
        id: `T${i}`,
        name: `教师${i}`,
        gender: 'F' as const,
        birthDate: '1990-01-01',
        schoolCode: 'OLD',
        subject: SUBJECTS[p.subject]!,
        certStage: p.cert,
        title: 'first' as const,
        yearsOfService: 5,
        score: 70 + p.score,
        exemption: null,
        barred: null,
        resigned: false,
        choices: [],
        acceptsAdjustment: true,
        homeTownship: p.home === null ? null : TOWNS[p.home]!.name,
      })),
      townships: TOWNS,
      applications: [],
    };
    return {
      data,
      rules: withDefaults({ administrative: { allowCrossSubject: cross, crossSubjectPenaltyKm: 30 } }),
    };
  });

/** Tries every assignment of people to seats: the most placed, then the least total cost in metres. */
function bruteForce(data: Dataset, rules: Rules): { placed: number; costM: number } {
  const towns = new Map(data.townships.map((t) => [t.name, t]));
  const schools = new Map(data.schools.map((s) => [s.code, s]));
  const seats = data.posts.flatMap((p) => Array.from({ length: p.posts }, () => p));
  const used = new Array<boolean>(seats.length).fill(false);
  let best = { placed: 0, costM: 0 };
  const visit = (i: number, placed: number, costM: number): void => {
    if (i === data.staff.length) {
      if (placed > best.placed || (placed === best.placed && costM < best.costM)) best = { placed, costM };
      return;
    }
    const s = data.staff[i]!;
    visit(i + 1, placed, costM);
    seats.forEach((seat, j) => {
      const school = schools.get(seat.schoolCode)!;
      const cross = seat.subject !== s.subject;
      if (
        used[j] ||
        !certCovers(s.certStage, school.stage) ||
        (cross && !rules.administrative.allowCrossSubject)
      )
        return;
      const km =
        townshipDistanceKm(towns, s.homeTownship, school.township) +
        (cross ? rules.administrative.crossSubjectPenaltyKm : 0);
      used[j] = true;
      visit(i + 1, placed + 1, costM + Math.round(km * 1000));
      used[j] = false;
    });
  };
  visit(0, 0, 0);
  return best;
}

describe('round 3 is an optimal assignment', () => {
  it('places as many people as the brute force, at the same least total distance', () => {
    fc.assert(
      fc.property(round3Instance, ({ data, rules }) => {
        const r = allocate(data, rules);
        const placed = r.placements.filter((p) => p.round === 3);
        const costM = placed.reduce((sum, p) => sum + Math.round(p.distanceKm! * 1000), 0);
        expect({ placed: placed.length, costM }).toEqual(bruteForce(data, rules));
        expect(r.fairness.eligibilityViolations + r.fairness.capacityViolations).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
