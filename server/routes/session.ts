import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../db';
import { LoginFailed, LoginLocked, Unauthorized } from '../errors';
import { LangQuery, LoginBody, SessionSchema } from '../schemas/accounts';
import { ErrorSchema } from '../schemas/common';
import { authMessage, requestLang } from '../services/auth-messages';
import { SESSION_COOKIE, type SessionService } from '../services/sessions';

/**
 * Log in, see who is logged in, log out. The cookie is HttpOnly (no script reads it), SameSite=Strict (no
 * other site's page sends it), Path=/ and Secure when the request came over HTTPS (request.protocol
 * believes X-Forwarded-Proto only when the app was built with trustProxy). It has no Max-Age: it ends with
 * the browser, and the server ends it sooner when idle.
 */
export const sessionRoutes: FastifyPluginAsyncZod<{ sessions: SessionService }> = async (
  app,
  { sessions },
) => {
  app.post(
    '/api/session',
    {
      config: { public: true },
      schema: {
        tags: ['session'],
        summary: 'Log in with a username and password; sets the xgxp_session cookie',
        security: [],
        querystring: LangQuery,
        body: LoginBody,
        response: { 200: SessionSchema, 400: ErrorSchema, 401: ErrorSchema, 429: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const result = await sessions.login(username, password, request.ip);
      const lang = requestLang(request);
      if (!result.ok && result.reason === 'locked') {
        const seconds = Math.ceil(result.retryAfterMs / 1000);
        reply.header('retry-after', String(seconds));
        throw new LoginLocked(authMessage('loginLocked', lang, Math.ceil(seconds / 60)));
      }
      if (!result.ok) throw new LoginFailed(authMessage('loginFailed', lang));
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: request.protocol === 'https',
      });
      return { user: result.session.user, csrfToken: result.session.csrfToken };
    },
  );

  app.get(
    '/api/session',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['session'],
        querystring: LangQuery,
        summary: 'Who is logged in, and the CSRF token for writes (cookie sessions only)',
        security: [{ session: [] }],
        response: { 200: SessionSchema, 401: ErrorSchema },
      },
    },
    async (request) => {
      if (!request.session) throw new Unauthorized();
      return { user: request.session.user, csrfToken: request.session.csrfToken };
    },
  );

  app.delete(
    '/api/session',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['session'],
        querystring: LangQuery,
        summary: 'Log out: the session ends on the server and the cookie is cleared (needs x-csrf-token)',
        security: [{ session: [] }],
        response: { 204: z.null(), 401: ErrorSchema, 403: ErrorSchema },
      },
    },
    async (request, reply) => {
      if (!request.session) throw new Unauthorized();
      sessions.logout(request.session, request.ip);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );
};
