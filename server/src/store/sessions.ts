import { randomId } from '../lib/ids.ts';
import type { Sql } from './sql.ts';

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
export function createSessionStore(sql: Sql) {
  return {
    async create(row: SessionRow, userAgent: string): Promise<void> {
      await sql.run(
        `INSERT INTO sessions (id_hash, public_id, user_id, created_at, last_seen_at, expires_at, user_agent)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [
          row.idHash,
          row.publicId ?? randomId(),
          row.userId,
          row.createdAt,
          row.lastSeenAt,
          row.expiresAt,
          userAgent,
        ],
      );
    },
    find: (idHash: string) =>
      sql.get<SessionRow & { publicId: string }>(
        `SELECT id_hash AS "idHash", public_id AS "publicId", user_id AS "userId", created_at AS "createdAt",
           last_seen_at AS "lastSeenAt", expires_at AS "expiresAt"
         FROM sessions WHERE id_hash = ?`,
        [idHash],
      ),
    /** A person's live sessions, newest first. */
    listOf: (userId: string, now: number) =>
      sql.all<SessionListing>(
        `SELECT id_hash AS "idHash", public_id AS "publicId", created_at AS "createdAt", last_seen_at AS "lastSeenAt",
           expires_at AS "expiresAt", user_agent AS "userAgent"
         FROM sessions WHERE user_id = ? AND expires_at > ? ORDER BY created_at DESC, rowid DESC`,
        [userId, now],
      ),
    async touch(idHash: string, now: number, expiresAt: number): Promise<void> {
      await sql.run('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?', [
        now,
        expiresAt,
        idHash,
      ]);
    },
    async remove(idHash: string): Promise<void> {
      await sql.run('DELETE FROM sessions WHERE id_hash = ?', [idHash]);
    },
    /** When the person last dismissed the "new sign-in" notice (0 if never). */
    signInsSeenAt: async (userId: string) =>
      (
        await sql.get<{ seenAt: number }>('SELECT sign_ins_seen_at AS "seenAt" FROM users WHERE id = ?', [
          userId,
        ])
      )?.seenAt ?? 0,
    async acknowledgeSignIns(userId: string, at: number): Promise<void> {
      await sql.run('UPDATE users SET sign_ins_seen_at = ? WHERE id = ?', [at, userId]);
    },
  };
}
export type SessionStore = ReturnType<typeof createSessionStore>;
