import { type Db, findAccountByUsername } from '../../db';
import { CLI_ACTOR } from '../plugins/auth';
import { createAccount, type NewAccountInput } from './accounts';

/** The demo's shared password: printed by `npm run demo`, for a local trial only. */
export const DEMO_PASSWORD = 'xgxp-demo-2020';

/**
 * One account per role on the demo database. The principal heads 阳城一中 (YCH01), a school of the 阳城
 * fixture that both loses staff and receives them in round 2, so every part of the principal's view has rows.
 */
export const DEMO_ACCOUNTS: readonly Omit<NewAccountInput, 'password'>[] = [
  { username: 'demo_hr', role: 'hr', schoolCode: null, displayName: '人事股（演示）' },
  { username: 'demo_principal', role: 'principal', schoolCode: 'YCH01', displayName: '阳城一中校长（演示）' },
  { username: 'demo_auditor', role: 'auditor', schoolCode: null, displayName: '纪检督导（演示）' },
];

/**
 * Creates the demo accounts that do not exist yet (audited as the CLI); existing ones, even changed or
 * disabled, are left alone, so re-running the demo is harmless.
 * @returns the usernames created this time
 */
export async function ensureDemoAccounts(db: Db): Promise<string[]> {
  const created: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (findAccountByUsername(db, account.username)) continue;
    await createAccount(db, { ...account, password: DEMO_PASSWORD }, CLI_ACTOR);
    created.push(account.username);
  }
  return created;
}
