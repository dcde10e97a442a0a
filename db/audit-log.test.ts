import { beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from './client';
import { appendAudit, verifyAuditChain } from './repositories/audit-log';

describe('audit log hash chain', () => {
  let db: Db;
  beforeEach(() => {
    db = openDatabase(':memory:');
    for (const action of ['dataset.create', 'run.create', 'run.replay']) {
      appendAudit(db, { actor: 'token:1', role: 'hr', action, subject: 'x', detail: { action } });
    }
  });

  it('verifies an untouched log', () => {
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 3, firstBadSeq: null });
  });

  it('refuses updates and deletes at the database', () => {
    expect(() => db.$client.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 2").run()).toThrow(
      /append-only/,
    );
    expect(() => db.$client.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(/append-only/);
  });

  it('detects an edited entry even when the trigger is dropped', () => {
    db.$client.exec('DROP TRIGGER audit_log_no_update');
    db.$client.prepare("UPDATE audit_log SET actor = 'someone else' WHERE seq = 2").run();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBadSeq: 2, problem: 'entry 2 was altered' });
  });

  it('detects a deleted entry', () => {
    db.$client.exec('DROP TRIGGER audit_log_no_delete');
    db.$client.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBadSeq: 3, problem: 'entry 2 is missing' });
  });
});

describe('immutability', () => {
  it('refuses to update a dataset', () => {
    const db = openDatabase(':memory:');
    db.$client
      .prepare(
        "INSERT INTO datasets (created_at, created_by, counts_json, dataset_json, rules_json) VALUES ('t','a','{}','{}','{}')",
      )
      .run();
    expect(() => db.$client.prepare("UPDATE datasets SET label = 'x'").run()).toThrow(/immutable/);
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});
