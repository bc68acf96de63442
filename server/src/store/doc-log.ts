import { coalesceRuns } from './coalesce-runs.ts';
import type { Db } from './db.ts';
import type { CoalescePlan, UpdateOrigin } from './doc-log-store.ts';
import type { EditJournal, JournalEntry } from './edit-journal.ts';

export { COALESCE_WINDOW_MS } from './coalesce-runs.ts';

export interface LoadedDoc {
  /** The snapshot (if any) followed by every update logged after it, in order. */
  updates: Uint8Array[];
  /** Id of the newest log row reflected in `updates` (0 for a new document). */
  lastId: number;
  /** How many log rows came after the snapshot. */
  sinceSnapshot: number;
}

/** One log row as compaction merges it. */
export interface HistoryRow {
  id: number;
  author: string;
  device: string;
  at: number;
  mergedCount: number;
  data: Uint8Array;
}

/**
 * What merging the history up to some row needs (`DocLog.mergeInput`): the snapshot as of the
 * rows already merged (`base`, none for a new document) and the rows after it, oldest first.
 */
export interface MergeInput {
  /** Rows up to this id are already merged. */
  fromId: number;
  base: Uint8Array | undefined;
  rows: HistoryRow[];
}

/**
 * Journalled edits wait at most this long before they start going into the database. They are
 * already safe in the journal; the wait is what makes committing them cheap. A commit writes
 * every page it touched to the WAL (and the checkpointer copies each again), and edits to
 * different documents touch different index pages: every 50 ms, 20 edits meant some 20 pages,
 * about 35 µs of CPU per edit. Over a second, edits to one document share their pages.
 */
export const BATCH_MS = 1000;
/** With this many waiting, they start at the next turn of the event loop instead. */
const BATCH_MAX = 4096;
/**
 * In the background, edits go into the database this many to a transaction, one transaction a
 * turn of the event loop: enough to share a commit's cost, few enough that an edit arriving
 * meanwhile waits a millisecond or two, not the whole batch.
 */
export const CHUNK = 256;
/** Once everything in it is committed, a journal larger than this is emptied. */
const JOURNAL_CLEAR_BYTES = 4 * 1024 * 1024;

export interface DocLogOptions {
  /**
   * Where each edit is written first (see edit-journal.ts); the database then takes edits in
   * batches. Without a journal every append is its own committed transaction.
   */
  journal?: EditJournal;
  /** Told when a batch could not be committed (it stays in the journal and is tried again). */
  onBatchError?: (error: unknown) => void;
  /** How long journalled edits wait for the database (BATCH_MS; tests wait less). */
  batchMs?: number;
}

/**
 * The append-only update log of every Yjs document, with snapshots that make loading fast.
 * Rows keep their author, device and time; compaction never drops history, it merges runs of small
 * updates by the same author into one row (so "who changed what, roughly when" stays).
 *
 * One log per database: it hands out row ids itself. A new id is above every id in the table
 * and above the floor (`doc_log_floor`), which compaction raises to its upto_id (compaction
 * deletes the newest rows of a merged run, and an id at or below a snapshot's upto_id would be
 * skipped on load) and every journalled batch raises to its newest id (so after a crash, the
 * journal's entries above the floor are exactly the ones the database does not have).
 */
export function createDocLog(db: Db, options: DocLogOptions = {}) {
  const { journal, batchMs = BATCH_MS } = options;
  const insert = db.prepare(INSERT_ROW);
  const newestId = db.prepare('SELECT COALESCE(max(id), 0) AS id FROM doc_updates');
  const raiseFloor = db.prepare(RAISE_FLOOR);
  const snapshotOf = db.prepare(
    'SELECT upto_id AS uptoId, coalesced_upto AS coalescedUpto, data FROM doc_snapshots WHERE doc_key = ?',
  );
  const updatesAfter = db.prepare(
    'SELECT id, data FROM doc_updates WHERE doc_key = ? AND id > ? ORDER BY id',
  );
  const upsertSnapshot = db.prepare(
    `INSERT INTO doc_snapshots (doc_key, upto_id, at, data) VALUES (?, ?, ?, ?)
     ON CONFLICT (doc_key) DO UPDATE SET upto_id = excluded.upto_id, at = excluded.at, data = excluded.data`,
  );
  const rowsBetween = db.prepare(
    'SELECT id, author, device, at, merged_count AS mergedCount, data FROM doc_updates WHERE doc_key = ? AND id > ? AND id <= ? ORDER BY id',
  );
  const updateRow = db.prepare(
    'UPDATE doc_updates SET at = ?, device = ?, merged_count = ?, data = ? WHERE id = ?',
  );
  const deleteRow = db.prepare('DELETE FROM doc_updates WHERE id = ?');
  const setCoalesced = db.prepare('UPDATE doc_snapshots SET coalesced_upto = ? WHERE doc_key = ?');
  const storedBytesOf = db.prepare(STORED_BYTES);
  const historyOf = db.prepare(
    'SELECT id, author, device, at, merged_count AS mergedCount FROM doc_updates WHERE doc_key = ? ORDER BY id',
  );

  const commitBatch = createJournalCommit(db);

  // Edits a crash left in the journal and not in the database go in before anything else.
  if (journal) {
    const left = journal.read();
    if (left.length > 0) commitBatch(left);
    journal.clear();
  }
  let lastId = Math.max((newestId.get() as { id: number }).id, readFloor(db.prepare(FLOOR)));

  /** Journalled edits not yet committed to the database, oldest first. */
  const pending: JournalEntry[] = [];
  let batchTimer: NodeJS.Timeout | undefined;
  let batchSoon: NodeJS.Immediate | undefined;

  /** Commits the oldest `count` waiting edits; once none wait, empties a large journal. */
  const commitPending = (count: number) => {
    const batch = pending.slice(0, count);
    commitBatch(batch);
    pending.splice(0, batch.length);
    if (pending.length === 0 && journal && journal.size > JOURNAL_CLEAR_BYTES) journal.clear();
  };

  /**
   * Commits every journalled edit to the database. Everything that reads or deletes log rows
   * calls this first, outside any transaction of its own: were a batch part of a transaction
   * that rolled back, the journal could be emptied of edits the database never got.
   */
  const flush = () => {
    clearTimeout(batchTimer);
    batchTimer = undefined;
    if (batchSoon) clearImmediate(batchSoon);
    batchSoon = undefined;
    if (!journal) return;
    // Always, not only when edits are waiting, so a misplaced call fails every time.
    if (db.inTransaction) throw new Error('doc log: flush inside a transaction');
    commitPending(pending.length);
  };
  /** Commits the oldest waiting edits, and schedules the rest for the next turn. */
  const flushInBackground = () => {
    batchTimer = undefined;
    batchSoon = undefined;
    try {
      commitPending(CHUNK);
    } catch (error) {
      // The edits are safe in the journal; the next append or read tries again.
      options.onBatchError?.(error);
      return;
    }
    if (pending.length > 0) batchSoon = setImmediate(flushInBackground);
  };

  type Row = HistoryRow;

  /**
   * Rewrites the rows in (fromId, uptoId] as one row per run of one author's updates, replayed
   * on the document as it was before them (`base`, the snapshot at fromId): see coalesceRuns
   * (coalesce-runs.ts), which the Yjs compactor over other stores shares.
   */
  const coalesce = (docKey: string, base: Uint8Array | undefined, fromId: number, uptoId: number) => {
    const rows = rowsBetween.all(docKey, fromId, uptoId) as Row[];
    for (const run of coalesceRuns(base, rows)) {
      updateRow.run(run.at, run.device, run.count, run.data, run.first.id);
      for (const row of run.rest) deleteRow.run(row.id);
    }
    setCoalesced.run(uptoId, docKey);
  };

  /**
   * Writes a merge worked out elsewhere (the replay worker, the Yjs compactor), if it was worked
   * out from what is merged now. Its sequence numbers are this log's row ids.
   */
  const applyPlan = (docKey: string, plan: CoalescePlan, coalescedUpto: number, uptoId: number) => {
    if (plan.fromSeq === coalescedUpto) {
      for (const run of plan.runs) {
        updateRow.run(run.at, run.device, run.mergedCount, run.data, run.firstSeq);
        for (const id of run.restSeqs) deleteRow.run(id);
      }
    }
    // Otherwise the rows stay as they are: history loses its merging, never an edit.
    setCoalesced.run(uptoId, docKey);
  };

  const compactCommitted = db.transaction(
    (docKey: string, uptoId: number, at: number, state: Uint8Array, merge: CoalescePlan | undefined) => {
      // The previous snapshot is the document exactly as of the rows already coalesced.
      const previous = snapshotOf.get(docKey) as { coalescedUpto: number; data: Uint8Array } | undefined;
      upsertSnapshot.run(docKey, uptoId, at, state);
      raiseFloor.run(uptoId);
      const coalescedUpto = previous?.coalescedUpto ?? 0;
      if (merge) applyPlan(docKey, merge, coalescedUpto, uptoId);
      else coalesce(docKey, previous?.data, coalescedUpto, uptoId);
    },
  );

  return {
    /**
     * Appends one update; returns its row id. Synchronous: when it returns, the update survives
     * a crash (committed, or written to the journal and committed with the next batch).
     */
    append(docKey: string, data: Uint8Array, { author, device, at }: UpdateOrigin): number {
      const id = lastId + 1;
      if (!journal) {
        insert.run(id, docKey, author, device, at, data);
        return (lastId = id);
      }
      const entry = { id, docKey, author, device, at, data };
      journal.append(entry);
      lastId = id;
      pending.push(entry);
      if (batchSoon) return id;
      if (pending.length >= BATCH_MAX) {
        clearTimeout(batchTimer);
        batchTimer = undefined;
        batchSoon = setImmediate(flushInBackground);
      } else {
        batchTimer ??= setTimeout(flushInBackground, batchMs);
      }
      return id;
    },

    flush,

    /** Commits what is journalled and empties the journal: on shutdown, before the database closes. */
    close() {
      flush();
      journal?.clear();
      journal?.close();
    },

    load(docKey: string): LoadedDoc {
      flush();
      const snapshot = snapshotOf.get(docKey) as { uptoId: number; data: Uint8Array } | undefined;
      const after = updatesAfter.all(docKey, snapshot?.uptoId ?? 0) as { id: number; data: Uint8Array }[];
      const updates = after.map((row) => row.data);
      if (snapshot) updates.unshift(snapshot.data);
      return {
        updates,
        lastId: after.at(-1)?.id ?? snapshot?.uptoId ?? 0,
        sinceSnapshot: after.length,
      };
    },

    /**
     * Records `state` as the document at log row `uptoId`, then merges the history rows the
     * snapshot now covers. Loading reads only the snapshot and the rows after it.
     *
     * Merging replays those rows on this thread. For rows too costly to replay here (a
     * conflict walk, issue 14), `merge` is the merge a worker worked out from `mergeInput`,
     * written only if nothing was merged since (otherwise the rows are kept as they are, but
     * count as merged, so no later compaction replays them).
     */
    compact(docKey: string, uptoId: number, at: number, state: Uint8Array, merge?: CoalescePlan) {
      flush();
      compactCommitted(docKey, uptoId, at, state, merge);
    },

    /** What merging the history up to row `uptoId` starts from (see `MergeInput`). */
    mergeInput(docKey: string, uptoId: number): MergeInput {
      flush();
      const previous = snapshotOf.get(docKey) as { coalescedUpto: number; data: Uint8Array } | undefined;
      const fromId = previous?.coalescedUpto ?? 0;
      return { fromId, base: previous?.data, rows: rowsBetween.all(docKey, fromId, uptoId) as Row[] };
    },

    /**
     * Bytes a document holds in the database (its log rows, snapshot and history base), what its storage
     * quota counts. Committed rows only: callers count what they append themselves.
     */
    storedBytes(docKey: string): number {
      flush();
      return (storedBytesOf.get(docKey, docKey) as { bytes: number }).bytes;
    },

    /** Who changed a document and when, oldest first (no content). */
    history(docKey: string) {
      flush();
      return historyOf.all(docKey) as Omit<HistoryRow, 'data'>[];
    },
  };
}
export type DocLog = ReturnType<typeof createDocLog>;

const STORED_BYTES = `SELECT
  (SELECT COALESCE(sum(length(data)), 0) FROM doc_updates WHERE doc_key = ?) +
  (SELECT COALESCE(sum(length(data) + COALESCE(length(history_base), 0)), 0)
   FROM doc_snapshots WHERE doc_key = ?) AS bytes`;
const INSERT_ROW =
  'INSERT INTO doc_updates (id, doc_key, author, device, at, data) VALUES (?, ?, ?, ?, ?, ?)';
const FLOOR = 'SELECT id FROM doc_log_floor';
const RAISE_FLOOR = 'UPDATE doc_log_floor SET id = max(id, ?)';
const readFloor = (statement: { get(): unknown }) => (statement.get() as { id: number } | undefined)?.id ?? 0;

/**
 * A transaction that commits journalled edits the database does not have yet: those above the
 * floor, in order. It raises the floor to the newest, so committing the same entries again
 * (after a crash, or into a backup) adds nothing twice.
 */
export function createJournalCommit(db: Db): (entries: JournalEntry[]) => void {
  const insert = db.prepare(INSERT_ROW);
  const floorOf = db.prepare(FLOOR);
  const raiseFloor = db.prepare(RAISE_FLOOR);
  return db.transaction((entries: JournalEntry[]) => {
    const floor = readFloor(floorOf);
    for (const entry of entries) {
      if (entry.id > floor)
        insert.run(entry.id, entry.docKey, entry.author, entry.device, entry.at, entry.data);
    }
    const raised = raiseFloor.run(entries[entries.length - 1]?.id ?? 0);
    // Without its one row the floor would stay at nothing, and every restart would commit
    // the journal again.
    if (raised.changes !== 1) throw new Error('doc log: the id floor row is missing');
  });
}
