import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listAccounts } from '../../db';
import { AccountExists, AccountInvalid, AccountNotFound, BadRequest, LastHrAccount } from '../errors';
import type { Lang } from '../i18n/lang';
import {
  AccountListSchema,
  AccountSchema,
  CreateAccountBody,
  LangQuery,
  UpdateAccountBody,
  UsernameParams,
} from '../schemas/accounts';
import { ErrorSchema, IdempotencyHeaders, readErrors, writeErrors } from '../schemas/common';
import { AccountRefused, changeAccount, createAccount, publicAccount } from '../services/accounts';
import { authMessage, requestLang } from '../services/auth-messages';
import type { RouteDeps } from './deps';
import { idempotent } from './idempotent';

/** Turns a refused change into the API's error, in the reader's language. */
function toHttpError(error: unknown, lang: Lang): unknown {
  if (!(error instanceof AccountRefused)) return error;
  const { username } = error;
  switch (error.problem) {
    case 'exists':
      return new AccountExists(authMessage('accountExists', lang, username));
    case 'not_found':
      return new AccountNotFound(authMessage('accountNotFound', lang, username));
    case 'principal_needs_school':
      return new AccountInvalid(authMessage('principalNeedsSchool', lang));
    case 'only_principal_has_school':
      return new AccountInvalid(authMessage('onlyPrincipalHasSchool', lang));
    case 'unknown_school':
      return new AccountInvalid(authMessage('unknownSchool', lang, error.schoolCode ?? ''));
    case 'last_hr':
      return new LastHrAccount(authMessage('lastHr', lang));
    case 'bad_username':
    case 'bad_password':
    case 'bad_display_name':
      // The body schema refuses these first; kept for completeness.
      return new BadRequest(error.message);
  }
}

/** Account management (人事股 only): list, create, change (including disable and password reset). */
export const accountRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db, writeLimit }) => {
  app.get(
    '/api/accounts',
    {
      config: { roles: ['hr'] },
      schema: {
        tags: ['accounts'],
        querystring: LangQuery,
        summary: 'Every account, by username; never a password hash',
        response: { 200: AccountListSchema, ...readErrors },
      },
    },
    async () => ({ accounts: listAccounts(db).map(publicAccount) }),
  );

  app.post(
    '/api/accounts',
    {
      config: { roles: ['hr'] },
      onRequest: writeLimit,
      schema: {
        tags: ['accounts'],
        summary: 'Create an account; a principal needs a schoolCode, other roles take none',
        querystring: LangQuery,
        headers: IdempotencyHeaders,
        body: CreateAccountBody,
        response: { 201: AccountSchema, ...readErrors, 409: ErrorSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      // The password stays out of the stored fingerprint: its SHA-256 would be an unsalted hash of it.
      const { password: _password, ...fingerprint } = request.body;
      return idempotent(db, request, reply, fingerprint, async (claim) => {
        try {
          const view = await createAccount(
            db,
            request.body,
            request.actor,
            claim && { claim, answer: (created) => ({ statusCode: 201, body: publicAccount(created) }) },
          );
          return reply.code(201).send(publicAccount(view));
        } catch (error) {
          throw toHttpError(error, requestLang(request));
        }
      });
    },
  );

  app.patch(
    '/api/accounts/:username',
    {
      config: { roles: ['hr'] },
      onRequest: writeLimit,
      schema: {
        tags: ['accounts'],
        summary: 'Change an account; a new password or disabled=true ends its sessions at once',
        params: UsernameParams,
        querystring: LangQuery,
        body: UpdateAccountBody,
        response: { 200: AccountSchema, ...readErrors, 409: ErrorSchema },
      },
    },
    async (request) => {
      try {
        return publicAccount(await changeAccount(db, request.params.username, request.body, request.actor));
      } catch (error) {
        throw toHttpError(error, requestLang(request));
      }
    },
  );
};
