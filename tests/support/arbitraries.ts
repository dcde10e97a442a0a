import fc from 'fast-check';
import { type Dataset, EXEMPTIONS, type School, STAGES, type Staff, TITLES } from '../../engine/types';

const TOWNS = [
  { name: '凤城镇', lat: 35.486, lon: 112.422 },
  { name: '北留镇', lat: 35.55, lon: 112.53 },
  { name: '蟒河镇', lat: 35.25, lon: 112.35 },
];
const SUBJECTS = ['语文', '数学'];

/** A value about once in `oneIn` draws, null otherwise. */
function rarely<T>(arb: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | null> {
  return fc.oneof({ arbitrary: fc.constant(null), weight: oneIn - 1 }, { arbitrary: arb, weight: 1 });
}

export interface ArbitraryOptions {
  /** Give some schools an applications.csv shortlist with their own scores. */
  readonly applications?: boolean;
}

/**
 * Small random counties that exercise every rule at once: mixed stages, merging schools, reserved posts,
 * exemptions, barred and resigned staff, ties on score, choices that are unknown, duplicated or
 * ineligible, refusals of adjustment and unknown home townships.
 */
export function arbitraryDataset(options: ArbitraryOptions = {}): fc.Arbitrary<Dataset> {
  return fc
    .record({
      schools: fc.array(
        fc.record({
          stage: fc.constantFrom(...STAGES),
          town: fc.constantFrom(...TOWNS.map((t) => t.name)),
          merging: fc.nat(6).map((n) => n === 0),
        }),
        { minLength: 1, maxLength: 5 },
      ),
      posts: fc.array(fc.tuple(fc.nat(5), fc.nat(1), fc.nat(2)), { minLength: 10, maxLength: 10 }),
      staff: fc.array(
        fc.record({
          school: fc.nat(9),
          subject: fc.nat(1),
          cert: fc.constantFrom(...STAGES),
          title: fc.constantFrom(...TITLES),
          years: fc.nat(3),
          score: fc.integer({ min: 60, max: 64 }),
          birthYear: fc.integer({ min: 1960, max: 1990 }),
          gender: fc.constantFrom('M' as const, 'F' as const),
          exemption: rarely(fc.constantFrom(...EXEMPTIONS), 8),
          barred: rarely(fc.constant('师德考核不合格'), 12),
          resigned: fc.boolean(),
          choices: fc.array(fc.nat(6), { maxLength: 6 }),
          accepts: fc.boolean(),
          home: fc.option(fc.nat(2), { freq: 4 }),
          appScore: fc.option(fc.integer({ min: 0, max: 3 }), { freq: 2 }),
        }),
        { maxLength: 24 },
      ),
    })
    .map(({ schools, posts, staff: people }) => {
      const schoolRows: School[] = schools.map((s, i) => ({
        code: `S${i}`,
        name: `学校${i}`,
        stage: s.stage,
        township: s.town,
        area: 'rural',
        status: s.merging ? 'merging' : 'open',
      }));
      const postRows = schoolRows.flatMap((s, i) =>
        SUBJECTS.flatMap((subject, j) => {
          const [n, hasReserved, skip] = posts[(i * 2 + j) % posts.length]!;
          return skip === 2
            ? []
            : [{ schoolCode: s.code, subject, posts: n, reserved: Math.min(n, hasReserved) }];
        }),
      );
      const staffRows: Staff[] = people.map((p, i) => ({
        id: `T${String(i).padStart(2, '0')}`,
        name: `教师${i}`,
        gender: p.gender,
        birthDate: `${p.birthYear}-06-15`,
        schoolCode: `S${p.school % schoolRows.length}`,
        subject: SUBJECTS[p.subject]!,
        certStage: p.cert,
        title: p.title,
        yearsOfService: p.years,
        score: p.score,
        exemption: p.exemption,
        barred: p.barred,
        resigned: p.resigned && i % 5 === 0,
        // Index 6 names a school that does not exist, some indexes repeat: the engine must report both.
        choices: p.choices.map((c) => (c === 6 ? 'NOPE' : `S${c % schoolRows.length}`)),
        acceptsAdjustment: p.accepts || i % 2 === 0,
        homeTownship: p.home === null ? null : TOWNS[p.home]!.name,
      }));
      const applications = options.applications
        ? people.flatMap((p, i) =>
            p.appScore === null
              ? []
              : [
                  {
                    staffId: staffRows[i]!.id,
                    schoolCode: `S${(p.school + 1) % schoolRows.length}`,
                    score: p.appScore,
                  },
                ],
          )
        : [];
      return { schools: schoolRows, posts: postRows, staff: staffRows, townships: TOWNS, applications };
    });
}

/** The same dataset with every collection in another order. */
export function shuffled(d: Dataset, seed: number): Dataset {
  const perm = <T>(xs: readonly T[]): T[] => {
    const out = [...xs];
    let x = seed || 1;
    for (let i = out.length - 1; i > 0; i--) {
      x = (x * 48271) % 2147483647;
      const j = x % (i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  return {
    schools: perm(d.schools),
    posts: perm(d.posts),
    staff: perm(d.staff),
    townships: perm(d.townships),
    applications: perm(d.applications),
  };
}
