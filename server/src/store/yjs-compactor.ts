import { mergeUpdatesInRounds } from './merge-updates.ts';
import { coalesceRunsWithState } from './coalesce-runs.ts';
import type { DocLogStore, HistoryUpdate, StoredDoc } from './doc-log-store.ts';

/**
 * The Yjs compactor over any DocLogStore: coalesces the history rows since the last compaction
 * as the SQLite log does (`coalesceRuns`: each run of one author's updates one row) and writes
 * the document the replay ended with as the snapshot (squashed, nothing garbage-collected),
 * both in one compare-and-swap. Safe to run on any instance at any time: updates appended
 * meanwhile stay after the snapshot and are never coalesced, and a compactor that lost the race
 * writes nothing.
 *
 * The replay runs on this thread (as the SQLite log's compaction does), from the document as of
 * the rows coalesced so far: the previous snapshot, when it was written with the last
 * coalescing; otherwise (a snapshot swapped in without a plan) those rows, merged
 * (`coalescingInput`). The rows after the mark are read again with their authors.
 *
 * Resolves true when it wrote a snapshot; false when nothing came after the last one, or another
 * compactor swapped first. `at` is ms since the epoch. Throws what the store throws.
 */
export async function compactWithYjs(store: DocLogStore, docKey: string, at: number): Promise<boolean> {
  const loaded = await store.load(docKey);
  if (loaded.sinceSnapshot === 0) return false;
  const input = await coalescingInput(store, docKey, loaded);
  const { runs, state } = coalesceRunsWithState(input.base, input.rows);
  return store.compareAndSwapSnapshot(docKey, {
    expectedSeq: loaded.snapshotSeq,
    uptoSeq: loaded.lastSeq,
    at,
    state,
    coalesce: {
      fromSeq: input.fromSeq,
      runs: runs.map((run) => ({
        firstSeq: run.first.seq,
        at: run.at,
        device: run.device,
        mergedCount: run.count,
        data: run.data,
        restSeqs: run.rest.map((row) => row.seq),
      })),
    },
  });
}

/** What coalescing a loaded document up to its `lastSeq` replays (see `coalescingInput`). */
export interface CoalescingInput {
  /** The document's `coalescedUpto`: the plan's `fromSeq`. */
  fromSeq: number;
  /** The document as of the rows coalesced so far (undefined: none yet). */
  base: Uint8Array | undefined;
  /** The rows after `fromSeq` up to the loaded `lastSeq`, oldest first. */
  rows: HistoryUpdate[];
}

/**
 * Reads what coalescing `loaded` (from `store.load`) replays: the previous snapshot as the base
 * when it was written with the last coalescing, otherwise the rows up to the mark, merged
 * (`Y.mergeUpdates`: coalesced rows keep every edit of their run, so that is the document as of
 * the mark); then the rows after the mark. Replaying base and rows gives the whole document as
 * of `loaded.lastSeq`. The room's replay worker takes the same input (sync/room.ts). Throws
 * what the store throws.
 */
export async function coalescingInput(
  store: DocLogStore,
  docKey: string,
  loaded: StoredDoc,
): Promise<CoalescingInput> {
  const fromSeq = loaded.coalescedUpto;
  const rows = await store.rowsBetween(docKey, fromSeq, loaded.lastSeq);
  if (fromSeq === 0) return { fromSeq, base: undefined, rows };
  // The snapshot comes first in `updates`.
  if (fromSeq === loaded.snapshotSeq) return { fromSeq, base: loaded.updates[0], rows };
  const upToMark = await store.updatesBetween(docKey, 0, fromSeq + 1);
  return { fromSeq, base: mergeUpdatesInRounds(upToMark), rows };
}
