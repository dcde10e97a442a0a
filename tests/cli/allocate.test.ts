import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AllocationResult } from '../../engine';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURE = join(ROOT, 'fixtures/yangcheng-2020');
const SELECTION = join(ROOT, 'fixtures/school-selection');
const run = promisify(execFile);

async function allocateCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      join(ROOT, 'node_modules/.bin/tsx'),
      ['server/cli/allocate.ts', ...args],
      {
        cwd: ROOT,
        maxBuffer: 256 * 1024 * 1024,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/**
 * Strings in a result that read like sentences: several words, or Chinese punctuation / arrows. The
 * dataset's own strings (names, codes, subjects, townships, dates, hashes) are single words.
 */
function sentencesIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (/\s|[，。；：→（]/.test(value)) out.push(value);
  } else if (Array.isArray(value)) {
    for (const v of value) sentencesIn(v, out);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) sentencesIn(v, out);
  }
  return out;
}

/** The dataset folder copied with the data rows of every CSV in reverse order (headers stay first). */
function reversedCopy(dir: string): string {
  const out = mkdtempSync(join(tmpdir(), 'reversed-'));
  cpSync(dir, out, { recursive: true });
  for (const name of ['schools.csv', 'posts.csv', 'staff.csv', 'townships.csv']) {
    const [header, ...rows] = readFileSync(join(dir, name), 'utf8')
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '');
    writeFileSync(join(out, name), [header, ...rows.reverse()].join('\n'));
  }
  return out;
}

describe('npm run allocate', () => {
  it('prints the report table with the county report percentages', async () => {
    const { code, stdout } = await allocateCli(FIXTURE);
    expect(code).toBe(0);
    expect(stdout).toMatch(/校内竞聘\s+3,147\s+90\.3%/);
    expect(stdout).toMatch(/跨校竞聘\s+198\s+5\.7%/);
    expect(stdout).toMatch(/组织调剂\s+137\s+3\.9%/);
    expect(stdout).toMatch(/辞职\s+5\s+0\.1%/);
    expect(stdout).toMatch(/待岗\s+0\s+0\.0%/);
    expect(stdout).toMatch(/公平性检查：合理嫉妒 0，浪费 0，超编 0，资格不符 0/);
    expect(stdout).not.toMatch(/in-school|Fairness/);
  });

  it('--lang en prints the tables and an explanation in English; --explain adds the person, why not higher included', async () => {
    const [en, zh] = await Promise.all([
      allocateCli(FIXTURE, '--lang', 'en', '--explain', 'YC1200'),
      allocateCli(FIXTURE, '--explain', 'YC1200'),
    ]);
    expect(en.stdout).toMatch(/in-school\s+3,147\s+90\.3%/);
    expect(en.stdout).toMatch(/Fairness: justified envy 0, waste 0/);
    expect(en.stdout).not.toMatch(/校内竞聘|公平性/);
    // YC1200 got their 3rd 志愿: the two above had no open post.
    expect(en.stdout).toContain('YC1200 孙梅桂: cross-school 凤城中学 美术 (round 2, choice 3)');
    expect(en.stdout).toContain('Round 2: choice 1 固隆中学 美术, no open post → not admitted');
    expect(zh.stdout).toContain('YC1200 孙梅桂：跨校竞聘 凤城中学 美术（第2轮，第3志愿）');
    expect(zh.stdout).toContain('第二轮：第2志愿 町店中学 美术，无空缺岗位 → 未录取');
    expect(zh.stdout).toMatch(
      /第二轮：第3志愿 凤城中学 美术，空缺岗位 3 个，排名第 2（共 4 人），本人 65\.80 → 聘用（跨校竞聘）/,
    );
  });

  it('--json gives the full result: fair, and the same outputHash twice and with rows in another order', async () => {
    const [first, second, reversed] = await Promise.all([
      allocateCli(FIXTURE, '--json'),
      allocateCli(FIXTURE, '--json'),
      allocateCli(reversedCopy(FIXTURE), '--json'),
    ]);
    const r = JSON.parse(first.stdout) as AllocationResult;
    expect(r.summary).toMatchObject({
      total: 3487,
      inSchool: 3147,
      crossSchool: 198,
      administrative: 137,
      resigned: 5,
      standby: 0,
    });
    expect(r.fairness).toMatchObject({ justifiedEnvy: 0, capacityViolations: 0, eligibilityViolations: 0 });
    expect(r.fairness.unfilledPosts).toBeGreaterThan(0);
    expect(r.placements[0]).toEqual(
      expect.objectContaining({
        staffId: expect.any(String),
        outcome: expect.any(String),
        round: expect.anything(),
        steps: [expect.objectContaining({ kind: 'ranked', round: 1 })],
      }),
    );
    // The engine's output is data: no sentence in any language, only the dataset's own names and words
    // (`importWarnings` is the loader's part, beside it).
    const { importWarnings: _loader, ...engine } = r as AllocationResult & { importWarnings?: unknown };
    expect(Object.keys(engine)).toContain('placements');
    expect(sentencesIn(engine)).toEqual([]);
    expect(r.schools).toHaveLength(47);
    expect(second.stdout).toBe(first.stdout);
    expect((JSON.parse(reversed.stdout) as AllocationResult).outputHash).toBe(r.outputHash);
  });

  it('serial dictatorship gives the same placements on the fixture, where every school ranks by 综合得分', async () => {
    const rules = join(mkdtempSync(join(tmpdir(), 'rules-')), 'rules.json');
    writeFileSync(rules, JSON.stringify({ crossSchool: { mechanism: 'serial_dictatorship' } }));
    const [da, sd] = await Promise.all([
      allocateCli(FIXTURE, '--json'),
      allocateCli(FIXTURE, '--rules', rules, '--json'),
    ]);
    const key = (r: AllocationResult) =>
      r.placements.map((p) => [p.staffId, p.outcome, p.schoolCode, p.round]);
    expect(key(JSON.parse(sd.stdout))).toEqual(key(JSON.parse(da.stdout)));
  });

  it('with applications.csv the two mechanisms differ, and both are fair by their own priorities', async () => {
    const [da, sd] = await Promise.all([
      allocateCli(SELECTION, '--json'),
      allocateCli(SELECTION, '--rules', join(SELECTION, 'rules-serial.json'), '--json'),
    ]);
    const at = (out: string) =>
      Object.fromEntries(
        (JSON.parse(out) as AllocationResult).placements.map((p) => [p.staffId, p.schoolCode]),
      );
    // 一中 prefers 李秀英 (93) to 王建华 (81) by its own scores; serial dictatorship lets the higher 综合得分 choose first.
    expect(at(da.stdout)).toEqual({ YC901: 'ZX03', YC902: 'ZX01', YC903: 'ZX02' });
    expect(at(sd.stdout)).toEqual({ YC901: 'ZX01', YC902: 'ZX03', YC903: 'ZX02' });
    for (const out of [da.stdout, sd.stdout])
      expect((JSON.parse(out) as AllocationResult).fairness.justifiedEnvy).toBe(0);
  });

  it('rejects a bad dataset with every problem located, exit code 1', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'bad-'));
    cpSync(SELECTION, bad, { recursive: true });
    const staff = readFileSync(join(SELECTION, 'staff.csv'), 'utf8')
      .replace('88.50', 'abc')
      .replace('1990-01-20', '1990-13-40');
    writeFileSync(join(bad, 'staff.csv'), staff);
    const { code, stdout, stderr } = await allocateCli(bad);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/staff\.csv:2 \[综合得分\]/);
    expect(stderr).toMatch(/staff\.csv:4 \[出生日期\]/);
  });

  it('bad usage exits 2 with the usage line', async () => {
    const { code, stderr } = await allocateCli();
    expect(code).toBe(2);
    expect(stderr).toContain('usage: npm run allocate');
  });
  it('a folder of .xlsx files and the same data as CSV give the same inputHash', async () => {
    const testdata = join(ROOT, 'server/import/testdata');
    const hashOf = async (dir: string) => {
      const { code, stdout } = await allocateCli(join(testdata, dir), '--json');
      expect(code).toBe(0);
      return (JSON.parse(stdout) as AllocationResult).inputHash;
    };
    expect(await hashOf('excel/xlsx')).toBe(await hashOf('utf8'));
  });

  it('prints warnings on stderr, carries them in --json, and writes the problem report with --problems', async () => {
    const cases = join(ROOT, 'server/import/testdata/intake-cases');
    const ok = await allocateCli(join(cases, 'gbk-lost-char'), '--json');
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/^warning: staff\.csv:2 \[姓名\]: /m);
    const json = JSON.parse(ok.stdout) as { importWarnings: { code: string; line: number }[] };
    expect(json.importWarnings.map((w) => [w.code, w.line])).toEqual([
      ['NAME_CHAR_LOST', 2],
      ['NAME_CHAR_LOST', 3],
    ]);

    const report = join(mkdtempSync(join(tmpdir(), 'problems-')), 'problems.xlsx');
    const bad = await allocateCli(join(cases, 'excel-mangled'), '--lang', 'en', '--problems', report);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Dataset rejected (5 problem(s))');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(report);
    const rows = (book.worksheets[0]?.getSheetValues() ?? []).slice(2) as unknown[][];
    expect(rows.map((r) => [r[3], r[4], r[5]])).toEqual([
      [2, '工号', 'ID_SCIENTIFIC'],
      [3, '工号', 'ID_SCIENTIFIC'],
      [3, '工号', 'DUPLICATE_KEY'],
      [4, '工号', 'ID_SCIENTIFIC'],
      [4, '出生日期', 'DATE_EXCEL_SERIAL'],
    ]);
    // The serial's date (a birth date) is not copied into the report.
    expect(JSON.stringify(rows)).not.toContain('1985-05-11');
  });

  it('a --problems path it cannot write is said in a sentence, and the problems are still printed', async () => {
    const cases = join(ROOT, 'server/import/testdata/intake-cases');
    const report = join(mkdtempSync(join(tmpdir(), 'problems-')), 'no-such-dir', 'problems.xlsx');
    const bad = await allocateCli(join(cases, 'excel-mangled'), '--problems', report);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`无法写入问题清单 ${report}（ENOENT）`);
    expect(bad.stderr).toContain('数据集被拒绝（5 个问题）');
    expect(bad.stderr).not.toMatch(/\bat .*allocate\.ts/);
  });

  it('an unknown --explain id is said in the chosen language', async () => {
    const zh = await allocateCli(SELECTION, '--explain', 'NOPE');
    expect([zh.code, zh.stderr]).toEqual([2, '没有工号为 NOPE 的教职工\n']);
    const en = await allocateCli(SELECTION, '--lang', 'en', '--explain', 'NOPE');
    expect([en.code, en.stderr]).toEqual([2, 'unknown staff_id: NOPE\n']);
  });

  it('stops quietly when its reader closes the pipe early (… --json | head)', async () => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['server/cli/allocate.ts', FIXTURE, '--json'], {
      cwd: ROOT,
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    // Read the first chunk, then close our end as `head -c` would.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error|\bat /);
    expect(code).toBe(0);
  }, 60_000);
});
