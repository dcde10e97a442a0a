import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findAccountByUsername, listAudit, revokeAccountSessions, updateAccount } from '../../db';
import { CLI_ACTOR } from '../../server/plugins/auth';
import { changeAccount, createAccount } from '../../server/services/accounts';
import { hashPassword } from '../../server/services/passwords';
import {
  IDLE_TIMEOUT_MS,
  MAX_SESSION_MS,
  SESSION_COOKIE,
  SessionService,
} from '../../server/services/sessions';
import { buildTestApp, type CookieAuth, form, login, PASSWORD, SMALL, type TestApp } from './helper';

/** A clock the tests move by hand: the idle timeout and the lockout pass without waiting. */
function manualClock(start = Date.parse('2026-03-01T08:00:00Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const actions = (t: TestApp) => listAudit(t.db, { limit: 1000 }).map((e) => e.action);

describe('POST /api/session (login)', () => {
  let t: TestApp;
  let clock: ReturnType<typeof manualClock>;
  beforeEach(async () => {
    clock = manualClock();
    t = await buildTestApp({ sessions: { now: clock.now } });
    await createAccount(
      t.db,
      { username: 'hr1', password: PASSWORD, role: 'hr', displayName: '人事股 王老师' },
      CLI_ACTOR,
    );
  });
  afterEach(() => t.app.close());

  const attempt = (username: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/session', payload: { username, password }, headers });

  it('logs in, sets an HttpOnly SameSite=Strict cookie and returns the user and CSRF token', async () => {
    const res = await attempt('hr1', PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toEqual({
      username: 'hr1',
      displayName: '人事股 王老师',
      role: 'hr',
      schoolCode: null,
    });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.secure).toBeUndefined();
    expect(cookie?.maxAge).toBeUndefined();
    expect(t.db.$client.prepare('SELECT token_hash FROM sessions').pluck().all()).not.toContain(
      cookie?.value,
    );
    expect(actions(t)).toContain('session.login');
  });

  it.each([
    ['a wrong password', 'hr1', 'not the password'],
    ['an unknown user', 'nobody', PASSWORD],
  ])('refuses %s with the same 401 LOGIN_FAILED, in Chinese by default', async (_n, username, password) => {
    const res = await attempt(username, password);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ statusCode: 401, code: 'LOGIN_FAILED', message: '用户名或密码错误' });
    expect(res.cookies).toEqual([]);
  });

  it('answers in English on request', async () => {
    const viaHeader = await attempt('hr1', 'nope', { 'accept-language': 'en-US,en;q=0.9' });
    expect(viaHeader.json().message).toBe('Wrong username or password');
    const viaQuery = await t.app.inject({
      method: 'POST',
      url: '/api/session?lang=en',
      payload: { username: 'hr1', password: 'nope' },
    });
    expect(viaQuery.json().message).toBe('Wrong username or password');
  });

  it('refuses a disabled account the same way, even with the right password', async () => {
    await createAccount(
      t.db,
      { username: 'hr2', password: PASSWORD, role: 'hr', displayName: 'x' },
      CLI_ACTOR,
    );
    await changeAccount(t.db, 'hr1', { disabled: true }, CLI_ACTOR);
    const res = await attempt('hr1', PASSWORD);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('LOGIN_FAILED');
  });

  it('audits failures with the username tried and never the password', async () => {
    await attempt('hr1', 'secret-guess-1');
    await attempt('ghost', 'secret-guess-2');
    const failed = listAudit(t.db, { limit: 100 }).filter((e) => e.action === 'session.login_failed');
    expect(failed.map((e) => [e.subject, JSON.parse(e.detailJson).reason])).toEqual([
      ['account:hr1', 'wrong_password'],
      ['account:ghost', 'unknown_user'],
    ]);
    const all = JSON.stringify(listAudit(t.db, { limit: 100 }));
    expect(all).not.toContain('secret-guess');
  });

  it('locks the username out on the 6th quick attempt, even with the right password, for 5 minutes', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('hr1', `wrong-${i}`)).statusCode).toBe(401);
    const locked = await attempt('hr1', PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({
      code: 'LOGIN_LOCKED',
      message: '登录失败次数过多，请 5 分钟后再试',
    });
    expect(locked.headers['retry-after']).toBe('300');
    expect(locked.cookies).toEqual([]);
    expect(actions(t)).toContain('session.locked');

    clock.advance(4 * 60_000);
    const still = await attempt('hr1', PASSWORD);
    expect(still.statusCode).toBe(429);
    expect(still.headers['retry-after']).toBe('60');
    clock.advance(60_000);
    expect((await attempt('hr1', PASSWORD)).statusCode).toBe(200);
  });

  it('does not lock other usernames, and forgets failures after a success', async () => {
    for (let i = 0; i < 4; i++) await attempt('hr1', 'wrong');
    expect((await attempt('hr1', PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await attempt('hr1', 'wrong');
    expect((await attempt('hr1', PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) await attempt('someone', 'wrong');
    expect((await attempt('someone', 'wrong')).statusCode).toBe(429);
    expect((await attempt('hr1', PASSWORD)).statusCode).toBe(200);
  });

  it('locks parallel guesses too: no more than 5 are checked', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt('hr1', `guess-${i}`)));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(7);
  });

  it("a flood of refused logins with fresh usernames does not lift anyone's lockout", async () => {
    const small = await buildTestApp({
      sessions: { now: clock.now, throttle: { maxKeys: 50, maxFailuresPerIp: 3 } },
    });
    try {
      await createAccount(
        small.db,
        { username: 'hr1', password: PASSWORD, role: 'hr', displayName: 'x' },
        CLI_ACTOR,
      );
      const from = (remoteAddress: string, username: string, password: string) =>
        small.app.inject({
          method: 'POST',
          url: '/api/session',
          remoteAddress,
          payload: { username, password },
        });
      for (let i = 0; i < 5; i++)
        expect((await from(`10.0.0.${i + 1}`, 'hr1', `wrong-${i}`)).statusCode).toBe(401);
      for (let i = 0; i < 3; i++) expect((await from('10.6.6.6', `x${i}`, 'guess')).statusCode).toBe(401);
      // Locked out (no password is checked, so each costs the attacker nothing): must not evict the locks.
      for (let i = 0; i < 200; i++)
        expect((await from('10.6.6.6', `flood${i}`, 'guess')).statusCode).toBe(429);
      expect((await from('10.0.0.9', 'hr1', PASSWORD)).statusCode).toBe(429);
      expect((await from('10.6.6.6', 'another', 'guess')).statusCode).toBe(429);
    } finally {
      await small.app.close();
    }
  });

  it.each([
    ['a new password', { passwordHash: 'new' }],
    ['disabling the account', { disabledAt: '2026-03-01T08:00:00.000Z' }],
  ])('opens no session when %s lands while the old password is being checked', async (_n, change) => {
    const sessions = new SessionService(t.db, { now: clock.now });
    const account = findAccountByUsername(t.db, 'hr1')!;
    const changes =
      'passwordHash' in change ? { passwordHash: await hashPassword('the new password') } : change;
    // login() reads the account, then awaits scrypt: the reset commits in between, as hr's PATCH would.
    const pending = sessions.login('hr1', PASSWORD, '10.0.0.1');
    updateAccount(t.db, account.id, changes, new Date(clock.now()).toISOString());
    revokeAccountSessions(t.db, account.id, new Date(clock.now()).toISOString());
    const result = await pending;
    expect(result.ok).toBe(false);
    expect(t.db.$client.prepare('SELECT count(*) FROM sessions WHERE revoked_at IS NULL').pluck().get()).toBe(
      0,
    );
    expect(actions(t)).not.toContain('session.login');
  });

  it('rejects a body that is not a username and password', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'hr1' } });
    expect(res.statusCode).toBe(400);
  });
});

describe('cookie sessions', () => {
  let t: TestApp;
  let clock: ReturnType<typeof manualClock>;
  let hr: CookieAuth;
  beforeEach(async () => {
    clock = manualClock();
    t = await buildTestApp({ sessions: { now: clock.now } });
    await createAccount(
      t.db,
      { username: 'hr1', password: PASSWORD, role: 'hr', displayName: '王' },
      CLI_ACTOR,
    );
    hr = await login(t.app, 'hr1', PASSWORD);
  });
  afterEach(() => t.app.close());

  const who = (headers: Record<string, string>) => t.app.inject({ url: '/api/session', headers });

  it('GET /api/session returns the user and the same CSRF token', async () => {
    const res = await who({ cookie: hr.cookie });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      user: { username: 'hr1', displayName: '王', role: 'hr', schoolCode: null },
      csrfToken: hr['x-csrf-token'],
    });
  });

  it('GET /api/session without a session, with a bad cookie or with a bearer token → 401', async () => {
    for (const headers of [{}, { cookie: `${SESSION_COOKIE}=forged` }, t.as.hr]) {
      const res = await who(headers);
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('UNAUTHORIZED');
    }
  });

  it('ends after 30 idle minutes, and each use slides the timeout', async () => {
    clock.advance(IDLE_TIMEOUT_MS - 60_000);
    expect((await who({ cookie: hr.cookie })).statusCode).toBe(200);
    clock.advance(IDLE_TIMEOUT_MS - 60_000);
    expect((await t.app.inject({ url: '/api/runs', headers: { cookie: hr.cookie } })).statusCode).toBe(200);
    clock.advance(IDLE_TIMEOUT_MS);
    expect((await who({ cookie: hr.cookie })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/runs', headers: { cookie: hr.cookie } })).statusCode).toBe(401);
  });

  it('ends after 12 hours however busy', async () => {
    for (let elapsed = 0; elapsed < MAX_SESSION_MS - 20 * 60_000; elapsed += 20 * 60_000) {
      clock.advance(20 * 60_000);
      expect((await who({ cookie: hr.cookie })).statusCode).toBe(200);
    }
    clock.advance(20 * 60_000);
    expect((await who({ cookie: hr.cookie })).statusCode).toBe(401);
  });

  it('DELETE /api/session logs out: the cookie is cleared and the session refused from then on', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: '/api/session', headers: hr });
    expect(res.statusCode).toBe(204);
    const cleared = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cleared?.value).toBe('');
    expect((await who({ cookie: hr.cookie })).statusCode).toBe(401);
    expect(actions(t)).toContain('session.logout');
  });

  it('a cookie write without the CSRF token, or with a wrong one, is refused with 403 CSRF_FAILED', async () => {
    for (const headers of [{ cookie: hr.cookie }, { cookie: hr.cookie, 'x-csrf-token': 'wrong' }]) {
      const res = await t.app.inject({ method: 'DELETE', url: '/api/session', headers });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'CSRF_FAILED' });
      const run = await t.app.inject({
        method: 'POST',
        url: '/api/runs',
        headers,
        payload: { datasetId: 1 },
      });
      expect(run.statusCode).toBe(403);
      expect(run.json().code).toBe('CSRF_FAILED');
    }
    expect((await who({ cookie: hr.cookie })).statusCode).toBe(200);
  });

  it('a cookie write with the CSRF token goes through; a bearer write needs none', async () => {
    const withToken = await t.app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: hr,
      payload: { datasetId: 999 },
    });
    expect(withToken.statusCode).toBe(404);
    const bearer = await t.app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: t.as.hr,
      payload: { datasetId: 999 },
    });
    expect(bearer.statusCode).toBe(404);
  });

  it('records cookie writes in the audit log under the account’s name', async () => {
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/datasets',
      headers: hr,
      payload: form(SMALL()),
    });
    expect(upload.statusCode).toBe(201);
    const entry = listAudit(t.db, { limit: 100 }).find((e) => e.action.startsWith('dataset'));
    expect(entry).toMatchObject({ actor: 'account:hr1', role: 'hr' });
  });

  it('forgets sessions that ended long ago when someone logs in', async () => {
    const count = () => t.db.$client.prepare('SELECT count(*) FROM sessions').pluck().get();
    await t.app.inject({ method: 'DELETE', url: '/api/session', headers: hr });
    await login(t.app, 'hr1', PASSWORD);
    expect(count()).toBe(2);
    clock.advance(13 * 60 * 60_000);
    await login(t.app, 'hr1', PASSWORD);
    expect(count()).toBe(1);
  });

  it('disabling the account or changing its password ends its sessions at once', async () => {
    await createAccount(
      t.db,
      { username: 'hr2', password: PASSWORD, role: 'hr', displayName: 'x' },
      CLI_ACTOR,
    );
    const second = await login(t.app, 'hr1', PASSWORD);
    await changeAccount(t.db, 'hr1', { password: 'a brand new password' }, CLI_ACTOR);
    expect((await who({ cookie: hr.cookie })).statusCode).toBe(401);
    expect((await who({ cookie: second.cookie })).statusCode).toBe(401);
    const third = await login(t.app, 'hr1', 'a brand new password');
    await changeAccount(t.db, 'hr1', { disabled: true }, CLI_ACTOR);
    expect((await who({ cookie: third.cookie })).statusCode).toBe(401);
  });

  it('marks the cookie Secure behind an HTTPS proxy only when the proxy is trusted, and trusts one hop only', async () => {
    const headers = { 'x-forwarded-proto': 'https' };
    const payload = { username: 'hr1', password: PASSWORD };
    const untrusted = await t.app.inject({ method: 'POST', url: '/api/session', payload, headers });
    expect(untrusted.cookies[0]?.secure).toBeUndefined();
    const proxied = await buildTestApp({ trustProxy: true });
    await createAccount(
      proxied.db,
      { username: 'hr1', password: PASSWORD, role: 'hr', displayName: 'x' },
      CLI_ACTOR,
    );
    const trusted = await proxied.app.inject({ method: 'POST', url: '/api/session', payload, headers });
    expect(trusted.cookies[0]).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
    // A trusted proxy appends the peer it saw; whatever the client wrote before that is not its address.
    await proxied.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'hr1', password: 'not the password' },
      headers: { 'x-forwarded-for': '10.9.9.1, 203.0.113.7' },
    });
    const failed = listAudit(proxied.db, { limit: 100 }).find((e) => e.action === 'session.login_failed');
    expect(JSON.parse(failed?.detailJson ?? '{}').ip).toBe('203.0.113.7');
    await proxied.app.close();
  });
});
