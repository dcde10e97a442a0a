import {
  type Context,
  type PersonState,
  place,
  postKey,
  type RunState,
  schoolName,
  vacanciesLeft,
} from '../context';
import { deferredAcceptanceIndexed } from '../matching/deferred-acceptance';
import { serialDictatorship } from '../matching/serial-dictatorship';
import { sortByPriority } from '../priority';
import type { EngineWarning, Round2List, Staff } from '../types';
import { validChoices } from './choices';

/**
 * Round 2 (跨校竞聘): everyone still without a post applies with their valid choices to the posts left
 * after round 1 (reserved posts included). A "hospital" is one school's posts in the applicant's subject.
 * Deferred acceptance ranks applicants by the school's own applications score where it has one;
 * serial dictatorship lets people choose in county-wide priority order, school scores playing no part.
 */
export function crossSchoolRound(ctx: Context, state: RunState, warnings: EngineWarning[]): Round2List[] {
  const applicants = state.people.filter((p) => p.outcome === null);
  const choices = new Map<string, string[]>();
  const byId = new Map<string, PersonState>();
  const applied = new Map<string, PersonState[]>();
  for (const person of applicants) {
    byId.set(person.staff.id, person);
    const keys = validChoices(ctx, person, warnings).map((code) => postKey(code, person.staff.subject));
    choices.set(person.staff.id, keys);
    for (const key of keys) {
      const list = applied.get(key);
      if (list === undefined) applied.set(key, [person]);
      else list.push(person);
    }
  }

  const serial = ctx.rules.crossSchool.mechanism === 'serial_dictatorship';
  const schoolScore = (schoolCode: string) => {
    const scores = serial ? undefined : ctx.applications.get(schoolCode);
    return (s: Staff) => scores?.get(s.id) ?? s.score;
  };

  const capacity = new Map<string, number>();
  const rank = new Map<string, Map<string, number>>();
  const ranked = new Map<string, PersonState[]>();
  for (const [key, post] of ctx.posts) {
    capacity.set(key, vacanciesLeft(ctx, state, key));
    const score = schoolScore(post.schoolCode);
    const own = serial || !ctx.applications.has(post.schoolCode);
    const list = sortByPriority(
      ctx.priority,
      [...(applied.get(key) ?? [])],
      (p) => p.index,
      own ? null : (p) => score(p.staff),
    );
    ranked.set(key, list);
    rank.set(key, new Map(list.map((p, i) => [p.staff.id, i])));
  }

  let matching: Map<string, string>;
  if (serial) {
    const order = sortByPriority(ctx.priority, [...applicants], (p) => p.index, null).map((p) => p.staff.id);
    matching = serialDictatorship(order, choices, capacity, (h, a) => rank.get(h)?.has(a) === true);
  } else {
    matching = deferredAcceptanceOver(ctx, applicants, choices, ranked, capacity);
  }

  for (const [staffId, key] of matching) {
    const post = ctx.posts.get(key)!;
    place(state, byId.get(staffId)!, 'cross_school', post.schoolCode, post.subject, 2);
  }
  for (const person of applicants)
    describe(ctx, person, choices.get(person.staff.id) ?? [], ranked, rank, capacity);

  const lists: Round2List[] = [];
  for (const [key, list] of ranked) {
    const post = ctx.posts.get(key)!;
    const vacancies = capacity.get(key) ?? 0;
    if (list.length === 0 && vacancies === 0) continue;
    const score = schoolScore(post.schoolCode);
    lists.push({
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
  return lists;
}

/** Writes the round-2 line of a person's explanation and their standing. */
function describe(
  ctx: Context,
  person: PersonState,
  keys: readonly string[],
  ranked: ReadonlyMap<string, readonly PersonState[]>,
  rank: ReadonlyMap<string, ReadonlyMap<string, number>>,
  capacity: ReadonlyMap<string, number>,
): void {
  const standing = (key: string) => {
    const post = ctx.posts.get(key)!;
    const position = (rank.get(key)?.get(person.staff.id) ?? 0) + 1;
    return {
      of: ranked.get(key)?.length ?? 0,
      rank: position,
      schoolCode: post.schoolCode,
      subject: post.subject,
    };
  };
  const label = (key: string) => {
    const st = standing(key);
    const n = capacity.get(key) ?? 0;
    return `${schoolName(ctx, st.schoolCode)} (rank ${st.rank} of ${st.of} for ${n} ${n === 1 ? 'vacancy' : 'vacancies'})`;
  };
  // The person's own 志愿 number, which is what they wrote on the form.
  const wish = (key: string) => person.staff.choices.indexOf(ctx.posts.get(key)!.schoolCode) + 1;
  if (keys.length === 0) {
    person.steps.push('round 2: no valid choice (志愿) → round 3');
    return;
  }
  if (person.round === 2) {
    const key = postKey(person.schoolCode!, person.subject!);
    const k = keys.indexOf(key) + 1;
    person.round2 = standing(key);
    person.choiceRank = wish(key);
    const before = keys.slice(0, k - 1).map(label);
    const missed =
      before.length > 0 ? `; earlier choices went to higher-ranked applicants: ${before.join(', ')}` : '';
    person.steps.push(`round 2: 志愿${wish(key)} ${label(key)} → hired (跨校竞聘)${missed}`);
    return;
  }
  person.round2 = standing(keys[0]!);
  person.steps.push(`round 2: not admitted by any valid choice: ${keys.map(label).join(', ')} → round 3`);
}

/**
 * Deferred acceptance with the round's strings turned into indexes once: pair k is one applicant's valid
 * choice (applicants in order, each one's choices in order), ranked by its position in the school's list.
 * Returns staffId → post key for those admitted.
 */
function deferredAcceptanceOver(
  ctx: Context,
  applicants: readonly PersonState[],
  choices: ReadonlyMap<string, readonly string[]>,
  ranked: ReadonlyMap<string, readonly PersonState[]>,
  capacity: ReadonlyMap<string, number>,
): Map<string, string> {
  const keys = [...ranked.keys()];
  const hospitalOf = new Map(keys.map((key, h) => [key, h]));
  const firstPair = new Int32Array(ctx.dataset.staff.length);
  const start = new Int32Array(applicants.length + 1);
  const choice: number[] = [];
  applicants.forEach((person, a) => {
    firstPair[person.index] = choice.length;
    for (const key of choices.get(person.staff.id) ?? []) choice.push(hospitalOf.get(key)!);
    start[a + 1] = choice.length;
  });
  const choiceRank = new Float64Array(choice.length);
  keys.forEach((key, h) => {
    ranked.get(key)!.forEach((person, i) => {
      let k = firstPair[person.index]!;
      while (choice[k] !== h) k++;
      choiceRank[k] = i;
    });
  });
  const match = deferredAcceptanceIndexed({
    start,
    choice: Int32Array.from(choice),
    choiceRank,
    capacity: Int32Array.from(keys, (key) => capacity.get(key) ?? 0),
  });
  const matching = new Map<string, string>();
  match.forEach((h, a) => {
    if (h >= 0) matching.set(applicants[a]!.staff.id, keys[h]!);
  });
  return matching;
}
