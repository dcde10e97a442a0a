import { type Context, type PersonState, place, postKey, type RunState, vacanciesLeft } from '../context';
import { decidingKey } from '../deciding-key';
import { deferredAcceptance } from '../matching/deferred-acceptance';
import { serialDictatorship } from '../matching/serial-dictatorship';
import { priorityComparator } from '../priority';
import type { ChoiceStanding } from '../steps';
import type { Staff } from '../types';
import { validChoices } from './choices';
import type { RoundOutput } from './round';

/**
 * Round 2 (跨校竞聘): everyone still without a post applies with their valid choices to the posts left
 * after round 1 (reserved posts included). A "hospital" is one school's posts in the applicant's subject.
 * Deferred acceptance ranks applicants by the school's own applications score where it has one;
 * serial dictatorship lets people choose in county-wide priority order, school scores playing no part.
 */
export function crossSchoolRound(ctx: Context, state: RunState, out: RoundOutput): void {
  const applicants = state.people.filter((p) => p.outcome === null);
  const choices = new Map<string, string[]>();
  const byId = new Map<string, PersonState>();
  const applied = new Map<string, PersonState[]>();
  for (const person of applicants) {
    byId.set(person.staff.id, person);
    const keys = validChoices(ctx, person, out.warnings).map((code) => postKey(code, person.staff.subject));
    choices.set(person.staff.id, keys);
    for (const key of keys) {
      const list = applied.get(key);
      if (list === undefined) applied.set(key, [person]);
      else list.push(person);
    }
  }

  const serial = ctx.rules.crossSchool.mechanism === 'serial_dictatorship';
  // A school that filed applications ranks by them under deferred acceptance; its shortlist admits no one
  // else, so everyone it ranks has such a score.
  const byApplications = (schoolCode: string) => !serial && ctx.applications.has(schoolCode);
  const schoolScore = (schoolCode: string) => (s: Staff) =>
    byApplications(schoolCode) ? (ctx.applications.get(schoolCode)?.get(s.id) ?? s.score) : s.score;

  const capacity = new Map<string, number>();
  const rank = new Map<string, Map<string, number>>();
  const ranked = new Map<string, PersonState[]>();
  for (const [key, post] of ctx.posts) {
    capacity.set(key, vacanciesLeft(ctx, state, key));
    const compare = priorityComparator(ctx.rules.tieBreak, schoolScore(post.schoolCode));
    const list = [...(applied.get(key) ?? [])].sort((a, b) => compare(a.staff, b.staff));
    ranked.set(key, list);
    rank.set(key, new Map(list.map((p, i) => [p.staff.id, i])));
  }

  let matching: Map<string, string>;
  if (serial) {
    const compare = priorityComparator(ctx.rules.tieBreak, (s) => s.score);
    const order = [...applicants].sort((a, b) => compare(a.staff, b.staff)).map((p) => p.staff.id);
    matching = serialDictatorship(order, choices, capacity, (h, a) => rank.get(h)?.has(a) === true);
  } else {
    matching = deferredAcceptance({ prefs: choices, capacity, rank });
  }

  for (const [staffId, key] of matching) {
    const post = ctx.posts.get(key)!;
    place(state, byId.get(staffId)!, post.schoolCode, post.subject, 2);
  }
  // The last person each school admitted, in its own order: what anyone ranked below them missed.
  const lastAdmitted = new Map<string, PersonState>();
  for (const [key, list] of ranked) {
    for (const p of list) if (matching.get(p.staff.id) === key) lastAdmitted.set(key, p);
  }
  const standing = (person: PersonState, key: string): ChoiceStanding => {
    const post = ctx.posts.get(key)!;
    const score = schoolScore(post.schoolCode);
    const last = lastAdmitted.get(key);
    return {
      choice: person.staff.choices.indexOf(post.schoolCode) + 1,
      decidedBy:
        last === undefined || last === person
          ? null
          : decidingKey(ctx.rules.tieBreak, score, last.staff, person.staff),
      lastAdmitted: last === undefined ? null : { score: score(last.staff), staffId: last.staff.id },
      of: ranked.get(key)?.length ?? 0,
      rank: (rank.get(key)?.get(person.staff.id) ?? 0) + 1,
      schoolCode: post.schoolCode,
      score: score(person.staff),
      scoreBasis: byApplications(post.schoolCode) ? 'application' : 'composite',
      subject: post.subject,
      vacancies: capacity.get(key) ?? 0,
    };
  };
  for (const person of applicants) describe(person, choices.get(person.staff.id) ?? [], standing);

  for (const [key, list] of ranked) {
    const post = ctx.posts.get(key)!;
    const vacancies = capacity.get(key) ?? 0;
    if (list.length === 0 && vacancies === 0) continue;
    const score = schoolScore(post.schoolCode);
    out.round2Lists.push({
      applicants: list.map((p, i) => ({
        admitted: p.round === 2 && p.schoolCode === post.schoolCode,
        choiceRank: p.staff.choices.indexOf(post.schoolCode) + 1,
        name: p.staff.name,
        rank: i + 1,
        score: score(p.staff),
        staffId: p.staff.id,
      })),
      schoolCode: post.schoolCode,
      subject: post.subject,
      vacancies,
    });
  }
}

/**
 * Writes the person's round-2 steps: for every valid 志愿 above the one obtained (all of them when none
 * was), where they stood against the last person admitted there; then the 志愿 obtained, if any.
 */
function describe(
  person: PersonState,
  keys: readonly string[],
  standing: (person: PersonState, key: string) => ChoiceStanding,
): void {
  if (keys.length === 0) {
    person.steps.push({ kind: 'no_valid_choice', round: 2 });
    return;
  }
  const obtained = person.round === 2 ? keys.indexOf(postKey(person.schoolCode!, person.subject!)) : -1;
  for (const key of obtained === -1 ? keys : keys.slice(0, obtained)) {
    person.steps.push(asStep('not_higher', standing(person, key)));
  }
  if (obtained === -1) {
    person.round2 = listStanding(standing(person, keys[0]!));
    person.steps.push({ kind: 'not_admitted', round: 2 });
    return;
  }
  const got = standing(person, keys[obtained]!);
  person.round2 = listStanding(got);
  person.choiceRank = got.choice;
  person.steps.push(asStep('admitted', got));
}

/** A standing as a step, keys in sorted order like every result object (see engine/canonical.ts). */
function asStep<K extends 'not_higher' | 'admitted'>(kind: K, s: ChoiceStanding) {
  return {
    choice: s.choice,
    decidedBy: s.decidedBy,
    kind,
    lastAdmitted: s.lastAdmitted,
    of: s.of,
    rank: s.rank,
    round: 2 as const,
    schoolCode: s.schoolCode,
    score: s.score,
    scoreBasis: s.scoreBasis,
    subject: s.subject,
    vacancies: s.vacancies,
  };
}

function listStanding(s: ChoiceStanding) {
  return { of: s.of, rank: s.rank, schoolCode: s.schoolCode, subject: s.subject };
}
