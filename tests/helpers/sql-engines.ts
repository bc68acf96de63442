import { createPostgresSql, createSqliteSql, openDb, openPostgres, type Sql } from '@twofold/server/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest';
import { startTestPostgres, type TestPostgres } from './test-postgres.ts';
import { tempDir } from './temp-dir.ts';

export type Engine = 'sqlite' | 'postgres';

/**
 * Declares `suite` once per engine: on a fresh, migrated SQLite file, and on a fresh database
 * of a real PostgreSQL server (one server per file, started before the first PostgreSQL test
 * and stopped after the last; a new database for every test). `sql()` is the current test's
 * connection.
 */
export function describeOnEachEngine(title: string, suite: (sql: () => Sql, engine: Engine) => void): void {
  describe.each(['sqlite', 'postgres'] as const)(`${title} (%s)`, (engine) => {
    let postgres: TestPostgres | undefined;
    let current: { sql: Sql; close(): Promise<void> } | undefined;
    if (engine === 'postgres') {
      beforeAll(async () => {
        postgres = await startTestPostgres();
      });
      afterAll(async () => {
        await postgres?.stop();
      });
    }
    beforeEach(async () => {
      current = engine === 'sqlite' ? openSqlite() : await openOnPostgres(postgres!);
    });
    afterEach(async () => {
      await current?.close();
      current = undefined;
    });
    suite(() => current!.sql, engine);
  });
}

function openSqlite() {
  const dir = tempDir('twofold-sql-');
  const db = openDb(`${dir.path}/twofold.sqlite`);
  return {
    sql: createSqliteSql(db),
    async close() {
      db.close();
      dir.remove();
    },
  };
}

async function openOnPostgres(server: TestPostgres) {
  const pool = await openPostgres(await server.createDatabase());
  return { sql: createPostgresSql(pool), close: () => pool.end() };
}
