import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from './config.ts';
import { createJournalCommit } from './store/doc-log.ts';
import { editJournalPath, readJournal } from './store/edit-journal.ts';

/**
 * `pnpm backup`: a consistent copy of the live database through SQLite's online backup API,
 * safe while the server is running and writing. The copy is readable by its owner only.
 * Edits the server has written to its journal but not yet committed (up to a second's worth)
 * are added to the copy, so it holds every edit that had reached the server.
 * Restore: stop the server, replace DATA_DIR/twofold.sqlite with the copy (and delete any
 * twofold.sqlite-wal, -shm and .edits beside it), start the server.
 */
export async function backupDatabase(dbPath: string, backupDir: string, now = new Date()): Promise<string> {
  if (!existsSync(dbPath)) throw new Error(`no database at ${dbPath}`);
  mkdirSync(backupDir, { recursive: true, mode: 0o700 });
  const target = join(backupDir, `twofold-${now.toISOString().replace(/[:.]/g, '-')}.sqlite`);
  // The journal is read before the copy is taken: it only ever lets go of edits that are
  // committed, so what it holds now and what the database holds a moment later leave no gap.
  // Read after, a batch committed and cleared in between would be in neither.
  const journalled = readJournal(editJournalPath(dbPath));
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  chmodSync(target, 0o600);
  const copy = new Database(target);
  try {
    createJournalCommit(copy)(journalled);
  } finally {
    copy.close();
  }
  return target;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = loadConfig();
  const target = await backupDatabase(config.dbPath, join(config.dataDir, 'backups'));
  console.log(JSON.stringify({ event: 'backup_written', path: target }));
}
