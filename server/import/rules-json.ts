import { z } from 'zod';
import { type PartialRules, withDefaults } from '../../engine/rules';
import { MECHANISMS, type Rules, TIE_BREAK_KEYS } from '../../engine/types';
import { DEFAULT_LANG, type Lang } from '../i18n/lang';
import { isRealDate } from './fields';
import { MAX_LISTED } from './limits';
import { type MessageCode, type MessageParams, renderMessage } from './messages';
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

type RulesResult =
  | { ok: true; rules: Rules }
  | { ok: false; issues: DatasetIssue[] /** Problems beyond those listed. */; moreIssues?: number };

/**
 * Validates a rules object (from rules.json or an API body) and fills the defaults.
 *
 * @example
 * parseRules({ crossSchool: { maxChoices: 3 } }); // { ok: true, rules: { …, crossSchool: { maxChoices: 3, … } } }
 * parseRules({ maxChoices: 3 }).ok; // false: unknown key at the top level
 */
export function parseRules(value: unknown, file = 'rules.json', lang: Lang = DEFAULT_LANG): RulesResult {
  const parsed = RulesFile.safeParse(value);
  if (!parsed.success) {
    // Capped: an 18 MB body of bad entries must not become millions of issue objects.
    return {
      ok: false,
      issues: parsed.error.issues.slice(0, MAX_LISTED).map((issue) => toIssue(file, issue, lang)),
      ...(parsed.error.issues.length > MAX_LISTED && { moreIssues: parsed.error.issues.length - MAX_LISTED }),
    };
  }
  return { ok: true, rules: withDefaults(dropUndefined(parsed.data)) };
}

/** Parses rules.json text, locating a syntax error by line and column. */
export function parseRulesText(text: string, file = 'rules.json', lang: Lang = DEFAULT_LANG): RulesResult {
  if (text.trim() === '') return { ok: true, rules: withDefaults() };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(detail);
    const where = position === null ? null : lineAndColumn(text, Number(position[1]));
    const issue = made(file, where?.line ?? null, where === null ? null : String(where.column), lang);
    const at = where === null ? {} : { line: where.line, column: where.column };
    return { ok: false, issues: [issue('RULES_JSON_SYNTAX', { ...at, detail: detail.slice(0, 200) })] };
  }
  return parseRules(value, file, lang);
}

function made(file: string, line: number | null, column: string | null, lang: Lang) {
  return (code: MessageCode, params: MessageParams): DatasetIssue => ({
    code,
    file,
    line,
    column,
    message: renderMessage(code, params, lang),
  });
}

function toIssue(file: string, issue: z.core.$ZodIssue, lang: Lang): DatasetIssue {
  const path = issue.path.map(String).join('.').slice(0, 80);
  const at = made(file, null, path === '' ? null : path, lang);
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys
      .slice(0, 10)
      .map((k) => `"${k.slice(0, 40)}"`)
      .join(', ');
    return at('RULES_UNKNOWN_KEY', {
      keys,
      count: issue.keys.length,
      where: path === '' ? 'rules.json' : path,
    });
  }
  return at('RULES_INVALID_VALUE', {
    path: path === '' ? 'rules' : path,
    detail: issue.message.slice(0, 200),
  });
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
