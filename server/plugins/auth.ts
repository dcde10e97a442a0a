import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type Db, findApiToken, type Role } from '../../db';
import { CsrfFailed, Forbidden, Unauthorized } from '../errors';
import { authMessage, requestLang } from '../services/auth-messages';
import { type ResolvedSession, SESSION_COOKIE, type SessionService } from '../services/sessions';

/** Who is asking: a token holder, a logged-in account, or the CLI acting on the operator's behalf. */
export interface Actor {
  /** `token:<id>`, `account:<username>` or `cli`: what the audit log records. */
  readonly id: string;
  readonly role: Role;
  /** The school a principal is bound to; null for hr, auditor and the CLI. */
  readonly schoolCode: string | null;
}

export const CLI_ACTOR: Actor = { id: 'cli', role: 'hr', schoolCode: null };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Roles allowed on the route. Every /api route declares it; a route without it is refused to all. */
    roles?: readonly Role[];
    /** Open to anyone (POST /api/session, the login itself); `roles` is then ignored. */
    public?: boolean;
  }
  interface FastifyRequest {
    actor: Actor;
    /** The console session the request came with, or null (bearer token, or a public route). */
    session: ResolvedSession | null;
  }
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;
/** Methods that change nothing: a cookie request with any other method must prove it came from our page. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function csrfMatches(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Resolves who is asking in onRequest — before a multipart body is read — and enforces the route's roles.
 * An Authorization header decides alone (scripts); without one, the `xgxp_session` cookie (the console),
 * whose writes must also carry `x-csrf-token`: SameSite=Strict already keeps other sites' requests from
 * sending the cookie, the token covers old browsers and sibling subdomains.
 * Fails closed: an /api route that forgot to declare `roles` answers 403 to everyone.
 */
export const auth = fp(
  async (app: FastifyInstance, opts: { db: Db; sessions: SessionService }) => {
    app.decorateRequest('actor', null as unknown as Actor);
    app.decorateRequest('session', null);
    app.addHook('onRequest', async (request) => {
      const url = request.routeOptions.url;
      const { roles, public: isPublic } = request.routeOptions.config;
      if (url === undefined || isPublic || (roles === undefined && !url.startsWith('/api/'))) return;
      const header = request.headers.authorization;
      if (header !== undefined) {
        const token = BEARER.exec(header)?.[1];
        const row = token === undefined ? null : findApiToken(opts.db, token);
        if (!row) throw new Unauthorized();
        request.actor = { id: `token:${row.id}`, role: row.role, schoolCode: row.schoolCode };
      } else {
        const cookie = request.cookies[SESSION_COOKIE];
        const session = cookie === undefined ? null : opts.sessions.resolve(cookie);
        if (!session) throw new Unauthorized();
        request.session = session;
        const { username, role, schoolCode } = session.user;
        request.actor = { id: `account:${username}`, role, schoolCode };
        if (
          !SAFE_METHODS.has(request.method) &&
          !csrfMatches(request.headers['x-csrf-token'], session.csrfToken)
        ) {
          throw new CsrfFailed(authMessage('csrfFailed', requestLang(request)));
        }
      }
      const { role } = request.actor;
      if (!roles?.includes(role)) {
        throw new Forbidden(`The ${role} role may not use ${request.method} ${url}`);
      }
    });
  },
  { name: 'auth', dependencies: ['@fastify/cookie'] },
);

/** A principal sees one school only; everyone else passes. */
export function assertSchoolAccess(request: FastifyRequest, schoolCode: string): void {
  const { actor } = request;
  if (actor.role === 'principal' && actor.schoolCode !== schoolCode) {
    throw new Forbidden(`This account is bound to school ${actor.schoolCode ?? '(none)'}, not ${schoolCode}`);
  }
}

/** The school a principal's county-wide views are narrowed to, or undefined for unrestricted roles. */
export function schoolScope(request: FastifyRequest): string | undefined {
  return request.actor.role === 'principal' ? (request.actor.schoolCode ?? '') : undefined;
}
