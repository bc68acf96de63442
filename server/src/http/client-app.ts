import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { notFoundHandler } from './errors.ts';

/**
 * Serves the built client: hashed assets cached for a year, everything else revalidated, and
 * any unknown non-API path answered with index.html so the client's router takes over.
 */
export function clientApp(root: string) {
  return new Hono()
    .use('/api/*', async (c) => notFoundHandler(c))
    .use('/assets/*', async (c, next) => {
      await next();
      if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    })
    .use('*', async (c, next) => {
      await next();
      if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-cache');
    })
    .get('*', serveStatic({ root }))
    .get('*', serveStatic({ root, path: 'index.html' }));
}
