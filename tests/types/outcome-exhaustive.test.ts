import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const run = promisify(execFile);
const copies: string[] = [];

/**
 * The type-checked part of the repository copied to a temporary folder with `patch` applied to
 * engine/types.ts, then `tsc --noEmit` (the compile half of `npm run lint`) run on it: the files it
 * reports errors in.
 */
async function compileWith(patch: (types: string) => string): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'outcome-'));
  copies.push(dir);
  const tsconfig = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as { include: string[] };
  for (const entry of tsconfig.include) {
    if (entry.includes('*')) continue;
    cpSync(join(ROOT, entry), join(dir, entry), {
      recursive: true,
      filter: (src) => !/\.(csv|xlsx?|sqlite)$/.test(src),
    });
  }
  cpSync(join(ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const types = join(dir, 'engine/types.ts');
  const before = readFileSync(types, 'utf8');
  const after = patch(before);
  expect(after).not.toBe(before);
  writeFileSync(types, after);
  try {
    await run(join(ROOT, 'node_modules/.bin/tsc'), ['--noEmit', '-p', dir], { cwd: dir });
    return [];
  } catch (err) {
    const out = (err as { stdout: string }).stdout;
    return [...new Set([...out.matchAll(/^([\w./-]+\.ts)\(\d+,\d+\): error/gm)].map((m) => m[1]!))].sort();
  }
}

const addOutcome = (types: string) =>
  types.replace("'resigned', 'standby'] as const;", "'resigned', 'standby', 'retired'] as const;");
const addOutcomeKey = (types: string) =>
  types.replace("  standby: 'standby',\n}", "  standby: 'standby',\n  retired: 'retired',\n}");

describe('an outcome added to OUTCOMES', () => {
  // Three compiles of a copy of the repository, run side by side.
  let unchanged: string[];
  let withoutKey: string[];
  let withKey: string[];
  beforeAll(async () => {
    [unchanged, withoutKey, withKey] = await Promise.all([
      compileWith((t) => t.replace("The domain's vocabulary", 'The vocabulary')),
      compileWith(addOutcome),
      compileWith((t) => addOutcomeKey(addOutcome(t))),
    ]);
  });
  afterAll(() => {
    for (const dir of copies) rmSync(dir, { recursive: true, force: true });
  });

  it('compiles as it is (the check itself is sound)', () => {
    expect(unchanged).toEqual([]);
  });

  it('fails to compile until it has its key in counts and shares', () => {
    expect(withoutKey).toContain('engine/types.ts');
  });

  it('then fails wherever it must be handled: the 公示 words, the report, the API schemas', () => {
    expect(withKey).toEqual(
      expect.arrayContaining([
        'server/render/words.ts',
        'server/report/summary-table.ts',
        'server/services/publicity-csv.ts',
        'server/schemas/engine-results.ts',
        'tests/engine/properties.test.ts',
      ]),
    );
    expect(withKey).not.toContain('engine/types.ts');
  });
});
