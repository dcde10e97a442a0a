import type { Application, Post, School, Staff, Township } from '../../engine/types';
import type { CsvKind } from './columns';
import { readIdNumber } from './id-number';
import type { RowReader } from './row-reader';
import { AREA, EXEMPTION, GENDER, SCHOOL_STATUS, STAGE, TITLE, YES_NO } from './vocabulary';

/** A domain record with the row it came from, so cross-file checks can point at the right cell. */
export interface Located<T> {
  readonly value: T;
  readonly at: RowReader;
}

const SCORE = { min: 0, max: 100, maxDecimals: 2 } as const;

export function readSchool(r: RowReader): School {
  return {
    code: r.code('school_code'),
    name: r.text('name'),
    stage: r.oneOf('stage', STAGE),
    township: r.text('township'),
    area: r.oneOf('area', AREA, 'rural'),
    status: r.oneOf('status', SCHOOL_STATUS, 'open'),
  };
}

export function readPost(r: RowReader): Post {
  const post: Post = {
    schoolCode: r.code('school_code'),
    subject: r.text('subject'),
    posts: r.count('posts'),
    reserved: r.count('reserved', 0),
  };
  if (r.ok && post.reserved > post.posts) {
    r.report('reserved', 'RESERVED_ABOVE_POSTS', { reserved: post.reserved, posts: post.posts });
  }
  return post;
}

export function readStaff(r: RowReader): Staff {
  const id = r.code('staff_id');
  const name = r.personName('name');
  const { gender, birthDate } = personal(r);
  return {
    id,
    name,
    gender,
    birthDate,
    schoolCode: r.code('school_code'),
    subject: r.text('subject'),
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

/**
 * Gender and birth date, from their columns or from the optional 身份证号 (GB 11643), which must agree
 * with them when both are given. The ID number itself goes no further than this check.
 */
function personal(r: RowReader): Pick<Staff, 'gender' | 'birthDate'> {
  const rawId = r.raw('id_number');
  if (rawId !== '' && /^[+-]?\d+(?:\.\d+)?E[+-]?\d+$/i.test(rawId)) {
    r.report('id_number', 'ID_SCIENTIFIC', { value: rawId });
  }
  const fromId = rawId === '' ? null : readIdNumber(rawId);
  if (fromId !== null && !fromId.ok && !/E/i.test(rawId))
    r.report('id_number', 'ID_NUMBER_INVALID', { reason: fromId.reason });
  const known = fromId?.ok ? fromId : null;
  const gender = known !== null && r.raw('gender') === '' ? known.gender : r.oneOf('gender', GENDER);
  const birthDate = known !== null && r.raw('birth_date') === '' ? known.birthDate : r.date('birth_date');
  if (known !== null && r.ok) {
    if (gender !== known.gender) r.report('gender', 'ID_NUMBER_MISMATCH', { field: 'gender' });
    if (birthDate !== known.birthDate) r.report('birth_date', 'ID_NUMBER_MISMATCH', { field: 'birth_date' });
  }
  return { gender, birthDate };
}

export function readTownship(r: RowReader): Township {
  return {
    name: r.text('township'),
    lat: r.decimal('lat', { min: -90, max: 90 }),
    lon: r.decimal('lon', { min: -180, max: 180 }),
  };
}

export function readApplication(r: RowReader): Application {
  return {
    staffId: r.code('staff_id'),
    schoolCode: r.code('school_code'),
    // The school's own scale is not fixed by SPEC; the ≥ 0 and two-decimal limits keep it comparable.
    score: r.decimal('score', { min: 0, max: 1_000_000, maxDecimals: 2 }),
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
