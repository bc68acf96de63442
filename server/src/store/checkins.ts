import type { Db } from './db.ts';

export interface CheckinAnswerRow {
  spaceId: string;
  week: string;
  userId: string;
  /** The answers as JSON, exactly as validated; read back only through `checkinView`. */
  answers: string;
  answeredAt: number;
}

const ANSWER_COLUMNS = 'space_id AS spaceId, week, user_id AS userId, answers, answered_at AS answeredAt';

/**
 * The couple's check-in day and each member's private answers per week. An answer is never
 * updated: once given it stands, so nobody can change theirs after reading the other's.
 */
export function createCheckinStore(db: Db) {
  const dayOf = db.prepare('SELECT day FROM checkin_schedules WHERE space_id = ?');
  const setDay = db.prepare(
    `INSERT INTO checkin_schedules (space_id, day, updated_by, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (space_id) DO UPDATE SET day = excluded.day, updated_by = excluded.updated_by,
       updated_at = excluded.updated_at`,
  );
  const insert = db.prepare(
    `INSERT INTO checkin_answers (space_id, week, user_id, answers, answered_at)
     VALUES (@spaceId, @week, @userId, @answers, @answeredAt)`,
  );
  const ofWeek = db.prepare(
    `SELECT ${ANSWER_COLUMNS} FROM checkin_answers WHERE space_id = ? AND week = ? ORDER BY answered_at, rowid`,
  );
  const all = db.prepare(
    `SELECT ${ANSWER_COLUMNS} FROM checkin_answers WHERE space_id = ? ORDER BY week DESC, answered_at, rowid`,
  );

  const sharesOf = db.prepare('SELECT user_id AS userId FROM checkin_trend_shares WHERE space_id = ?');
  const share = db.prepare(
    'INSERT INTO checkin_trend_shares (space_id, user_id, shared_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const unshare = db.prepare('DELETE FROM checkin_trend_shares WHERE space_id = ? AND user_id = ?');

  return {
    /** Members who chose to show their own trend to their partner. */
    trendSharers: (spaceId: string) => (sharesOf.all(spaceId) as { userId: string }[]).map((r) => r.userId),
    setTrendShared(spaceId: string, userId: string, shared: boolean, at: number): void {
      if (shared) share.run(spaceId, userId, at);
      else unshare.run(spaceId, userId);
    },
    day: (spaceId: string) => (dayOf.get(spaceId) as { day: number } | undefined)?.day ?? null,
    setDay(spaceId: string, day: number, userId: string, at: number): void {
      setDay.run(spaceId, day, userId, at);
    },
    /** Stores an answer; false if this member has already answered this week. */
    answer(row: CheckinAnswerRow): boolean {
      try {
        insert.run(row);
        return true;
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return false;
        throw error;
      }
    },
    week: (spaceId: string, week: string) => ofWeek.all(spaceId, week) as CheckinAnswerRow[],
    /** Every answer in the space, newest week first. */
    all: (spaceId: string) => all.all(spaceId) as CheckinAnswerRow[],
  };
}
export type CheckinStore = ReturnType<typeof createCheckinStore>;
