import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, verifyAuditChain } from '../../db';
import { buildApp } from '../../server/app';
import { CLI_ACTOR } from '../../server/plugins/auth';
import { issueToken } from '../../server/services/tokens';
import { form, SMALL, tableCounts } from '../http/helper';

const ROOT = join(import.meta.dirname, '../..');
const exec = promisify(execFile);

async function cli(script: string, args: string[], databasePath: string) {
  try {
    const { stdout, stderr } = await exec(join(ROOT, 'node_modules/.bin/tsx'), [script, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_PATH: databasePath },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const actions = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[]).map(
      (r) => r.action,
    );
  } finally {
    db.close();
  }
};

/** Issue 10 item 11: `npm run backup` and `npm run restore`. */
describe('backup and restore', () => {
  let dir: string;
  let live: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'backup-'));
    live = join(dir, 'live.sqlite');
    // The server runs on the database while the backup is taken, and keeps writing.
    const db = openDatabase(live);
    const hr = {
      authorization: `Bearer ${issueToken(db, { role: 'hr', schoolCode: null }, CLI_ACTOR).token}`,
    };
    const app = await buildApp({ db });
    const upload = () =>
      app.inject({ method: 'POST', url: '/api/datasets', headers: hr, payload: form(SMALL()) });
    expect((await upload()).statusCode).toBe(201);
    const backup = cli('server/cli/backup.ts', [join(dir, 'copy.sqlite')], live);
    expect((await upload()).statusCode).toBe(201);
    const done = await backup;
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/integrity ok, audit chain ok/);
    expect((await upload()).statusCode).toBe(201);
    await app.close();
    closeDatabase(db);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes a consistent, audited copy while the server runs', () => {
    // One self-contained file (rollback journal, not WAL): no -wal/-shm beside it, readable from read-only media.
    expect(readdirSync(dir).filter((f) => f.startsWith('copy.sqlite'))).toEqual(['copy.sqlite']);
    expect(readFileSync(join(dir, 'copy.sqlite'))[18]).toBe(1);
    const copy = new Database(join(dir, 'copy.sqlite'), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const datasets = (copy.prepare('SELECT count(*) AS n FROM datasets').get() as { n: number }).n;
    copy.close();
    expect([1, 2]).toContain(datasets);
    expect(actions(live)).toContain('database.backup');
    const db = openDatabase(live);
    expect(verifyAuditChain(db).ok).toBe(true);
    closeDatabase(db);
  });

  it('refuses to overwrite an existing file', async () => {
    const again = await cli('server/cli/backup.ts', [join(dir, 'copy.sqlite')], live);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
  });

  it('restores a sound copy, keeping the replaced database and auditing the restore', async () => {
    const target = join(dir, 'target.sqlite');
    writeFileSync(target, readFileSync(live));
    const res = await cli('server/cli/restore.ts', [join(dir, 'copy.sqlite')], target);
    expect(res.code, res.stderr).toBe(0);
    const db = openDatabase(target);
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyAuditChain(db).ok).toBe(true);
    const copy = openDatabase(join(dir, 'copy.sqlite'));
    expect(tableCounts(db).datasets).toBe(tableCounts(copy).datasets);
    closeDatabase(copy);
    closeDatabase(db);
    expect(actions(target).at(-1)).toBe('database.restore');
    expect(res.stdout).toMatch(/previous database is kept as .*before-restore/);
  });

  it.each([
    ['a file that is not SQLite', (file: string) => writeFileSync(file, 'not a database at all'.repeat(300))],
    [
      'a copy whose audit log was edited',
      (file: string) => {
        writeFileSync(file, readFileSync(join(dir, 'copy.sqlite')));
        const db = new Database(file);
        db.exec('DROP TRIGGER audit_log_no_update');
        db.exec("UPDATE audit_log SET actor = 'someone else' WHERE seq = 1");
        db.close();
      },
    ],
    [
      'a copy whose log guards were dropped (the log could then be edited after the restore)',
      (file: string) => {
        writeFileSync(file, readFileSync(join(dir, 'copy.sqlite')));
        const db = new Database(file);
        db.exec('DROP TRIGGER audit_log_no_update');
        db.exec('DROP TRIGGER audit_log_no_delete');
        db.close();
      },
    ],
    [
      'a truncated copy',
      (file: string) => {
        const bytes = readFileSync(join(dir, 'copy.sqlite'));
        writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
      },
    ],
  ])('refuses %s and leaves the database as it was', async (_n, make) => {
    const bad = join(dir, `bad-${Math.random().toString(36).slice(2)}.sqlite`);
    make(bad);
    const target = join(dir, 'untouched.sqlite');
    writeFileSync(target, readFileSync(live));
    const before = readFileSync(target);
    const res = await cli('server/cli/restore.ts', [bad], target);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/refused/);
    expect(readFileSync(target).equals(before)).toBe(true);
  });
});
