import { openOwnerOnly } from './db.ts';

export class DataInUse extends Error {
  constructor(path: string) {
    super(`another Twofold server is using ${path}; stop it first`);
  }
}

/**
 * Claims the database for this process until `release` (or until the process ends: the
 * operating system drops the lock with it, so a crash leaves nothing stale behind). A second
 * server on the same data would hand out the same row ids and, starting up, commit and empty
 * the running server's edit journal under it. The lock is SQLite's own exclusive lock on a
 * small file beside the database.
 */
export function lockData(dbPath: string): { release(): void } {
  const lock = openOwnerOnly(`${dbPath}.lock`, { timeout: 0 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new DataInUse(dbPath);
    throw error;
  }
  return { release: () => lock.close() };
}
