import type { Db } from './db.ts';

export interface PromiseRow {
  id: string;
  spaceId: string;
  authorId: string;
  text: string;
  dueOn: string | null;
  contentHash: string;
  createdAt: number;
  missedAt: number | null;
  missedNote: string | null;
  /** The repair it was proposed from (then it needs the partner's acceptance), or null. */
  fromRepair: string | null;
}

const COLUMNS = `id, space_id AS spaceId, author_id AS authorId, text, due_on AS dueOn, content_hash AS contentHash,
  created_at AS createdAt, missed_at AS missedAt, missed_note AS missedNote, from_repair AS fromRepair`;

/**
 * Promises. The words never change once made (a "kept" is bound to their hash); the only later
 * write is the promiser's own "I didn't manage this one".
 */
export function createPromiseStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO promises (id, space_id, author_id, text, due_on, content_hash, created_at, from_repair)
     VALUES (@id, @spaceId, @authorId, @text, @dueOn, @contentHash, @createdAt, @fromRepair)`,
  );
  const byId = db.prepare(`SELECT ${COLUMNS} FROM promises WHERE id = ? AND space_id = ?`);
  const ofSpace = db.prepare(
    `SELECT ${COLUMNS} FROM promises WHERE space_id = ? ORDER BY created_at DESC, rowid DESC`,
  );
  const missed = db.prepare(
    'UPDATE promises SET missed_at = ?, missed_note = ? WHERE id = ? AND missed_at IS NULL',
  );

  return {
    create(row: Omit<PromiseRow, 'missedAt' | 'missedNote'>): void {
      insert.run(row);
    },
    find: (spaceId: string, id: string) => byId.get(id, spaceId) as PromiseRow | undefined,
    list: (spaceId: string) => ofSpace.all(spaceId) as PromiseRow[],
    markMissed(id: string, at: number, note: string): void {
      missed.run(at, note, id);
    },
  };
}
export type PromiseStore = ReturnType<typeof createPromiseStore>;
