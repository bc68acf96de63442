import { metered, type WorkMeter } from '../sync/cpu-time.ts';
import type { Db } from './db.ts';
import type { DocLog } from './doc-log.ts';
import { mergePageBase, usableBase, type KeptHistoryBase } from './history-base.ts';

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

/** The kept base with the document's coalesced mark (history-base.ts); no row without a snapshot. */
export const STORED_HISTORY_BASE = `SELECT history_upto AS uptoId, history_base AS data, coalesced_upto AS coalescedUpto
  FROM doc_snapshots WHERE doc_key = ?`;
/** Parameters: upto, base, doc key, upto again (a base never goes back to an older one). */
export const KEEP_HISTORY_BASE =
  'UPDATE doc_snapshots SET history_upto = ?, history_base = ? WHERE doc_key = ? AND history_upto < ?';

interface Row {
  id: number;
  data: Uint8Array;
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
 *
 * Merging a year of rows for every page cost the first page 100–300 ms here (2,000 rows,
 * tests/bench/history.ts), and an open history page asks again after every edit. So the base
 * of a newest page is kept beside the document's snapshot (`history_base`, all rows up to
 * `history_upto` merged), and a later page merges only the rows since: it is written when a
 * page's base is more than a page of rows past it, and only over rows compaction is done with
 * (up to `coalesced_upto`), since coalescing a run rewrites its rows.
 */
export function createDocHistory(db: Db, log: DocLog) {
  const pageOf = db.prepare(
    `SELECT id, author, at, merged_count AS mergedCount, data FROM doc_updates
     WHERE doc_key = ? AND id < ? ORDER BY id DESC LIMIT ?`,
  );
  const between = db.prepare(
    'SELECT id, data FROM doc_updates WHERE doc_key = ? AND id > ? AND id < ? ORDER BY id',
  );
  const storedBase = db.prepare(STORED_HISTORY_BASE);
  const keepBase = db.prepare(KEEP_HISTORY_BASE);

  /** Every row with an id below `oldestId` merged: from the kept base when it is older. */
  const baseBefore = (docKey: string, oldestId: number, limit: number): Uint8Array => {
    const kept = storedBase.get(docKey) as KeptHistoryBase | undefined;
    const from = usableBase(kept, oldestId);
    const rows = between.all(docKey, from?.uptoId ?? 0, oldestId) as Row[];
    const { base, keep } = mergePageBase(kept, from, rows, limit);
    if (keep) keepBase.run(keep.uptoId, keep.data, docKey, keep.uptoId);
    return base;
  };

  return {
    /**
     * Up to `limit` rows with ids below `beforeId` (all when omitted), newest first. Its
     * main-thread time (reading the rows, merging the base: 100–300 ms for a year) is added to
     * `work`.
     */
    page(docKey: string, beforeId: number | undefined, limit: number, work: WorkMeter = { ms: 0 }) {
      return metered(work, (): HistoryLogPage => {
        log.flush();
        const rows = pageOf.all(docKey, beforeId ?? Number.MAX_SAFE_INTEGER, limit + 1) as HistoryLogRow[];
        const more = rows.length > limit;
        if (more) rows.length = limit;
        const oldest = rows.at(-1);
        if (!oldest || !more) return { rows, base: undefined, next: null };
        return { rows, base: baseBefore(docKey, oldest.id, limit), next: oldest.id };
      });
    },
  };
}
export type DocHistory = ReturnType<typeof createDocHistory>;
