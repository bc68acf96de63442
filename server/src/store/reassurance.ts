import type { Db } from './db.ts';

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

const REQUEST_COLUMNS = `id, space_id AS spaceId, asked_by AS askedBy, asked_at AS askedAt, answer,
  answered_by AS answeredBy, answered_at AS answeredAt`;

/** Each member's own guide for unsure moments, and the times one asked the other for reassurance. */
export function createReassuranceStore(db: Db) {
  const guidesOf = db.prepare(
    `SELECT user_id AS userId, helps, words, updated_at AS updatedAt FROM reassurance_guides
     WHERE space_id = ? ORDER BY updated_at`,
  );
  const putGuide = db.prepare(
    `INSERT INTO reassurance_guides (space_id, user_id, helps, words, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (space_id, user_id) DO UPDATE SET helps = excluded.helps, words = excluded.words,
       updated_at = excluded.updated_at`,
  );
  const insertRequest = db.prepare(
    'INSERT INTO reassurance_requests (id, space_id, asked_by, asked_at) VALUES (@id, @spaceId, @askedBy, @askedAt)',
  );
  const requestById = db.prepare(
    `SELECT ${REQUEST_COLUMNS} FROM reassurance_requests WHERE id = ? AND space_id = ?`,
  );
  const requestsOf = db.prepare(
    `SELECT ${REQUEST_COLUMNS} FROM reassurance_requests WHERE space_id = ? ORDER BY asked_at DESC, rowid DESC`,
  );
  const answer = db.prepare(
    `UPDATE reassurance_requests SET answer = ?, answered_by = ?, answered_at = ?
     WHERE id = ? AND space_id = ? AND answered_at IS NULL`,
  );

  return {
    guides: (spaceId: string) => guidesOf.all(spaceId) as ReassuranceGuideRow[],
    putGuide(spaceId: string, row: ReassuranceGuideRow): void {
      putGuide.run(spaceId, row.userId, row.helps, row.words, row.updatedAt);
    },
    ask(row: Pick<ReassuranceRequestRow, 'id' | 'spaceId' | 'askedBy' | 'askedAt'>): void {
      insertRequest.run(row);
    },
    find: (spaceId: string, id: string) => requestById.get(id, spaceId) as ReassuranceRequestRow | undefined,
    /** Every request in the space, newest first. */
    requests: (spaceId: string) => requestsOf.all(spaceId) as ReassuranceRequestRow[],
    /** Records the one answer a request gets; false if it already had one. */
    answer(spaceId: string, id: string, message: string, by: string, at: number): boolean {
      return answer.run(message, by, at, id, spaceId).changes > 0;
    },
  };
}
export type ReassuranceStore = ReturnType<typeof createReassuranceStore>;
