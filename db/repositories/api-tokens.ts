import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
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

/** The live token with this clear text, or null. */
export function findApiToken(db: DbExecutor, token: string): ApiTokenRow | null {
  return (
    db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)))
      .get() ?? null
  );
}
