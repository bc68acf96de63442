import type pg from 'pg';
import { loadPg } from '../../lib/on-demand.ts';
import { migratePostgres } from './migrations.ts';

/**
 * Opens a pool on `url` (`postgres://user:pass@host:port/db`) and migrates the database.
 * `bigint` columns (times in ms, sequence numbers) are read as numbers: every one of them stays
 * below 2^53. `max` is the pool's size (10). Throws when the database cannot be reached or migrated.
 */
export async function openPostgres(url: string, options: PoolOptions = {}): Promise<pg.Pool> {
  const pool = createPostgresPool(url, options);
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return pool;
}

export interface PoolOptions {
  max?: number;
  onIdleError?: (error: Error) => void;
}

/**
 * A `pg` pool on `url`, not yet connected nor migrated (`openPostgres` does both; build-app.ts
 * migrates it in the background and has every statement wait for that).
 */
export function createPostgresPool(url: string, options: PoolOptions = {}): pg.Pool {
  const { Pool, types } = loadPg();
  const pool = new Pool({
    connectionString: url,
    max: options.max ?? 10,
    types: { getTypeParser: typeParser(types.getTypeParser) },
  });
  // An idle client losing its connection (PostgreSQL restarting) must not crash the process:
  // the pool drops it, and the next query opens another (or fails on its own).
  pool.on('error', (error) => options.onIdleError?.(error));
  return pool;
}

const INT8_OID = 20;
const typeParser = (builtIn: typeof pg.types.getTypeParser) =>
  ((oid: number, format?: string) =>
    oid === INT8_OID
      ? (value: string) => Number(value)
      : builtIn(oid, format as 'text')) as typeof pg.types.getTypeParser;
