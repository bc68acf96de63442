import { metered, type WorkMeter } from '../sync/cpu-time.ts';
import type { HistoryLogPage } from './doc-history.ts';
import type { DocLogStore } from './doc-log-store.ts';
import { mergePageBase, usableBase } from './history-base.ts';

/**
 * What the history route reads pages from: the SQLite log's own reader (doc-history.ts, with
 * its kept base) or `createLogHistory` over a `DocLogStore` (PostgreSQL in shared mode).
 */
export interface HistoryReader {
  /**
   * Up to `limit` rows with ids below `beforeId` (all when omitted), newest first, with the
   * merged rows before them. Its main-thread time is added to `work`. Throws what the store
   * throws (PostgreSQL unreachable).
   */
  page(
    docKey: string,
    beforeId: number | undefined,
    limit: number,
    work?: WorkMeter,
  ): HistoryLogPage | Promise<HistoryLogPage>;
}

/**
 * History over the engine-neutral `DocLogStore` contract: rows come from the store as opaque
 * bytes, and the page's base (every row older than the page) is merged here with
 * `Y.mergeUpdates`, never inside the store.
 *
 * The base is merged from the rows, not taken from the snapshot: the snapshot is the newest
 * state only (it covers rows the page shows, and a room's document collects deleted text).
 * This is correct on both engines because coalescing never loses an edit: a merged run keeps
 * every edit it made in its first row (coalesce-runs.ts), and only its other rows are deleted.
 * Like doc-history.ts it keeps the base of a newest page beside the snapshot (history-base.ts),
 * so an open history page does not merge the whole log again after every edit.
 */
export function createLogHistory(store: DocLogStore): HistoryReader {
  return {
    async page(docKey, beforeId, limit, work = { ms: 0 }) {
      const found = await store.historyPage(docKey, beforeId ?? Number.MAX_SAFE_INTEGER, limit + 1);
      const more = found.length > limit;
      const rows = found.slice(0, limit).map(({ seq, author, at, mergedCount, data }) => ({
        id: seq,
        author,
        at,
        mergedCount,
        data,
      }));
      const oldest = rows.at(-1);
      if (!oldest || !more) return { rows, base: undefined, next: null };
      const kept = await store.historyBase(docKey);
      const from = usableBase(kept, oldest.id);
      const older = await store.rowsBetween(docKey, from?.uptoId ?? 0, oldest.id - 1);
      // The merge is the page's main-thread work (the reads wait on PostgreSQL, off this thread).
      const { base, keep } = metered(work, () =>
        mergePageBase(
          kept,
          from,
          older.map((row) => ({ id: row.seq, data: row.data })),
          limit,
        ),
      );
      if (keep) await store.keepHistoryBase(docKey, keep.uptoId, keep.data);
      return { rows, base, next: oldest.id };
    },
  };
}
