import { compareStrings } from '../canonical';
import { type Context, type PersonState, place, type RunState, vacanciesLeft } from '../context';
import { certCovers } from '../eligibility';
import { townshipDistanceKm } from '../geo';
import { MinCostFlow } from '../matching/min-cost-flow';
import { priorityComparator } from '../priority';
import type { RoundOutput } from './round';

/** People who are interchangeable for round 3: same subject, certificate and home township. */
interface PersonGroup {
  readonly subject: string;
  readonly certStage: PersonState['staff']['certStage'];
  readonly home: string | null;
  readonly members: PersonState[];
}

/** Seats that cost the same to anyone: same subject, stage and township. Schools in code order. */
interface SeatGroup {
  readonly subject: string;
  readonly stage: PersonGroup['certStage'];
  readonly township: string;
  /** One entry per vacancy, school codes in order. */
  readonly seats: string[];
}

/**
 * Round 3 (组织调剂): the bureau assigns whoever is still unplaced and accepts adjustment to the remaining
 * eligible vacancies by an optimal assignment — first the most people placed, then the least total
 * distance (plus the cross-subject penalty where the rules allow another subject). Costs depend only on
 * (home township, school township, subject match), so the exact min-cost flow runs over groups, not over
 * people × seats. Within a group, higher priority gets the nearer seat; whoever cannot be placed waits.
 */
export function administrativeRound(ctx: Context, state: RunState, out: RoundOutput): void {
  const { allowCrossSubject, crossSubjectPenaltyKm } = ctx.rules.administrative;
  const compare = priorityComparator(ctx.rules.tieBreak, (s) => s.score);
  const waiting: PersonState[] = [];
  for (const person of state.people) {
    if (person.outcome !== null) continue;
    if (!person.staff.acceptsAdjustment) {
      person.outcome = 'standby';
      person.steps.push({ kind: 'refuses_adjustment', round: 3 });
    } else {
      waiting.push(person);
    }
  }
  waiting.sort((a, b) => compare(a.staff, b.staff));
  if (ctx.townships.size > 0) {
    for (const p of [...waiting].sort((a, b) => compareStrings(a.staff.id, b.staff.id))) {
      const home = p.staff.homeTownship;
      if (home === null || ctx.townships.has(home)) continue;
      out.warnings.push({
        code: 'HOME_TOWNSHIP_UNKNOWN',
        schoolCode: null,
        staffId: p.staff.id,
        township: home,
      });
    }
  }

  const personGroups = new Map<string, PersonGroup>();
  for (const p of waiting) {
    const key = [p.staff.subject, p.staff.certStage, p.staff.homeTownship ?? ''].join('\u0001');
    const group = personGroups.get(key);
    if (group) group.members.push(p);
    else {
      personGroups.set(key, {
        subject: p.staff.subject,
        certStage: p.staff.certStage,
        home: p.staff.homeTownship,
        members: [p],
      });
    }
  }
  const seatGroups = new Map<string, SeatGroup>();
  for (const [key, post] of ctx.posts) {
    const left = vacanciesLeft(ctx, state, key);
    if (left === 0) continue;
    const school = ctx.schools.get(post.schoolCode)!;
    const gKey = [post.subject, school.stage, school.township].join('\u0001');
    const group = seatGroups.get(gKey) ?? {
      subject: post.subject,
      stage: school.stage,
      township: school.township,
      seats: [],
    };
    for (let i = 0; i < left; i++) group.seats.push(post.schoolCode);
    seatGroups.set(gKey, group);
  }

  // Without cross-subject moves each subject is its own independent problem: solving them apart keeps
  // every shortest-path search small.
  const component = (subject: string) => (allowCrossSubject ? '' : subject);
  const components = new Set([...personGroups.values()].map((g) => component(g.subject)));
  for (const c of [...components].sort()) {
    const people = [...personGroups.values()].filter((g) => component(g.subject) === c);
    const seats = [...seatGroups.values()].filter((g) => component(g.subject) === c);
    solveComponent(ctx, state, people, seats, crossSubjectPenaltyKm);
  }

  const eligibleSeats = (g: PersonGroup) =>
    [...seatGroups.values()]
      .filter((sg) => certCovers(g.certStage, sg.stage) && (allowCrossSubject || sg.subject === g.subject))
      .reduce((n, sg) => n + sg.seats.length, 0);
  for (const g of personGroups.values()) {
    const unplaced = g.members.filter((p) => p.outcome === null);
    if (unplaced.length === 0) continue;
    const vacancies = eligibleSeats(g);
    for (const p of unplaced) {
      p.outcome = 'standby';
      p.steps.push({ certStage: g.certStage, kind: 'no_vacancy', round: 3, subject: g.subject, vacancies });
    }
  }
}

function solveComponent(
  ctx: Context,
  state: RunState,
  people: readonly PersonGroup[],
  seats: readonly SeatGroup[],
  penaltyKm: number,
): void {
  const source = 0;
  const sink = 1;
  const graph = new MinCostFlow(2 + people.length + seats.length);
  seats.forEach((sg, j) => {
    graph.addEdge(2 + people.length + j, sink, sg.seats.length, 0);
  });
  const arcs: { pg: number; sg: number; edge: number; geoKm: number; km: number; costM: number }[] = [];
  people.forEach((pg, i) => {
    graph.addEdge(source, 2 + i, pg.members.length, 0);
    seats.forEach((sg, j) => {
      if (!certCovers(pg.certStage, sg.stage)) return;
      const cross = pg.subject !== sg.subject;
      const geoKm = townshipDistanceKm(ctx.townships, pg.home, sg.township);
      const km = geoKm + (cross ? penaltyKm : 0);
      // Whole metres keep the flow's arithmetic exact.
      const costM = Math.round(km * 1000);
      arcs.push({
        pg: i,
        sg: j,
        edge: graph.addEdge(2 + i, 2 + people.length + j, pg.members.length, costM),
        geoKm,
        km,
        costM,
      });
    });
  });
  graph.run(source, sink);

  const nextSeat = new Array<number>(seats.length).fill(0);
  const nextPerson = new Array<number>(people.length).fill(0);
  // Nearest seats first, so within a group the higher-priority person is sent the shorter way.
  const ordered = [...arcs].sort((a, b) => a.pg - b.pg || a.costM - b.costM || a.sg - b.sg);
  for (const arc of ordered) {
    const pg = people[arc.pg]!;
    const sg = seats[arc.sg]!;
    for (let n = graph.flowOn(arc.edge); n > 0; n--) {
      const person = pg.members[nextPerson[arc.pg]!]!;
      nextPerson[arc.pg]! += 1;
      const schoolCode = sg.seats[nextSeat[arc.sg]!]!;
      nextSeat[arc.sg]! += 1;
      place(state, person, schoolCode, sg.subject, 3);
      person.distanceKm = Math.round(arc.km * 1000) / 1000;
      person.steps.push({
        distanceKm: Math.round(arc.geoKm * 1000) / 1000,
        homeTownship: person.staff.homeTownship,
        kind: 'assigned',
        penaltyKm: sg.subject === person.staff.subject ? 0 : penaltyKm,
        round: 3,
        schoolCode,
        subject: sg.subject,
      });
    }
  }
}
