import type pg from 'pg';
import {
  DocumentRetired,
  type AppendedUpdate,
  type DocLogStore,
  type HistoryRow,
  type HistoryUpdate,
  type StoredDoc,
} from '../doc-log-store.ts';

/**
 * The document log on PostgreSQL (a pool from db.ts, migrated). Sequence numbers are dense per
 * document: `doc_heads` holds each document's newest, raised under its row lock in the same
 * statement that inserts the update, so `previousSeq` is always `seq - 1`.
 *
 * Every append is one statement, so one transaction, committed before it resolves (with the
 * server's `synchronous_commit` on, the default, durable once it resolves).
 *
 * A retired head (`doc_heads.retired`, set by a departure in the transaction that deletes the
 * document's rows, under the head's row lock) takes no append and no snapshot: an append
 * waiting on that lock, or arriving later from a room another instance still holds, stores
 * nothing and rejects with DocumentRetired, so deleted words never come back.
 *
 * Snapshots never delete updates here: rows stay as history (the SQLite log merges runs of one
 * author's rows; on PostgreSQL that compactor is still to come, see CONTEXT.md).
 */
export function createPostgresDocLog(pool: pg.Pool, options: { ownsPool?: boolean } = {}): DocLogStore {
  const readAfter = (docKey: string, afterSeq: number) => readPostgresDoc(pool, docKey, afterSeq);

  return {
    async append(docKey, data, author, at): Promise<AppendedUpdate> {
      const result = await pool.query<{ seq: number }>(APPEND, [docKey, author, at, data]);
      const seq = result.rows[0]?.seq;
      // No row: the head exists and is retired (the insert of a new head always returns one).
      if (seq === undefined) throw new DocumentRetired(docKey);
      return { seq, previousSeq: seq - 1 };
    },

    load: (docKey) => readAfter(docKey, 0),
    readAfter,

    async compareAndSwapSnapshot(docKey, { expectedSeq, uptoSeq, at, state }) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        try {
          // The head's row lock orders this swap with appends and other swaps of the document.
          const head = await client.query<{ seq: number; retired: boolean }>(
            'SELECT seq, retired FROM doc_heads WHERE doc_key = $1 FOR UPDATE',
            [docKey],
          );
          if (head.rows[0]?.retired) {
            await client.query('ROLLBACK');
            return false;
          }
          const latest = head.rows[0]?.seq ?? 0;
          const current = await client.query<{ seq: number }>(
            'SELECT upto_seq AS seq FROM doc_snapshots WHERE doc_key = $1',
            [docKey],
          );
          if ((current.rows[0]?.seq ?? 0) !== expectedSeq) {
            await client.query('ROLLBACK');
            return false;
          }
          if (uptoSeq <= expectedSeq || uptoSeq > latest) {
            throw new RangeError(`doc log: snapshot up to ${uptoSeq} outside (${expectedSeq}, ${latest}]`);
          }
          await client.query(UPSERT_SNAPSHOT, [docKey, uptoSeq, at, state]);
          await client.query('COMMIT');
          return true;
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      } finally {
        client.release();
      }
    },

    async storedBytes(docKey) {
      const result = await pool.query<{ bytes: number }>(STORED_BYTES, [docKey]);
      return result.rows[0]?.bytes ?? 0;
    },

    async history(docKey) {
      const result = await pool.query<HistoryRow>(
        'SELECT seq, author, at, merged_count AS "mergedCount" FROM doc_updates WHERE doc_key = $1 ORDER BY seq',
        [docKey],
      );
      return result.rows;
    },

    async historyPage(docKey, beforeSeq, limit) {
      const result = await pool.query<HistoryUpdate & { data: Buffer }>(HISTORY_PAGE, [
        docKey,
        beforeSeq,
        limit,
      ]);
      return result.rows.map((row) => ({ ...row, data: bytes(row.data) }));
    },

    async updatesBetween(docKey, afterSeq, beforeSeq) {
      const result = await pool.query<{ data: Buffer }>(
        'SELECT data FROM doc_updates WHERE doc_key = $1 AND seq > $2 AND seq < $3 ORDER BY seq',
        [docKey, afterSeq, beforeSeq],
      );
      return result.rows.map((row) => bytes(row.data));
    },

    async latestSeqs(docKeys) {
      const result = await pool.query<{ docKey: string; seq: number }>(
        'SELECT doc_key AS "docKey", seq FROM doc_heads WHERE doc_key = ANY($1::text[])',
        [docKeys],
      );
      const seqs = new Map(docKeys.map((docKey) => [docKey, 0]));
      for (const row of result.rows) seqs.set(row.docKey, row.seq);
      return seqs;
    },

    async close() {
      if (options.ownsPool) await pool.end();
    },
  };
}

/** Anything that runs a query: the pool, or one client inside a transaction. */
export type Queryable = Pick<pg.ClientBase, 'query'>;

/**
 * A document's snapshot (if it covers more than `afterSeq`) and its updates after both, in
 * order, as `load` / `readAfter` give them. On `db`, so a caller inside a transaction (the
 * copy from SQLite, copy-from-sqlite.ts) reads what it has not committed yet.
 */
export async function readPostgresDoc(db: Queryable, docKey: string, afterSeq: number): Promise<StoredDoc> {
  // One statement, one view of the database: the snapshot and the updates after it cannot
  // disagree with each other.
  const result = await db.query<{ seq: number; data: Buffer | null; snapshot: boolean }>(READ_AFTER, [
    docKey,
    afterSeq,
  ]);
  const snapshotRow = result.rows.find((row) => row.snapshot);
  const rows = result.rows.filter((row) => row.data !== null);
  const updates = rows.filter((row) => !row.snapshot);
  return {
    updates: rows.map(({ data }) => bytes(data as Buffer)),
    lastSeq: Math.max(updates.at(-1)?.seq ?? 0, snapshotRow?.seq ?? 0, afterSeq),
    snapshotSeq: snapshotRow?.seq ?? 0,
    sinceSnapshot: updates.length,
  };
}

/** A Buffer's bytes as a plain Uint8Array view (no copy), like better-sqlite3 gives. */
const bytes = (buffer: Buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

const APPEND = `WITH head AS (
    INSERT INTO doc_heads (doc_key, seq) VALUES ($1, 1)
    ON CONFLICT (doc_key) DO UPDATE SET seq = doc_heads.seq + 1 WHERE NOT doc_heads.retired
    RETURNING seq
  )
  INSERT INTO doc_updates (doc_key, seq, author, at, data)
  SELECT $1, seq, $2, $3, $4 FROM head
  RETURNING seq`;

/**
 * The snapshot's row (its data only when it covers more than $2: the caller has the rest), then
 * the updates after both $2 and the snapshot, in order.
 */
const READ_AFTER = `WITH snap AS (SELECT upto_seq, data FROM doc_snapshots WHERE doc_key = $1)
  SELECT upto_seq AS seq, CASE WHEN upto_seq > $2 THEN data END AS data, true AS snapshot, 0 AS ord FROM snap
  UNION ALL
  SELECT u.seq, u.data, false, 1 FROM doc_updates u
  WHERE u.doc_key = $1 AND u.seq > GREATEST($2, COALESCE((SELECT upto_seq FROM snap), 0))
  ORDER BY ord, seq`;

const HISTORY_PAGE = `SELECT seq, author, at, merged_count AS "mergedCount", data FROM doc_updates
  WHERE doc_key = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3`;

const UPSERT_SNAPSHOT = `INSERT INTO doc_snapshots (doc_key, upto_seq, at, data) VALUES ($1, $2, $3, $4)
  ON CONFLICT (doc_key) DO UPDATE SET upto_seq = excluded.upto_seq, at = excluded.at, data = excluded.data`;

const STORED_BYTES = `SELECT
  (SELECT COALESCE(sum(octet_length(data)), 0) FROM doc_updates WHERE doc_key = $1) +
  (SELECT COALESCE(sum(octet_length(data)), 0) FROM doc_snapshots WHERE doc_key = $1) AS bytes`;
