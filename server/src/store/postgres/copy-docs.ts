import * as Y from 'yjs';
import type { Db } from '../db.ts';
import { createDocLog } from '../doc-log.ts';
import { SchemaMismatch } from './copy-tables.ts';
import { readPostgresDoc, type Queryable } from './doc-log.ts';

interface SourceRow {
  id: number;
  author: string;
  device: string;
  at: number;
  mergedCount: number;
  data: Uint8Array;
}

/** Log rows per INSERT (7 parameters each). */
const ROWS_PER_INSERT = 500;

/** Every document key in the SQLite log, in a stable order. */
export function docKeysOf(source: Db): string[] {
  const rows = source
    .prepare('SELECT doc_key AS key FROM doc_updates UNION SELECT doc_key FROM doc_snapshots ORDER BY 1')
    .all() as { key: string }[];
  return rows.map((row) => row.key);
}

/**
 * Copies each document's log into the PostgreSQL log on `target` (the caller's transaction):
 * its rows in id order become sequence numbers 1, 2, 3… (author, device, time, merged count and bytes
 * kept, so history survives), its snapshot covers the sequence number of the last row its
 * `upto_id` covered (and its coalescing mark likewise), and `doc_heads` holds the newest.
 * Returns how many documents were copied.
 * Throws `SchemaMismatch` for a snapshot that covers no row (it could not be given a sequence
 * number the PostgreSQL log would load).
 */
export async function copyDocs(source: Db, target: Queryable): Promise<number> {
  const rowsOf = source.prepare(
    'SELECT id, author, device, at, merged_count AS mergedCount, data FROM doc_updates WHERE doc_key = ? ORDER BY id',
  );
  const snapshotOf = source.prepare(
    'SELECT upto_id AS uptoId, coalesced_upto AS coalescedUpto, at, data FROM doc_snapshots WHERE doc_key = ?',
  );
  const keys = docKeysOf(source);
  for (const key of keys) {
    const rows = rowsOf.all(key) as SourceRow[];
    const snapshot = snapshotOf.get(key) as
      { uptoId: number; coalescedUpto: number; at: number; data: Uint8Array } | undefined;
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
      const batch = rows.slice(start, start + ROWS_PER_INSERT);
      const tuples = batch.map(
        (_, i) => `($1, ${[2, 3, 4, 5, 6, 7].map((n) => `$${i * 6 + n}`).join(', ')})`,
      );
      const values = batch.flatMap((row, i) => [
        start + i + 1,
        row.author,
        row.device,
        row.at,
        row.mergedCount,
        row.data,
      ]);
      await target.query(
        `INSERT INTO doc_updates (doc_key, seq, author, device, at, merged_count, data) VALUES ${tuples.join(', ')}`,
        [key, ...values],
      );
    }
    if (snapshot) {
      const uptoSeq = rows.filter((row) => row.id <= snapshot.uptoId).length;
      if (uptoSeq === 0) throw new SchemaMismatch(`document ${key}: its snapshot covers no log row`);
      const coalescedUpto = rows.filter((row) => row.id <= snapshot.coalescedUpto).length;
      await target.query(
        'INSERT INTO doc_snapshots (doc_key, upto_seq, at, data, coalesced_upto) VALUES ($1, $2, $3, $4, $5)',
        [key, uptoSeq, snapshot.at, snapshot.data, coalescedUpto],
      );
    }
    await target.query('INSERT INTO doc_heads (doc_key, seq) VALUES ($1, $2)', [key, rows.length]);
  }
  return keys.length;
}

/**
 * Opens every document from both logs, as each engine's server loads it (SQLite: snapshot and
 * the rows after it, `createDocLog().load`; PostgreSQL: `readPostgresDoc` on `target`), and
 * compares the encoded Yjs state. Returns the keys of documents that differ.
 */
export async function differingDocs(source: Db, target: Queryable): Promise<string[]> {
  const log = createDocLog(source);
  const differing: string[] = [];
  for (const key of docKeysOf(source)) {
    const expected = stateOf(log.load(key).updates);
    const actual = stateOf((await readPostgresDoc(target, key, 0)).updates);
    if (!expected || !actual || !Buffer.from(expected).equals(Buffer.from(actual))) differing.push(key);
  }
  return differing;
}

/** The document `updates` build, encoded whole; undefined when they do not load (never "the same"). */
function stateOf(updates: Uint8Array[]): Uint8Array | undefined {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } catch {
    return undefined;
  } finally {
    doc.destroy();
  }
}
