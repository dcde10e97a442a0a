import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type Db, findApiToken, type Role } from '../../db';
import { Forbidden, Unauthorized } from '../errors';

/** Who is asking: a token holder, or the CLI acting on the operator's behalf. */
export interface Actor {
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
  }
  interface FastifyRequest {
    actor: Actor;
  }
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Resolves the bearer token in onRequest — before a multipart body is read — and enforces the route's roles.
 * Fails closed: an /api route that forgot to declare `roles` answers 403 to everyone.
 */
export const auth = fp(
  async (app: FastifyInstance, opts: { db: Db }) => {
    app.decorateRequest('actor', null as unknown as Actor);
    app.addHook('onRequest', async (request) => {
      const url = request.routeOptions.url;
      const roles = request.routeOptions.config.roles;
      if (url === undefined || (roles === undefined && !url.startsWith('/api/'))) return;
      const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
      const row = token === undefined ? null : findApiToken(opts.db, token);
      if (!row) throw new Unauthorized();
      request.actor = { id: `token:${row.id}`, role: row.role, schoolCode: row.schoolCode };
      if (!roles?.includes(row.role)) {
        throw new Forbidden(`The ${row.role} role may not use ${request.method} ${url}`);
      }
    });
  },
  { name: 'auth' },
);

/** A principal sees one school only; everyone else passes. */
export function assertSchoolAccess(request: FastifyRequest, schoolCode: string): void {
  const { actor } = request;
  if (actor.role === 'principal' && actor.schoolCode !== schoolCode) {
    throw new Forbidden(`This token is bound to school ${actor.schoolCode ?? '(none)'}, not ${schoolCode}`);
  }
}

/** The school a principal's county-wide views are narrowed to, or undefined for unrestricted roles. */
export function schoolScope(request: FastifyRequest): string | undefined {
  return request.actor.role === 'principal' ? (request.actor.schoolCode ?? '') : undefined;
}
