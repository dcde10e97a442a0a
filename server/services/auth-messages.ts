import type { FastifyRequest } from 'fastify';
import { type Lang, pickLang } from '../i18n/lang';

/**
 * What people read when logging in or managing accounts, in Chinese (default) and English. The CLI
 * (`npm run user`) prints the Chinese text.
 */
const MESSAGES = {
  loginFailed: {
    zh: '用户名或密码错误',
    en: 'Wrong username or password',
  },
  loginLocked: {
    zh: (minutes: number) => `登录失败次数过多，请 ${minutes} 分钟后再试`,
    en: (minutes: number) => `Too many failed logins; try again in ${minutes} minute(s)`,
  },
  csrfFailed: {
    zh: '请求缺少有效的 CSRF 令牌（x-csrf-token），请刷新页面后重试',
    en: 'Missing or wrong CSRF token (x-csrf-token); reload the page and try again',
  },
  accountNotFound: {
    zh: (username: string) => `没有账户 ${username}`,
    en: (username: string) => `No account ${username}`,
  },
  accountExists: {
    zh: (username: string) => `账户 ${username} 已存在`,
    en: (username: string) => `Account ${username} already exists`,
  },
  principalNeedsSchool: {
    zh: '校长账户必须绑定一所学校（学校代码）',
    en: 'A principal account must be bound to a school (schoolCode)',
  },
  unknownSchool: {
    zh: (code: string) => `学校代码（schoolCode）“${code}”不在任何已导入的数据集中，请核对`,
    en: (code: string) => `schoolCode "${code}" is not a school of any stored dataset`,
  },
  onlyPrincipalHasSchool: {
    zh: '只有校长账户可以绑定学校',
    en: 'Only a principal account is bound to a school',
  },
  badUsername: {
    zh: (username: string) => `用户名 ${username} 不合规：须为 3–32 个字母、数字或 _ . -`,
    en: (username: string) => `Username ${username} is not 3–32 characters of letters, digits, _ . -`,
  },
  badPassword: {
    zh: '密码长度须为 8–256 个字符',
    en: 'The password must be 8–256 characters long',
  },
  badDisplayName: {
    zh: '显示名须为 1–64 个字符',
    en: 'The display name must be 1–64 characters',
  },
  lastHr: {
    zh: '不能停用或降级最后一个可用的人事股账户',
    en: 'The last active hr account cannot be disabled or given another role',
  },
} as const;

type Key = keyof typeof MESSAGES;
type Args<K extends Key> = (typeof MESSAGES)[K]['zh'] extends (...args: infer A) => string ? A : [];

/** The message `key` in `lang`, with its arguments filled in. */
export function authMessage<K extends Key>(key: K, lang: Lang, ...args: Args<K>): string {
  const text: string | ((...a: never[]) => string) = MESSAGES[key][lang];
  return typeof text === 'function' ? (text as (...a: Args<K>) => string)(...args) : text;
}

/** The reader's language for a request: `?lang=` first, then Accept-Language (see server/i18n/lang.ts). */
export function requestLang(request: FastifyRequest): Lang {
  const query = request.query as { lang?: unknown } | undefined;
  const explicit = typeof query?.lang === 'string' ? query.lang : undefined;
  return pickLang(explicit, request.headers['accept-language']);
}
