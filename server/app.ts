import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../db';
import { ApiError } from './errors';
import { DEFAULT_LIMITS, type Limits } from './limits';
import { auth } from './plugins/auth';
import { consoleSite } from './plugins/console';
import { errorHandler, sendError } from './plugins/error-handler';
import { openapi } from './plugins/openapi';
import { accountRoutes } from './routes/accounts';
import { auditRoutes } from './routes/audit';
import { datasetRoutes } from './routes/datasets';
import type { RouteDeps } from './routes/deps';
import { healthRoutes } from './routes/health';
import { runViewRoutes } from './routes/run-views';
import { runRoutes } from './routes/runs';
import { sessionRoutes } from './routes/session';
import { AllocationPool } from './services/allocation-pool';
import type { ThrottleOptions } from './services/login-throttle';
import { RunResults } from './services/run-results';
import { SessionService } from './services/sessions';

/** A client's own request id, for the log only: printable ASCII, cut to 64 characters; else dropped. */
export function clientRequestId(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return undefined;
  const cut = value.slice(0, 64);
  return /^[\x21-\x7e]+$/.test(cut) ? cut : undefined;
}

export interface AppOptions {
  readonly db: Db;
  /** Pino options, or false (the default, for tests) for no log. */
  readonly logger?: FastifyServerOptions['logger'];
  /** Largest accepted upload file; 20 MiB by default (the 阳城 staff.csv is well under 1 MiB). */
  readonly maxFileBytes?: number;
  /** Bounds under load; each missing field takes its default (server/limits.ts). */
  readonly limits?: Partial<Limits>;
  /** Process-level settings the server passes through: timeouts, keep-alive. */
  readonly server?: Pick<FastifyServerOptions, 'connectionTimeout' | 'keepAliveTimeout' | 'requestTimeout'>;
  /** The built console (web/dist) to serve at `/`; none for API-only apps such as the API tests. */
  readonly consoleDir?: string;
  /**
   * Believe X-Forwarded-For/-Proto from a reverse proxy (for the client's address in the lockout and audit
   * log, and the Secure cookie flag behind an HTTPS proxy). Off by default: a client could forge them.
   */
  readonly trustProxy?: boolean;
  /** Session clock and lockout settings; tests move the clock by hand. */
  readonly sessions?: { readonly now?: () => number; readonly throttle?: Partial<ThrottleOptions> };
}

/**
 * Builds the whole API on a database, without listening: the process (server/main.ts) and the tests build
 * the same app. Plugins go in order: infrastructure (errors, OpenAPI, auth), then routes.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    ...options.server,
    // The id is always the server's: a client's x-request-id is logged beside it (see clientRequestId), never
    // trusted as the id, so a client cannot forge or collide with another request's log lines.
    requestIdHeader: false,
    genReqId: () => randomUUID(),
    // Every log line of the request (incoming, completed, errors) carries the client's id beside ours.
    childLoggerFactory: (logger, bindings, options, raw) => {
      const client = clientRequestId(raw.headers['x-request-id']);
      return logger.child(
        client === undefined ? bindings : { ...bindings, clientRequestId: client },
        options,
      );
    },
    // Errors fastify raises before routing (bad URL encoding, over-long parameter) get the project's codes too.
    frameworkErrors: (error, request, reply) => {
      reply.header('x-request-id', request.id);
      return sendError(error, request, reply);
    },
    // One hop: the proxy in front of us appends the peer it saw to X-Forwarded-For; anything to the left
    // of that was written by the client and must not choose the address lockouts and the audit log see.
    // (A hop count would fail closed in fastify 5.12, so the trust is spelled as "the immediate peer only".)
    trustProxy: options.trustProxy ? (_address: string, hop: number) => hop === 0 : false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(errorHandler, { consoleDir: options.consoleDir });
  await app.register(openapi);
  await app.register(cookie);
  const sessions = new SessionService(options.db, options.sessions);
  await app.register(auth, { db: options.db, sessions });

  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const pool = new AllocationPool({ threads: limits.allocationThreads, queue: limits.allocationQueue });
  app.addHook('onClose', () => pool.close());
  // Writes per token per minute: one counter shared by every write route (a hook made once, added to each).
  await app.register(rateLimit, { global: false });
  const writeLimit = app.rateLimit({
    max: limits.writesPerMinute,
    timeWindow: 60_000,
    // auth ran first (onRequest, app level): the caller is known. Keyed by who, not by address.
    keyGenerator: (request) => request.actor?.id ?? request.ip,
    errorResponseBuilder: () => new ApiError('RATE_LIMITED'),
  });
  const deps: RouteDeps = { db: options.db, results: new RunResults(options.db), pool, writeLimit, limits };
  await app.register(healthRoutes, deps);
  await app.register(sessionRoutes, { sessions });
  await app.register(datasetRoutes, { ...deps, maxFileBytes: options.maxFileBytes ?? 20 * 1024 * 1024 });
  await app.register(runRoutes, deps);
  await app.register(runViewRoutes, deps);
  await app.register(auditRoutes, deps);
  await app.register(accountRoutes, deps);
  if (options.consoleDir !== undefined) await app.register(consoleSite, { root: options.consoleDir });
  return app;
}
