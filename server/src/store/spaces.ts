import { MAX_MEMBERS, type Member } from '@twofold/shared';
import type { Db } from './db.ts';

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

/** Spaces, their (at most two) members, and single-use invites stored as hashes. */
export function createSpaceStore(db: Db) {
  const insertSpace = db.prepare('INSERT INTO spaces (id, name, created_at) VALUES (?, ?, ?)');
  const insertMember = db.prepare('INSERT INTO members (space_id, user_id, joined_at) VALUES (?, ?, ?)');
  const spaceById = db.prepare('SELECT id, name, created_at AS createdAt FROM spaces WHERE id = ?');
  const membersOf = db.prepare(
    'SELECT u.id, u.name FROM members m JOIN users u ON u.id = m.user_id WHERE m.space_id = ? ORDER BY m.joined_at, m.rowid',
  );
  const memberCount = db.prepare('SELECT COUNT(*) AS n FROM members WHERE space_id = ?');
  const isMember = db.prepare('SELECT 1 FROM members WHERE space_id = ? AND user_id = ?');
  const spacesOf = db.prepare(
    'SELECT s.id, s.name, s.created_at AS createdAt FROM members m JOIN spaces s ON s.id = m.space_id WHERE m.user_id = ? ORDER BY m.joined_at',
  );
  const insertInvite = db.prepare(
    'INSERT INTO invites (code_hash, space_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  );
  const inviteByHash = db.prepare(
    'SELECT code_hash AS codeHash, space_id AS spaceId, created_by AS createdBy, created_at AS createdAt, expires_at AS expiresAt, used_at AS usedAt, used_by AS usedBy FROM invites WHERE code_hash = ?',
  );
  const useInvite = db.prepare('UPDATE invites SET used_at = ?, used_by = ? WHERE code_hash = ?');

  const members = (spaceId: string) => membersOf.all(spaceId) as Member[];

  // A synchronous SQLite transaction: two accepts can never interleave, so a space can never
  // end up with a third member, even when two people accept at the same instant.
  const accept = db.transaction((codeHash: string, userId: string, now: number): AcceptResult => {
    const invite = inviteByHash.get(codeHash) as InviteRow | undefined;
    if (!invite) return { kind: 'unknown' };
    if (isMember.get(invite.spaceId, userId)) {
      return { kind: 'already-member', spaceId: invite.spaceId };
    }
    if (invite.usedAt !== null || invite.expiresAt <= now) return { kind: 'gone' };
    if ((memberCount.get(invite.spaceId) as { n: number }).n >= MAX_MEMBERS) return { kind: 'full' };
    insertMember.run(invite.spaceId, userId, now);
    useInvite.run(now, userId, codeHash);
    return { kind: 'joined', spaceId: invite.spaceId };
  });

  return {
    create: db.transaction((space: SpaceRow, ownerId: string) => {
      insertSpace.run(space.id, space.name, space.createdAt);
      insertMember.run(space.id, ownerId, space.createdAt);
    }),
    find: (id: string) => spaceById.get(id) as SpaceRow | undefined,
    members,
    memberCount: (spaceId: string) => (memberCount.get(spaceId) as { n: number }).n,
    isMember: (spaceId: string, userId: string) => isMember.get(spaceId, userId) !== undefined,
    spacesOf: (userId: string) => spacesOf.all(userId) as SpaceRow[],
    createInvite(row: Omit<InviteRow, 'usedAt' | 'usedBy'>): void {
      insertInvite.run(row.codeHash, row.spaceId, row.createdBy, row.createdAt, row.expiresAt);
    },
    findInvite: (codeHash: string) => inviteByHash.get(codeHash) as InviteRow | undefined,
    acceptInvite: (codeHash: string, userId: string, now: number) => accept(codeHash, userId, now),
  };
}
export type SpaceStore = ReturnType<typeof createSpaceStore>;
