import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Idempotency-Key headers of POSTs that created something, each stored in the transaction that created the
 * row it names, with the answer given: a client retrying after a lost connection gets that answer again
 * instead of a second dataset or run. Keys belong to the caller (`scope`, e.g. `token:3`).
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of the route and the request body: the same key with another body is refused (422). */
    requestHash: text('request_hash').notNull(),
    /** What the request created, e.g. `dataset:4`, `run:9`. */
    resource: text('resource').notNull(),
    statusCode: integer('status_code').notNull(),
    responseJson: text('response_json').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('idempotency_keys_scope_key_uq').on(t.scope, t.key)],
);

export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;
export type NewIdempotencyKeyRow = typeof idempotencyKeys.$inferInsert;
