import { createApiToken, type Db, ROLES, type Role, revokeApiToken } from '../../db';
import type { Actor } from '../plugins/auth';
import { recordWrite, WRITE } from './audit';

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * Issues a bearer token and records the issue in the audit log. A principal's token is bound to one school;
 * the others must not be.
 */
export function issueToken(
  db: Db,
  input: { role: Role; schoolCode?: string | null; label?: string | null },
  actor: Actor,
): { token: string; id: number } {
  const schoolCode = input.schoolCode ?? null;
  if (input.role === 'principal' && schoolCode === null)
    throw new Error('a principal token needs --school CODE');
  if (input.role !== 'principal' && schoolCode !== null)
    throw new Error('only a principal token takes --school');
  return db.transaction((tx) => {
    const { token, row } = createApiToken(tx, { role: input.role, schoolCode, label: input.label ?? null });
    recordWrite(tx, actor, 'token.create', `token:${row.id}`, {
      role: row.role,
      schoolCode,
      label: row.label,
    });
    return { token, id: row.id };
  }, WRITE);
}

/**
 * Revokes a token at once (a principal who left, a leaked token); the revocation is audited. Returns false
 * when no live token has this id.
 */
export function revokeToken(db: Db, id: number, actor: Actor): boolean {
  return db.transaction((tx) => {
    const revoked = revokeApiToken(tx, id, new Date().toISOString());
    if (revoked) recordWrite(tx, actor, 'token.revoke', `token:${id}`, { id });
    return revoked;
  }, WRITE);
}
