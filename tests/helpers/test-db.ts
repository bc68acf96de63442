import { openDb, type Db } from '@twofold/server/testing';
import { tempDir } from './temp-dir.ts';

/** A migrated SQLite file in a fresh temp dir, opened as the server opens it; `close` removes both. */
export function openTestDb(): { db: Db; close(): void } {
  const dir = tempDir('twofold-db-');
  const db = openDb(`${dir.path}/twofold.sqlite`);
  return {
    db,
    close() {
      if (db.open) db.close();
      dir.remove();
    },
  };
}
