import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbExecutor } from '../client';
import { type ApiTokenRow, apiTokens, type Role } from '../schema';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a token and returns it in clear exactly once; only its hash is stored. */
export function createApiToken(
  db: DbExecutor,
  input: { role: Role; schoolCode: string | null; label?: string | null },
): { token: string; row: ApiTokenRow } {
  const token = `xg_${randomBytes(24).toString('base64url')}`;
  const row = db
    .insert(apiTokens)
    .values({
      tokenHash: hashToken(token),
      role: input.role,
      schoolCode: input.schoolCode,
      label: input.label ?? null,
      createdAt: new Date().toISOString(),
    })
    .returning()
    .get();
  return { token, row };
}

function prepareLookup(db: DbExecutor) {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, sql.placeholder('hash')), isNull(apiTokens.revokedAt)))
    .prepare();
}

/** Every API request looks its token up: the statement is prepared once per connection, not per request. */
const lookups = new WeakMap<DbExecutor, ReturnType<typeof prepareLookup>>();

/** The live token with this clear text, or null. */
export function findApiToken(db: DbExecutor, token: string): ApiTokenRow | null {
  let lookup = lookups.get(db);
  if (!lookup) {
    lookup = prepareLookup(db);
    lookups.set(db, lookup);
  }
  return lookup.get({ hash: hashToken(token) }) ?? null;
}

/** Every token ever issued, newest first, without hashes: what an administrator lists before revoking. */
export function listApiTokens(db: DbExecutor): Omit<ApiTokenRow, 'tokenHash'>[] {
  return db
    .select({
      id: apiTokens.id,
      role: apiTokens.role,
      schoolCode: apiTokens.schoolCode,
      label: apiTokens.label,
      createdAt: apiTokens.createdAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .orderBy(sql`${apiTokens.id} desc`)
    .all();
}

/** Marks a live token revoked; returns false when there is no such live token. */
export function revokeApiToken(db: DbExecutor, id: number, at: string): boolean {
  const res = db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .run();
  return res.changes > 0;
}
