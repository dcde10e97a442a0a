import { z } from 'zod';
import { DEFAULT_DATABASE_PATH } from '../db';
import type { Limits } from './limits';

/** The process's settings, validated at boot so a typo in PORT fails loudly instead of at first request. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_PATH: z.string().default(DEFAULT_DATABASE_PATH),
  /** 1/true behind a reverse proxy that sets X-Forwarded-For/-Proto (HTTPS termination). */
  TRUST_PROXY: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Bounds under load (server/limits.ts); unset keeps the default.
  ALLOCATION_THREADS: z.coerce.number().int().min(1).max(64).optional(),
  ALLOCATION_QUEUE: z.coerce.number().int().min(0).max(1000).optional(),
  CONCURRENT_UPLOADS: z.coerce.number().int().min(1).max(64).optional(),
  WRITES_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).optional(),
});

export type Config = z.infer<typeof Env>;

/** The limits the environment sets; the rest keep their defaults. */
export function limitsOf(config: Config): Partial<Limits> {
  return {
    ...(config.ALLOCATION_THREADS !== undefined && { allocationThreads: config.ALLOCATION_THREADS }),
    ...(config.ALLOCATION_QUEUE !== undefined && { allocationQueue: config.ALLOCATION_QUEUE }),
    ...(config.CONCURRENT_UPLOADS !== undefined && { concurrentUploads: config.CONCURRENT_UPLOADS }),
    ...(config.WRITES_PER_MINUTE !== undefined && { writesPerMinute: config.WRITES_PER_MINUTE }),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `bad environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}
