import type { Sql } from './sql.ts';
import { lockSpace } from './spaces.ts';

export interface LetterRow {
  id: string;
  spaceId: string;
  authorId: string;
  title: string;
  prompt: string | null;
  body: string;
  replyTo: string | null;
  sealKind: 'date' | 'together' | null;
  pairId: string | null;
  opensAt: number | null;
  sentAt: number;
  readAt: number | null;
  /** Who brought this letter in from an export, and when; null for a letter sent here. */
  importedBy: string | null;
  importedAt: number | null;
  /** The export's name for an author who is not a member of this space. */
  writtenByName: string | null;
}

type ImportFields = 'importedBy' | 'importedAt' | 'writtenByName';

export interface LetterPairRow {
  id: string;
  spaceId: string;
  prompt: string;
  createdBy: string;
  createdAt: number;
  openedAt: number | null;
}

const LETTER_COLUMNS = `id, space_id AS "spaceId", author_id AS "authorId", title, prompt, body,
  reply_to AS "replyTo", seal_kind AS "sealKind", pair_id AS "pairId", opens_at AS "opensAt",
  sent_at AS "sentAt", read_at AS "readAt", imported_by AS "importedBy", imported_at AS "importedAt",
  written_by_name AS "writtenByName"`;
const PAIR_COLUMNS = `id, space_id AS "spaceId", prompt, created_by AS "createdBy", created_at AS "createdAt",
  opened_at AS "openedAt"`;
const SEALERS_OF = 'SELECT author_id AS "authorId" FROM letters WHERE pair_id = ?';

/** Sent letters and sealed-together pairs. A letter row is never updated except its read time. */
export function createLetterStore(sql: Sql) {
  return {
    /**
     * Stores a sent letter. For a sealed-together letter, the pair opens in the same
     * transaction once both members have sealed theirs (under the space's lock, so two
     * partners sealing at once on PostgreSQL still see each other's letter).
     */
    send: (row: Omit<LetterRow, ImportFields | 'readAt'>, memberCount: number): Promise<void> =>
      sql.transaction(async (tx) => {
        if (row.pairId) await lockSpace(tx, row.spaceId);
        await tx.run(
          `INSERT INTO letters (id, space_id, author_id, title, prompt, body, reply_to, seal_kind, pair_id, opens_at, sent_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            row.id,
            row.spaceId,
            row.authorId,
            row.title,
            row.prompt,
            row.body,
            row.replyTo,
            row.sealKind,
            row.pairId,
            row.opensAt,
            row.sentAt,
          ],
        );
        if (row.pairId && (await tx.all(SEALERS_OF, [row.pairId])).length >= Math.max(memberCount, 2)) {
          await tx.run('UPDATE letter_pairs SET opened_at = ? WHERE id = ? AND opened_at IS NULL', [
            row.sentAt,
            row.pairId,
          ]);
        }
      }),
    /** Stores letters brought in from an export, all or none. They are never sealed. */
    importAll: (
      rows: readonly Omit<LetterRow, 'replyTo' | 'sealKind' | 'pairId' | 'opensAt'>[],
    ): Promise<void> =>
      sql.transaction(async (tx) => {
        for (const row of rows) {
          await tx.run(
            `INSERT INTO letters (id, space_id, author_id, title, prompt, body, sent_at, read_at, imported_by,
               imported_at, written_by_name)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            [
              row.id,
              row.spaceId,
              row.authorId,
              row.title,
              row.prompt,
              row.body,
              row.sentAt,
              row.readAt,
              row.importedBy,
              row.importedAt,
              row.writtenByName,
            ],
          );
        }
      }),
    find: (spaceId: string, id: string) =>
      sql.get<LetterRow>(`SELECT ${LETTER_COLUMNS} FROM letters WHERE id = ? AND space_id = ?`, [
        id,
        spaceId,
      ]),
    list: (spaceId: string) =>
      sql.all<LetterRow>(`SELECT ${LETTER_COLUMNS} FROM letters WHERE space_id = ? ORDER BY sent_at, rowid`, [
        spaceId,
      ]),
    async markRead(id: string, at: number): Promise<void> {
      await sql.run('UPDATE letters SET read_at = ? WHERE id = ? AND read_at IS NULL', [at, id]);
    },
    async createPair(row: Omit<LetterPairRow, 'openedAt'>): Promise<void> {
      await sql.run(
        'INSERT INTO letter_pairs (id, space_id, prompt, created_by, created_at) VALUES (?, ?, ?, ?, ?)',
        [row.id, row.spaceId, row.prompt, row.createdBy, row.createdAt],
      );
    },
    findPair: (spaceId: string, id: string) =>
      sql.get<LetterPairRow>(`SELECT ${PAIR_COLUMNS} FROM letter_pairs WHERE id = ? AND space_id = ?`, [
        id,
        spaceId,
      ]),
    pairs: (spaceId: string) =>
      sql.all<LetterPairRow>(
        `SELECT ${PAIR_COLUMNS} FROM letter_pairs WHERE space_id = ? ORDER BY created_at, rowid`,
        [spaceId],
      ),
    sealersOf: async (pairId: string) =>
      (await sql.all<{ authorId: string }>(SEALERS_OF, [pairId])).map((r) => r.authorId),
  };
}
export type LetterStore = ReturnType<typeof createLetterStore>;
