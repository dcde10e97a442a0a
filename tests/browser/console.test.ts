import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  DEMO_PASSWORD,
  FIXTURE_DIR,
  type Harness,
  logIn,
  SCREENSHOT_DIR,
  screenshot,
  startHarness,
} from './harness';

/**
 * The console in Debian's Chromium, end to end over a real socket: the HR office uploads and runs the
 * 阳城 fixture, a principal reads their school, an auditor replays; logins, lockout and CSRF. The tests
 * run in order and share the server (the principal and auditor read the HR office's run).
 */
describe.sequential('console (Chromium)', () => {
  let h: Harness;
  let runId = 0;

  beforeAll(async () => {
    h = await startHarness();
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  /** The fixture's files, with staff.csv replaced by `staff` when given, in a fresh folder. */
  function datasetFiles(staff?: string): string[] {
    const dir = mkdtempSync(join(tmpdir(), 'xgxp-upload-'));
    const names = ['schools.csv', 'posts.csv', 'staff.csv', 'townships.csv'];
    for (const name of names) copyFileSync(join(FIXTURE_DIR, name), join(dir, name));
    if (staff !== undefined) writeFileSync(join(dir, 'staff.csv'), staff);
    return names.map((name) => join(dir, name));
  }

  /** The fixture's staff.csv as staff.xlsx (one sheet, every cell as the CSV's text), in a fresh folder. */
  async function staffXlsx(): Promise<string> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('教职工');
    const text = readFileSync(join(FIXTURE_DIR, 'staff.csv'), 'utf8').replace(/^\uFEFF/, '');
    for (const line of text.split(/\r?\n/)) {
      if (line !== '') sheet.addRow(line.split(',').map((cell) => (cell === '' ? null : cell)));
    }
    const path = join(mkdtempSync(join(tmpdir(), 'xgxp-xlsx-')), 'staff.xlsx');
    await book.xlsx.writeFile(path);
    return path;
  }

  /** Opens a downloaded .xlsx with exceljs; its first sheet's first row as text. */
  async function xlsxHeader(path: string): Promise<{ sheets: number; header: string[]; rows: number }> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ''));
    return { sheets: book.worksheets.length, header, rows: sheet.actualRowCount };
  }

  const outcomeCount = (page: Page, outcome: string) =>
    page.locator(`[data-outcome="${outcome}"]`).textContent();

  test('HR logs in, sees a bad file refused at its row, uploads the fixture, runs it and downloads the 公示', async () => {
    const { context, page } = await h.newPage();
    // Every asset comes from this server: an office network may have no internet.
    const origins = new Set<string>();
    page.on('request', (r) => origins.add(new URL(r.url()).origin));
    await page.goto(`${h.base}/login`);
    await screenshot(page, '01-login');
    await logIn(page, h.base, 'demo_hr', DEMO_PASSWORD);
    await page.waitForURL(`${h.base}/datasets`);

    // Line 5 of staff.csv (the header is line 1) gets a birth date that does not exist.
    const lines = readFileSync(join(FIXTURE_DIR, 'staff.csv'), 'utf8').split('\n');
    lines[4] = lines[4]!.replace(/\d{4}-\d{2}-\d{2}/, '1981-13-45');
    await page.locator('input[type=file]').setInputFiles(datasetFiles(lines.join('\n')));
    await page.getByRole('button', { name: '上传并检查' }).click();
    const problem = page.locator('table[aria-label="问题列表"] tbody tr', { hasText: 'staff.csv' }).first();
    await problem.waitFor();
    const cells = await problem.locator('td').allInnerTexts();
    expect(cells.slice(0, 3)).toEqual(['staff.csv', '5', '出生日期']);
    // The problem in Chinese words, with its stable code.
    expect(cells[3]).toMatch(/[\u4e00-\u9fff]{2,}/);
    expect(cells[4]).toMatch(/^[A-Z_]+$/);
    await expect(page.getByText('数据集未保存').isVisible()).resolves.toBe(true);
    await screenshot(page, '02-datasets-problems');
    // The same problems as an .xlsx for the office.
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /下载问题清单/ }).click(),
    ]);
    expect(report.suggestedFilename()).toBe('导入问题.xlsx');
    const problems = await xlsxHeader((await report.path())!);
    expect(problems.rows).toBeGreaterThan(1);

    // Nothing was stored: the list is still empty. Then the fixture, its staff as an Excel file.
    await page.reload();
    const files = datasetFiles();
    files[2] = await staffXlsx();
    await page.locator('input[type=file]').setInputFiles(files);
    await page.getByLabel('数据集名称').fill('2020 初稿');
    await page.getByRole('button', { name: '上传并检查' }).click();
    await page.waitForURL(/\/datasets\/1$/);
    await page.getByRole('heading', { name: /数据集 #1/ }).waitFor();
    // staff.xlsx went up in the staff field and was stored as Excel.
    const staffRow = page.locator('tbody tr', { hasText: 'staff.xlsx' });
    expect(await staffRow.locator('td').allInnerTexts()).toEqual(
      expect.arrayContaining(['教职工', 'staff.xlsx', '3,487', 'Excel（.xlsx）']),
    );
    await screenshot(page, '03-dataset');

    await page.getByRole('button', { name: '用此数据集分配' }).click();
    await page.waitForURL(/\/runs\?dataset=1$/);
    await page.getByText('临近退休年限').waitFor();
    await screenshot(page, '04-runs-form');
    await page.getByRole('button', { name: '运行分配' }).click();
    await page.waitForURL(/\/runs\/\d+$/);
    runId = Number(page.url().split('/').at(-1));
    await page.locator('[data-outcome="in_school"]').waitFor();
    expect([
      await outcomeCount(page, 'in_school'),
      await outcomeCount(page, 'cross_school'),
      await outcomeCount(page, 'administrative'),
      await outcomeCount(page, 'resigned'),
      await outcomeCount(page, 'standby'),
    ]).toEqual(['3,147', '198', '137', '5', '0']);
    await screenshot(page, '05-run-report');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /公示（全县 CSV）/ }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF工号,姓名')).toBe(true);
    expect(csv.trim().split('\n')).toHaveLength(1 + 3487);
    const [county] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /公示（全县 Excel）/ }).click(),
    ]);
    expect(county.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = await xlsxHeader((await county.path())!);
    expect(book.header.slice(0, 2)).toEqual(['工号', '姓名']);

    await page.getByRole('tab', { name: '图表' }).click();
    await page.getByRole('img', { name: '城乡流动桑基图' }).waitFor();
    await page.waitForTimeout(800); // charts animate in
    await screenshot(page, '06-run-charts');

    await page.getByRole('tab', { name: /^学校/ }).click();
    await screenshot(page, '07-run-schools');

    await page.getByRole('tab', { name: /^人员/ }).click();
    await page.getByPlaceholder('按姓名或工号查找').fill('YC0002');
    await page.getByPlaceholder('按姓名或工号查找').press('Enter');
    await page.getByTestId('explanation').waitFor();
    expect(await page.getByTestId('explanation').textContent()).toMatch(/第一轮：.*阳城一中/);
    await page.waitForTimeout(500); // the drawer slides in
    await screenshot(page, '08-run-person');
    expect([...origins]).toEqual([h.base]);
    await context.close();
  });

  test('HR runs again counting two 志愿 only; 对比 names who changed', async () => {
    const { context, page } = await h.newPage();
    await logIn(page, h.base, 'demo_hr', DEMO_PASSWORD);
    await page.waitForURL(`${h.base}/datasets`);
    await page.goto(`${h.base}/runs`);
    // Out of range: said in words, not silently changed.
    await page.getByLabel('志愿数').fill('80');
    await page.getByText('志愿数应在 1–50 个之间（现为 80）').waitFor();
    await page.waitForTimeout(400); // the message slides in
    await screenshot(page, '04-runs-form-range', false);
    expect(await page.getByLabel('志愿数').inputValue()).toBe('80');
    await page.getByLabel('志愿数').fill('2');
    await page.getByRole('button', { name: '运行分配' }).click();
    await page.waitForURL((url) => url.pathname !== '/runs');
    await page.getByRole('tab', { name: '对比' }).click();
    await page.getByText(/分配 #\d+ → #\d+：\d+ 人的结果变了/).waitFor();
    // Someone who got their 3rd to 5th 志愿 under run 1 is among the people named, schools by name.
    const changed = page.getByRole('table', { name: '变动人员' }).locator('tbody tr');
    expect(await changed.count()).toBeGreaterThan(0);
    expect(await changed.first().textContent()).toMatch(/[\u4e00-\u9fff]+（YC[A-Z]\d+）/);
    await screenshot(page, '09-run-diff');
    await context.close();
  });

  test('a principal sees their own school’s lists and the 403 page for another school', async () => {
    const { context, page } = await h.newPage();
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await logIn(page, h.base, 'demo_principal', DEMO_PASSWORD);
    await page.waitForURL(`${h.base}/runs`);
    // The county's page of a run is the principal's own school page.
    await page.goto(`${h.base}/runs/${runId}`);
    await page.waitForURL(`${h.base}/runs/${runId}/schools/YCH01`);
    await page.getByRole('table', { name: '语文 第一轮名单' }).waitFor();
    expect(await page.getByRole('heading', { level: 3 }).textContent()).toContain('阳城一中');
    const rows = await page.getByRole('table', { name: '语文 第一轮名单' }).locator('tbody tr').count();
    expect(rows).toBeGreaterThan(1);
    expect(await page.locator('.cutoff-row').count()).toBeGreaterThan(0);
    await screenshot(page, '10-school');
    await screenshot(page, '10-school-top', false);
    // The list where the posts run out before the candidates do: the cut-off line is drawn.
    await page
      .locator('.print-section', { has: page.locator('.cutoff-row') })
      .first()
      .screenshot({ path: join(SCREENSHOT_DIR, '10-school-cutoff.png') });

    // Print view: A4 portrait at 96 dpi is 794 px wide; nothing may spill over.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 718, height: 1000 }); // 794 px less the 12 mm margins
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(718);
    await screenshot(page, '11-school-print', false);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1366, height: 768 });

    await page.goto(`${h.base}/runs/${runId}/schools/YCH02`);
    await page.getByText('403 无权访问').waitFor();
    await screenshot(page, '12-school-403');
    expect(asked.filter((p) => p.includes('YCH02'))).toEqual(
      ['/runs/1/schools/YCH02'].map((p) => p.replace('/1/', `/${runId}/`)),
    );
    await context.close();
  });

  test('an auditor logs in by keyboard, replays a run and sees it identical (一致); a broken log chain is shown', async () => {
    const { context, page } = await h.newPage();
    await page.goto(`${h.base}/login`);
    await page.getByLabel('用户名').focus();
    await page.keyboard.type('demo_auditor');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${h.base}/audit`);
    await page.getByRole('button', { name: `复核 #${runId}` }).click();
    const verdict = page.getByTestId('replay-verdict');
    await verdict.getByText('复核结果：完全一致').waitFor();
    expect(await verdict.textContent()).toContain('完全一致：聘用决定与全部输出逐字节相同');
    expect(await verdict.textContent()).not.toContain('不一致');
    await screenshot(page, '13-audit');
    await page.getByRole('tab', { name: '对比两次分配' }).click();
    await page.getByText(/分配 #1 → #2：\d+ 人的结果变了/).waitFor();
    await page.waitForTimeout(400); // the tab's ink bar slides over
    await screenshot(page, '13-audit-diff');
    await page.getByRole('tab', { name: '审计日志' }).click();
    await page.getByText('哈希链完整').waitFor();
    await page.waitForTimeout(400); // the tab's ink bar slides over
    await screenshot(page, '13-audit-log');
    await page.goto(`${h.base}/runs/${runId}`);
    await page.locator('[data-outcome="standby"]').waitFor();
    await screenshot(page, '14-run-as-auditor');
    await page.goto(`${h.base}/runs/${runId}/staff/YC0002`);
    await page.getByTestId('explanation').waitFor();
    expect(await page.getByTestId('explanation').textContent()).toMatch(/第一轮：/);
    // The page is headed by the person's name, not the bare 工号.
    await page.getByRole('heading', { name: `分配 #${runId} · 赵素（YC0002）` }).waitFor();
    await screenshot(page, '15-staff');
    // Someone placed by a lower 志愿 is told why not each higher one.
    const second = (await h.db.$client
      .prepare('SELECT staff_id AS id FROM placements WHERE run_id = ? AND choice_rank >= 2 LIMIT 1')
      .get(runId)) as { id: string };
    await page.goto(`${h.base}/runs/${runId}/staff/${second.id}`);
    await page.getByRole('heading', { name: '为何未获更高志愿' }).waitFor();
    expect(await page.getByTestId('why-not-higher').textContent()).toMatch(/第二轮：第1志愿 .* → 未录取/);
    await screenshot(page, '15-staff-why-not');

    // Someone edits the log behind the application's back: the page names the first altered entry.
    h.db.$client.exec(
      "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'someone' WHERE seq = 2",
    );
    await page.goto(`${h.base}/audit`);
    await page.getByRole('tab', { name: '审计日志' }).click();
    await page.getByText('哈希链断裂：第 2 条记录被修改或删除。').waitFor();
    await screenshot(page, '15-audit-chain-broken');
    await context.close();
  });

  test('HR adds an account; a wrong password is refused and the sixth quick retry is locked out', async () => {
    const { context, page } = await h.newPage();
    await logIn(page, h.base, 'demo_hr', DEMO_PASSWORD);
    await page.waitForURL(`${h.base}/datasets`);
    await page.goto(`${h.base}/accounts`);
    await page.getByRole('button', { name: '新建账户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('zhang_yc02');
    await dialog.getByLabel('显示名').fill('阳城二中张校长');
    await dialog.getByLabel('学校代码').fill('YCX99');
    await dialog.getByLabel('初始密码').fill('secret-yc02');
    await dialog.getByRole('button', { name: '保存' }).click();
    // A school code no stored dataset has is refused, the field named in Chinese.
    await dialog.getByText('学校代码（schoolCode）“YCX99”不在任何已导入的数据集中，请核对').waitFor();
    await screenshot(page, '16-accounts-unknown-school');
    await dialog.getByLabel('学校代码').fill('YCH02');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: 'zhang_yc02' }).waitFor();
    await screenshot(page, '16-accounts');
    // 退出 leads to the bare login page: the next person is not sent to this one's page.
    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL(`${h.base}/login`);
    await logIn(page, h.base, 'demo_principal', DEMO_PASSWORD);
    await page.waitForURL(`${h.base}/runs`);
    // An unknown page is the console's own 404, in Chinese.
    await page.goto(`${h.base}/no-such-page`);
    await page.getByText('404 未找到').waitFor();
    await screenshot(page, '16-not-found');
    await context.close();

    const { context: other, page: login } = await h.newPage();
    for (let attempt = 1; attempt <= 5; attempt++) {
      await logIn(login, h.base, 'zhang_yc02', 'wrong-password');
      await login.getByRole('alert').getByText('用户名或密码错误').waitFor();
    }
    // The sixth, even with the right password, is refused while the lockout lasts.
    await logIn(login, h.base, 'zhang_yc02', 'secret-yc02');
    await login.getByRole('alert').getByText(/锁定/).waitFor();
    expect(login.url()).toBe(`${h.base}/login`);
    await screenshot(login, '17-login-locked');
    await other.close();
  });

  test('a cookie-authenticated write without the CSRF token is refused', async () => {
    const { context, page } = await h.newPage();
    await logIn(page, h.base, 'demo_hr', DEMO_PASSWORD);
    await page.waitForURL(`${h.base}/datasets`);
    const post = (csrf: string | null) =>
      page.evaluate(
        async ([token]) => {
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (token) headers['x-csrf-token'] = token;
          const r = await fetch('/api/runs', {
            method: 'POST',
            headers,
            body: JSON.stringify({ datasetId: 1 }),
          });
          return { status: r.status, code: ((await r.json()) as { code?: string }).code };
        },
        [csrf] as const,
      );
    expect(await post(null)).toEqual({ status: 403, code: 'CSRF_FAILED' });
    const session = await page.evaluate(
      async () => ((await (await fetch('/api/session')).json()) as { csrfToken: string }).csrfToken,
    );
    expect((await post(session)).status).toBe(201);
    await context.close();
  });
});
