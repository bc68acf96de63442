import type { Sql } from './sql.ts';

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

const ANSWER_COLUMNS =
  'space_id AS "spaceId", week, user_id AS "userId", answers, answered_at AS "answeredAt"';

/**
 * The couple's check-in day and each member's private answers per week. An answer is never
 * updated: once given it stands, so nobody can change theirs after reading the other's.
 * Every call resolves once its statement ran on `sql` (pass a transaction's `tx` to take part
 * in it) and rejects with what the engine throws.
 */
export function createCheckinStore(sql: Sql) {
  const dropProposal = async (tx: Sql, spaceId: string) => {
    await tx.run('DELETE FROM checkin_day_proposals WHERE space_id = ?', [spaceId]);
  };

  return {
    /** Members who chose to show their own trend to their partner. */
    trendSharers: async (spaceId: string): Promise<string[]> =>
      (
        await sql.all<{ userId: string }>(
          'SELECT user_id AS "userId" FROM checkin_trend_shares WHERE space_id = ?',
          [spaceId],
        )
      ).map((r) => r.userId),
    async setTrendShared(spaceId: string, userId: string, shared: boolean, at: number): Promise<void> {
      if (shared) {
        await sql.run(
          'INSERT INTO checkin_trend_shares (space_id, user_id, shared_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
          [spaceId, userId, at],
        );
      } else {
        await sql.run('DELETE FROM checkin_trend_shares WHERE space_id = ? AND user_id = ?', [
          spaceId,
          userId,
        ]);
      }
    },
    /** The day first chosen (before day changes were agreed between the two), or null. */
    day: async (spaceId: string): Promise<number | null> =>
      (await sql.get<{ day: number }>('SELECT day FROM checkin_schedules WHERE space_id = ?', [spaceId]))
        ?.day ?? null,
    /** Agreed changes of day, oldest first: each from a date that falls on its day. */
    dayChanges: (spaceId: string) =>
      sql.all<{ day: number; from: string }>(
        'SELECT day, starts_on AS "from" FROM checkin_day_changes WHERE space_id = ? ORDER BY starts_on',
        [spaceId],
      ),
    proposal: async (spaceId: string): Promise<CheckinDayProposal | null> =>
      (await sql.get<CheckinDayProposal>(
        `SELECT day, proposed_by AS "proposedBy", proposed_at AS "proposedAt"
         FROM checkin_day_proposals WHERE space_id = ?`,
        [spaceId],
      )) ?? null,
    async propose(spaceId: string, proposal: CheckinDayProposal): Promise<void> {
      await sql.run(
        `INSERT INTO checkin_day_proposals (space_id, day, proposed_by, proposed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (space_id) DO UPDATE SET day = excluded.day, proposed_by = excluded.proposed_by,
           proposed_at = excluded.proposed_at`,
        [spaceId, proposal.day, proposal.proposedBy, proposal.proposedAt],
      );
    },
    dropProposal: (spaceId: string): Promise<void> => dropProposal(sql, spaceId),
    /**
     * Records an agreed change from `from` on, replacing any agreed change that had not begun
     * by `today`, and clears the proposal, in one transaction (joined when `sql` is one).
     */
    agreeChange: (
      spaceId: string,
      change: { day: number; from: string; today: string; proposedBy: string; agreedBy: string; at: number },
    ): Promise<void> =>
      sql.transaction(async (tx) => {
        await tx.run('DELETE FROM checkin_day_changes WHERE space_id = ? AND starts_on > ?', [
          spaceId,
          change.today,
        ]);
        await tx.run(
          `INSERT INTO checkin_day_changes (space_id, day, starts_on, proposed_by, agreed_by, agreed_at)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (space_id, starts_on) DO UPDATE SET day = excluded.day,
             proposed_by = excluded.proposed_by, agreed_by = excluded.agreed_by, agreed_at = excluded.agreed_at`,
          [spaceId, change.day, change.from, change.proposedBy, change.agreedBy, change.at],
        );
        await dropProposal(tx, spaceId);
      }),
    async setDay(spaceId: string, day: number, userId: string, at: number): Promise<void> {
      await sql.run(
        `INSERT INTO checkin_schedules (space_id, day, updated_by, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (space_id) DO UPDATE SET day = excluded.day, updated_by = excluded.updated_by,
           updated_at = excluded.updated_at`,
        [spaceId, day, userId, at],
      );
    },
    /**
     * Stores an answer; false if this member has already answered this week. `ON CONFLICT`
     * rather than catching the violation, which would abort a PostgreSQL transaction.
     */
    answer: async (row: CheckinAnswerRow): Promise<boolean> =>
      (
        await sql.run(
          `INSERT INTO checkin_answers (space_id, week, user_id, answers, answered_at)
           VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
          [row.spaceId, row.week, row.userId, row.answers, row.answeredAt],
        )
      ).changes === 1,
    week: (spaceId: string, week: string) =>
      sql.all<CheckinAnswerRow>(
        `SELECT ${ANSWER_COLUMNS} FROM checkin_answers WHERE space_id = ? AND week = ? ORDER BY answered_at, rowid`,
        [spaceId, week],
      ),
    /** Every answer in the space, newest week first. */
    all: (spaceId: string) =>
      sql.all<CheckinAnswerRow>(
        `SELECT ${ANSWER_COLUMNS} FROM checkin_answers WHERE space_id = ? ORDER BY week DESC, answered_at, rowid`,
        [spaceId],
      ),
  };
}
export type CheckinStore = ReturnType<typeof createCheckinStore>;
