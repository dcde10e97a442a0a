import { readFileSync } from 'node:fs';
import createError from '@fastify/error';
import type { FastifyError, FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, errorMessage } from './error-codes';
import { RunNotFound } from './errors';
import { errorBody } from './plugins/error-handler';

const API_MD = new URL('../docs/API.md', import.meta.url);

/** The rows of docs/API.md's error table: `| \`CODE\` | status | … |`. */
function documentedCodes(): Record<string, number> {
  const text = readFileSync(API_MD, 'utf8');
  const table = text.split('<!-- error-codes:start -->')[1]?.split('<!-- error-codes:end -->')[0] ?? '';
  return Object.fromEntries(
    [...table.matchAll(/^\|\s*`([A-Z_]+)`\s*\|\s*(\d{3})\s*\|/gm)].map((m) => [m[1], Number(m[2])]),
  );
}

const request = { method: 'GET', url: '/x', isMultipart: () => false } as unknown as FastifyRequest;

describe('error codes', () => {
  it('docs/API.md lists exactly the codes of server/error-codes.ts, with their statuses', () => {
    const listed = Object.fromEntries(Object.entries(ERROR_CODES).map(([code, info]) => [code, info.status]));
    expect(documentedCodes()).toEqual(listed);
  });

  it('has a Chinese and an English message with the same arguments for every code', () => {
    for (const info of Object.values(ERROR_CODES)) {
      expect(info.zh.split('%s').length).toBe(info.en.split('%s').length);
      expect(info.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('renders messages in the chosen language, cutting a long argument short', () => {
    expect(errorMessage('RUN_NOT_FOUND', 'zh', [7])).toBe('没有运行记录 7');
    expect(errorMessage('RUN_NOT_FOUND', 'en', ['9'.repeat(500)])).toHaveLength('No run '.length + 81);
    expect(errorBody(new RunNotFound(3) as unknown as FastifyError, request, 'en').message).toBe('No run 3');
  });

  it.each([
    ['FST_ERR_MAX_PARAM_LENGTH', 414, 'URL_TOO_LONG'],
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['FST_ERR_CTP_BODY_TOO_LARGE', 413, 'PAYLOAD_TOO_LARGE'],
    ['FST_FILES_LIMIT', 413, 'PAYLOAD_TOO_LARGE'],
    ['FST_INVALID_MULTIPART_CONTENT_TYPE', 406, 'NOT_MULTIPART'],
    ['SOME_PLUGIN_DENIED', 403, 'FORBIDDEN'],
    ['SOME_PLUGIN_SLOW_DOWN', 429, 'RATE_LIMITED'],
    ['SOME_PLUGIN_ODD', 418, 'BAD_REQUEST'],
    ['SOME_PLUGIN_BROKE', 500, 'INTERNAL_ERROR'],
  ])('maps a foreign %s (%i) onto %s', (code, status, expected) => {
    const Foreign = createError(code, 'internal detail /etc/secret', status);
    const body = errorBody(new Foreign() as FastifyError, request, 'zh');
    expect(body.code).toBe(expected);
    expect(body.statusCode).toBe(ERROR_CODES[expected as keyof typeof ERROR_CODES].status);
    expect(body.message).not.toContain('secret');
  });
});
