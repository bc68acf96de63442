import type { Sql } from './sql.ts';

/**
 * The record of scheduled notifications already queued: one row per (space, person, kind,
 * occurrence). `claim` inserts on that primary key with `ON CONFLICT DO NOTHING`, so whichever
 * pass gets there first (this process after a restart, or another instance on the same
 * database) queues the notice, and every later one finds the row and does nothing. Build it
 * on a transaction's `tx` to claim inside that transaction.
 */
export function createScheduledNoticeStore(sql: Sql) {
  return {
    /**
     * Resolves true for the one caller that records this occurrence, false if it was recorded
     * before. `now` is ms since the epoch.
     */
    claim: async (spaceId: string, userId: string, kind: string, occurrence: string, now: number) =>
      (
        await sql.run(
          `INSERT INTO scheduled_notices (space_id, user_id, kind, occurrence, queued_at)
           VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
          [spaceId, userId, kind, occurrence, now],
        )
      ).changes === 1,
    /** Every space's id (the scheduler looks at each once per pass). */
    spaceIds: async (): Promise<string[]> =>
      (await sql.all<{ id: string }>('SELECT id FROM spaces ORDER BY id')).map((row) => row.id),
  };
}
export type ScheduledNoticeStore = ReturnType<typeof createScheduledNoticeStore>;
