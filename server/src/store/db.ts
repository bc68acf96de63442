import Database from 'better-sqlite3';
import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrations.ts';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the SQLite database at `path`, readable by its owner only, in WAL
 * mode, and migrates it. `synchronous = NORMAL` in WAL mode survives a process crash (kill -9)
 * without losing a committed write; `SQLITE_SYNC=full` trades latency for power-loss safety.
 */
export function openDb(
  path: string,
  options: { synchronous?: 'normal' | 'full'; manualCheckpoints?: boolean } = {},
): Db {
  const db = openOwnerOnly(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Checkpoints run in a worker (see checkpointer.ts), never inside an edit's commit.
  if (options.manualCheckpoints) db.pragma('wal_autocheckpoint = 0');
  migrate(db);
  return db;
}

/**
 * Opens (creating if needed) an SQLite file readable by its owner only, in a directory only
 * its owner can enter. `timeout` is how long to wait for another connection's lock.
 */
export function openOwnerOnly(path: string, options: { timeout?: number } = {}): Db {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const db = new Database(path, options);
  chmodSync(path, 0o600);
  return db;
}
