import type { Outcome, Role, SchoolReport } from './api/types';

/** The bureau's words for the engine's codes. */
export const OUTCOME_LABEL: Record<Outcome, string> = {
  in_school: '校内竞聘',
  cross_school: '跨校竞聘',
  administrative: '组织调剂',
  resigned: '辞职',
  standby: '待岗',
};
export const OUTCOME_ORDER: readonly Outcome[] = [
  'in_school',
  'cross_school',
  'administrative',
  'resigned',
  'standby',
];
export const OUTCOME_COLOR: Record<Outcome, string> = {
  in_school: '#1677ff',
  cross_school: '#52c41a',
  administrative: '#fa8c16',
  resigned: '#8c8c8c',
  standby: '#f5222d',
};

export const STAGE_LABEL: Record<SchoolReport['stage'], string> = {
  high: '高中',
  middle: '初中',
  primary: '小学',
  kindergarten: '幼儿园',
};

export const TITLE_LABEL: Record<string, string> = {
  senior_professor: '正高级',
  senior: '高级',
  first: '一级',
  second: '二级',
  third: '三级',
  none: '未定级',
};

export const ROLE_LABEL: Record<Role, string> = { hr: '人事股', principal: '校长', auditor: '纪检/督导' };

export const AREA_LABEL: Record<string, string> = { urban: '城区', town: '镇区', rural: '乡村' };

export const ROUND_LABEL: Record<number, string> = { 1: '第一轮', 2: '第二轮', 3: '第三轮' };

/** "3,147" — thousands separators as the report prints them. */
export const count = (n: number): string => n.toLocaleString('en-US');
/** "90.3%" from a percentage already in 0–100. */
export const pct = (p: number): string => `${p.toFixed(1)}%`;
/** The first 12 hex digits of a hash, enough to compare by eye. */
export const shortHash = (hash: string): string => hash.slice(0, 12);
/** "2026-11-29 14:05" from an ISO timestamp, in the browser's time zone. */
export function when(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * Who did it, as the API records it (server/plugins/auth.ts): "account:wang.hr" → "wang.hr",
 * "token:3" → "API 令牌 #3", "cli" → "命令行", "anonymous" (a failed login) → "（未登录）". Anything else
 * is shown as is.
 */
export function actorLabel(actor: string): string {
  if (actor === 'cli') return '命令行';
  if (actor === 'anonymous') return '（未登录）';
  if (actor.startsWith('account:')) return actor.slice('account:'.length);
  if (actor.startsWith('token:')) return `API 令牌 #${actor.slice('token:'.length)}`;
  return actor;
}

/** A file's size in MB, as Windows Explorer's users read it (1 MB = 1024 × 1024 bytes). */
export function fileSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb < 0.01 ? '< 0.01 MB' : `${mb.toFixed(2)} MB`;
}
