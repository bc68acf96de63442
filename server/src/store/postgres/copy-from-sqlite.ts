import Database from 'better-sqlite3';
import { existsSync, truncateSync } from 'node:fs';
import type pg from 'pg';
import { DataInUse, lockData } from '../data-lock.ts';
import { openDb, type Db } from '../db.ts';
import { createJournalCommit } from '../doc-log.ts';
import { editJournalPath, readJournal } from '../edit-journal.ts';
import { SQLITE_SCHEMA_VERSION } from '../migrations.ts';
import { copyDocs, differingDocs, docKeysOf } from './copy-docs.ts';
import {
  copyTable,
  nonEmptyTables,
  planTables,
  postgresCount,
  sqliteCount,
  type TablePlan,
} from './copy-tables.ts';
import type { Queryable } from './doc-log.ts';

/** The copy did not start: nothing was written to PostgreSQL. The message says why. */
export class CopyRefused extends Error {}

/** The copy did not match its source; it was rolled back. `mismatches` says where, one line each. */
export class CopyMismatch extends Error {
  constructor(readonly mismatches: string[]) {
    super(`the copy does not match the SQLite database, so nothing was kept:\n  ${mismatches.join('\n  ')}`);
  }
}

export interface CopyReport {
  /** SQLite tables copied (app tables, the document log's rows and snapshots). */
  tables: number;
  /** Rows copied over all of them. */
  rows: number;
  /** Documents in the log, each verified to open to the same content. */
  documents: number;
  /** Edits found in the edit journal and committed to the SQLite file before the copy. */
  journalled: number;
}

export interface CopyOptions {
  /** Runs inside the copy's transaction just before it is verified (tests corrupt a row here). */
  beforeVerify?: (target: Queryable) => Promise<void>;
}

/**
 * `pnpm migrate-to-postgres`: copies the SQLite database at `sqlitePath` into the empty
 * PostgreSQL database behind `pool` (opened with `openPostgres`, so migrated), verifies the
 * copy and commits it, all in one PostgreSQL transaction.
 *
 * Before reading, it takes the data lock (so no server runs on the file meanwhile, nor starts),
 * and does what a server does on start: migrates the file and commits the edit journal beside
 * it, so an edit that reached the server and waits in the journal is copied too. It then reads
 * the file read-only in one read transaction (one consistent view).
 *
 * Verification: every table's row count equals its source's, and every document opens, as each
 * engine's server loads it, to the same Yjs state.
 *
 * Throws `CopyRefused` (no file, a server running on it, a target holding rows, a file from a
 * newer Twofold), `SchemaMismatch` (copy-tables.ts: the schemas no longer line up),
 * `CopyMismatch` (rolled back), or what SQLite and PostgreSQL throw (rolled back too).
 */
export async function copySqliteToPostgres(
  sqlitePath: string,
  pool: pg.Pool,
  options: CopyOptions = {},
): Promise<CopyReport> {
  if (!existsSync(sqlitePath)) throw new CopyRefused(`no SQLite database at ${sqlitePath}`);
  const lock = claim(sqlitePath);
  try {
    const journalled = prepareSource(sqlitePath);
    const source = new Database(sqlitePath, { readonly: true, fileMustExist: true });
    try {
      source.exec('BEGIN');
      try {
        return { ...(await copyInto(source, pool, options)), journalled };
      } finally {
        source.exec('COMMIT');
      }
    } finally {
      source.close();
    }
  } finally {
    lock.release();
  }
}

function claim(sqlitePath: string) {
  try {
    return lockData(sqlitePath);
  } catch (error) {
    if (error instanceof DataInUse) {
      throw new CopyRefused(`a Twofold server is running on ${sqlitePath}; stop it before copying`);
    }
    throw error;
  }
}

/**
 * What the server does on start, under the data lock: brings the file's schema up to date and
 * commits the journal's edits the database does not have yet (`createJournalCommit`, which
 * skips what it already has), then empties the journal. Opens the file for writing only when
 * there is something to do. Returns how many journal entries there were.
 */
function prepareSource(sqlitePath: string): number {
  const journalPath = editJournalPath(sqlitePath);
  const entries = readJournal(journalPath);
  const probe = new Database(sqlitePath, { readonly: true, fileMustExist: true });
  const version = probe.pragma('user_version', { simple: true }) as number;
  probe.close();
  if (version === 0) throw new CopyRefused(`${sqlitePath} is not a Twofold database`);
  if (version > SQLITE_SCHEMA_VERSION) {
    throw new CopyRefused(
      `${sqlitePath} was written by a newer Twofold (schema ${version}, this one knows ${SQLITE_SCHEMA_VERSION})`,
    );
  }
  if (entries.length === 0 && version === SQLITE_SCHEMA_VERSION) return 0;
  const db = openDb(sqlitePath);
  try {
    if (entries.length > 0) createJournalCommit(db)(entries);
  } finally {
    db.close();
  }
  // Only once committed: the journal never lets go of an edit the database does not have.
  if (entries.length > 0) truncateSync(journalPath, 0);
  return entries.length;
}

async function copyInto(source: Db, pool: pg.Pool, options: CopyOptions) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    try {
      const full = await nonEmptyTables(client);
      if (full.length > 0) {
        throw new CopyRefused(
          `the PostgreSQL database already holds rows (in ${full.join(', ')}); the copy goes only into an empty one`,
        );
      }
      const plans = await planTables(source, client);
      let rows = 0;
      for (const plan of plans) rows += await copyTable(source, client, plan);
      const documents = await copyDocs(source, client);
      rows += sqliteCount(source, 'doc_updates') + sqliteCount(source, 'doc_snapshots');
      await options.beforeVerify?.(client);
      const mismatches = await verifyCopy(source, client, plans);
      if (mismatches.length > 0) throw new CopyMismatch(mismatches);
      await client.query('COMMIT');
      return { tables: plans.length + 2, rows, documents };
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  } finally {
    client.release();
  }
}

/**
 * Compares a copy on `target` with its SQLite `source`: each table's row count (the log's rows,
 * snapshots and one head per document included), and each document's content. Returns one
 * line per difference; none when the copy is whole. Also usable on a committed copy.
 */
export async function verifyCopy(source: Db, target: Queryable, plans?: TablePlan[]): Promise<string[]> {
  const mismatches: string[] = [];
  const expect = (table: string, expected: number, actual: number) => {
    if (expected !== actual) mismatches.push(`${table}: ${expected} rows in SQLite, ${actual} in PostgreSQL`);
  };
  for (const { name } of plans ?? (await planTables(source, target))) {
    expect(name, sqliteCount(source, name), await postgresCount(target, name));
  }
  for (const table of ['doc_updates', 'doc_snapshots']) {
    expect(table, sqliteCount(source, table), await postgresCount(target, table));
  }
  expect('doc_heads (one per document)', docKeysOf(source).length, await postgresCount(target, 'doc_heads'));
  for (const key of await differingDocs(source, target)) {
    mismatches.push(`document ${key} opens to different content`);
  }
  return mismatches;
}
