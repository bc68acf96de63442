import type { Db } from './db.ts';

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

const LETTER_COLUMNS = `id, space_id AS spaceId, author_id AS authorId, title, prompt, body, reply_to AS replyTo,
  seal_kind AS sealKind, pair_id AS pairId, opens_at AS opensAt, sent_at AS sentAt, read_at AS readAt,
  imported_by AS importedBy, imported_at AS importedAt, written_by_name AS writtenByName`;
const PAIR_COLUMNS =
  'id, space_id AS spaceId, prompt, created_by AS createdBy, created_at AS createdAt, opened_at AS openedAt';

/** Sent letters and sealed-together pairs. A letter row is never updated except its read time. */
export function createLetterStore(db: Db) {
  const insertLetter = db.prepare(
    `INSERT INTO letters (id, space_id, author_id, title, prompt, body, reply_to, seal_kind, pair_id, opens_at, sent_at)
     VALUES (@id, @spaceId, @authorId, @title, @prompt, @body, @replyTo, @sealKind, @pairId, @opensAt, @sentAt)`,
  );
  const insertImported = db.prepare(
    `INSERT INTO letters (id, space_id, author_id, title, prompt, body, sent_at, read_at, imported_by,
       imported_at, written_by_name)
     VALUES (@id, @spaceId, @authorId, @title, @prompt, @body, @sentAt, @readAt, @importedBy, @importedAt,
       @writtenByName)`,
  );
  const letterById = db.prepare(`SELECT ${LETTER_COLUMNS} FROM letters WHERE id = ? AND space_id = ?`);
  const lettersOf = db.prepare(
    `SELECT ${LETTER_COLUMNS} FROM letters WHERE space_id = ? ORDER BY sent_at, rowid`,
  );
  const markRead = db.prepare('UPDATE letters SET read_at = ? WHERE id = ? AND read_at IS NULL');
  const insertPair = db.prepare(
    'INSERT INTO letter_pairs (id, space_id, prompt, created_by, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const pairById = db.prepare(`SELECT ${PAIR_COLUMNS} FROM letter_pairs WHERE id = ? AND space_id = ?`);
  const pairsOf = db.prepare(
    `SELECT ${PAIR_COLUMNS} FROM letter_pairs WHERE space_id = ? ORDER BY created_at, rowid`,
  );
  const sealersOf = db.prepare('SELECT author_id AS authorId FROM letters WHERE pair_id = ?');
  const openPair = db.prepare('UPDATE letter_pairs SET opened_at = ? WHERE id = ? AND opened_at IS NULL');

  return {
    /**
     * Stores a sent letter. For a sealed-together letter, the pair opens in the same
     * transaction once both members have sealed theirs.
     */
    send: db.transaction((row: Omit<LetterRow, ImportFields | 'readAt'>, memberCount: number) => {
      insertLetter.run(row);
      if (row.pairId && (sealersOf.all(row.pairId) as unknown[]).length >= Math.max(memberCount, 2)) {
        openPair.run(row.sentAt, row.pairId);
      }
    }),
    /** Stores letters brought in from an export, all or none. They are never sealed. */
    importAll: db.transaction(
      (rows: readonly Omit<LetterRow, 'replyTo' | 'sealKind' | 'pairId' | 'opensAt'>[]) => {
        for (const row of rows) insertImported.run(row);
      },
    ),
    find: (spaceId: string, id: string) => letterById.get(id, spaceId) as LetterRow | undefined,
    list: (spaceId: string) => lettersOf.all(spaceId) as LetterRow[],
    markRead(id: string, at: number): void {
      markRead.run(at, id);
    },
    createPair(row: Omit<LetterPairRow, 'openedAt'>): void {
      insertPair.run(row.id, row.spaceId, row.prompt, row.createdBy, row.createdAt);
    },
    findPair: (spaceId: string, id: string) => pairById.get(id, spaceId) as LetterPairRow | undefined,
    pairs: (spaceId: string) => pairsOf.all(spaceId) as LetterPairRow[],
    sealersOf: (pairId: string) => (sealersOf.all(pairId) as { authorId: string }[]).map((r) => r.authorId),
  };
}
export type LetterStore = ReturnType<typeof createLetterStore>;
