import { createHash } from 'node:crypto';
import type { Dataset, Rules } from './types';

/** Plain code-unit order: the same on every machine and locale, unlike localeCompare. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * JSON with object keys sorted at every depth, so equal values always give equal bytes.
 *
 * @example
 * canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }); // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareStrings)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The dataset with every collection in a fixed order, so that row order in the files never matters.
 * Choices keep their order: it is the person's preference.
 */
export function canonicalDataset(dataset: Dataset): Dataset {
  const by =
    <T>(...keys: ((x: T) => string)[]) =>
    (a: T, b: T): number => {
      for (const key of keys) {
        const c = compareStrings(key(a), key(b));
        if (c !== 0) return c;
      }
      return 0;
    };
  return {
    schools: [...dataset.schools].sort(by((s) => s.code)),
    posts: [...dataset.posts].sort(
      by(
        (p) => p.schoolCode,
        (p) => p.subject,
      ),
    ),
    staff: [...dataset.staff].sort(by((s) => s.id)),
    townships: [...dataset.townships].sort(by((t) => t.name)),
    applications: [...dataset.applications].sort(
      by(
        (a) => a.schoolCode,
        (a) => a.staffId,
      ),
    ),
  };
}

/**
 * The canonical input of a run: what is hashed into `inputHash` and what a stored run keeps, so that
 * `JSON.parse(canonicalInput(d, r))` replays to the identical result.
 */
export function canonicalInput(dataset: Dataset, rules: Rules): string {
  return canonicalJson({ dataset: canonicalDataset(dataset), rules });
}
