import { parseArgs } from 'node:util';
import { closeDatabase, findAccountByUsername, listAccounts, openDatabase } from '../../db';
import { CLI_ACTOR } from '../plugins/auth';
import { AccountRefused, changeAccount, checkNewAccount, createAccount } from '../services/accounts';
import { authMessage } from '../services/auth-messages';
import { isRole } from '../services/tokens';
import { readPassword } from './read-password';

/**
 * Console accounts from the server's shell — how the first hr account is made:
 *
 *   npm run user -- add <username> --role hr|principal|auditor [--school CODE] [--name 显示名]
 *   npm run user -- passwd <username>       (a new password; ends the account's sessions)
 *   npm run user -- list
 *   npm run user -- disable <username>      (ends its sessions at once)   |   enable <username>
 *
 * Passwords are read from stdin (hidden at a terminal, first line of a pipe), never from arguments, which
 * other users can see in `ps`. Exit codes: 0 done, 1 refused (why, in Chinese, on stderr), 2 bad usage.
 * Every change is in the audit log with the actor `cli`.
 */
const USAGE = [
  '用法：',
  '  npm run user -- add <用户名> --role hr|principal|auditor [--school 学校代码] [--name 显示名]   （密码从标准输入读取）',
  '  npm run user -- passwd <用户名>      （重设密码，从标准输入读取）',
  '  npm run user -- list',
  '  npm run user -- disable <用户名>  |  enable <用户名>',
].join('\n');

const ROLE_NAMES = { hr: '人事股', principal: '校长', auditor: '纪检/督导' } as const;

class Usage extends Error {}

function refusal(error: AccountRefused): string {
  const { username } = error;
  switch (error.problem) {
    case 'exists':
      return authMessage('accountExists', 'zh', username);
    case 'not_found':
      return authMessage('accountNotFound', 'zh', username);
    case 'principal_needs_school':
      return `${authMessage('principalNeedsSchool', 'zh')}：请加 --school 学校代码`;
    case 'only_principal_has_school':
      return `${authMessage('onlyPrincipalHasSchool', 'zh')}：请去掉 --school`;
    case 'unknown_school':
      return authMessage('unknownSchool', 'zh', error.schoolCode ?? '');
    case 'last_hr':
      return `${authMessage('lastHr', 'zh')}：请先添加另一个人事股账户`;
    case 'bad_username':
      return authMessage('badUsername', 'zh', username);
    case 'bad_password':
      return authMessage('badPassword', 'zh');
    case 'bad_display_name':
      return authMessage('badDisplayName', 'zh');
  }
}

/** Why no password came: said as such, not as a length problem. */
class NoPassword extends Error {}

async function password(): Promise<string> {
  let value: string | null;
  try {
    value = await readPassword();
  } catch {
    // Ctrl-C at the hidden prompt: nothing was changed.
    throw new NoPassword('已取消，未做任何更改');
  }
  if (value === null) {
    throw new NoPassword(
      process.stdin.isTTY ? '两次输入的密码不一致，未做任何更改' : '没有从标准输入读到密码，未做任何更改',
    );
  }
  return value;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      school: { type: 'string' },
      name: { type: 'string' },
    },
  });
  const [command, username, ...extra] = positionals;
  if (extra.length > 0) throw new Usage();
  const needsName =
    command === 'add' || command === 'passwd' || command === 'disable' || command === 'enable';
  if (needsName && username === undefined) throw new Usage();
  if (command === 'list' && username !== undefined) throw new Usage();
  if (command !== 'add' && (values.role ?? values.school ?? values.name) !== undefined) throw new Usage();

  const db = openDatabase();
  try {
    switch (command) {
      case 'list':
        for (const a of listAccounts(db)) {
          const status = a.disabledAt ? `停用 ${a.disabledAt}` : '启用';
          console.log(
            [a.username, a.role, a.schoolCode ?? '-', a.displayName, status, a.createdAt].join('\t'),
          );
        }
        return 0;
      case 'add': {
        const role = values.role ?? '';
        if (!isRole(role)) throw new Usage();
        const name = username!;
        const input = {
          username: name,
          role,
          schoolCode: values.school ?? null,
          displayName: values.name ?? name,
        };
        checkNewAccount(db, input);
        const view = await createAccount(db, { ...input, password: await password() }, CLI_ACTOR);
        const school = view.schoolCode ? ` ${view.schoolCode}` : '';
        console.error(
          `已创建账户 ${view.username}（${ROLE_NAMES[view.role]}${school}，${view.displayName}）`,
        );
        return 0;
      }
      case 'passwd':
        if (!findAccountByUsername(db, username!)) throw new AccountRefused('not_found', username!);
        await changeAccount(db, username!, { password: await password() }, CLI_ACTOR);
        console.error(`已重设 ${username} 的密码，其登录会话均已失效`);
        return 0;
      case 'disable':
      case 'enable':
        await changeAccount(db, username!, { disabled: command === 'disable' }, CLI_ACTOR);
        console.error(
          command === 'disable' ? `已停用 ${username}，其登录会话均已失效` : `已启用 ${username}`,
        );
        return 0;
      default:
        throw new Usage();
    }
  } finally {
    closeDatabase(db);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof AccountRefused) {
      console.error(refusal(error));
      process.exitCode = 1;
    } else if (error instanceof NoPassword) {
      console.error(error.message);
      process.exitCode = 1;
    } else if (error instanceof Usage || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(USAGE);
      process.exitCode = 2;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  },
);
