import { copyFileSync, existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { type ChainVerification, closeDatabase, type Db, openDatabase, verifyAuditChain } from '../../db';
import * as schema from '../../db/schema';
import type { Actor } from '../plugins/auth';
import { recordWrite, WRITE } from './audit';

/** What a database file is worth restoring from: SQLite's own check and the audit chain's. */
export interface CopyCheck {
  readonly ok: boolean;
  /** `PRAGMA integrity_check`'s first lines: ['ok'] when sound. */
  readonly integrity: readonly string[];
  readonly audit: ChainVerification | null;
  readonly problem: string | null;
}

/**
 * Checks a database file without changing it: `PRAGMA integrity_check`, then the audit log's hash chain.
 * Never throws for a bad file; says what is wrong instead.
 */
/** The triggers of migrations/0001_immutability.sql that refuse edits to the log, datasets and runs. */
const IMMUTABILITY_TRIGGERS = [
  'datasets_no_update',
  'dataset_files_no_update',
  'runs_no_update',
  'placements_no_update',
  'audit_log_no_update',
  'audit_log_no_delete',
] as const;

export function checkCopy(file: string): CopyCheck {
  const fail = (
    problem: string,
    integrity: readonly string[] = [],
    audit: ChainVerification | null = null,
  ) => ({
    ok: false,
    integrity,
    audit,
    problem,
  });
  if (!existsSync(file)) return fail(`${file} does not exist`);
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = (sqlite.pragma('integrity_check(20)') as { integrity_check: string }[]).map(
      (r) => r.integrity_check,
    );
    if (integrity.length !== 1 || integrity[0] !== 'ok') return fail('integrity_check failed', integrity);
    const hasLog = sqlite
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'")
      .get();
    if (!hasLog) return fail('not a database of this product (no audit_log table)', integrity);
    const audit = verifyAuditChain(drizzle(sqlite, { schema }));
    if (!audit.ok) return fail(`audit chain broken: ${audit.problem}`, integrity, audit);
    // A copy made after the immutability migration (0001, the second) must still have its guards: without
    // them the log and the runs could be edited after the restore (migrations, already applied, would not
    // bring them back).
    const applied = (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number })
      .n;
    const triggers = new Set(
      (
        sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]
      ).map((r) => r.name),
    );
    const missing = IMMUTABILITY_TRIGGERS.filter((name) => !triggers.has(name));
    if (applied >= 2 && missing.length > 0) {
      return fail(`its write guards were removed (${missing.join(', ')})`, integrity, audit);
    }
    return { ok: true, integrity, audit, problem: null };
  } catch (error) {
    return fail(`cannot read it as SQLite: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    sqlite?.close();
  }
}

/**
 * Copies the live database to `file` with SQLite's online backup (consistent even while the server writes:
 * pages changed during the copy are copied again), checks the copy, and audits the backup.
 * Refuses to overwrite an existing file.
 */
export async function backupDatabase(
  db: Db,
  file: string,
  actor: Actor,
): Promise<CopyCheck & { bytes: number }> {
  if (existsSync(file)) throw new Error(`${file} already exists; choose a new file name`);
  await db.$client.backup(file);
  // The copy inherits WAL mode; as a rollback-journal database it is one self-contained file (no -wal/-shm
  // left beside it), readable where it is archived, even on read-only media.
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  const check = checkCopy(file);
  const bytes = statSync(file).size;
  db.transaction(
    (tx) =>
      recordWrite(tx, actor, 'database.backup', `file:${file}`, {
        file,
        bytes,
        ok: check.ok,
        auditEntries: check.audit?.entries ?? null,
        headHash: check.audit?.headHash ?? null,
      }),
    WRITE,
  );
  return { ...check, bytes };
}

/**
 * Replaces the database at `target` with the copy in `file`, after checking the copy (refused, nothing
 * changed, when it fails). The database being replaced is first saved beside it (`<target>.before-restore-…`);
 * the copy is brought up to the current schema (migrations) and the restore is audited in it, naming the
 * head of the audit log it replaced. Stop the server first: its open connection would keep serving cached
 * pages of the old file.
 */
export async function restoreDatabase(
  target: string,
  file: string,
  actor: Actor,
): Promise<{ check: CopyCheck; savedAs: string | null }> {
  const check = checkCopy(file);
  if (!check.ok) return { check, savedAs: null };
  let savedAs: string | null = null;
  let previousHead: string | null = null;
  if (existsSync(target)) {
    const current = openDatabase(target);
    try {
      previousHead = verifyAuditChain(current).headHash;
      savedAs = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await current.$client.backup(savedAs);
    } finally {
      closeDatabase(current);
    }
  }
  // Through SQLite's backup, so the target's WAL and locks are respected (a file copy would not).
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (existsSync(target)) await source.backup(target);
    else copyFileSync(file, target);
  } finally {
    source.close();
  }
  const restored = openDatabase(target);
  try {
    restored.transaction(
      (tx) =>
        recordWrite(tx, actor, 'database.restore', `file:${file}`, {
          file,
          auditEntries: check.audit?.entries ?? null,
          headHash: check.audit?.headHash ?? null,
          replacedHeadHash: previousHead,
          savedAs,
        }),
      WRITE,
    );
  } finally {
    closeDatabase(restored);
  }
  return { check, savedAs };
}
