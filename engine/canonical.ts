import { createHash } from 'node:crypto';
import type { Dataset, Rules } from './types';

/** Plain code-unit order: the same on every machine and locale, unlike localeCompare. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * JSON with object keys sorted at every depth and no white space, so equal values always give equal bytes
 * (the same bytes as Python's `json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`,
 * so an auditor can recompute a hash without this code). Written in one pass, without copying the value:
 * it serialises every run's whole result, so it sits on the hot path.
 *
 * @example
 * canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }); // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return emit(value);
}

function emit(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return Number.isFinite(v) ? String(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object': {
      if (v === null) return 'null';
      if (Array.isArray(v)) {
        let out = '[';
        for (let i = 0; i < v.length; i++)
          out += (i > 0 ? ',' : '') + (v[i] === undefined ? 'null' : emit(v[i]));
        return `${out}]`;
      }
      const obj = v as Record<string, unknown>;
      const keys = Object.keys(obj);
      if (!isSorted(keys)) keys.sort(compareStrings);
      let out = '{';
      let first = true;
      for (const key of keys) {
        const x = obj[key];
        if (x === undefined || typeof x === 'function') continue;
        out += `${first ? '' : ','}${JSON.stringify(key)}:${emit(x)}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      return 'null';
  }
}

function isSorted(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return false;
  return true;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Array elements serialised per update: chunks of this size stay well under V8's large-object threshold,
 * so their strings die young in the nursery instead of piling up for full collections.
 */
const CHUNK = 256;

/**
 * SHA-256 of `JSON.stringify(value)` without ever holding that string: long arrays are written in chunks.
 * A county 100 times 阳城's size has a result of a few hundred MB, and one string of that size costs more
 * in memory and garbage collection than all three rounds. `value` must be canonical already
 * (see {@link sortedJson}).
 */
export function sha256Json(value: unknown): string {
  const hash = createHash('sha256');
  const write = (v: unknown, depth: number): void => {
    if (Array.isArray(v) && v.length > CHUNK) {
      hash.update('[');
      for (let i = 0; i < v.length; i += CHUNK) {
        // Drop the chunk's own brackets: V8 makes a long substring a view of its parent (no copy), and the
        // hash encodes the text once; going through Buffer.from costs an extra buffer per chunk.
        const text = JSON.stringify(v.slice(i, i + CHUNK));
        if (i > 0) hash.update(',');
        hash.update(text.slice(1, -1), 'utf8');
      }
      hash.update(']');
    } else if (depth < 3 && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      let first = true;
      hash.update('{');
      for (const [key, x] of Object.entries(v)) {
        if (x === undefined || typeof x === 'function') continue;
        hash.update(`${first ? '' : ','}${JSON.stringify(key)}:`);
        write(x, depth + 1);
        first = false;
      }
      hash.update('}');
    } else {
      hash.update(JSON.stringify(v) ?? 'null');
    }
  };
  write(value, 0);
  return hash.digest('hex');
}

/**
 * `JSON.stringify` for values the engine built itself, whose object keys are already in sorted order: the
 * native serialiser is several times faster than {@link canonicalJson} on a county's result, and
 * gives the same bytes. tests/engine/canonical.test.ts holds every result type to that promise.
 */
export function sortedJson(value: unknown): string {
  return JSON.stringify(value);
}

const by =
  <T>(...keys: ((x: T) => string)[]) =>
  (a: T, b: T): number => {
    for (const key of keys) {
      const c = compareStrings(key(a), key(b));
      if (c !== 0) return c;
    }
    return 0;
  };

/**
 * The dataset with every collection in a fixed order and every record rebuilt with exactly its domain
 * fields, keys sorted — so row order, extra properties or the loader's key order never reach a hash.
 * Choices keep their order: it is the person's preference.
 */
export function canonicalDataset(d: Dataset): Dataset {
  return {
    applications: d.applications
      .map((a) => ({ schoolCode: a.schoolCode, score: a.score, staffId: a.staffId }))
      .sort(
        by(
          (a) => a.schoolCode,
          (a) => a.staffId,
        ),
      ),
    posts: d.posts
      .map((p) => ({ posts: p.posts, reserved: p.reserved, schoolCode: p.schoolCode, subject: p.subject }))
      .sort(
        by(
          (p) => p.schoolCode,
          (p) => p.subject,
        ),
      ),
    schools: d.schools
      .map((s) => ({
        area: s.area,
        code: s.code,
        name: s.name,
        stage: s.stage,
        status: s.status,
        township: s.township,
      }))
      .sort(by((s) => s.code)),
    staff: d.staff
      .map((s) => ({
        acceptsAdjustment: s.acceptsAdjustment,
        barred: s.barred,
        birthDate: s.birthDate,
        certStage: s.certStage,
        choices: [...s.choices],
        exemption: s.exemption,
        gender: s.gender,
        homeTownship: s.homeTownship,
        id: s.id,
        name: s.name,
        resigned: s.resigned,
        schoolCode: s.schoolCode,
        score: s.score,
        subject: s.subject,
        title: s.title,
        yearsOfService: s.yearsOfService,
      }))
      .sort(by((s) => s.id)),
    townships: d.townships.map((t) => ({ lat: t.lat, lon: t.lon, name: t.name })).sort(by((t) => t.name)),
  };
}

/** The rules with exactly their fields, keys sorted (see {@link canonicalDataset}). */
export function canonicalRules(r: Rules): Rules {
  return {
    administrative: {
      allowCrossSubject: r.administrative.allowCrossSubject,
      crossSubjectPenaltyKm: r.administrative.crossSubjectPenaltyKm,
    },
    asOf: r.asOf,
    crossSchool: {
      maxChoices: r.crossSchool.maxChoices,
      mechanism: r.crossSchool.mechanism,
      noUpwardMoves: r.crossSchool.noUpwardMoves,
    },
    nearRetirementYears: r.nearRetirementYears,
    retirementAge: { F: r.retirementAge.F, M: r.retirementAge.M },
    tieBreak: [...r.tieBreak],
  };
}

/**
 * The canonical input of a run: what is hashed into `inputHash` and what a stored run keeps, so that
 * `JSON.parse(canonicalInput(d, r))` replays to the identical result.
 */
export function canonicalInput(dataset: Dataset, rules: Rules): string {
  return sortedJson({ dataset: canonicalDataset(dataset), rules: canonicalRules(rules) });
}
