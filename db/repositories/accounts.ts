import { asc, eq } from 'drizzle-orm';
import type { DbExecutor } from '../client';
import { type AccountRow, accounts, type Role } from '../schema';

/** An account as it may leave the server: never its password hash. */
export type AccountView = Omit<AccountRow, 'passwordHash'>;

export function toAccountView(row: AccountRow): AccountView {
  const { passwordHash: _secret, ...view } = row;
  return view;
}

export function findAccountByUsername(db: DbExecutor, username: string): AccountRow | null {
  return db.select().from(accounts).where(eq(accounts.username, username)).get() ?? null;
}

export function findAccountById(db: DbExecutor, id: number): AccountRow | null {
  return db.select().from(accounts).where(eq(accounts.id, id)).get() ?? null;
}

/** Every account in username order, without hashes. */
export function listAccounts(db: DbExecutor): AccountView[] {
  return db.select().from(accounts).orderBy(asc(accounts.username)).all().map(toAccountView);
}

export interface NewAccount {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly schoolCode: string | null;
  readonly passwordHash: string;
  readonly at: string;
}

export function insertAccount(db: DbExecutor, input: NewAccount): AccountRow {
  const { at, ...rest } = input;
  return db
    .insert(accounts)
    .values({ ...rest, createdAt: at, updatedAt: at })
    .returning()
    .get();
}

export type AccountChanges = Partial<
  Pick<AccountRow, 'displayName' | 'role' | 'schoolCode' | 'passwordHash' | 'disabledAt'>
>;

export function updateAccount(db: DbExecutor, id: number, changes: AccountChanges, at: string): AccountRow {
  return db
    .update(accounts)
    .set({ ...changes, updatedAt: at })
    .where(eq(accounts.id, id))
    .returning()
    .get()!;
}
