import { and, eq, isNull, ne } from 'drizzle-orm';
import {
  type AccountChanges,
  type AccountRow,
  type AccountView,
  accounts,
  type Db,
  type DbExecutor,
  findAccountByUsername,
  insertAccount,
  type Role,
  revokeAccountSessions,
  schoolCodeKnown,
  toAccountView,
  updateAccount,
} from '../../db';
import type { Actor } from '../plugins/auth';
import { DisplayName, Password, Username } from '../schemas/accounts';
import { recordWrite, WRITE } from './audit';
import { type IdempotencyClaim, type StoredAnswer, storeAnswer } from './idempotency';
import { hashPassword } from './passwords';

/** Why an account change was refused; the route and the CLI turn it into their own words. */
export type AccountProblem =
  | 'bad_username'
  | 'bad_password'
  | 'bad_display_name'
  | 'exists'
  | 'not_found'
  | 'principal_needs_school'
  | 'only_principal_has_school'
  | 'unknown_school'
  | 'last_hr';

export class AccountRefused extends Error {
  constructor(
    readonly problem: AccountProblem,
    readonly username: string,
    /** The refused school code (unknown_school). */
    readonly schoolCode: string | null = null,
  ) {
    super(`${problem}: ${username}`);
  }
}

export interface NewAccountInput {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  readonly schoolCode?: string | null | undefined;
  readonly displayName: string;
}

export interface AccountUpdate {
  readonly displayName?: string | undefined;
  readonly role?: Role | undefined;
  readonly schoolCode?: string | null | undefined;
  readonly password?: string | undefined;
  readonly disabled?: boolean | undefined;
}

/** The account as the API shows it. */
export function publicAccount(view: AccountView) {
  const { id: _id, disabledAt, ...rest } = view;
  return { ...rest, disabled: disabledAt !== null };
}

/**
 * A principal names a school, the other roles none. The code must be a school of some stored dataset, so
 * a typo does not bind a principal to nothing; before the first dataset is stored any code is taken
 * (accounts are set up before the data arrives; schoolCodeKnown in db/repositories/datasets.ts).
 */
function checkSchool(
  db: DbExecutor,
  username: string,
  role: Role,
  schoolCode: string | null,
  unchanged = false,
): void {
  if (role === 'principal' && schoolCode === null)
    throw new AccountRefused('principal_needs_school', username);
  if (role !== 'principal' && schoolCode !== null)
    throw new AccountRefused('only_principal_has_school', username);
  // An account kept on its school stays valid when a later dataset drops the school.
  if (schoolCode !== null && !unchanged && !schoolCodeKnown(db, schoolCode))
    throw new AccountRefused('unknown_school', username, schoolCode);
}

/** True when some active hr account other than `exceptId` exists. */
function anotherActiveHr(db: DbExecutor, exceptId: number): boolean {
  const row = db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.role, 'hr'), isNull(accounts.disabledAt), ne(accounts.id, exceptId)))
    .get();
  return row !== undefined;
}

/**
 * Everything about a new account but its password, so the CLI can refuse before asking for one.
 * @throws AccountRefused bad_username | exists | principal_needs_school | only_principal_has_school |
 *   unknown_school
 */
export function checkNewAccount(db: DbExecutor, input: Omit<NewAccountInput, 'password'>): void {
  if (!Username.safeParse(input.username).success) throw new AccountRefused('bad_username', input.username);
  if (!DisplayName.safeParse(input.displayName).success) {
    throw new AccountRefused('bad_display_name', input.username);
  }
  checkSchool(db, input.username, input.role, input.schoolCode ?? null);
  if (findAccountByUsername(db, input.username)) throw new AccountRefused('exists', input.username);
}

/**
 * Creates an account (audited as account.create). A principal must name a school; the other roles must not.
 * @throws AccountRefused bad_username | bad_password | exists | principal_needs_school | only_principal_has_school |
 *   unknown_school
 */
export async function createAccount(
  db: Db,
  input: NewAccountInput,
  actor: Actor,
  /** The caller's Idempotency-Key and the answer to store with it, in the account's own transaction. */
  idempotency: { claim: IdempotencyClaim; answer: (view: AccountView) => StoredAnswer } | null = null,
): Promise<AccountView> {
  checkNewAccount(db, input);
  const schoolCode = input.schoolCode ?? null;
  if (!Password.safeParse(input.password).success) throw new AccountRefused('bad_password', input.username);
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => {
    // Checked again inside the write lock: another request may have created it while we hashed.
    if (findAccountByUsername(tx, input.username)) throw new AccountRefused('exists', input.username);
    const row = insertAccount(tx, {
      username: input.username,
      displayName: input.displayName.trim(),
      role: input.role,
      schoolCode,
      passwordHash,
      at: new Date().toISOString(),
    });
    recordWrite(tx, actor, 'account.create', `account:${row.username}`, {
      role: row.role,
      schoolCode: row.schoolCode,
      displayName: row.displayName,
    });
    const view = toAccountView(row);
    if (idempotency) storeAnswer(tx, idempotency.claim, `account:${row.username}`, idempotency.answer(view));
    return view;
  }, WRITE);
}

/**
 * Changes an account. A new password or `disabled: true` ends all its sessions at once. The last active hr
 * account cannot be disabled or given another role, so the console always has someone to manage it.
 * Audited as account.update (fields changed, never the password), account.disable or account.enable.
 * @throws AccountRefused not_found | bad_password | principal_needs_school | only_principal_has_school |
 *   unknown_school | last_hr
 */
export async function changeAccount(
  db: Db,
  username: string,
  update: AccountUpdate,
  actor: Actor,
): Promise<AccountView> {
  if (update.password !== undefined && !Password.safeParse(update.password).success) {
    throw new AccountRefused('bad_password', username);
  }
  const passwordHash = update.password === undefined ? undefined : await hashPassword(update.password);
  return db.transaction((tx) => {
    const current = findAccountByUsername(tx, username);
    if (!current) throw new AccountRefused('not_found', username);
    const role = update.role ?? current.role;
    // Leaving a principal's role drops the school unless the caller set one (which checkSchool refuses).
    const schoolCode =
      update.schoolCode !== undefined ? update.schoolCode : role === 'principal' ? current.schoolCode : null;
    checkSchool(tx, username, role, schoolCode, schoolCode === current.schoolCode);
    const at = new Date().toISOString();
    const disabledAt =
      update.disabled === undefined
        ? current.disabledAt
        : update.disabled
          ? (current.disabledAt ?? at)
          : null;
    const losesHr =
      current.role === 'hr' && current.disabledAt === null && (role !== 'hr' || disabledAt !== null);
    if (losesHr && !anotherActiveHr(tx, current.id)) throw new AccountRefused('last_hr', username);

    const changes: AccountChanges = {};
    if (update.displayName !== undefined && update.displayName !== current.displayName)
      changes.displayName = update.displayName;
    if (role !== current.role) changes.role = role;
    if (schoolCode !== current.schoolCode) changes.schoolCode = schoolCode;
    if (passwordHash !== undefined) changes.passwordHash = passwordHash;
    if (disabledAt !== current.disabledAt) changes.disabledAt = disabledAt;
    if (Object.keys(changes).length === 0) return toAccountView(current);

    const row: AccountRow = updateAccount(tx, current.id, changes, at);
    const endsSessions = passwordHash !== undefined || (disabledAt !== null && current.disabledAt === null);
    const sessionsEnded = endsSessions ? revokeAccountSessions(tx, current.id, at) : 0;
    const { passwordHash: _secret, disabledAt: _d, ...fields } = changes;
    const subject = `account:${username}`;
    if (Object.keys(fields).length > 0 || passwordHash !== undefined) {
      recordWrite(tx, actor, 'account.update', subject, {
        ...fields,
        ...(passwordHash !== undefined && { passwordChanged: true }),
        sessionsEnded: disabledAt === current.disabledAt ? sessionsEnded : 0,
      });
    }
    if (disabledAt !== current.disabledAt) {
      recordWrite(tx, actor, disabledAt === null ? 'account.enable' : 'account.disable', subject, {
        sessionsEnded,
      });
    }
    return toAccountView(row);
  }, WRITE);
}
