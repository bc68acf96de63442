import type { Sql } from './sql.ts';

export interface RepairRow {
  id: string;
  spaceId: string;
  topic: string;
  startedBy: string;
  startedAt: number;
  nextTime: string | null;
  nextTimeBy: string | null;
  nextTimeAt: number | null;
}

export interface RepairPartRow {
  repairId: string;
  userId: string;
  /** The part as JSON, exactly as validated; read back only through `repairView`. */
  part: string;
  writtenAt: number;
}

const COLUMNS = `id, space_id AS "spaceId", topic, started_by AS "startedBy", started_at AS "startedAt",
  next_time AS "nextTime", next_time_by AS "nextTimeBy", next_time_at AS "nextTimeAt"`;
const PART_COLUMNS = 'repair_id AS "repairId", user_id AS "userId", part, written_at AS "writtenAt"';

/**
 * Repairs after a hard moment and each member's private side of them. A side is never updated:
 * once given it stands, so nobody can change theirs after reading the other's. Every call
 * resolves once its statement ran on `sql` and rejects with what the engine throws.
 */
export function createRepairStore(sql: Sql) {
  return {
    async create(
      row: Pick<RepairRow, 'id' | 'spaceId' | 'topic' | 'startedBy' | 'startedAt'>,
    ): Promise<void> {
      await sql.run(
        'INSERT INTO repairs (id, space_id, topic, started_by, started_at) VALUES (?, ?, ?, ?, ?)',
        [row.id, row.spaceId, row.topic, row.startedBy, row.startedAt],
      );
    },
    find: (spaceId: string, id: string) =>
      sql.get<RepairRow>(`SELECT ${COLUMNS} FROM repairs WHERE id = ? AND space_id = ?`, [id, spaceId]),
    /** The space's repairs, newest first. */
    list: (spaceId: string) =>
      sql.all<RepairRow>(
        `SELECT ${COLUMNS} FROM repairs WHERE space_id = ? ORDER BY started_at DESC, rowid DESC`,
        [spaceId],
      ),
    /** One repair's sides, oldest first. */
    parts: (repairId: string) =>
      sql.all<RepairPartRow>(
        `SELECT ${PART_COLUMNS} FROM repair_parts WHERE repair_id = ? ORDER BY written_at, rowid`,
        [repairId],
      ),
    /** Every side written in the space, oldest first (group by `repairId`). */
    partsInSpace: (spaceId: string) =>
      sql.all<RepairPartRow>(
        `SELECT ${PART_COLUMNS.replace(/(\w+) AS/g, 'p.$1 AS')} FROM repair_parts p
         JOIN repairs r ON r.id = p.repair_id WHERE r.space_id = ? ORDER BY p.written_at, p.rowid`,
        [spaceId],
      ),
    /**
     * Stores a side; false if this member has already written theirs. `ON CONFLICT` rather
     * than catching the violation, which would abort a PostgreSQL transaction.
     */
    write: async (row: RepairPartRow): Promise<boolean> =>
      (
        await sql.run(
          `INSERT INTO repair_parts (repair_id, user_id, part, written_at) VALUES (?, ?, ?, ?)
           ON CONFLICT DO NOTHING`,
          [row.repairId, row.userId, row.part, row.writtenAt],
        )
      ).changes === 1,
    /** The shared "what we'll do differently next time": the latest words of either stand. */
    async setNextTime(spaceId: string, id: string, text: string, by: string, at: number): Promise<void> {
      await sql.run(
        'UPDATE repairs SET next_time = ?, next_time_by = ?, next_time_at = ? WHERE id = ? AND space_id = ?',
        [text, by, at, id, spaceId],
      );
    },
  };
}
export type RepairStore = ReturnType<typeof createRepairStore>;
