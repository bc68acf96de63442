import type Database from 'better-sqlite3';
import type pg from 'pg';

/** A value a statement may bind: no booleans (SQLite has none) and no objects. */
export type SqlValue = string | number | bigint | null | Uint8Array;

/**
 * The one interface every store (except the room-side document log) talks to, the same over
 * SQLite and PostgreSQL. Statements use `?` placeholders and SQL both engines accept:
 * `ON CONFLICT … DO NOTHING` rather than `INSERT OR IGNORE`, `RETURNING` rather than the last
 * row id, quoted camelCase aliases (`AS "userId"`: PostgreSQL folds unquoted names to lower
 * case), and `rowid` only on tables whose PostgreSQL twin has a `rowid` column
 * (postgres/migrations.ts).
 *
 * Every call rejects with what the engine throws (see `isUniqueViolation`).
 */
export interface Sql {
  readonly engine: 'sqlite' | 'postgres';
  /** The first row, or undefined. */
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** Every row, in the statement's order. */
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement; `changes` is how many rows it inserted, updated or deleted. */
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it rejects
   * (the rejection is passed on). Inside, use only `tx`; a transaction begun on `tx` joins the
   * outer one. On SQLite, `work` must await nothing but `tx`'s own calls (compute hashes and
   * call the network before): the one connection is shared with the synchronous document log,
   * so a transaction that let the event loop turn is rolled back with an error.
   */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
}

/** Whether `error` is a unique or primary-key violation, on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/**
 * `Sql` over one better-sqlite3 connection. Each call runs synchronously and resolves with its
 * result, so outside a transaction nothing changes in how SQLite is used. Transactions are
 * queued: one at a time on the connection (`BEGIN IMMEDIATE` … `COMMIT`), and a call from
 * outside one waits for it to end rather than landing inside it. Prepared statements are
 * cached per connection and SQL text.
 */
export function createSqliteSql(db: Database.Database): Sql {
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
  const direct = {
    get: <T>(sql: string, params: readonly SqlValue[] = []) => prepare(sql).get(...params) as T | undefined,
    all: <T>(sql: string, params: readonly SqlValue[] = []) => prepare(sql).all(...params) as T[],
    run: (sql: string, params: readonly SqlValue[] = []) => ({
      changes: prepare(sql).run(...params).changes,
    }),
  };

  // Transactions waiting or running, and the end of the last one queued.
  let open = 0;
  let tail: Promise<unknown> = Promise.resolve();
  /** Runs `call` now when no transaction is open or queued; else after them. */
  const outside = <T>(call: () => T): Promise<T> => {
    if (open === 0) {
      try {
        return Promise.resolve(call());
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }
    return tail.then(() => outside(call));
  };

  const inside: Sql = {
    engine: 'sqlite',
    get: async (sql, params) => direct.get(sql, params),
    all: async (sql, params) => direct.all(sql, params),
    run: async (sql, params) => direct.run(sql, params),
    transaction: (work) => work(inside),
  };

  const runTransaction = async <T>(work: (tx: Sql) => Promise<T>): Promise<T> => {
    let turned = false;
    const watch = setImmediate(() => (turned = true));
    direct.run('BEGIN IMMEDIATE');
    try {
      const result = await work(inside);
      if (turned) throw new Error('sql: an SQLite transaction awaited something other than its statements');
      direct.run('COMMIT');
      return result;
    } catch (error) {
      if (db.inTransaction) direct.run('ROLLBACK');
      throw error;
    } finally {
      clearImmediate(watch);
    }
  };

  return {
    engine: 'sqlite',
    get: (sql, params) => outside(() => direct.get(sql, params)),
    all: (sql, params) => outside(() => direct.all(sql, params)),
    run: (sql, params) => outside(() => direct.run(sql, params)),
    transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
      open++;
      const result = tail.then(() => runTransaction(work));
      tail = result.then(
        () => (open -= 1),
        () => (open -= 1),
      );
      return result;
    },
  };
}

/**
 * `Sql` over a `pg` pool (postgres/db.ts). A call outside a transaction takes any pooled
 * connection; a transaction holds one connection from `BEGIN` to `COMMIT`/`ROLLBACK`, at the
 * default READ COMMITTED isolation: a store that reads then writes on what it read locks the
 * row it depends on first (see spaces.ts). `?` placeholders become `$1…$n`. With `ready` (the
 * pool's migration, see build-app.ts), every call waits for it first and fails as it failed.
 */
export function createPostgresSql(pool: pg.Pool, options: { ready?: Promise<unknown> } = {}): Sql {
  const ready = options.ready ?? Promise.resolve();
  const over = (client: pg.Pool | pg.PoolClient, transaction: Sql['transaction']): Sql => {
    const query = async (sql: string, params: readonly SqlValue[]) => {
      await ready;
      return client.query(numbered(sql), params as unknown[]);
    };
    return {
      engine: 'postgres',
      async get<T>(sql: string, params: readonly SqlValue[] = []) {
        return (await query(sql, params)).rows[0] as T | undefined;
      },
      async all<T>(sql: string, params: readonly SqlValue[] = []) {
        return (await query(sql, params)).rows as T[];
      },
      async run(sql, params = []) {
        return { changes: (await query(sql, params)).rowCount ?? 0 };
      },
      transaction,
    };
  };

  return over(pool, async (work) => {
    await ready;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const tx: Sql = over(client, (inner) => inner(tx));
      try {
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } finally {
      client.release();
    }
  });
}

const numberedCache = new Map<string, string>();
/** `?` placeholders as PostgreSQL's `$1…$n`, skipping quoted strings and names. */
export function numbered(sql: string): string {
  let text = numberedCache.get(sql);
  if (text !== undefined) return text;
  let n = 0;
  text = sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\?/g, (match) => (match === '?' ? `$${++n}` : match));
  numberedCache.set(sql, text);
  return text;
}
