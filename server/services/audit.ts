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
