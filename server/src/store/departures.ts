import { lockSpace } from './spaces.ts';
import type { Sql } from './sql.ts';

export interface Departure {
  userId: string;
  name: string;
  leftAt: number;
}

/** The document keys a departure touches (see `keysOf` in spaces/leave-space.ts). */
export interface DepartureKeys {
  shared: string;
  private: string;
  privatePrefix: string;
}

// A letter the partner cannot read yet is withdrawn: it was never given to them.
const WITHDRAW_SEALED = `
  DELETE FROM letters
  WHERE space_id = ? AND author_id = ? AND (
    (seal_kind = 'together' AND pair_id IN (SELECT id FROM letter_pairs WHERE opened_at IS NULL))
    OR (seal_kind = 'date' AND (opens_at IS NULL OR opens_at > ?))
  )`;
// Check-in answers the partner has not been shown (they had not answered that week) go too,
// so a later partner answering that week can never open them.
const WITHDRAW_CHECKINS = `
  DELETE FROM checkin_answers
  WHERE space_id = ? AND user_id = ? AND (
    SELECT COUNT(DISTINCT other.user_id) FROM checkin_answers other
    WHERE other.space_id = checkin_answers.space_id AND other.week = checkin_answers.week
  ) < 2`;
// The same for a side of a repair the partner has not been shown: a later partner writing
// theirs must never open it.
const WITHDRAW_REPAIR_PARTS = `
  DELETE FROM repair_parts
  WHERE user_id = ?
    AND repair_id IN (SELECT id FROM repairs WHERE space_id = ?)
    AND (SELECT COUNT(DISTINCT other.user_id) FROM repair_parts other
         WHERE other.repair_id = repair_parts.repair_id) < 2`;
// Invites the leaver made end with their membership: an unused one would let them back in,
// to read everything written after they left.
const CANCEL_INVITES = `UPDATE invites SET expires_at = ?
  WHERE space_id = ? AND created_by = ? AND used_at IS NULL AND expires_at > ?`;

/**
 * The document log's rows of one document, or of every document whose key starts with a
 * prefix. Both engines name the tables alike (`doc_updates`, `doc_snapshots`: the SQLite log
 * in the same file, postgres/doc-log.ts in the same database), so the deletion commits or rolls
 * back with the departure.
 *
 * On PostgreSQL the documents are retired first (`doc_heads.retired`, postgres/doc-log.ts),
 * which takes each head's row lock until the departure commits: a room another instance still
 * holds (its revocation is on its way over Redis) can then store no late edit and write no
 * snapshot back, and an append already waiting on the lock stores nothing. The heads stay, as
 * tombstones holding only the key and a number: a rejoining member's numbers keep growing, and
 * a deleted space's documents stay closed (its ids are never reused).
 */
async function deleteDocRows(tx: Sql, key: { exact: string } | { prefix: string }): Promise<void> {
  const [where, params] =
    'exact' in key
      ? ['doc_key = ?', [key.exact]]
      : ['substr(doc_key, 1, ?) = ?', [key.prefix.length, key.prefix]];
  if (tx.engine === 'postgres') {
    if ('exact' in key) await tx.run(RETIRE_DOC, [key.exact]);
    else await tx.run(`UPDATE doc_heads SET retired = true WHERE ${where}`, params);
  }
  await tx.run(`DELETE FROM doc_updates WHERE ${where}`, params);
  await tx.run(`DELETE FROM doc_snapshots WHERE ${where}`, params);
}

// A head for a document nobody wrote yet too: its room may be open elsewhere.
const RETIRE_DOC = `INSERT INTO doc_heads (doc_key, seq, retired) VALUES (?, 0, true)
  ON CONFLICT (doc_key) DO UPDATE SET retired = true`;

/**
 * Leaving a space and deleting an account: what goes with the person and what stays with the
 * partner. The leaver's private document and their still-sealed letters go, and the invites
 * they made can no longer be used; what they already shared stays, marked as a former
 * member's. The last member leaving deletes the space. Every call rejects with what the
 * engine throws, having changed nothing.
 */
export function createDepartureStore(sql: Sql, docLog: { flush(): void }) {
  // Under the space's lock: two last members leaving at once must not each see the other
  // still there (PostgreSQL, READ COMMITTED) and leave an empty space behind.
  const leave = async (
    tx: Sql,
    spaceId: string,
    user: { id: string; name: string },
    now: number,
    keys: DepartureKeys,
  ): Promise<{ spaceDeleted: boolean }> => {
    await lockSpace(tx, spaceId);
    await tx.run('DELETE FROM members WHERE space_id = ? AND user_id = ?', [spaceId, user.id]);
    await deleteDocRows(tx, { exact: keys.private });
    await tx.run(WITHDRAW_SEALED, [spaceId, user.id, now]);
    await tx.run(WITHDRAW_CHECKINS, [spaceId, user.id]);
    await tx.run(WITHDRAW_REPAIR_PARTS, [user.id, spaceId]);
    // A guide for unsure moments was written for the partner of the time; it goes with its
    // writer rather than wait for whoever joins next.
    await tx.run('DELETE FROM reassurance_guides WHERE space_id = ? AND user_id = ?', [spaceId, user.id]);
    await tx.run(CANCEL_INVITES, [now, spaceId, user.id, now]);
    const left = await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM members WHERE space_id = ?', [
      spaceId,
    ]);
    if (Number(left?.n ?? 0) === 0) {
      await deleteDocRows(tx, { exact: keys.shared });
      await deleteDocRows(tx, { prefix: keys.privatePrefix });
      await tx.run('DELETE FROM spaces WHERE id = ?', [spaceId]);
      return { spaceDeleted: true };
    }
    await tx.run('INSERT INTO departures (space_id, user_id, name, left_at) VALUES (?, ?, ?, ?)', [
      spaceId,
      user.id,
      user.name,
      now,
    ]);
    return { spaceDeleted: false };
  };

  // Every journalled edit is committed before rows are deleted: committed after, it would
  // bring back words that were meant to go.
  return {
    /** `now` in ms. Resolves whether the space went with its last member. */
    leave(spaceId: string, user: { id: string; name: string }, now: number, keys: DepartureKeys) {
      docLog.flush();
      return sql.transaction((tx) => leave(tx, spaceId, user, now, keys));
    },
    /**
     * Removes the account and, through `leave`, every trace of it that was only theirs, in one
     * transaction. Resolves with the ids of the spaces it left.
     */
    deleteAccount(
      user: { id: string; name: string },
      now: number,
      keysFor: (spaceId: string) => DepartureKeys,
    ): Promise<string[]> {
      docLog.flush();
      return sql.transaction(async (tx) => {
        // Locked in one order, so two partners deleting their accounts at once cannot deadlock.
        const spaceIds = (
          await tx.all<{ spaceId: string }>(
            'SELECT space_id AS "spaceId" FROM members WHERE user_id = ? ORDER BY space_id',
            [user.id],
          )
        ).map((row) => row.spaceId);
        for (const spaceId of spaceIds) await leave(tx, spaceId, user, now, keysFor(spaceId));
        await tx.run('DELETE FROM users WHERE id = ?', [user.id]);
        return spaceIds;
      });
    },
    /** Who left the space, oldest departure first. */
    of: (spaceId: string) =>
      sql.all<Departure>(
        'SELECT user_id AS "userId", name, left_at AS "leftAt" FROM departures WHERE space_id = ? ORDER BY left_at',
        [spaceId],
      ),
  };
}
export type DepartureStore = ReturnType<typeof createDepartureStore>;
