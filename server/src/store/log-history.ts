import * as Y from 'yjs';
import type { HistoryLogPage } from './doc-history.ts';
import type { DocLogStore } from './doc-log-store.ts';

/**
 * What the history route reads pages from: the SQLite log's own reader (doc-history.ts, with
 * its kept base) or `createLogHistory` over a `DocLogStore` (PostgreSQL in shared mode).
 */
export interface HistoryReader {
  /**
   * Up to `limit` rows with ids below `beforeId` (all when omitted), newest first, with the
   * merged rows before them. Throws what the store throws (PostgreSQL unreachable).
   */
  page(docKey: string, beforeId: number | undefined, limit: number): HistoryLogPage | Promise<HistoryLogPage>;
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
 * Unlike doc-history.ts it keeps no base between requests, so an old document's first page
 * merges its whole log each time (see CONTEXT.md, "History").
 */
export function createLogHistory(store: DocLogStore): HistoryReader {
  return {
    async page(docKey, beforeId, limit) {
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
      const older = await store.updatesBetween(docKey, 0, oldest.id);
      return { rows, base: Y.mergeUpdates(older), next: oldest.id };
    },
  };
}
