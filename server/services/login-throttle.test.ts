import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle';

function throttle(over: ConstructorParameters<typeof LoginThrottle>[0] = {}) {
  let now = 1_000_000;
  const t = new LoginThrottle({ now: () => now, ...over });
  return { t, advance: (ms: number) => (now += ms) };
}

const fail = (t: LoginThrottle, user: string, ip = '10.0.0.1') => {
  expect(t.begin(user, ip)).toBe(0);
  return t.settle(user, ip, false);
};

describe('LoginThrottle', () => {
  it('locks a username after 5 failures for 5 minutes, reporting the lockout once', () => {
    const { t, advance } = throttle();
    expect([1, 2, 3, 4, 5].map(() => fail(t, 'hr1'))).toEqual([false, false, false, false, true]);
    expect(t.begin('hr1', '10.0.0.1')).toBe(5 * 60_000);
    expect(t.begin('hr1', '10.0.0.9')).toBe(5 * 60_000);
    advance(5 * 60_000);
    expect(t.begin('hr1', '10.0.0.1')).toBe(0);
  });

  it('forgets failures older than the window', () => {
    const { t, advance } = throttle();
    for (let i = 0; i < 4; i++) fail(t, 'hr1');
    advance(15 * 60_000 + 1);
    for (let i = 0; i < 4; i++) expect(fail(t, 'hr1')).toBe(false);
    expect(t.begin('hr1', '10.0.0.1')).toBe(0);
  });

  it('locks an address that tries many usernames', () => {
    const { t } = throttle({ maxFailuresPerIp: 20 });
    for (let i = 0; i < 19; i++) expect(fail(t, `user${i}`)).toBe(false);
    expect(fail(t, 'user19')).toBe(true);
    expect(t.begin('fresh', '10.0.0.1')).toBeGreaterThan(0);
    expect(t.begin('fresh', '10.0.0.2')).toBe(0);
  });

  it('holds attempts beyond the limit while earlier ones are still being checked', () => {
    const { t } = throttle();
    for (let i = 0; i < 5; i++) expect(t.begin('hr1', '10.0.0.1')).toBe(0);
    expect(t.begin('hr1', '10.0.0.1')).toBe(1000);
    t.settle('hr1', '10.0.0.1', true);
    expect(t.begin('hr1', '10.0.0.1')).toBe(0);
  });

  it('stays within maxKeys, dropping idle and unlocked keys before a lockout', () => {
    const { t } = throttle({ maxKeys: 4, maxFailures: 2 });
    fail(t, 'a', 'ip');
    fail(t, 'a', 'ip');
    expect(t.begin('a', 'ip2')).toBeGreaterThan(0);
    for (let i = 0; i < 50; i++) fail(t, `user${i}`, `ip-${i}`);
    expect((t as unknown as { entries: Map<string, unknown> }).entries.size).toBeLessThanOrEqual(4);
    expect(t.begin('a', 'ip5')).toBeGreaterThan(0);
  });

  it('refused attempts take no room: a flood of fresh usernames from a locked address evicts no lock', () => {
    const { t } = throttle({ maxKeys: 10, maxFailures: 2, maxFailuresPerIp: 3 });
    fail(t, 'victim', '10.0.0.1');
    fail(t, 'victim', '10.0.0.1');
    for (const user of ['u1', 'u2', 'u3']) fail(t, user, '6.6.6.6');
    for (let i = 0; i < 1000; i++) expect(t.begin(`flood${i}`, '6.6.6.6')).toBeGreaterThan(0);
    expect(t.begin('victim', '10.0.0.9')).toBeGreaterThan(0);
    expect(t.begin('fresh', '6.6.6.6')).toBeGreaterThan(0);
  });
});
