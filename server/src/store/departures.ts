import type { Db } from './db.ts';

export interface Departure {
  userId: string;
  name: string;
  leftAt: number;
}

/**
 * Leaving a space and deleting an account: what goes with the person and what stays with the
 * partner. The leaver's private document and their still-sealed letters go, and the invites
 * they made can no longer be used; what they already shared stays, marked as a former member's. The last member leaving deletes the space.
 */
export function createDepartureStore(db: Db, docLog: { flush(): void }) {
  const deleteMember = db.prepare('DELETE FROM members WHERE space_id = ? AND user_id = ?');
  const memberCount = db.prepare('SELECT COUNT(*) AS n FROM members WHERE space_id = ?');
  const deleteDocUpdates = db.prepare('DELETE FROM doc_updates WHERE doc_key = ?');
  const deleteDocSnapshot = db.prepare('DELETE FROM doc_snapshots WHERE doc_key = ?');
  const deleteDocUpdatesByPrefix = db.prepare(
    'DELETE FROM doc_updates WHERE substr(doc_key, 1, length(@prefix)) = @prefix',
  );
  const deleteDocSnapshotsByPrefix = db.prepare(
    'DELETE FROM doc_snapshots WHERE substr(doc_key, 1, length(@prefix)) = @prefix',
  );
  // A letter the partner cannot read yet is withdrawn: it was never given to them.
  const withdrawSealed = db.prepare(`
    DELETE FROM letters
    WHERE space_id = @spaceId AND author_id = @userId AND (
      (seal_kind = 'together' AND pair_id IN (SELECT id FROM letter_pairs WHERE opened_at IS NULL))
      OR (seal_kind = 'date' AND (opens_at IS NULL OR opens_at > @now))
    )`);
  // Check-in answers the partner has not been shown (they had not answered that week) go too,
  // so a later partner answering that week can never open them.
  const withdrawCheckins = db.prepare(`
    DELETE FROM checkin_answers
    WHERE space_id = @spaceId AND user_id = @userId AND (
      SELECT COUNT(DISTINCT other.user_id) FROM checkin_answers other
      WHERE other.space_id = checkin_answers.space_id AND other.week = checkin_answers.week
    ) < 2`);
  // The same for a side of a repair the partner has not been shown: a later partner writing
  // theirs must never open it.
  const withdrawRepairParts = db.prepare(`
    DELETE FROM repair_parts
    WHERE user_id = @userId
      AND repair_id IN (SELECT id FROM repairs WHERE space_id = @spaceId)
      AND (SELECT COUNT(DISTINCT other.user_id) FROM repair_parts other
           WHERE other.repair_id = repair_parts.repair_id) < 2`);
  // A guide for unsure moments was written for the partner of the time; it goes with its writer
  // rather than wait for whoever joins next.
  const deleteGuide = db.prepare(
    'DELETE FROM reassurance_guides WHERE space_id = @spaceId AND user_id = @userId',
  );
  // Invites the leaver made end with their membership: an unused one would let them back in,
  // to read everything written after they left.
  const cancelInvites = db.prepare(
    'UPDATE invites SET expires_at = @now WHERE space_id = @spaceId AND created_by = @userId AND used_at IS NULL AND expires_at > @now',
  );
  const deleteSpace = db.prepare('DELETE FROM spaces WHERE id = ?');
  const insertDeparture = db.prepare(
    'INSERT INTO departures (space_id, user_id, name, left_at) VALUES (?, ?, ?, ?)',
  );
  const departuresOf = db.prepare(
    'SELECT user_id AS userId, name, left_at AS leftAt FROM departures WHERE space_id = ? ORDER BY left_at',
  );
  const deleteUser = db.prepare('DELETE FROM users WHERE id = ?');
  const spacesOf = db.prepare('SELECT space_id AS spaceId FROM members WHERE user_id = ?');

  const leave = (
    spaceId: string,
    user: { id: string; name: string },
    now: number,
    keys: { shared: string; private: string; privatePrefix: string },
  ): { spaceDeleted: boolean } => {
    deleteMember.run(spaceId, user.id);
    deleteDocUpdates.run(keys.private);
    deleteDocSnapshot.run(keys.private);
    withdrawSealed.run({ spaceId, userId: user.id, now });
    withdrawCheckins.run({ spaceId, userId: user.id });
    withdrawRepairParts.run({ spaceId, userId: user.id });
    deleteGuide.run({ spaceId, userId: user.id });
    cancelInvites.run({ spaceId, userId: user.id, now });
    if ((memberCount.get(spaceId) as { n: number }).n === 0) {
      deleteDocUpdates.run(keys.shared);
      deleteDocSnapshot.run(keys.shared);
      deleteDocUpdatesByPrefix.run({ prefix: keys.privatePrefix });
      deleteDocSnapshotsByPrefix.run({ prefix: keys.privatePrefix });
      deleteSpace.run(spaceId);
      return { spaceDeleted: true };
    }
    insertDeparture.run(spaceId, user.id, user.name, now);
    return { spaceDeleted: false };
  };

  const deleteAccountCommitted = db.transaction(
    (
      user: { id: string; name: string },
      now: number,
      keysFor: (spaceId: string) => Parameters<typeof leave>[3],
    ): string[] => {
      const spaceIds = (spacesOf.all(user.id) as { spaceId: string }[]).map((row) => row.spaceId);
      for (const spaceId of spaceIds) leave(spaceId, user, now, keysFor(spaceId));
      deleteUser.run(user.id);
      return spaceIds;
    },
  );
  const leaveCommitted = db.transaction(leave);

  // Every journalled edit is committed before rows are deleted: committed after, it would
  // bring back words that were meant to go.
  return {
    leave(...args: Parameters<typeof leave>) {
      docLog.flush();
      return leaveCommitted(...args);
    },
    /** Removes the account and, through `leave`, every trace of it that was only theirs. */
    deleteAccount(...args: Parameters<typeof deleteAccountCommitted>) {
      docLog.flush();
      return deleteAccountCommitted(...args);
    },
    of: (spaceId: string) => departuresOf.all(spaceId) as Departure[],
  };
}
export type DepartureStore = ReturnType<typeof createDepartureStore>;
