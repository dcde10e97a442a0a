import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../engine/rules';
import { parseDataset, parseRules } from './index';
import { files, parseEn } from './testdata/inline';

describe('parseRules', () => {
  it('fills every missing field from the defaults, nested fields one by one', () => {
    expect(parseRules({})).toEqual({ ok: true, rules: DEFAULT_RULES });
    expect(
      parseRules({
        asOf: '2021-09-01',
        crossSchool: { maxChoices: 3 },
        retirementAge: { F: 50 },
        tieBreak: ['score'],
      }),
    ).toEqual({
      ok: true,
      rules: {
        ...DEFAULT_RULES,
        asOf: '2021-09-01',
        retirementAge: { M: 60, F: 50 },
        crossSchool: { ...DEFAULT_RULES.crossSchool, maxChoices: 3 },
        tieBreak: ['score'],
      },
    });
  });

  it('treats explicit undefined (an API body) as not given', () => {
    expect(parseRules({ asOf: undefined, crossSchool: { mechanism: undefined } })).toEqual({
      ok: true,
      rules: DEFAULT_RULES,
    });
  });

  it('rejects unknown keys at the top and nested', () => {
    expect(
      parseRules({ maxChoices: 3, crossSchool: { mechansim: 'serial_dictatorship' } }, 'rules.json', 'en'),
    ).toEqual({
      ok: false,
      issues: [
        {
          code: 'RULES_UNKNOWN_KEY',
          file: 'rules.json',
          line: null,
          column: 'crossSchool',
          message: 'unknown key "mechansim" in crossSchool; check the spelling (see SPEC §2 rules.json)',
        },
        {
          code: 'RULES_UNKNOWN_KEY',
          file: 'rules.json',
          line: null,
          column: null,
          message: 'unknown key "maxChoices" in rules.json; check the spelling (see SPEC §2 rules.json)',
        },
      ],
    });
  });

  it('rejects bad values, naming each field', () => {
    const result = parseRules(
      {
        asOf: '2020-02-30',
        crossSchool: { maxChoices: 0, mechanism: 'lottery' },
        tieBreak: ['score', 'title', 'score'],
      },
      'rules.json',
      'en',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.column)).toEqual([
      'asOf',
      'crossSchool.mechanism',
      'crossSchool.maxChoices',
      'tieBreak',
    ]);
    expect(result.issues[0]?.message).toBe('asOf: expected a real date as YYYY-MM-DD, e.g. "2020-08-01"');
    expect(result.issues[3]?.message).toBe('tieBreak: each tie-break key may appear only once');
    expect(parseRules({ tieBreak: ['age'] }).ok).toBe(false);
    expect(parseRules({ crossSchool: { maxChoices: 2.5 } }).ok).toBe(false);
    expect(parseRules(null).ok).toBe(false);
    expect(parseRules([]).ok).toBe(false);
  });
});

describe('rules.json inside a dataset', () => {
  it('applies a partial rules.json over the defaults', async () => {
    const result = await parseDataset(
      files({ rules: '{ "crossSchool": { "mechanism": "serial_dictatorship" } }' }),
    );
    expect(result.ok && result.rules).toEqual({
      ...DEFAULT_RULES,
      crossSchool: { ...DEFAULT_RULES.crossSchool, mechanism: 'serial_dictatorship' },
    });
    expect(result.ok && result.files.at(-1)).toMatchObject({
      kind: 'rules',
      fileName: 'rules.json',
      rows: 1,
    });
  });

  it('rejects an unknown key in rules.json', async () => {
    const result = await parseEn(files({ rules: '{"asOf": "2020-08-01", "retirmentAge": {"M": 60}}' }));
    expect(result).toEqual({
      ok: false,
      moreIssues: 0,
      warnings: [],
      moreWarnings: 0,
      issues: [
        {
          code: 'RULES_UNKNOWN_KEY',
          file: 'rules.json',
          line: null,
          column: null,
          message: 'unknown key "retirmentAge" in rules.json; check the spelling (see SPEC §2 rules.json)',
        },
      ],
    });
  });

  it('locates a JSON syntax error by line and column', async () => {
    const result = await parseEn(files({ rules: '{\n  "asOf": "2020-08-01",\n}\n' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ file: 'rules.json', line: 3, column: '1' });
    expect(result.issues[0]?.message).toMatch(/^not valid JSON at line 3, column 1/);
  });

  it('words the place of a JSON syntax error in Chinese too', async () => {
    const result = await parseDataset(files({ rules: '{\n  "asOf": "2020-08-01",\n}\n' }));
    expect(!result.ok && result.issues[0]?.message).toMatch(/^不是有效的 JSON：第 3 行第 1 列（/);
  });
});
