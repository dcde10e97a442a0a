import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import * as schema from './schema';

/** The drizzle handle; `$client` is the raw better-sqlite3 connection (pragmas, close, raw counts in tests). */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** What repositories take: the database or a transaction on it (a transaction is a BaseSQLiteDatabase). */
export type DbExecutor = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>;

export const DEFAULT_DATABASE_PATH = 'data/yangcheng.sqlite';
const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));

/**
 * Opens (creating if needed) the SQLite database and brings its schema up to date with the committed
 * migrations, so the app never runs against a schema it does not know.
 *
 * @example
 * const db = openDatabase(':memory:'); // tests: a fresh, fully migrated database
 * const db = openDatabase();           // DATABASE_PATH, else data/yangcheng.sqlite
 */
export function openDatabase(path: string = process.env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  // WAL lets readers (the API) carry on while the CLI writes; NORMAL is durable enough under WAL.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

/** Closes the underlying connection (checkpointing the WAL). */
export function closeDatabase(db: Db): void {
  db.$client.close();
}
