import { createHash, createHmac, randomBytes } from 'node:crypto';
import {
  type AccountRow,
  appendAudit,
  type Db,
  findAccountById,
  findAccountByUsername,
  findLiveSession,
  insertSession,
  purgeSessions,
  revokeSession,
  touchSession,
} from '../../db';
import { WRITE } from './audit';
import { LoginThrottle, type ThrottleOptions } from './login-throttle';
import { verifyPassword } from './passwords';

export const SESSION_COOKIE = 'xgxp_session';
/** Idle timeout: a session unused this long is over (sliding: each use moves it forward). */
export const IDLE_TIMEOUT_MS = 30 * 60_000;
/** Hard cap on a session's life however busy it is: a working day. */
export const MAX_SESSION_MS = 12 * 60 * 60_000;
/** Writing last_seen_at on every request is wasted I/O; a minute's slack on a 30-minute timeout is not. */
const TOUCH_EVERY_MS = 15_000;

export interface SessionUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: AccountRow['role'];
  readonly schoolCode: string | null;
}

export interface ResolvedSession {
  readonly id: number;
  readonly account: AccountRow;
  readonly user: SessionUser;
  readonly csrfToken: string;
}

export type LoginResult =
  | { readonly ok: true; readonly token: string; readonly session: ResolvedSession }
  | { readonly ok: false; readonly reason: 'failed' }
  | { readonly ok: false; readonly reason: 'locked'; readonly retryAfterMs: number };

export function userOf(account: AccountRow): SessionUser {
  return {
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    schoolCode: account.schoolCode,
  };
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * The CSRF token is derived from the session token, so nothing more is stored and only a holder of the
 * cookie (or a page that was given it by GET /api/session) can know it.
 */
const csrfOf = (token: string): string => createHmac('sha256', token).update('xgxp-csrf').digest('base64url');

/**
 * Console sessions: log in (with lockout and audit), resolve the cookie on each request, log out. The clock
 * is injected so tests can pass the idle timeout without waiting.
 */
export class SessionService {
  readonly throttle: LoginThrottle;
  private readonly now: () => number;

  constructor(
    private readonly db: Db,
    options: { now?: () => number; throttle?: Partial<ThrottleOptions> } = {},
  ) {
    this.now = options.now ?? Date.now;
    this.throttle = new LoginThrottle({ now: this.now, ...options.throttle });
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }

  /**
   * Checks a username and password. Unknown user, wrong password and disabled account all answer `failed`
   * (and take as long); a locked username or address answers `locked` without checking the password.
   */
  async login(username: string, password: string, ip: string): Promise<LoginResult> {
    const retryAfterMs = this.throttle.begin(username, ip);
    if (retryAfterMs > 0) return { ok: false, reason: 'locked', retryAfterMs };
    let outcome: 'ok' | 'unknown_user' | 'wrong_password' | 'disabled' = 'wrong_password';
    let lockedNow = false;
    let opened: { token: string; session: ResolvedSession } | null = null;
    try {
      const account = findAccountByUsername(this.db, username);
      const passwordOk = await verifyPassword(password, account?.passwordHash ?? null);
      if (!account) outcome = 'unknown_user';
      else if (!passwordOk) outcome = 'wrong_password';
      else if (account.disabledAt !== null) outcome = 'disabled';
      else {
        const result = this.open(account, ip);
        if ('problem' in result) outcome = result.problem;
        else {
          outcome = 'ok';
          opened = result;
        }
      }
    } finally {
      // Every begun attempt is settled; one that threw counts as a failure.
      lockedNow = this.throttle.settle(username, ip, outcome === 'ok');
    }
    if (opened) return { ok: true, ...opened };
    this.db.transaction((tx) => {
      const at = this.iso();
      const base = { actor: 'anonymous', role: 'none', subject: `account:${username}`, at };
      appendAudit(tx, { ...base, action: 'session.login_failed', detail: { ip, reason: outcome } });
      if (lockedNow) {
        const seconds = Math.ceil(this.throttle.options.lockoutMs / 1000);
        appendAudit(tx, { ...base, action: 'session.locked', detail: { ip, lockoutSeconds: seconds } });
      }
    }, WRITE);
    return { ok: false, reason: 'failed' };
  }

  /**
   * Opens a session for an account whose password was just checked against `checked.passwordHash`. The
   * account is read again under the write lock: a new password or disabling may have landed while the
   * password was being checked (scrypt takes ~150 ms), and a session opened with the old password after
   * that change revoked the account's sessions would outlive it.
   */
  private open(
    checked: AccountRow,
    ip: string,
  ):
    | { token: string; session: ResolvedSession }
    | { problem: 'unknown_user' | 'wrong_password' | 'disabled' } {
    const token = randomBytes(32).toString('base64url');
    return this.db.transaction((tx) => {
      const account = findAccountById(tx, checked.id);
      if (!account) return { problem: 'unknown_user' as const };
      if (account.passwordHash !== checked.passwordHash) return { problem: 'wrong_password' as const };
      if (account.disabledAt !== null) return { problem: 'disabled' as const };
      const at = this.iso();
      purgeSessions(tx, new Date(this.now() - MAX_SESSION_MS).toISOString());
      const row = insertSession(tx, { tokenHash: hashToken(token), accountId: account.id, at });
      appendAudit(tx, {
        actor: `account:${account.username}`,
        role: account.role,
        action: 'session.login',
        subject: `account:${account.username}`,
        detail: { ip, sessionId: row.id },
        at,
      });
      const session = { id: row.id, account, user: userOf(account), csrfToken: csrfOf(token) };
      return { token, session };
    }, WRITE);
  }

  /**
   * The live session behind a cookie token, or null when unknown, revoked, idle past the timeout, older
   * than the cap, or its account is disabled. Slides the idle timeout forward.
   */
  resolve(token: string): ResolvedSession | null {
    const found = findLiveSession(this.db, hashToken(token));
    if (!found || found.account.disabledAt !== null) return null;
    const now = this.now();
    const lastSeen = Date.parse(found.session.lastSeenAt);
    if (now - lastSeen >= IDLE_TIMEOUT_MS || now - Date.parse(found.session.createdAt) >= MAX_SESSION_MS) {
      return null;
    }
    if (now - lastSeen >= TOUCH_EVERY_MS) touchSession(this.db, found.session.id, this.iso());
    const { account } = found;
    return { id: found.session.id, account, user: userOf(account), csrfToken: csrfOf(token) };
  }

  /** Ends a session (logout) and records it. */
  logout(session: ResolvedSession, ip: string): void {
    this.db.transaction((tx) => {
      const at = this.iso();
      if (!revokeSession(tx, session.id, at)) return;
      appendAudit(tx, {
        actor: `account:${session.account.username}`,
        role: session.account.role,
        action: 'session.logout',
        subject: `account:${session.account.username}`,
        detail: { ip, sessionId: session.id },
        at,
      });
    }, WRITE);
  }
}
