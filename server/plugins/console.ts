import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

/**
 * The console's routes (web/src/main.tsx): each answers index.html and the browser app draws the page, so
 * any of them can be linked or reloaded. Only these, so an unknown path still gets the API's 404.
 */
export const CONSOLE_ROUTES = [
  '/',
  '/login',
  '/datasets',
  '/datasets/:id',
  '/runs',
  '/runs/:id',
  '/runs/:id/schools/:code',
  '/runs/:id/staff/:staffId',
  '/audit',
  '/accounts',
] as const;

/**
 * Serves the built console (web/dist: index.html and hashed assets) from `root`. Hashed assets are
 * immutable; index.html is revalidated so a rebuilt console is picked up on the next load.
 */
export const consoleSite: FastifyPluginAsync<{ root: string }> = async (app, { root }) => {
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    // Routes for the files that exist at start only: /api, /docs and /healthz keep their own 404s.
    wildcard: false,
    index: false,
    setHeaders: (res, path) => {
      res.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  for (const url of CONSOLE_ROUTES) {
    app.get(url, { schema: { hide: true } }, (_request, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html'),
    );
  }
};
