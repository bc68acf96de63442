import type { Db } from './db.ts';

export interface CheckinAnswerRow {
  spaceId: string;
  week: string;
  userId: string;
  /** The answers as JSON, exactly as validated; read back only through `checkinView`. */
  answers: string;
  answeredAt: number;
}

/** A proposed new check-in day, waiting for the partner's answer. */
export interface CheckinDayProposal {
  day: number;
  proposedBy: string;
  proposedAt: number;
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

  const proposalOf = db.prepare(
    `SELECT day, proposed_by AS proposedBy, proposed_at AS proposedAt
     FROM checkin_day_proposals WHERE space_id = ?`,
  );
  const propose = db.prepare(
    `INSERT INTO checkin_day_proposals (space_id, day, proposed_by, proposed_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (space_id) DO UPDATE SET day = excluded.day, proposed_by = excluded.proposed_by,
       proposed_at = excluded.proposed_at`,
  );
  const dropProposal = db.prepare('DELETE FROM checkin_day_proposals WHERE space_id = ?');
  const changesOf = db.prepare(
    'SELECT day, starts_on AS "from" FROM checkin_day_changes WHERE space_id = ? ORDER BY starts_on',
  );
  const dropFutureChanges = db.prepare(
    'DELETE FROM checkin_day_changes WHERE space_id = ? AND starts_on > ?',
  );
  const addChange = db.prepare(
    `INSERT INTO checkin_day_changes (space_id, day, starts_on, proposed_by, agreed_by, agreed_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (space_id, starts_on) DO UPDATE SET day = excluded.day,
       proposed_by = excluded.proposed_by, agreed_by = excluded.agreed_by, agreed_at = excluded.agreed_at`,
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
    /** The day first chosen (before day changes were agreed between the two), or null. */
    day: (spaceId: string) => (dayOf.get(spaceId) as { day: number } | undefined)?.day ?? null,
    /** Agreed changes of day, oldest first: each from a date that falls on its day. */
    dayChanges: (spaceId: string) => changesOf.all(spaceId) as { day: number; from: string }[],
    proposal: (spaceId: string) => (proposalOf.get(spaceId) as CheckinDayProposal | undefined) ?? null,
    propose(spaceId: string, proposal: CheckinDayProposal): void {
      propose.run(spaceId, proposal.day, proposal.proposedBy, proposal.proposedAt);
    },
    dropProposal(spaceId: string): void {
      dropProposal.run(spaceId);
    },
    /**
     * Records an agreed change from `from` on, replacing any agreed change that had not begun
     * by `today`, and clears the proposal, in one transaction.
     */
    agreeChange(
      spaceId: string,
      change: { day: number; from: string; today: string; proposedBy: string; agreedBy: string; at: number },
    ): void {
      db.transaction(() => {
        dropFutureChanges.run(spaceId, change.today);
        addChange.run(spaceId, change.day, change.from, change.proposedBy, change.agreedBy, change.at);
        dropProposal.run(spaceId);
      })();
    },
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
