import type pg from 'pg';
import type { Logger } from '../lib/log.ts';
import type { Db } from './db.ts';
import { createPostgresPool } from './postgres/db.ts';
import { migratePostgres } from './postgres/migrations.ts';
import { createPostgresSql, createSqliteSql, type Sql } from './sql.ts';

/** The database the `Sql` stores run on, as `buildApp` opens it. */
export interface OpenedSql {
  sql: Sql;
  /** The PostgreSQL pool under `sql` (the sync rooms' log shares it); null on SQLite. */
  pool: pg.Pool | null;
  /** Resolves once the database can take statements (migrated); rejects as that failed. */
  ready: Promise<void>;
  /** Ends a PostgreSQL pool (waiting for its statements in flight); nothing on SQLite. Never rejects. */
  close(): Promise<void>;
}

/**
 * Without `databaseUrl`: `Sql` over the SQLite connection `db`, ready at once (the default:
 * nothing new to set up, nothing slower). With `postgres://…`: a `pg` pool created now and
 * migrated in the background under the migration advisory lock (so several instances starting
 * together migrate once); every statement waits for the migration, so building the app stays
 * synchronous. An idle pooled connection that drops (PostgreSQL restarting) is logged, never
 * fatal.
 */
export function openSql(db: Db, databaseUrl: string | null, logger: Logger): OpenedSql {
  if (!databaseUrl) {
    return { sql: createSqliteSql(db), pool: null, ready: Promise.resolve(), close: () => Promise.resolve() };
  }
  const pool = createPostgresPool(databaseUrl, {
    onIdleError: (error) => logger.warn('postgres_connection_lost', { message: String(error) }),
  });
  const ready = migratePostgres(pool).then(() => undefined);
  // Whoever awaits `ready` (startServer) or runs a statement hears the failure; this only
  // keeps an unwatched rejection from ending the process.
  ready.catch(() => undefined);
  let ended: Promise<void> | undefined;
  return {
    sql: createPostgresSql(pool, { ready }),
    pool,
    ready,
    close() {
      ended ??= pool
        .end()
        .catch((error: unknown) => logger.warn('postgres_close_failed', { message: String(error) }));
      return ended;
    },
  };
}
