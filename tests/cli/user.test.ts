import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, listAudit, openDatabase } from '../../db';
import { buildApp } from '../../server/app';

const ROOT = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'user-cli-'));
const DATABASE_PATH = join(dir, 'users.sqlite');

/** Runs `npm run user -- …` (its script, without npm's banner) on a temp database, feeding `stdin`. */
function userCli(
  args: string[],
  stdin = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['server/cli/user.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_PATH },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/**
 * util-linux `script` gives the CLI a real terminal (a pty), so the hidden prompt can be driven. It is in
 * Debian's bsdutils, an essential package, so every machine this project targets has it.
 */

/**
 * Runs the CLI at a terminal: each keystroke string is typed once the next prompt (密码：, 再输入一次：) shows
 * and the prompt has had a moment to switch the terminal to raw mode.
 */
function userCliAtTerminal(
  args: string[],
  keystrokes: string[],
): Promise<{ code: number | null; output: string }> {
  const prompts = ['密码：', '再输入一次：'];
  return new Promise((resolve, reject) => {
    const command = [join(ROOT, 'node_modules/.bin/tsx'), 'server/cli/user.ts', ...args].join(' ');
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_PATH },
    });
    let output = '';
    let typed = 0;
    child.stdout.on('data', (d) => {
      output += d;
      const shown = prompts.filter((p) => output.includes(p)).length;
      if (typed < keystrokes.length && typed < shown) {
        const keys = keystrokes[typed++]!;
        setTimeout(() => child.stdin.write(keys), 300);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

async function canLogin(username: string, password: string): Promise<number> {
  const db = openDatabase(DATABASE_PATH);
  const app = await buildApp({ db });
  try {
    const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
    return res.statusCode;
  } finally {
    await app.close();
    closeDatabase(db);
  }
}

describe('npm run user', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds an account with the password read from stdin; it can log in', async () => {
    const res = await userCli(
      ['add', 'renshi1', '--role', 'hr', '--name', '人事股 王老师'],
      'first password\n',
    );
    expect(res).toMatchObject({ code: 0, stdout: '' });
    expect(res.stderr).toContain('已创建账户 renshi1（人事股，人事股 王老师）');
    expect(await canLogin('renshi1', 'first password')).toBe(200);
    expect(await canLogin('renshi1', 'first password\n')).toBe(401);
  });

  it('adds a principal bound to a school, and lists accounts without secrets', async () => {
    const add = await userCli(
      ['add', 'xiaozhang', '--role', 'principal', '--school', 'YCH01'],
      'password-2\r\n',
    );
    expect(add.code).toBe(0);
    expect(await canLogin('xiaozhang', 'password-2')).toBe(200);
    const list = await userCli(['list']);
    expect(list.code).toBe(0);
    const rows = list.stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t').slice(0, 5));
    expect(rows).toEqual([
      ['renshi1', 'hr', '-', '人事股 王老师', '启用'],
      ['xiaozhang', 'principal', 'YCH01', 'xiaozhang', '启用'],
    ]);
    expect(list.stdout).not.toContain('scrypt');
  });

  it.each([
    ['an existing username', ['add', 'renshi1', '--role', 'hr'], 'password-3\n', '账户 renshi1 已存在'],
    ['a short password', ['add', 'renshi2', '--role', 'hr'], 'short\n', '密码长度须为 8–256 个字符'],
    ['no password at all', ['add', 'renshi2', '--role', 'hr'], '', '没有从标准输入读到密码'],
    [
      'a principal without --school',
      ['add', 'p_three', '--role', 'principal'],
      'password-3\n',
      '校长账户必须绑定一所学校',
    ],
    ['a bad username', ['add', 'a b', '--role', 'auditor'], 'password-3\n', '用户名 a b 不合规'],
    ['disabling an unknown account', ['disable', 'nobody'], '', '没有账户 nobody'],
    ['disabling the last hr account', ['disable', 'renshi1'], '', '不能停用或降级最后一个可用的人事股账户'],
  ])('refuses %s with exit code 1 and a Chinese message', async (_n, args, stdin, message) => {
    const res = await userCli(args, stdin);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(message);
  });

  it('at a terminal, says the two entries differ (not a length problem) and changes nothing', async () => {
    const res = await userCliAtTerminal(['passwd', 'renshi1'], ['password-aaa\r', 'password-bbb\r']);
    expect(res.code).toBe(1);
    expect(res.output).toContain('两次输入的密码不一致');
    expect(res.output).not.toContain('密码长度');
    expect(await canLogin('renshi1', 'first password')).toBe(200);
  }, 30_000);

  it('at a terminal, Ctrl-C at the prompt cancels without a stack trace', async () => {
    const res = await userCliAtTerminal(['passwd', 'renshi1'], ['pass\u0003']);
    expect(res.code).toBe(1);
    expect(res.output).toContain('已取消');
    expect(res.output).not.toMatch(/\bat .*read-password/);
    expect(await canLogin('renshi1', 'first password')).toBe(200);
  }, 30_000);

  it.each([
    ['no command', []],
    ['an unknown command', ['frobnicate']],
    ['add without a role', ['add', 'someone']],
    ['add with an unknown role', ['add', 'someone', '--role', 'admin']],
    ['disable without a username', ['disable']],
    ['an unknown option', ['list', '--force']],
  ])('answers %s with the usage and exit code 2', async (_n, args) => {
    const res = await userCli(args);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('用法');
  });

  it('disables an account (it can no longer log in) and enables it again; all audited as cli', async () => {
    expect((await userCli(['disable', 'xiaozhang'])).code).toBe(0);
    expect(await canLogin('xiaozhang', 'password-2')).toBe(401);
    expect((await userCli(['list'])).stdout).toMatch(/xiaozhang\tprincipal\tYCH01\txiaozhang\t停用 /);
    expect((await userCli(['enable', 'xiaozhang'])).code).toBe(0);
    expect((await userCli(['passwd', 'xiaozhang'], 'password-new\n')).code).toBe(0);
    expect(await canLogin('xiaozhang', 'password-new')).toBe(200);
    const db = openDatabase(DATABASE_PATH);
    const entries = listAudit(db, { limit: 100 }).filter((e) => e.actor === 'cli');
    closeDatabase(db);
    expect(entries.map((e) => `${e.action} ${e.subject}`)).toEqual([
      'account.create account:renshi1',
      'account.create account:xiaozhang',
      'account.disable account:xiaozhang',
      'account.enable account:xiaozhang',
      'account.update account:xiaozhang',
    ]);
  });
});
