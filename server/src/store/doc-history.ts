import * as Y from 'yjs';
import type { Db } from './db.ts';
import type { DocLog } from './doc-log.ts';

/** One log row with its update, as history serves it. */
export interface HistoryLogRow {
  id: number;
  author: string;
  /** Epoch ms of the run's last edit. */
  at: number;
  mergedCount: number;
  data: Uint8Array;
}

export interface HistoryLogPage {
  /** Newest first. */
  rows: HistoryLogRow[];
  /** Every row older than the page, merged (Y.mergeUpdates); undefined when there are none. */
  base: Uint8Array | undefined;
  /** The id to page on from (`before`), or null when the page reaches the first row. */
  next: number | null;
}

/**
 * Reads a document's log for history: pages of rows newest first, each page with the merged
 * rows before it, so a client can rebuild every point of the page with Yjs.
 *
 * Replaying rows from the very first is what reproduces the past, never the snapshot (it is
 * only the newest state, and the room's document collects deleted text). Compaction merges a
 * run of one author's rows into the run's first id and deletes none of what they did, so
 * every run's end state is reachable. Merging the base is structural (`Y.mergeUpdates` reads
 * ids and lengths, not words), so this module would work unchanged on encrypted content.
 */
export function createDocHistory(db: Db, log: DocLog) {
  const pageOf = db.prepare(
    `SELECT id, author, at, merged_count AS mergedCount, data FROM doc_updates
     WHERE doc_key = ? AND id < ? ORDER BY id DESC LIMIT ?`,
  );
  const before = db.prepare('SELECT data FROM doc_updates WHERE doc_key = ? AND id < ? ORDER BY id');
  return {
    /** Up to `limit` rows with ids below `beforeId` (all when omitted), newest first. */
    page(docKey: string, beforeId: number | undefined, limit: number): HistoryLogPage {
      log.flush();
      const rows = pageOf.all(docKey, beforeId ?? Number.MAX_SAFE_INTEGER, limit + 1) as HistoryLogRow[];
      const more = rows.length > limit;
      if (more) rows.length = limit;
      const oldest = rows.at(-1);
      if (!oldest || !more) return { rows, base: undefined, next: null };
      const older = (before.all(docKey, oldest.id) as { data: Uint8Array }[]).map((row) => row.data);
      return { rows, base: Y.mergeUpdates(older), next: oldest.id };
    },
  };
}
export type DocHistory = ReturnType<typeof createDocHistory>;
