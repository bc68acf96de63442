import type { Db } from './db.ts';

/**
 * The record of scheduled notifications already queued: one row per (space, person, kind,
 * occurrence). `claim` is an INSERT OR IGNORE on that primary key, so whichever pass gets there
 * first (this process after a restart, or another instance on the same database) queues the
 * notice, and every later one finds the row and does nothing.
 */
export function createScheduledNoticeStore(db: Db) {
  const claim = db.prepare(
    `INSERT OR IGNORE INTO scheduled_notices (space_id, user_id, kind, occurrence, queued_at)
     VALUES (?, ?, ?, ?, ?)`,
  );
  const spaceIds = db.prepare('SELECT id FROM spaces ORDER BY id');
  return {
    /** True for the one caller that records this occurrence; false if it was recorded before. */
    claim: (spaceId: string, userId: string, kind: string, occurrence: string, now: number) =>
      claim.run(spaceId, userId, kind, occurrence, now).changes === 1,
    /** Every space's id (the scheduler looks at each once per pass). */
    spaceIds: () => (spaceIds.all() as { id: string }[]).map((row) => row.id),
    /** Runs `work` in one transaction: a claim stands only if the notice was queued with it. */
    atomically: <T>(work: () => T): T => db.transaction(work)(),
  };
}
export type ScheduledNoticeStore = ReturnType<typeof createScheduledNoticeStore>;
