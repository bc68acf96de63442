import { Hono } from 'hono';
import type { AppDeps } from '../context.ts';

/**
 * `GET /api/health`: 200 `{ ok: true, database }` once the databases answer (`database` is
 * `sqlite` or `postgres`, where the stores run); 503 `{ ok: false, database, error }` when a
 * `SELECT 1` fails, so a load balancer takes the instance out. The SQLite file (the document
 * log's, always) is checked too.
 */
export function healthRoutes({ stores, logger }: AppDeps) {
  return new Hono().get('/', async (c) => {
    const database = stores.sql.engine;
    try {
      stores.db.prepare('SELECT 1').get();
      await stores.sql.get('SELECT 1 AS ok');
    } catch (error) {
      logger.warn('health_database_failed', { database, message: String(error) });
      return c.json({ ok: false as const, database, error: 'The database does not answer.' }, 503);
    }
    return c.json({ ok: true as const, database }, 200);
  });
}
