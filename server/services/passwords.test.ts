import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';

describe('scrypt password hashes', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('密码 with ünïcode');
    const b = await hashPassword('密码 with ünïcode');
    expect(a).toMatch(/^scrypt\$15\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('密码 with ünïcode', a)).toBe(true);
    expect(await verifyPassword('密码 with ünïcode', b)).toBe(true);
    expect(await verifyPassword('密码 with unicode', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('treats composed and decomposed forms of a character as the same password (NFC)', async () => {
    const hash = await hashPassword('caf\u00e9-password');
    expect(await verifyPassword('cafe\u0301-password', hash)).toBe(true);
  });

  it('refuses no account, a malformed hash and parameters beyond our bounds', async () => {
    const hash = await hashPassword('password-1');
    expect(await verifyPassword('password-1', null)).toBe(false);
    expect(await verifyPassword('password-1', 'plain text')).toBe(false);
    expect(await verifyPassword('password-1', hash.replace('scrypt$15$', 'scrypt$30$'))).toBe(false);
    expect(await verifyPassword('password-1', hash.slice(0, -2))).toBe(false);
  });
});
