import type { Sql } from './sql.ts';

export interface ReassuranceGuideRow {
  userId: string;
  helps: string;
  words: string;
  updatedAt: number;
}

export interface ReassuranceRequestRow {
  id: string;
  spaceId: string;
  askedBy: string;
  askedAt: number;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: number | null;
}

const REQUEST_COLUMNS = `id, space_id AS "spaceId", asked_by AS "askedBy", asked_at AS "askedAt", answer,
  answered_by AS "answeredBy", answered_at AS "answeredAt"`;

/** Each member's own guide for unsure moments, and the times one asked the other for reassurance. */
export function createReassuranceStore(sql: Sql) {
  return {
    /** The members' guides, least recently updated first. */
    guides: (spaceId: string) =>
      sql.all<ReassuranceGuideRow>(
        `SELECT user_id AS "userId", helps, words, updated_at AS "updatedAt" FROM reassurance_guides
         WHERE space_id = ? ORDER BY updated_at`,
        [spaceId],
      ),
    /** Writes (or replaces) one member's guide. */
    async putGuide(spaceId: string, row: ReassuranceGuideRow): Promise<void> {
      await sql.run(
        `INSERT INTO reassurance_guides (space_id, user_id, helps, words, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (space_id, user_id) DO UPDATE SET helps = excluded.helps, words = excluded.words,
           updated_at = excluded.updated_at`,
        [spaceId, row.userId, row.helps, row.words, row.updatedAt],
      );
    },
    async ask(row: Pick<ReassuranceRequestRow, 'id' | 'spaceId' | 'askedBy' | 'askedAt'>): Promise<void> {
      await sql.run(
        'INSERT INTO reassurance_requests (id, space_id, asked_by, asked_at) VALUES (?, ?, ?, ?)',
        [row.id, row.spaceId, row.askedBy, row.askedAt],
      );
    },
    find: (spaceId: string, id: string) =>
      sql.get<ReassuranceRequestRow>(
        `SELECT ${REQUEST_COLUMNS} FROM reassurance_requests WHERE id = ? AND space_id = ?`,
        [id, spaceId],
      ),
    /** Every request in the space, newest first. */
    requests: (spaceId: string) =>
      sql.all<ReassuranceRequestRow>(
        `SELECT ${REQUEST_COLUMNS} FROM reassurance_requests WHERE space_id = ? ORDER BY asked_at DESC, rowid DESC`,
        [spaceId],
      ),
    /** Records the one answer a request gets; resolves false if it already had one. */
    async answer(spaceId: string, id: string, message: string, by: string, at: number): Promise<boolean> {
      const { changes } = await sql.run(
        `UPDATE reassurance_requests SET answer = ?, answered_by = ?, answered_at = ?
         WHERE id = ? AND space_id = ? AND answered_at IS NULL`,
        [message, by, at, id, spaceId],
      );
      return changes > 0;
    },
  };
}
export type ReassuranceStore = ReturnType<typeof createReassuranceStore>;
