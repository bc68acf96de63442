import { mergeUpdatesInRounds } from './merge-updates.ts';

/**
 * A history page's base, kept between requests beside the document's snapshot
 * (`doc_snapshots.history_upto` / `history_base` on both engines): every row up to `uptoId`
 * merged. Read with the document's `coalescedUpto`, since only rows compaction is done with
 * may go into it (coalescing a run rewrites its rows; rows it is done with never change again).
 */
export interface KeptHistoryBase {
  uptoId: number;
  /** Null until a base was first kept. */
  data: Uint8Array | null;
  coalescedUpto: number;
}

interface BaseRow {
  id: number;
  data: Uint8Array;
}

/**
 * The part of `kept` a page whose oldest row is `oldestId` can start from, or undefined (no
 * base kept yet, or it reaches into the page). The caller then reads the rows after its
 * `uptoId` (0 without one) and before `oldestId`, and merges with `mergePageBase`.
 */
export function usableBase(
  kept: KeptHistoryBase | undefined,
  oldestId: number,
): { uptoId: number; data: Uint8Array } | undefined {
  return kept?.data && kept.uptoId < oldestId ? { uptoId: kept.uptoId, data: kept.data } : undefined;
}

/**
 * Every row before the page merged (`Y.mergeUpdates` in rounds, merge-updates.ts; structural:
 * it reads ids and lengths, not words): `from` (the usable kept base) followed by `rows` (oldest first). When more than
 * `limit` (a page) of those rows are settled (up to `kept.coalescedUpto`) and past the kept
 * base, also returns `keep`: the newer base to store, so that the next request merges less.
 * Merging a year of rows cost a page 100–300 ms (tests/bench/history.ts), and an open history
 * page asks again after every edit.
 */
export function mergePageBase(
  kept: KeptHistoryBase | undefined,
  from: { uptoId: number; data: Uint8Array } | undefined,
  rows: readonly BaseRow[],
  limit: number,
): { base: Uint8Array; keep?: { uptoId: number; data: Uint8Array } } {
  const start = from ? [from.data] : [];
  const settled = rows.filter((row) => row.id <= (kept?.coalescedUpto ?? 0));
  if (kept && settled.length > limit && kept.uptoId < settled.at(-1)!.id) {
    const keep = {
      uptoId: settled.at(-1)!.id,
      data: mergeUpdatesInRounds([...start, ...settled.map((row) => row.data)]),
    };
    const rest = rows.slice(settled.length);
    const base =
      rest.length === 0 ? keep.data : mergeUpdatesInRounds([keep.data, ...rest.map((row) => row.data)]);
    return { base, keep };
  }
  return { base: mergeUpdatesInRounds([...start, ...rows.map((row) => row.data)]) };
}
