import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeDatabase, openDatabase } from '../db';
import { buildApp } from './app';
import { limitsOf, loadConfig } from './config';

/**
 * The process: configuration, logging, timeouts, graceful shutdown, listen. Everything else is the app
 * (server/app.ts), which tests build without a socket.
 */
/** Where `npm start` (web/build-console.ts) puts the built console. */
const CONSOLE_DIR = fileURLToPath(new URL('../web/dist', import.meta.url));

async function main(): Promise<void> {
  const config = loadConfig();
  const db = openDatabase(config.DATABASE_PATH);
  const app = await buildApp({
    db,
    limits: limitsOf(config),
    logger: {
      level: config.LOG_LEVEL,
      // Tokens and session cookies must never reach the log.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    // `npm start` builds the console first (web/build-console.ts); without a build the API runs alone.
    ...(existsSync(join(CONSOLE_DIR, 'index.html')) && { consoleDir: CONSOLE_DIR }),
    trustProxy: config.TRUST_PROXY,
    server: { connectionTimeout: 60_000, keepAliveTimeout: 5_000, requestTimeout: 120_000 },
  });

  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // Stop accepting, let in-flight requests finish, then close SQLite (which checkpoints the WAL).
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await app.close();
      closeDatabase(db);
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.PORT, host: config.HOST });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
