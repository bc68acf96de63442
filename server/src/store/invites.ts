import { createHash } from 'node:crypto';
import type { Db } from './db.ts';

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
export function createInviteStore(db: Db) {
  const openOf = db.prepare(
    `SELECT code_hash AS codeHash, created_by AS createdBy, created_at AS createdAt, expires_at AS expiresAt
     FROM invites WHERE space_id = ? AND used_at IS NULL AND expires_at > ? ORDER BY created_at, rowid`,
  );
  const expire = db.prepare(
    'UPDATE invites SET expires_at = ? WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?',
  );
  const open = (spaceId: string, now: number) =>
    (openOf.all(spaceId, now) as (Omit<OpenInviteRow, 'id'> & { codeHash: string })[]).map(
      ({ codeHash, ...rest }) => ({ id: inviteIdOf(codeHash), codeHash, ...rest }),
    );

  return {
    /** The space's invites that are neither used nor expired at `now`, oldest first. */
    open: (spaceId: string, now: number): OpenInviteRow[] =>
      open(spaceId, now).map(({ codeHash: _, ...row }) => row),
    /** Ends one open invite of the space by its public id; false if there is no such open invite. */
    revoke(spaceId: string, id: string, now: number): boolean {
      const invite = open(spaceId, now).find((row) => row.id === id);
      return invite !== undefined && expire.run(now, invite.codeHash, now).changes > 0;
    },
  };
}
export type InviteStore = ReturnType<typeof createInviteStore>;
