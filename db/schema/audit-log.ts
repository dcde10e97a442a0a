import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Append-only record of every write. Each entry carries the hash of the one before it, so editing or
 * deleting an entry breaks the chain at that point (see db/repositories/audit-log.ts).
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    /** 1, 2, 3, … with no gaps: assigned by the appender, not by SQLite, because it is part of the hash. */
    seq: integer('seq').primaryKey(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    role: text('role').notNull(),
    action: text('action').notNull(),
    subject: text('subject').notNull(),
    detailJson: text('detail_json').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [uniqueIndex('audit_log_hash_uq').on(t.hash)],
);

export type AuditLogRow = typeof auditLog.$inferSelect;
export type NewAuditLogRow = typeof auditLog.$inferInsert;
