import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../db';
import {
  buildTestApp,
  type CookieAuth,
  form,
  login,
  PASSWORD,
  SMALL,
  type TestApp,
  withAccounts,
} from './helper';

describe('/api/accounts', () => {
  let t: TestApp;
  let as: Record<'hr' | 'principal' | 'auditor', CookieAuth>;
  beforeAll(async () => {
    t = await buildTestApp();
    as = await withAccounts(t);
  });
  afterAll(() => t.app.close());

  const create = (body: Record<string, unknown>, headers: Record<string, string> = as.hr) =>
    t.app.inject({ method: 'POST', url: '/api/accounts', headers, payload: body });
  const patch = (username: string, body: Record<string, unknown>, headers: Record<string, string> = as.hr) =>
    t.app.inject({ method: 'PATCH', url: `/api/accounts/${username}`, headers, payload: body });

  it('is for hr only, by cookie or token', async () => {
    for (const headers of [as.hr, t.as.hr]) {
      expect((await t.app.inject({ url: '/api/accounts', headers })).statusCode).toBe(200);
    }
    for (const headers of [as.principal, as.auditor, t.as.principal, t.as.auditor]) {
      expect((await t.app.inject({ url: '/api/accounts', headers })).statusCode).toBe(403);
      const body = { username: 'sneaky', password: PASSWORD, role: 'hr', displayName: 'x' };
      expect((await create(body, headers)).statusCode).toBe(403);
      expect((await patch('hr1', { role: 'auditor' }, headers)).statusCode).toBe(403);
    }
    expect((await t.app.inject({ url: '/api/accounts' })).statusCode).toBe(401);
  });

  it('lists accounts without any password hash', async () => {
    const res = await t.app.inject({ url: '/api/accounts', headers: as.hr });
    const { accounts } = res.json();
    expect(accounts.map((a: { username: string }) => a.username)).toEqual(['auditor1', 'hr1', 'principal1']);
    expect(accounts[2]).toEqual({
      username: 'principal1',
      displayName: 'principal1',
      role: 'principal',
      schoolCode: 'S01',
      disabled: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(res.body).not.toMatch(/scrypt|password/i);
  });

  it('creates an account that can log in at once', async () => {
    const res = await create({
      username: 'zhang.san',
      password: 'long enough pw',
      role: 'principal',
      schoolCode: 'S02',
      displayName: '张三',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'zhang.san',
      role: 'principal',
      schoolCode: 'S02',
      disabled: false,
    });
    const session = await login(t.app, 'zhang.san', 'long enough pw');
    const me = await t.app.inject({ url: '/api/session', headers: { cookie: session.cookie } });
    expect(me.json().user).toEqual({
      username: 'zhang.san',
      displayName: '张三',
      role: 'principal',
      schoolCode: 'S02',
    });
    const entry = listAudit(t.db, { limit: 1000 }).find(
      (e) => e.action === 'account.create' && e.actor === 'account:hr1',
    );
    expect(entry).toMatchObject({ subject: 'account:zhang.san', role: 'hr' });
    expect(entry?.detailJson).not.toContain('long enough pw');
  });

  it.each([
    ['a username too short', { username: 'ab' }, 400, 'VALIDATION_FAILED'],
    ['a username with a space', { username: 'a b c' }, 400, 'VALIDATION_FAILED'],
    ['a username of 33 characters', { username: 'a'.repeat(33) }, 400, 'VALIDATION_FAILED'],
    ['a password of 7 characters', { password: '1234567' }, 400, 'VALIDATION_FAILED'],
    ['an unknown role', { role: 'admin' }, 400, 'VALIDATION_FAILED'],
    ['an unknown field', { admin: true }, 400, 'VALIDATION_FAILED'],
    ['a principal without a school', { role: 'principal' }, 400, 'ACCOUNT_INVALID'],
    ['an auditor with a school', { role: 'auditor', schoolCode: 'S01' }, 400, 'ACCOUNT_INVALID'],
    ['a username that exists', { username: 'hr1' }, 409, 'ACCOUNT_EXISTS'],
  ])('refuses %s', async (_n, over, status, code) => {
    const before = listAudit(t.db, { limit: 1000 }).length;
    const res = await create({
      username: 'new_user',
      password: PASSWORD,
      role: 'hr',
      displayName: '新',
      ...over,
    });
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().code).toBe(code);
    expect(listAudit(t.db, { limit: 1000 })).toHaveLength(before);
  });

  it('explains refusals in Chinese, or English on request', async () => {
    const body = { username: 'p2', password: PASSWORD, role: 'principal', displayName: 'x' };
    const zh = await create({ ...body, username: 'p_two' });
    expect(zh.json().message).toBe('校长账户必须绑定一所学校（学校代码）');
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/accounts?lang=en',
      headers: as.hr,
      payload: { ...body, username: 'p_two' },
    });
    expect(en.json().message).toBe('A principal account must be bound to a school (schoolCode)');
  });

  it('changes role and school; the change applies to live sessions at once', async () => {
    await create({ username: 'li_si', password: PASSWORD, role: 'auditor', displayName: '李四' });
    const session = await login(t.app, 'li_si', PASSWORD);
    expect((await t.app.inject({ url: '/api/datasets', headers: session })).statusCode).toBe(200);
    const res = await patch('li_si', { role: 'principal', schoolCode: 'S01', displayName: '李四校长' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'principal', schoolCode: 'S01', displayName: '李四校长' });
    expect((await t.app.inject({ url: '/api/datasets', headers: session })).statusCode).toBe(403);
    const back = await patch('li_si', { role: 'auditor' });
    expect(back.json()).toMatchObject({ role: 'auditor', schoolCode: null });
    const entries = listAudit(t.db, { limit: 1000 }).filter((e) => e.subject === 'account:li_si');
    expect(entries.map((e) => e.action)).toEqual([
      'account.create',
      'session.login',
      'account.update',
      'account.update',
    ]);
    expect(JSON.parse(entries[2]!.detailJson)).toMatchObject({ role: 'principal', schoolCode: 'S01' });
  });

  it('resets a password and disables: both end the account’s sessions; the audit never holds the password', async () => {
    await create({ username: 'wang_wu', password: PASSWORD, role: 'auditor', displayName: '王五' });
    const first = await login(t.app, 'wang_wu', PASSWORD);
    expect((await patch('wang_wu', { password: 'the new password' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/runs', headers: first })).statusCode).toBe(401);
    const second = await login(t.app, 'wang_wu', 'the new password');
    const disabled = await patch('wang_wu', { disabled: true });
    expect(disabled.json().disabled).toBe(true);
    expect((await t.app.inject({ url: '/api/runs', headers: second })).statusCode).toBe(401);
    const relogin = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'wang_wu', password: 'the new password' },
    });
    expect(relogin.json().code).toBe('LOGIN_FAILED');
    expect((await patch('wang_wu', { disabled: false })).json().disabled).toBe(false);
    await login(t.app, 'wang_wu', 'the new password');
    const entries = listAudit(t.db, { limit: 1000 }).filter((e) => e.subject === 'account:wang_wu');
    expect(entries.map((e) => e.action)).toEqual([
      'account.create',
      'session.login',
      'account.update',
      'session.login',
      'account.disable',
      'session.login_failed',
      'account.enable',
      'session.login',
    ]);
    expect(JSON.parse(entries[2]!.detailJson)).toEqual({ passwordChanged: true, sessionsEnded: 1 });
    expect(JSON.parse(entries[4]!.detailJson)).toEqual({ sessionsEnded: 1 });
    expect(JSON.stringify(entries)).not.toContain('the new password');
  });

  it('keeps one active hr account: the last cannot be disabled or demoted', async () => {
    for (const body of [{ disabled: true }, { role: 'auditor' }]) {
      const res = await patch('hr1', body);
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('LAST_HR_ACCOUNT');
    }
    await create({ username: 'hr2', password: PASSWORD, role: 'hr', displayName: '人事2' });
    expect((await patch('hr1', { disabled: true }, t.as.hr)).statusCode).toBe(200);
    expect((await patch('hr2', { disabled: true }, t.as.hr)).statusCode).toBe(409);
  });

  it('binds a principal only to a school of a stored dataset, once one is stored', async () => {
    // Before any dataset: S01/S02 were taken above (accounts come before the data).
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/datasets',
      headers: t.as.hr,
      payload: form(SMALL()),
    });
    expect(upload.statusCode).toBe(201);
    const body = { password: PASSWORD, role: 'principal', displayName: '王五' };
    const refused = await create({ ...body, username: 'wang.wu', schoolCode: 'NOPE9' }, t.as.hr);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'ACCOUNT_INVALID',
      message: '学校代码（schoolCode）“NOPE9”不在任何已导入的数据集中，请核对',
    });
    expect((await patch('zhang.san', { schoolCode: 'NOPE9' }, t.as.hr)).json().code).toBe('ACCOUNT_INVALID');
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/accounts?lang=en',
      headers: t.as.hr,
      payload: { ...body, username: 'wang.wu', schoolCode: 'NOPE9' },
    });
    expect(en.json().message).toBe('schoolCode "NOPE9" is not a school of any stored dataset');
    expect((await create({ ...body, username: 'wang.wu', schoolCode: 'S01' }, t.as.hr)).statusCode).toBe(201);
    // A principal kept on a school the data no longer has can still be renamed.
    expect((await patch('zhang.san', { displayName: '张三校长' }, t.as.hr)).statusCode).toBe(200);
  });

  it('answers 404 ACCOUNT_NOT_FOUND for an unknown username', async () => {
    const res = await patch('nobody', { displayName: 'x' }, t.as.hr);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'ACCOUNT_NOT_FOUND', message: '没有账户 nobody' });
  });

  it('needs the CSRF token for cookie writes here too', async () => {
    const hr = await login(t.app, 'hr2', PASSWORD);
    const res = await create(
      { username: 'x_csrf', password: PASSWORD, role: 'hr', displayName: 'x' },
      { cookie: hr.cookie },
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_FAILED');
  });
});
