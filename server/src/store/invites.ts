import { createHash } from 'node:crypto';
import type { Sql } from './sql.ts';

export interface OpenInviteRow {
  id: string;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
}

/**
 * The public name of an invite: a one-way digest of its stored hash, so listing and revoking
 * need neither the code nor the hash (and no new column).
 */
export function inviteIdOf(codeHash: string): string {
  return createHash('sha256').update(`invite-id:${codeHash}`).digest('base64url').slice(0, 22);
}

/**
 * Invites that can still be used, and ending them. An ended invite is expired in place (not
 * deleted), so its code answers 410 "used or expired", the same as any spent invite. Leaving
 * ends the leaver's invites the same way, in its own transaction (`departures.ts`).
 */
export function createInviteStore(sql: Sql) {
  const open = async (spaceId: string, now: number) =>
    (
      await sql.all<Omit<OpenInviteRow, 'id'> & { codeHash: string }>(
        `SELECT code_hash AS "codeHash", created_by AS "createdBy", created_at AS "createdAt", expires_at AS "expiresAt"
         FROM invites WHERE space_id = ? AND used_at IS NULL AND expires_at > ? ORDER BY created_at, rowid`,
        [spaceId, now],
      )
    ).map(({ codeHash, ...rest }) => ({ id: inviteIdOf(codeHash), codeHash, ...rest }));

  return {
    /** The space's invites that are neither used nor expired at `now`, oldest first. */
    open: async (spaceId: string, now: number): Promise<OpenInviteRow[]> =>
      (await open(spaceId, now)).map(({ codeHash: _, ...row }) => row),
    /** Ends one open invite of the space by its public id; false if there is no such open invite. */
    async revoke(spaceId: string, id: string, now: number): Promise<boolean> {
      const invite = (await open(spaceId, now)).find((row) => row.id === id);
      if (invite === undefined) return false;
      const { changes } = await sql.run(
        'UPDATE invites SET expires_at = ? WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?',
        [now, invite.codeHash, now],
      );
      return changes > 0;
    },
  };
}
export type InviteStore = ReturnType<typeof createInviteStore>;
