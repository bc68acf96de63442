import { randomId } from '../lib/ids.ts';
import type { Db } from './db.ts';

export interface SessionRow {
  idHash: string;
  /** A random id that names the session in the API; the token's hash never leaves the server. */
  publicId?: string;
  userId: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

/** One of a person's sessions as the devices list shows it. */
export interface SessionListing {
  idHash: string;
  publicId: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  userAgent: string;
}

/** Server-side sessions, keyed by the SHA-256 of the cookie's token. */
export function createSessionStore(db: Db) {
  const insert = db.prepare(
    'INSERT INTO sessions (id_hash, public_id, user_id, created_at, last_seen_at, expires_at, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const byHash = db.prepare(
    'SELECT id_hash AS idHash, public_id AS publicId, user_id AS userId, created_at AS createdAt, last_seen_at AS lastSeenAt, expires_at AS expiresAt FROM sessions WHERE id_hash = ?',
  );
  const ofUser = db.prepare(
    'SELECT id_hash AS idHash, public_id AS publicId, created_at AS createdAt, last_seen_at AS lastSeenAt, expires_at AS expiresAt, user_agent AS userAgent FROM sessions WHERE user_id = ? AND expires_at > ? ORDER BY created_at DESC, rowid DESC',
  );
  const touch = db.prepare('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE id_hash = ?');
  const seenAt = db.prepare('SELECT sign_ins_seen_at AS seenAt FROM users WHERE id = ?');
  const setSeenAt = db.prepare('UPDATE users SET sign_ins_seen_at = ? WHERE id = ?');

  return {
    create(row: SessionRow, userAgent: string): void {
      insert.run(
        row.idHash,
        row.publicId ?? randomId(),
        row.userId,
        row.createdAt,
        row.lastSeenAt,
        row.expiresAt,
        userAgent,
      );
    },
    find: (idHash: string) => byHash.get(idHash) as (SessionRow & { publicId: string }) | undefined,
    /** A person's live sessions, newest first. */
    listOf: (userId: string, now: number) => ofUser.all(userId, now) as SessionListing[],
    touch(idHash: string, now: number, expiresAt: number): void {
      touch.run(now, expiresAt, idHash);
    },
    remove(idHash: string): void {
      remove.run(idHash);
    },
    /** When the person last dismissed the "new sign-in" notice (0 if never). */
    signInsSeenAt: (userId: string) => (seenAt.get(userId) as { seenAt: number } | undefined)?.seenAt ?? 0,
    acknowledgeSignIns(userId: string, at: number): void {
      setSeenAt.run(at, userId);
    },
  };
}
export type SessionStore = ReturnType<typeof createSessionStore>;
