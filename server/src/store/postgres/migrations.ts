import type pg from 'pg';

/**
 * Versioned PostgreSQL schema migrations, the same shape as the SQLite ones (../migrations.ts):
 * each entry runs once, in order, inside a transaction, and `schema_version` records how many
 * have run. Never edit a released entry: append.
 *
 * Times are ms since the epoch in `bigint` (read back as numbers, see db.ts), as in SQLite.
 */
const MIGRATIONS: readonly string[] = [
  `
  -- The newest sequence number of each document. Appending raises it under the row's lock, so
  -- concurrent appends to one document (from any instance) get consecutive numbers.
  CREATE TABLE doc_heads (
    doc_key text PRIMARY KEY,
    seq bigint NOT NULL
  );
  CREATE TABLE doc_updates (
    doc_key text NOT NULL,
    seq bigint NOT NULL,
    author text NOT NULL,
    at bigint NOT NULL,
    merged_count integer NOT NULL DEFAULT 1,
    data bytea NOT NULL,
    PRIMARY KEY (doc_key, seq)
  );
  CREATE TABLE doc_snapshots (
    doc_key text PRIMARY KEY,
    upto_seq bigint NOT NULL,
    at bigint NOT NULL,
    data bytea NOT NULL
  );
  `,
];

/** Any constant: every instance takes this advisory lock to migrate, so they do it one at a time. */
const MIGRATION_LOCK = 7_322_019;

/**
 * Brings the schema up to date (tests: up to migration `upTo`); safe to call on every start of
 * every instance at once. Throws what PostgreSQL throws; a failed migration leaves the schema at
 * the one before it.
 */
export async function migratePostgres(pool: pg.Pool, upTo = MIGRATIONS.length): Promise<void> {
  const client = await pool.connect();
  try {
    for (;;) {
      await client.query('BEGIN');
      try {
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        // Under the lock: two instances creating it at once would collide.
        await client.query('CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)');
        const current = await currentVersion(client);
        if (current >= upTo) {
          await client.query('COMMIT');
          return;
        }
        await client.query(MIGRATIONS[current] ?? '');
        await client.query('DELETE FROM schema_version');
        await client.query('INSERT INTO schema_version (version) VALUES ($1)', [current + 1]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    client.release();
  }
}

async function currentVersion(client: pg.PoolClient): Promise<number> {
  const result = await client.query<{ version: number }>('SELECT version FROM schema_version');
  return result.rows[0]?.version ?? 0;
}

/** How many migrations exist (tests check a database is fully migrated). */
export const POSTGRES_SCHEMA_VERSION = MIGRATIONS.length;
