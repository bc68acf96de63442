import { createMiddleware } from 'hono/factory';

/**
 * Ends the body of every answer to a HEAD request. Hono answers HEAD with the GET route's
 * response and drops its body without cancelling it (`new Response(null, …)` in hono-base.ts),
 * so a streamed body is never read to its end nor told nobody will: the space's event stream
 * (routes/events.ts) then waits forever on its first write, holding its subscription and its
 * memory (3,000 HEAD requests of one member kept 95 MB). Cancelling the body is what a client
 * going away does: the stream ends and lets go of everything.
 *
 * A GET that spends something must answer HEAD itself, before spending it (routes/snapshots.ts).
 */
export const endHeadBodies = createMiddleware(async (c, next) => {
  await next();
  if (c.req.method === 'HEAD') await c.res.body?.cancel().catch(() => {});
});
