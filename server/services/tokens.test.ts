import { describe, expect, it } from 'vitest';
import { findApiToken, hashToken, openDatabase } from '../../db';
import { CLI_ACTOR } from '../plugins/auth';
import { issueToken } from './tokens';

describe('issueToken', () => {
  it('stores only the hash, with role and school, and records the issue', () => {
    const db = openDatabase(':memory:');
    const { token } = issueToken(db, { role: 'principal', schoolCode: 'S01' }, CLI_ACTOR);
    const stored = db.$client.prepare('SELECT * FROM api_tokens').all() as Record<string, unknown>[];
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ token_hash: hashToken(token), role: 'principal', school_code: 'S01' });
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(findApiToken(db, token)).toMatchObject({ role: 'principal', schoolCode: 'S01' });
    expect(findApiToken(db, `${token}x`)).toBeNull();
    const audit = db.$client.prepare('SELECT action, subject FROM audit_log').all();
    expect(audit).toEqual([{ action: 'token.create', subject: 'token:1' }]);
  });

  it('binds principals, and only principals, to a school', () => {
    const db = openDatabase(':memory:');
    expect(() => issueToken(db, { role: 'principal' }, CLI_ACTOR)).toThrow(/--school/);
    expect(() => issueToken(db, { role: 'hr', schoolCode: 'S01' }, CLI_ACTOR)).toThrow(/only a principal/);
  });
});
