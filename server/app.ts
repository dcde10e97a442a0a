import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../db';
import { auth } from './plugins/auth';
import { consoleSite } from './plugins/console';
import { errorHandler } from './plugins/error-handler';
import { openapi } from './plugins/openapi';
import { auditRoutes } from './routes/audit';
import { datasetRoutes } from './routes/datasets';
import { healthRoutes } from './routes/health';
import { runViewRoutes } from './routes/run-views';
import { runRoutes } from './routes/runs';
import { RunResults } from './services/run-results';

export interface AppOptions {
  readonly db: Db;
  /** Pino options, or false (the default, for tests) for no log. */
  readonly logger?: FastifyServerOptions['logger'];
  /** Largest accepted upload file; 20 MiB by default (the 阳城 staff.csv is well under 1 MiB). */
  readonly maxFileBytes?: number;
  /** Process-level settings the server passes through: timeouts, keep-alive. */
  readonly server?: Pick<FastifyServerOptions, 'connectionTimeout' | 'keepAliveTimeout' | 'requestTimeout'>;
  /** The built console (web/dist) to serve at `/`; none for API-only apps such as the API tests. */
  readonly consoleDir?: string;
}

/**
 * Builds the whole API on a database, without listening: the process (server/main.ts) and the tests build
 * the same app. Plugins go in order: infrastructure (errors, OpenAPI, auth), then routes.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    ...options.server,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(errorHandler);
  await app.register(openapi);
  await app.register(auth, { db: options.db });

  const deps = { db: options.db, results: new RunResults(options.db) };
  await app.register(healthRoutes, deps);
  await app.register(datasetRoutes, { ...deps, maxFileBytes: options.maxFileBytes ?? 20 * 1024 * 1024 });
  await app.register(runRoutes, deps);
  await app.register(runViewRoutes, deps);
  await app.register(auditRoutes, deps);
  if (options.consoleDir !== undefined) await app.register(consoleSite, { root: options.consoleDir });
  return app;
}
