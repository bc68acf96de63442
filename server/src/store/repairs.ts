import type { Db } from './db.ts';

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

const COLUMNS = `id, space_id AS spaceId, topic, started_by AS startedBy, started_at AS startedAt,
  next_time AS nextTime, next_time_by AS nextTimeBy, next_time_at AS nextTimeAt`;
const PART_COLUMNS = 'repair_id AS repairId, user_id AS userId, part, written_at AS writtenAt';

/**
 * Repairs after a hard moment and each member's private side of them. A side is never updated:
 * once given it stands, so nobody can change theirs after reading the other's.
 */
export function createRepairStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO repairs (id, space_id, topic, started_by, started_at)
     VALUES (@id, @spaceId, @topic, @startedBy, @startedAt)`,
  );
  const byId = db.prepare(`SELECT ${COLUMNS} FROM repairs WHERE id = ? AND space_id = ?`);
  const ofSpace = db.prepare(
    `SELECT ${COLUMNS} FROM repairs WHERE space_id = ? ORDER BY started_at DESC, rowid DESC`,
  );
  const insertPart = db.prepare(
    `INSERT INTO repair_parts (repair_id, user_id, part, written_at)
     VALUES (@repairId, @userId, @part, @writtenAt)`,
  );
  const partsOf = db.prepare(
    `SELECT ${PART_COLUMNS} FROM repair_parts WHERE repair_id = ? ORDER BY written_at, rowid`,
  );
  const partsOfSpace = db.prepare(
    `SELECT ${PART_COLUMNS.replace(/(\w+) AS/g, 'p.$1 AS')} FROM repair_parts p
     JOIN repairs r ON r.id = p.repair_id WHERE r.space_id = ? ORDER BY p.written_at, p.rowid`,
  );
  const setNextTime = db.prepare(
    'UPDATE repairs SET next_time = ?, next_time_by = ?, next_time_at = ? WHERE id = ? AND space_id = ?',
  );

  return {
    create(row: Pick<RepairRow, 'id' | 'spaceId' | 'topic' | 'startedBy' | 'startedAt'>): void {
      insert.run(row);
    },
    find: (spaceId: string, id: string) => byId.get(id, spaceId) as RepairRow | undefined,
    list: (spaceId: string) => ofSpace.all(spaceId) as RepairRow[],
    parts: (repairId: string) => partsOf.all(repairId) as RepairPartRow[],
    /** Every side written in the space, oldest first (group by `repairId`). */
    partsInSpace: (spaceId: string) => partsOfSpace.all(spaceId) as RepairPartRow[],
    /** Stores a side; false if this member has already written theirs. */
    write(row: RepairPartRow): boolean {
      try {
        insertPart.run(row);
        return true;
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return false;
        throw error;
      }
    },
    /** The shared "what we'll do differently next time": the latest words of either stand. */
    setNextTime(spaceId: string, id: string, text: string, by: string, at: number): void {
      setNextTime.run(text, by, at, id, spaceId);
    },
  };
}
export type RepairStore = ReturnType<typeof createRepairStore>;
