import { createHash } from 'node:crypto';
import { asc, desc, gt } from 'drizzle-orm';
import type { DbExecutor } from '../client';
import { type AuditLogRow, auditLog } from '../schema';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryInput {
  readonly actor: string;
  readonly role: string;
  readonly action: string;
  readonly subject: string;
  readonly detail: unknown;
  /** Defaults to now; tests pass a fixed time. */
  readonly at?: string;
}

/** The hash covers every stored field but itself, so changing any of them is detected. */
export function entryHash(row: Omit<AuditLogRow, 'hash'>): string {
  const fields = [
    row.seq,
    row.at,
    row.actor,
    row.role,
    row.action,
    row.subject,
    row.detailJson,
    row.prevHash,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/**
 * Appends one entry, chained to the last one. Call it inside the transaction of the write it records, so
 * the write and its record commit together (better-sqlite3 transactions are synchronous and serialised).
 */
export function appendAudit(db: DbExecutor, input: AuditEntryInput): AuditLogRow {
  const last = db
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1)
    .get();
  const base = {
    seq: (last?.seq ?? 0) + 1,
    at: input.at ?? new Date().toISOString(),
    actor: input.actor,
    role: input.role,
    action: input.action,
    subject: input.subject,
    detailJson: JSON.stringify(input.detail ?? null),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const row = { ...base, hash: entryHash(base) };
  db.insert(auditLog).values(row).run();
  return row;
}

export function listAudit(db: DbExecutor, options: { afterSeq?: number; limit: number }): AuditLogRow[] {
  return db
    .select()
    .from(auditLog)
    .where(gt(auditLog.seq, options.afterSeq ?? 0))
    .orderBy(asc(auditLog.seq))
    .limit(options.limit)
    .all();
}

export interface ChainVerification {
  readonly ok: boolean;
  readonly entries: number;
  /** Hash of the last entry: note it down, and a later truncation of the log's tail shows too. */
  readonly headHash: string;
  readonly firstBadSeq: number | null;
  readonly problem: string | null;
}

/** Walks the whole log and recomputes every link. */
export function verifyAuditChain(db: DbExecutor): ChainVerification {
  const rows = db.select().from(auditLog).orderBy(asc(auditLog.seq)).all();
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const row of rows) {
    const bad = (problem: string): ChainVerification => ({
      ok: false,
      entries: rows.length,
      headHash: rows.at(-1)?.hash ?? GENESIS_HASH,
      firstBadSeq: row.seq,
      problem,
    });
    if (row.seq !== expectedSeq) return bad(`entry ${expectedSeq} is missing`);
    if (row.prevHash !== prev) return bad(`entry ${row.seq} does not follow entry ${row.seq - 1}`);
    const { hash, ...rest } = row;
    if (entryHash(rest) !== hash) return bad(`entry ${row.seq} was altered`);
    prev = hash;
    expectedSeq += 1;
  }
  return { ok: true, entries: rows.length, headHash: prev, firstBadSeq: null, problem: null };
}
