import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { notFoundHandler } from '../errors.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built client from `root` (the Vite output directory).
 *
 * - `/assets/*` files that exist are cached for a year (their names carry a content hash).
 *   A missing one is a `404` with the API's error shape and `no-store`, never `index.html`: a
 *   tab left open across a deploy asks for chunks that are gone, and caching the app page as a
 *   script for a year would break that tab until the cache expires. The client reloads once
 *   when a chunk fails (`client/src/app/chunk-recovery.ts`).
 * - Every other file is revalidated (`no-cache`), and any unknown non-API path is answered
 *   with `index.html` so the client's router takes over; a space's addresses (`/spaces/…`)
 *   with `space.html`, the same page preloading the editor (client/vite-plugins/space-page.ts),
 *   or `index.html` when a build has none.
 * - The build writes `.br` and `.gz` beside each compressible file; the one the browser accepts
 *   is sent with `Content-Encoding` (brotli first), else the file as it is. Every file answer
 *   says `Vary: Accept-Encoding`, so a shared cache never hands brotli to a browser that did
 *   not ask for it. An `Accept-Encoding` entry with parameters (`br;q=0.5`) counts as not
 *   offered: the answer is then uncompressed, which is always safe.
 */
export function clientApp(root: string) {
  return new Hono()
    .use('/api/*', async (c) => notFoundHandler(c))
    .use('*', async (c, next) => {
      await next();
      if (c.res.status === 200 || c.res.status === 206) {
        if (!/\baccept-encoding\b/i.test(c.res.headers.get('Vary') ?? '')) {
          c.res.headers.append('Vary', 'Accept-Encoding');
        }
        if (!c.res.headers.has('Cache-Control')) {
          c.res.headers.set('Cache-Control', c.req.path.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
        }
      }
    })
    .get('/assets/*', serveStatic({ root, precompressed: true }))
    .get('/assets/*', (c) => {
      c.header('Cache-Control', 'no-store');
      return notFoundHandler(c);
    })
    .get('*', serveStatic({ root, precompressed: true }))
    .get('/spaces/*', serveStatic({ root, path: 'space.html', precompressed: true }))
    .get('*', serveStatic({ root, path: 'index.html', precompressed: true }));
}
