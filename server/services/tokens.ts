import { createApiToken, type Db, ROLES, type Role } from '../../db';
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
