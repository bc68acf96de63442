import type { Sql } from './sql.ts';

export interface AppreciationRow {
  id: string;
  spaceId: string;
  authorId: string;
  text: string;
  createdAt: number;
  heartedAt: number | null;
}

const COLUMNS = `id, space_id AS "spaceId", author_id AS "authorId", text, created_at AS "createdAt",
  hearted_at AS "heartedAt"`;

/** "I appreciated…" notes between the two members, and the recipient's heart. */
export function createAppreciationStore(sql: Sql) {
  return {
    async create(row: Omit<AppreciationRow, 'heartedAt'>): Promise<void> {
      await sql.run(
        'INSERT INTO appreciations (id, space_id, author_id, text, created_at) VALUES (?, ?, ?, ?, ?)',
        [row.id, row.spaceId, row.authorId, row.text, row.createdAt],
      );
    },
    find: (spaceId: string, id: string) =>
      sql.get<AppreciationRow>(`SELECT ${COLUMNS} FROM appreciations WHERE id = ? AND space_id = ?`, [
        id,
        spaceId,
      ]),
    /** The space's appreciations, newest first. */
    list: (spaceId: string) =>
      sql.all<AppreciationRow>(
        `SELECT ${COLUMNS} FROM appreciations WHERE space_id = ? ORDER BY created_at DESC, rowid DESC`,
        [spaceId],
      ),
    /** Records the heart once; a second heart changes nothing. */
    async heart(id: string, at: number): Promise<void> {
      await sql.run('UPDATE appreciations SET hearted_at = ? WHERE id = ? AND hearted_at IS NULL', [at, id]);
    },
  };
}
export type AppreciationStore = ReturnType<typeof createAppreciationStore>;
