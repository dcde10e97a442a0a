import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbExecutor } from '../client';
import { type AccountRow, accounts, type SessionRow, sessions } from '../schema';

export function insertSession(db: DbExecutor, input: { tokenHash: string; accountId: number; at: string }) {
  return db
    .insert(sessions)
    .values({
      tokenHash: input.tokenHash,
      accountId: input.accountId,
      createdAt: input.at,
      lastSeenAt: input.at,
    })
    .returning()
    .get();
}

/** The unrevoked session with this token hash and its account, or null. Expiry is the caller's to judge. */
export function findLiveSession(
  db: DbExecutor,
  tokenHash: string,
): { session: SessionRow; account: AccountRow } | null {
  const row = db
    .select({ session: sessions, account: accounts })
    .from(sessions)
    .innerJoin(accounts, eq(sessions.accountId, accounts.id))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)))
    .get();
  return row ?? null;
}

export function touchSession(db: DbExecutor, id: number, at: string): void {
  db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id)).run();
}

export function revokeSession(db: DbExecutor, id: number, at: string): boolean {
  return (
    db
      .update(sessions)
      .set({ revokedAt: at })
      .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)))
      .run().changes > 0
  );
}

/** Revokes every live session of an account; returns how many were live. */
export function revokeAccountSessions(db: DbExecutor, accountId: number, at: string): number {
  return db
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt)))
    .run().changes;
}

/** Deletes sessions that ended (revoked or last seen) before `before`: they can never be used again. */
export function purgeSessions(db: DbExecutor, before: string): number {
  return db
    .delete(sessions)
    .where(or(lt(sessions.lastSeenAt, before), lt(sql`coalesce(${sessions.revokedAt}, ${before})`, before)))
    .run().changes;
}
