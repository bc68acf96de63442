import type { Db } from './db.ts';
import type { DocLog } from './doc-log.ts';
import { KEEP_HISTORY_BASE, STORED_HISTORY_BASE } from './doc-history.ts';
import type { KeptHistoryBase } from './history-base.ts';
import {
  checkCoalescePlan,
  type AppendedUpdate,
  type DocLogStore,
  type HistoryUpdate,
  type StoredDoc,
} from './doc-log-store.ts';

/**
 * The SQLite doc log (doc-log.ts, unchanged) behind the asynchronous DocLogStore contract.
 * Sequence numbers are its row ids: they only grow, and within one document they are not
 * consecutive (one id counter serves every document), hence `previousSeq`.
 *
 * It must be the only writer of the log it wraps: it remembers each document's newest id after
 * its first append there (reading it once from the database), so appends stay as cheap as the
 * log's own (journalled, committed in batches).
 *
 * A swap without a coalescing plan coalesces the covered rows here, as the log's compaction
 * always has; a plan (the Yjs compactor's) is written instead through the same path the replay
 * worker's merges take (`DocLog.compact` with a `CoalescePlan`).
 */
export function createSqliteDocLogStore(db: Db, log: DocLog): DocLogStore {
  const marksOf = db.prepare(
    'SELECT upto_id AS snapshotSeq, coalesced_upto AS coalescedUpto FROM doc_snapshots WHERE doc_key = ?',
  );
  const rowsOf = db.prepare(
    `SELECT id AS seq, author, device, at, merged_count AS mergedCount, data FROM doc_updates
     WHERE doc_key = ? AND id > ? AND id <= ? ORDER BY id`,
  );
  const newestRowOf = db.prepare('SELECT COALESCE(max(id), 0) AS seq FROM doc_updates WHERE doc_key = ?');
  const rowsAfter = db.prepare('SELECT id, data FROM doc_updates WHERE doc_key = ? AND id > ? ORDER BY id');
  const pageOf = db.prepare(
    `SELECT id AS seq, author, device, at, merged_count AS mergedCount, data FROM doc_updates
     WHERE doc_key = ? AND id < ? ORDER BY id DESC LIMIT ?`,
  );
  const between = db.prepare(
    'SELECT data FROM doc_updates WHERE doc_key = ? AND id > ? AND id < ? ORDER BY id',
  );
  const storedBase = db.prepare(STORED_HISTORY_BASE);
  const keepBase = db.prepare(KEEP_HISTORY_BASE);
  const newest = new Map<string, number>();

  /** What the snapshot covers and how far history is coalesced (0 and 0 without one). */
  const marks = (docKey: string) =>
    (marksOf.get(docKey) as { snapshotSeq: number; coalescedUpto: number } | undefined) ?? {
      snapshotSeq: 0,
      coalescedUpto: 0,
    };
  /**
   * Merging a run deletes its newest rows, so the snapshot may cover an id no row has any more.
   * Committed rows only: callers flush first.
   */
  const storedLatest = (docKey: string) =>
    Math.max((newestRowOf.get(docKey) as { seq: number }).seq, marks(docKey).snapshotSeq);
  const latest = (docKey: string) => {
    const known = newest.get(docKey);
    if (known !== undefined) return known;
    log.flush();
    return storedLatest(docKey);
  };

  const load = (docKey: string): StoredDoc => {
    const loaded = log.load(docKey);
    return {
      updates: loaded.updates,
      lastSeq: loaded.lastId,
      sinceSnapshot: loaded.sinceSnapshot,
      ...marks(docKey),
    };
  };

  return {
    async append(docKey, data, origin): Promise<AppendedUpdate> {
      const previousSeq = latest(docKey);
      const seq = log.append(docKey, data, origin);
      newest.set(docKey, seq);
      return { seq, previousSeq };
    },

    async load(docKey) {
      return load(docKey);
    },

    async readAfter(docKey, afterSeq) {
      log.flush();
      const current = marks(docKey);
      // Rows up to the snapshot may have been merged into their run's first row.
      if (current.snapshotSeq > afterSeq) return load(docKey);
      const rows = rowsAfter.all(docKey, afterSeq) as { id: number; data: Uint8Array }[];
      return {
        updates: rows.map((row) => row.data),
        lastSeq: rows.at(-1)?.id ?? afterSeq,
        sinceSnapshot: rows.length,
        ...current,
      };
    },

    async compareAndSwapSnapshot(docKey, { expectedSeq, uptoSeq, at, state, coalesce }) {
      log.flush();
      const current = marks(docKey);
      if (current.snapshotSeq !== expectedSeq) return false;
      if (coalesce && current.coalescedUpto !== coalesce.fromSeq) return false;
      const head = storedLatest(docKey);
      if (uptoSeq <= expectedSeq || uptoSeq > head) {
        throw new RangeError(`doc log: snapshot up to ${uptoSeq} outside (${expectedSeq}, ${head}]`);
      }
      // Synchronous from the check to the commit: nothing else can swap in between.
      if (coalesce) checkCoalescePlan(coalesce, uptoSeq);
      log.compact(docKey, uptoSeq, at, state, coalesce);
      return true;
    },

    async storedBytes(docKey) {
      return log.storedBytes(docKey);
    },

    async history(docKey) {
      return log
        .history(docKey)
        .map(({ id, author, device, at, mergedCount }) => ({ seq: id, author, device, at, mergedCount }));
    },

    async historyPage(docKey, beforeSeq, limit) {
      log.flush();
      return pageOf.all(docKey, beforeSeq, limit) as HistoryUpdate[];
    },

    async updatesBetween(docKey, afterSeq, beforeSeq) {
      log.flush();
      return (between.all(docKey, afterSeq, beforeSeq) as { data: Uint8Array }[]).map((row) => row.data);
    },

    async rowsBetween(docKey, afterSeq, uptoSeq) {
      log.flush();
      return rowsOf.all(docKey, afterSeq, uptoSeq) as HistoryUpdate[];
    },

    async historyBase(docKey) {
      log.flush();
      return storedBase.get(docKey) as KeptHistoryBase | undefined;
    },

    async keepHistoryBase(docKey, uptoSeq, data) {
      log.flush();
      keepBase.run(uptoSeq, data, docKey, uptoSeq);
    },

    async latestSeqs(docKeys) {
      return new Map(docKeys.map((docKey) => [docKey, latest(docKey)]));
    },

    async close() {},
  };
}
