import type { Db } from './db.ts';

export interface SessionRow {
  idHash: string;
  userId: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

/** Server-side sessions, keyed by the SHA-256 of the cookie's token. */
export function createSessionStore(db: Db) {
  const insert = db.prepare(
    'INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at, user_agent) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const byHash = db.prepare(
    'SELECT id_hash AS idHash, user_id AS userId, created_at AS createdAt, last_seen_at AS lastSeenAt, expires_at AS expiresAt FROM sessions WHERE id_hash = ?',
  );
  const touch = db.prepare('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE id_hash = ?');

  return {
    create(row: SessionRow, userAgent: string): void {
      insert.run(row.idHash, row.userId, row.createdAt, row.lastSeenAt, row.expiresAt, userAgent);
    },
    find: (idHash: string) => byHash.get(idHash) as SessionRow | undefined,
    touch(idHash: string, now: number, expiresAt: number): void {
      touch.run(now, expiresAt, idHash);
    },
    remove(idHash: string): void {
      remove.run(idHash);
    },
  };
}
export type SessionStore = ReturnType<typeof createSessionStore>;
