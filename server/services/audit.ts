import { appendAudit, type DbExecutor } from '../../db';
import type { Actor } from '../plugins/auth';

/** Records one write by `actor`; call inside the write's transaction so both commit or neither does. */
export function recordWrite(
  db: DbExecutor,
  actor: Actor,
  action: string,
  subject: string,
  detail: unknown,
): void {
  appendAudit(db, { actor: actor.id, role: actor.role, action, subject, detail });
}

/**
 * Options for every write transaction: BEGIN IMMEDIATE takes the write lock up front, so two processes (the
 * API and `npm run demo` or `npm run token`) never both read the same last audit entry and then collide on
 * the next sequence number; the second waits (busy_timeout) instead.
 */
export const WRITE = { behavior: 'immediate' } as const;
