import { describe, expect, it } from 'vitest';
import { pickLang } from './lang';

describe('pickLang', () => {
  it('defaults to Chinese', () => {
    expect(pickLang()).toBe('zh');
    expect(pickLang(undefined, 'fr-FR,de;q=0.5')).toBe('zh');
    expect(pickLang('xx')).toBe('zh');
  });
  it('lets an explicit choice win over the header', () => {
    expect(pickLang('en', 'zh-CN')).toBe('en');
    expect(pickLang('zh-CN', 'en')).toBe('zh');
  });
  it('follows Accept-Language by q-value', () => {
    expect(pickLang(undefined, 'en-US,en;q=0.9,zh;q=0.8')).toBe('en');
    expect(pickLang(undefined, 'zh;q=0.5,en;q=0.9')).toBe('en');
    expect(pickLang(undefined, 'en;q=0,zh-CN')).toBe('zh');
  });
});
