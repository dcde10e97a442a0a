import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';

/**
 * The console's routes (web/src/main.tsx): each answers index.html and the browser app draws the page, so
 * any of them can be linked or reloaded. An unknown path gets the console's 404 page when a browser asks
 * for a page (consoleNotFoundPage), the API's JSON 404 otherwise.
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

/** Paths that are never console pages: their 404 stays the API's JSON. */
const NOT_PAGES = /^\/(api|docs|healthz)(\/|$)/;

/**
 * index.html for a browser's GET of an unknown non-API path (Accept: text/html), so the console draws
 * its own 404 page in Chinese instead of raw JSON; null for anything else (API paths, scripts, curl).
 * Read per request: a rebuilt console is picked up.
 */
export function consoleNotFoundPage(root: string, request: FastifyRequest): Buffer | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  if (NOT_PAGES.test(request.url)) return null;
  if (!(request.headers.accept ?? '').includes('text/html')) return null;
  try {
    return readFileSync(join(root, 'index.html'));
  } catch {
    return null;
  }
}
