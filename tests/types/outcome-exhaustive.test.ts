import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const run = promisify(execFile);
const copies: string[] = [];
const SKIP = new Set(['node_modules', '.git', 'data', 'out', 'dist', 'coverage']);

/**
 * The repository's sources copied to a temporary folder with `patch` applied to
 * engine/types.ts, then `tsc --noEmit` (the compile half of `npm run lint`) run on it: the files it
 * reports errors in.
 */
async function compileWith(patch: (types: string) => string): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'outcome-'));
  copies.push(dir);
  // The repository's sources, without what tsc does not read (dependencies, data, build output).
  cpSync(ROOT, dir, {
    recursive: true,
    filter: (src) => {
      const name = basename(src);
      return !SKIP.has(name) && !/\.(csv|xlsx?|sqlite|sqlite-wal|sqlite-shm)$/.test(name);
    },
  });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const types = join(dir, 'engine/types.ts');
  const before = readFileSync(types, 'utf8');
  const after = patch(before);
  expect(after).not.toBe(before);
  writeFileSync(types, after);
  // As `npm run lint` does: the root project, then the console's (web/) when there is one.
  const projects = existsSync(join(dir, 'web/tsconfig.json')) ? ['.', 'web'] : ['.'];
  const outputs = await Promise.all(
    projects.map((project) =>
      run(join(ROOT, 'node_modules/.bin/tsc'), ['--noEmit', '-p', project], { cwd: dir }).then(
        () => '',
        (err: { stdout: string }) => err.stdout,
      ),
    ),
  );
  const files = outputs.flatMap((out) =>
    [...out.matchAll(/^([\w./-]+\.tsx?)\(\d+,\d+\): error/gm)].map((m) => m[1]!),
  );
  return [...new Set(files)].sort();
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
    // Six whole-project compiles (root and web, three copies) on a busy machine: a generous limit.
  }, 300_000);
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
