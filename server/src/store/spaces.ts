import { MAX_MEMBERS, type Member } from '@twofold/shared';
import type { Sql } from './sql.ts';

export interface SpaceRow {
  id: string;
  name: string;
  createdAt: number;
}

export interface InviteRow {
  codeHash: string;
  spaceId: string;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
  usedBy: string | null;
}

export type AcceptResult =
  { kind: 'joined' | 'already-member'; spaceId: string } | { kind: 'unknown' | 'gone' | 'full' };

const INVITE_BY_HASH = `SELECT code_hash AS "codeHash", space_id AS "spaceId", created_by AS "createdBy",
  created_at AS "createdAt", expires_at AS "expiresAt", used_at AS "usedAt", used_by AS "usedBy"
  FROM invites WHERE code_hash = ?`;
const IS_MEMBER = 'SELECT 1 AS one FROM members WHERE space_id = ? AND user_id = ?';
const MEMBER_COUNT = 'SELECT COUNT(*) AS n FROM members WHERE space_id = ?';

/**
 * Locks a space's row until the transaction ends, so that transactions which count its members
 * and then change them run one after the other. On PostgreSQL (READ COMMITTED) that is what
 * keeps two accepts from both seeing one member; SQLite runs one write transaction at a time
 * anyway, and this write changes nothing.
 */
export async function lockSpace(tx: Sql, spaceId: string): Promise<void> {
  await tx.run('UPDATE spaces SET id = id WHERE id = ?', [spaceId]);
}

/** Spaces, their (at most two) members, and single-use invites stored as hashes. */
export function createSpaceStore(sql: Sql) {
  const insertMember = (tx: Sql, spaceId: string, userId: string, at: number) =>
    tx.run('INSERT INTO members (space_id, user_id, joined_at) VALUES (?, ?, ?)', [spaceId, userId, at]);

  // One transaction that holds the space's lock: two accepts can never interleave, so a space
  // can never end up with a third member, even when two people accept at the same instant.
  const accept = (
    codeHash: string,
    userId: string,
    now: number,
    privateDocKey: (spaceId: string) => string,
  ) =>
    sql.transaction(async (tx): Promise<AcceptResult> => {
      const found = await tx.get<InviteRow>(INVITE_BY_HASH, [codeHash]);
      if (!found) return { kind: 'unknown' };
      await lockSpace(tx, found.spaceId);
      // Read again under the lock: another accept may have used it meanwhile.
      const invite = (await tx.get<InviteRow>(INVITE_BY_HASH, [codeHash])) ?? found;
      if (await tx.get(IS_MEMBER, [invite.spaceId, userId])) {
        return { kind: 'already-member', spaceId: invite.spaceId };
      }
      if (invite.usedAt !== null || invite.expiresAt <= now) return { kind: 'gone' };
      const count = (await tx.get<{ n: number }>(MEMBER_COUNT, [invite.spaceId]))?.n ?? 0;
      if (count >= MAX_MEMBERS) return { kind: 'full' };
      await insertMember(tx, invite.spaceId, userId, now);
      // A member who left and comes back writes their private document again (departures.ts
      // retired it; its old rows are gone).
      if (tx.engine === 'postgres')
        await tx.run('UPDATE doc_heads SET retired = false WHERE doc_key = ?', [
          privateDocKey(invite.spaceId),
        ]);
      await tx.run('UPDATE invites SET used_at = ?, used_by = ? WHERE code_hash = ?', [
        now,
        userId,
        codeHash,
      ]);
      return { kind: 'joined', spaceId: invite.spaceId };
    });

  return {
    /** Creates the space with its owner as first member, in one transaction. */
    create: (space: SpaceRow, ownerId: string): Promise<void> =>
      sql.transaction(async (tx) => {
        await tx.run('INSERT INTO spaces (id, name, created_at) VALUES (?, ?, ?)', [
          space.id,
          space.name,
          space.createdAt,
        ]);
        await insertMember(tx, space.id, ownerId, space.createdAt);
      }),
    find: (id: string) =>
      sql.get<SpaceRow>('SELECT id, name, created_at AS "createdAt" FROM spaces WHERE id = ?', [id]),
    /** The members, first to join first. */
    members: (spaceId: string) =>
      sql.all<Member>(
        `SELECT u.id, u.name FROM members m JOIN users u ON u.id = m.user_id
         WHERE m.space_id = ? ORDER BY m.joined_at, m.rowid`,
        [spaceId],
      ),
    memberCount: async (spaceId: string) => (await sql.get<{ n: number }>(MEMBER_COUNT, [spaceId]))?.n ?? 0,
    isMember: async (spaceId: string, userId: string) =>
      (await sql.get(IS_MEMBER, [spaceId, userId])) !== undefined,
    spacesOf: (userId: string) =>
      sql.all<SpaceRow>(
        `SELECT s.id, s.name, s.created_at AS "createdAt" FROM members m JOIN spaces s ON s.id = m.space_id
         WHERE m.user_id = ? ORDER BY m.joined_at, m.rowid`,
        [userId],
      ),
    async createInvite(row: Omit<InviteRow, 'usedAt' | 'usedBy'>): Promise<void> {
      await sql.run(
        'INSERT INTO invites (code_hash, space_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
        [row.codeHash, row.spaceId, row.createdBy, row.createdAt, row.expiresAt],
      );
    },
    findInvite: (codeHash: string) => sql.get<InviteRow>(INVITE_BY_HASH, [codeHash]),
    /**
     * Joins `userId` to the invite's space. `privateDocKey` names the joiner's private document
     * in a space (sync/rooms.ts `docKey.private`), reopened if they had left it before.
     */
    acceptInvite: (
      codeHash: string,
      userId: string,
      now: number,
      privateDocKey: (spaceId: string) => string,
    ) => accept(codeHash, userId, now, privateDocKey),
  };
}
export type SpaceStore = ReturnType<typeof createSpaceStore>;
