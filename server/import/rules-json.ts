import { z } from 'zod';
import { type PartialRules, withDefaults } from '../../engine/rules';
import { MECHANISMS, type Rules, TIE_BREAK_KEYS } from '../../engine/types';
import { isRealDate } from './fields';
import type { DatasetIssue } from './types';

const isoDate = z.string().refine((text) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match !== null && isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
}, 'expected a real date as YYYY-MM-DD, e.g. "2020-08-01"');

const age = z.int().min(1).max(100);

/** rules.json as SPEC §2 writes it: every field optional, unknown keys rejected at every level. */
const RulesFile = z.strictObject({
  asOf: isoDate.optional(),
  retirementAge: z.strictObject({ M: age.optional(), F: age.optional() }).optional(),
  nearRetirementYears: z.int().min(0).max(100).optional(),
  crossSchool: z
    .strictObject({
      mechanism: z.enum(MECHANISMS).optional(),
      maxChoices: z.int().min(1).optional(),
      noUpwardMoves: z.boolean().optional(),
    })
    .optional(),
  administrative: z
    .strictObject({
      allowCrossSubject: z.boolean().optional(),
      crossSubjectPenaltyKm: z.number().min(0).optional(),
    })
    .optional(),
  tieBreak: z
    .array(z.enum(TIE_BREAK_KEYS))
    .min(1)
    .refine((keys) => new Set(keys).size === keys.length, 'each tie-break key may appear only once')
    .optional(),
});

type RulesResult = { ok: true; rules: Rules } | { ok: false; issues: DatasetIssue[] };

/**
 * Validates a rules object (from rules.json or an API body) and fills the defaults.
 *
 * @example
 * parseRules({ crossSchool: { maxChoices: 3 } }); // { ok: true, rules: { …, crossSchool: { maxChoices: 3, … } } }
 * parseRules({ maxChoices: 3 }).ok; // false: unknown key at the top level
 */
export function parseRules(value: unknown, file = 'rules.json'): RulesResult {
  const parsed = RulesFile.safeParse(value);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((issue) => toIssue(file, issue)) };
  }
  return { ok: true, rules: withDefaults(dropUndefined(parsed.data)) };
}

/** Parses rules.json text, locating a syntax error by line and column. */
export function parseRulesText(text: string, file = 'rules.json'): RulesResult {
  if (text.trim() === '') return { ok: true, rules: withDefaults() };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(detail);
    const where = position === null ? null : lineAndColumn(text, Number(position[1]));
    const at = where === null ? '' : ` at line ${where.line}, column ${where.column}`;
    return {
      ok: false,
      issues: [
        {
          file,
          line: where?.line ?? null,
          column: where === null ? null : String(where.column),
          message: `not valid JSON${at} (${detail})`,
        },
      ],
    };
  }
  return parseRules(value, file);
}

function toIssue(file: string, issue: z.core.$ZodIssue): DatasetIssue {
  const path = issue.path.map(String).join('.');
  const column = path === '' ? null : path;
  if (issue.code === 'unrecognized_keys') {
    const where = path === '' ? 'rules.json' : path;
    return {
      file,
      line: null,
      column,
      message: `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} in ${where}; check the spelling (see SPEC §2 rules.json)`,
    };
  }
  return { file, line: null, column, message: `${path === '' ? 'rules' : path}: ${issue.message}` };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

type Defined<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/**
 * zod types an optional key as `key?: T | undefined`, which exactOptionalPropertyTypes will not pass
 * to {@link PartialRules}; an API body may also carry explicit undefineds. Both are simply "not given".
 */
function dropUndefined(data: z.infer<typeof RulesFile>): PartialRules {
  const compact = <T extends object>(o: T): Defined<T> =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Defined<T>;
  const { retirementAge, crossSchool, administrative, ...top } = data;
  return {
    ...compact(top),
    ...(retirementAge === undefined ? {} : { retirementAge: compact(retirementAge) }),
    ...(crossSchool === undefined ? {} : { crossSchool: compact(crossSchool) }),
    ...(administrative === undefined ? {} : { administrative: compact(administrative) }),
  };
}
