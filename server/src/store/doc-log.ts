import * as Y from 'yjs';
import type { Db } from './db.ts';

export interface LoadedDoc {
  /** The snapshot (if any) followed by every update logged after it, in order. */
  updates: Uint8Array[];
  /** Id of the newest log row reflected in `updates` (0 for a new document). */
  lastId: number;
  /** How many log rows came after the snapshot. */
  sinceSnapshot: number;
}

/** Runs of one author's updates closer together than this are merged into one history entry. */
export const COALESCE_WINDOW_MS = 5 * 60 * 1000;

/**
 * The append-only update log of every Yjs document, with snapshots that make loading fast.
 * Rows keep their author and time; compaction never drops history, it merges runs of small
 * updates by the same author into one row (so "who changed what, roughly when" stays).
 */
export function createDocLog(db: Db) {
  // A new row's id is above every id in the table and above the floor, which every compaction
  // raises to its upto_id: compaction deletes the newest rows of a merged run, and an id at or
  // below a snapshot's upto_id would be skipped on load. (This is what AUTOINCREMENT gave, without
  // writing sqlite_sequence on every commit.)
  const insert = db.prepare(
    `INSERT INTO doc_updates (id, doc_key, author, at, data)
     SELECT max(COALESCE((SELECT max(id) FROM doc_updates), 0), floor.id) + 1, ?, ?, ?, ?
     FROM doc_log_floor AS floor`,
  );
  const raiseFloor = db.prepare('UPDATE doc_log_floor SET id = max(id, ?)');
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
    'SELECT id, author, at, merged_count AS mergedCount, data FROM doc_updates WHERE doc_key = ? AND id > ? AND id <= ? ORDER BY id',
  );
  const updateRow = db.prepare('UPDATE doc_updates SET at = ?, merged_count = ?, data = ? WHERE id = ?');
  const deleteRow = db.prepare('DELETE FROM doc_updates WHERE id = ?');
  const setCoalesced = db.prepare('UPDATE doc_snapshots SET coalesced_upto = ? WHERE doc_key = ?');
  const historyOf = db.prepare(
    'SELECT id, author, at, merged_count AS mergedCount FROM doc_updates WHERE doc_key = ? ORDER BY id',
  );

  interface Row {
    id: number;
    author: string;
    at: number;
    mergedCount: number;
    data: Uint8Array;
  }

  /**
   * Rewrites the rows in (fromId, uptoId] as one row per run of one author's updates (no more
   * than COALESCE_WINDOW_MS apart). Each run is replayed on the document as it was before it
   * (`base`, the snapshot at fromId), and stored as the difference it made: adjacent keystrokes
   * squash into one item, so history costs about what the text itself costs. `gc` is off on
   * the replay document so words deleted later in the run are still in its history.
   */
  const coalesce = (docKey: string, base: Uint8Array | undefined, fromId: number, uptoId: number) => {
    const rows = rowsBetween.all(docKey, fromId, uptoId) as Row[];
    const doc = new Y.Doc({ gc: false });
    if (base) Y.applyUpdate(doc, base);
    let run: Row[] = [];
    let before = Y.encodeStateVector(doc);
    const flush = () => {
      const [first, ...rest] = run;
      if (first && rest.length > 0) {
        const count = run.reduce((sum, row) => sum + row.mergedCount, 0);
        const diff = Y.encodeStateAsUpdate(doc, before);
        updateRow.run(run[run.length - 1]?.at ?? first.at, count, diff, first.id);
        for (const row of rest) deleteRow.run(row.id);
      }
      run = [];
      before = Y.encodeStateVector(doc);
    };
    for (const row of rows) {
      const head = run[0];
      if (head && (head.author !== row.author || row.at - head.at > COALESCE_WINDOW_MS)) flush();
      run.push(row);
      Y.applyUpdate(doc, row.data);
    }
    flush();
    doc.destroy();
    setCoalesced.run(uptoId, docKey);
  };

  return {
    /** Appends one update; returns its row id. Synchronous: when it returns, it is committed. */
    append(docKey: string, author: string, at: number, data: Uint8Array): number {
      const inserted = insert.run(docKey, author, at, data);
      if (inserted.changes !== 1) throw new Error('doc log: the id floor row is missing');
      return Number(inserted.lastInsertRowid);
    },

    load(docKey: string): LoadedDoc {
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
     */
    compact: db.transaction((docKey: string, uptoId: number, at: number, state: Uint8Array) => {
      // The previous snapshot is the document exactly as of the rows already coalesced.
      const previous = snapshotOf.get(docKey) as { coalescedUpto: number; data: Uint8Array } | undefined;
      upsertSnapshot.run(docKey, uptoId, at, state);
      raiseFloor.run(uptoId);
      coalesce(docKey, previous?.data, previous?.coalescedUpto ?? 0, uptoId);
    }),

    /** Who changed a document and when, oldest first (no content). */
    history: (docKey: string) =>
      historyOf.all(docKey) as { id: number; author: string; at: number; mergedCount: number }[],
  };
}
export type DocLog = ReturnType<typeof createDocLog>;
