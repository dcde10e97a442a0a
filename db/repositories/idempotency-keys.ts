import { and, eq } from 'drizzle-orm';
import type { DbExecutor } from '../client';
import { type IdempotencyKeyRow, idempotencyKeys, type NewIdempotencyKeyRow } from '../schema';

export function findIdempotencyKey(db: DbExecutor, scope: string, key: string): IdempotencyKeyRow | null {
  return (
    db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
      .get() ?? null
  );
}

/** Stores a key with its answer; call inside the transaction that created `row.resource`. */
export function insertIdempotencyKey(db: DbExecutor, row: NewIdempotencyKeyRow): void {
  db.insert(idempotencyKeys).values(row).run();
}
