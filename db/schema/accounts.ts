import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ROLES } from './api-tokens';

/**
 * People who log in to the console. The password is kept only as a scrypt hash (see
 * server/services/passwords.ts); a disabled account keeps its row so the audit log's actors stay resolvable.
 */
export const accounts = sqliteTable(
  'accounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 3–32 characters of [A-Za-z0-9_.-]; compared exactly as stored (case-sensitive). */
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    /** The one school a principal may see; null for other roles. */
    schoolCode: text('school_code'),
    passwordHash: text('password_hash').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    disabledAt: text('disabled_at'),
  },
  (t) => [uniqueIndex('accounts_username_uq').on(t.username)],
);

/**
 * Console sessions behind the `xgxp_session` cookie. Only the SHA-256 of the cookie's token is stored; a
 * session ends when revoked (logout, password change, account disabled) or when idle too long.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenHash: text('token_hash').notNull(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
    createdAt: text('created_at').notNull(),
    /** Moved forward as the session is used: the idle timeout counts from here. */
    lastSeenAt: text('last_seen_at').notNull(),
    revokedAt: text('revoked_at'),
  },
  (t) => [
    uniqueIndex('sessions_token_hash_uq').on(t.tokenHash),
    index('sessions_account_idx').on(t.accountId),
  ],
);

export type AccountRow = typeof accounts.$inferSelect;
export type NewAccountRow = typeof accounts.$inferInsert;
export type SessionRow = typeof sessions.$inferSelect;
