import type { Db } from './db.ts';

export interface AppreciationRow {
  id: string;
  spaceId: string;
  authorId: string;
  text: string;
  createdAt: number;
  heartedAt: number | null;
}

const COLUMNS =
  'id, space_id AS spaceId, author_id AS authorId, text, created_at AS createdAt, hearted_at AS heartedAt';

/** "I appreciated…" notes between the two members, and the recipient's heart. */
export function createAppreciationStore(db: Db) {
  const insert = db.prepare(
    'INSERT INTO appreciations (id, space_id, author_id, text, created_at) VALUES (@id, @spaceId, @authorId, @text, @createdAt)',
  );
  const byId = db.prepare(`SELECT ${COLUMNS} FROM appreciations WHERE id = ? AND space_id = ?`);
  const ofSpace = db.prepare(
    `SELECT ${COLUMNS} FROM appreciations WHERE space_id = ? ORDER BY created_at DESC, rowid DESC`,
  );
  const heart = db.prepare('UPDATE appreciations SET hearted_at = ? WHERE id = ? AND hearted_at IS NULL');

  return {
    create(row: Omit<AppreciationRow, 'heartedAt'>): void {
      insert.run(row);
    },
    find: (spaceId: string, id: string) => byId.get(id, spaceId) as AppreciationRow | undefined,
    list: (spaceId: string) => ofSpace.all(spaceId) as AppreciationRow[],
    /** Records the heart once; a second heart changes nothing. */
    heart(id: string, at: number): void {
      heart.run(at, id);
    },
  };
}
export type AppreciationStore = ReturnType<typeof createAppreciationStore>;
