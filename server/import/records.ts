import type { Application, Post, School, Staff, Township } from '../../engine/types';
import type { CsvKind } from './columns';
import type { RowReader } from './row-reader';
import { AREA, EXEMPTION, GENDER, SCHOOL_STATUS, STAGE, TITLE, YES_NO } from './vocabulary';

/** A domain record with the row it came from, so cross-file checks can point at the right cell. */
export interface Located<T> {
  readonly value: T;
  readonly at: RowReader;
}

const SCORE = { min: 0, max: 100, maxDecimals: 2, what: 'a score from 0 to 100' } as const;

export function readSchool(r: RowReader): School {
  return {
    code: r.text('school_code', 'a school code'),
    name: r.text('name', 'a school name'),
    stage: r.oneOf('stage', STAGE),
    township: r.text('township', 'a township name'),
    area: r.oneOf('area', AREA, 'rural'),
    status: r.oneOf('status', SCHOOL_STATUS, 'open'),
  };
}

export function readPost(r: RowReader): Post {
  const post: Post = {
    schoolCode: r.text('school_code', 'a school code'),
    subject: r.text('subject', 'a subject, e.g. 语文'),
    posts: r.count('posts'),
    reserved: r.count('reserved', 0),
  };
  if (r.ok && post.reserved > post.posts) {
    r.report(
      'reserved',
      `reserved ${post.reserved} is more than the ${post.posts} posts; expected 0 to ${post.posts}`,
    );
  }
  return post;
}

export function readStaff(r: RowReader): Staff {
  return {
    id: r.text('staff_id', 'a staff id'),
    name: r.text('name', 'a name'),
    gender: r.oneOf('gender', GENDER),
    birthDate: r.date('birth_date'),
    schoolCode: r.text('school_code', 'a school code'),
    subject: r.text('subject', 'a subject, e.g. 语文'),
    certStage: r.oneOf('cert_stage', STAGE),
    title: r.oneOf('title', TITLE),
    yearsOfService: r.count('years_of_service'),
    score: r.decimal('score', SCORE),
    exemption: r.optionalOneOf('exemption', EXEMPTION),
    barred: r.optionalText('barred'),
    resigned: r.oneOf('resigned', YES_NO, 'no') === 'yes',
    choices: r.choices(),
    acceptsAdjustment: r.oneOf('accepts_adjustment', YES_NO, 'yes') === 'yes',
    homeTownship: r.optionalText('home_township'),
  };
}

export function readTownship(r: RowReader): Township {
  return {
    name: r.text('township', 'a township name'),
    lat: r.decimal('lat', { min: -90, max: 90, what: 'a latitude in degrees' }),
    lon: r.decimal('lon', { min: -180, max: 180, what: 'a longitude in degrees' }),
  };
}

export function readApplication(r: RowReader): Application {
  return {
    staffId: r.text('staff_id', 'a staff id'),
    schoolCode: r.text('school_code', 'a school code'),
    // The school's own scale is not fixed by SPEC; the ≥ 0 and two-decimal limits keep it comparable.
    score: r.decimal('score', { min: 0, max: 1_000_000, maxDecimals: 2, what: "the school's score" }),
  };
}

/** The record each CSV kind's rows become. */
export interface RecordTypes {
  schools: School;
  posts: Post;
  staff: Staff;
  townships: Township;
  applications: Application;
}

/** Every CSV kind's row reader, for the loader to dispatch on. */
export const READERS: { readonly [K in CsvKind]: (r: RowReader) => RecordTypes[K] } = {
  schools: readSchool,
  posts: readPost,
  staff: readStaff,
  townships: readTownship,
  applications: readApplication,
};
