import type { Sql } from './sql.ts';

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

const COLUMNS = `id, space_id AS "spaceId", author_id AS "authorId", text, due_on AS "dueOn",
  content_hash AS "contentHash", created_at AS "createdAt", missed_at AS "missedAt",
  missed_note AS "missedNote", from_repair AS "fromRepair"`;

/**
 * Promises. The words never change once made (a "kept" is bound to their hash); the only later
 * write is the promiser's own "I didn't manage this one".
 */
export function createPromiseStore(sql: Sql) {
  return {
    async create(row: Omit<PromiseRow, 'missedAt' | 'missedNote'>): Promise<void> {
      await sql.run(
        `INSERT INTO promises (id, space_id, author_id, text, due_on, content_hash, created_at, from_repair)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          row.id,
          row.spaceId,
          row.authorId,
          row.text,
          row.dueOn,
          row.contentHash,
          row.createdAt,
          row.fromRepair,
        ],
      );
    },
    find: (spaceId: string, id: string) =>
      sql.get<PromiseRow>(`SELECT ${COLUMNS} FROM promises WHERE id = ? AND space_id = ?`, [id, spaceId]),
    /** The space's promises, newest first. */
    list: (spaceId: string) =>
      sql.all<PromiseRow>(
        `SELECT ${COLUMNS} FROM promises WHERE space_id = ? ORDER BY created_at DESC, rowid DESC`,
        [spaceId],
      ),
    async markMissed(id: string, at: number, note: string): Promise<void> {
      await sql.run('UPDATE promises SET missed_at = ?, missed_note = ? WHERE id = ? AND missed_at IS NULL', [
        at,
        note,
        id,
      ]);
    },
  };
}
export type PromiseStore = ReturnType<typeof createPromiseStore>;
