import type { Application, Dataset, Post, School, Staff, Township } from '../../engine/types';

/** Small hand-made datasets: every field has a plain default so a test states only what it is about. */
export function school(code: string, over: Partial<School> = {}): School {
  return {
    code,
    name: `学校${code}`,
    stage: 'middle',
    township: '凤城镇',
    area: 'urban',
    status: 'open',
    ...over,
  };
}

export function post(schoolCode: string, subject: string, posts: number, reserved = 0): Post {
  return { schoolCode, subject, posts, reserved };
}

export function staff(id: string, over: Partial<Staff> = {}): Staff {
  return {
    id,
    name: `教师${id}`,
    gender: 'M',
    birthDate: '1985-01-01',
    schoolCode: 'S1',
    subject: '语文',
    certStage: 'high',
    title: 'first',
    yearsOfService: 10,
    score: 80,
    exemption: null,
    barred: null,
    resigned: false,
    choices: [],
    acceptsAdjustment: true,
    homeTownship: null,
    ...over,
  };
}

export function township(name: string, lat: number, lon: number): Township {
  return { name, lat, lon };
}

export function application(staffId: string, schoolCode: string, score: number): Application {
  return { staffId, schoolCode, score };
}

export function dataset(parts: Partial<Dataset>): Dataset {
  return { schools: [], posts: [], staff: [], townships: [], applications: [], ...parts };
}
