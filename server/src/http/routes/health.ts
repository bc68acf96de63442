import { Hono } from 'hono';
import type { AppDeps } from '../context.ts';

/** Answers once the database is open and readable. */
export function healthRoutes({ stores }: AppDeps) {
  return new Hono().get('/', (c) => {
    stores.db.prepare('SELECT 1').get();
    return c.json({ ok: true as const }, 200);
  });
}
