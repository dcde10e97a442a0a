import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { closeDatabase, type Db, openDatabase } from '../../db';
import { buildApp } from '../../server/app';
import { ensureDemoAccounts } from '../../server/services/demo-accounts';

export { DEMO_PASSWORD } from '../../server/services/demo-accounts';

const ROOT = new URL('../../', import.meta.url).pathname;
export const FIXTURE_DIR = join(ROOT, 'fixtures/yangcheng-2020');
/** Under the test output (gitignored): one PNG per page, 1366×768 as on an office PC. */
export const SCREENSHOT_DIR = join(ROOT, 'test-results/screenshots');
export const VIEWPORT = { width: 1366, height: 768 };
/** Debian's Chromium: playwright-core downloads no browser of its own. */
const CHROMIUM = '/usr/bin/chromium';
/**
 * The tests' own build of the console, one per checkout, rebuilt only when stale: never web/dist, which a
 * running `npm start` may be serving (a rebuild there would swap its hashed assets under it).
 */
export const TEST_CONSOLE_DIR = join(
  tmpdir(),
  `xgxp-console-test-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}`,
);

export interface Harness {
  readonly base: string;
  readonly browser: Browser;
  readonly db: Db;
  /** A fresh browser profile (own cookies) at 1366×768 in Chinese. */
  readonly newPage: () => Promise<{ context: BrowserContext; page: Page }>;
  readonly close: () => Promise<void>;
}

/**
 * Builds the console into TEST_CONSOLE_DIR when stale (the same step as `npm start`), starts the app with it on port 0 over a
 * temp database holding the demo accounts, and launches Debian's Chromium.
 */
export async function startHarness(): Promise<Harness> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk (as .ci/run does)`);
  }
  // A child process: Vite's build shares nothing with the Vite inside vitest.
  execFileSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'web/build-console.ts'), '--out', TEST_CONSOLE_DIR],
    { stdio: 'inherit' },
  );
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'xgxp-browser-'));
  const db = openDatabase(join(dir, 'test.sqlite'));
  await ensureDemoAccounts(db);
  const app: FastifyInstance = await buildApp({ db, consoleDir: TEST_CONSOLE_DIR });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    base: `http://127.0.0.1:${address.port}`,
    browser,
    db,
    newPage: async () => {
      const context = await browser.newContext({
        viewport: VIEWPORT,
        locale: 'zh-CN',
        acceptDownloads: true,
      });
      return { context, page: await context.newPage() };
    },
    close: async () => {
      await browser.close();
      await app.close();
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Logs in through the form as a person would: the labelled inputs and the 登录 button. */
export async function logIn(page: Page, base: string, username: string, password: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** The page (whole, or the viewport only) at the viewport's width under test-results/screenshots/. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage });
}
