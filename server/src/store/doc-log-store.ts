import type { KeptHistoryBase } from './history-base.ts';

/**
 * The document log as an engine-neutral, asynchronous contract: what the sync rooms need from
 * storage once they can run on PostgreSQL as well as SQLite (see store/postgres/CONTEXT.md).
 *
 * Updates are opaque bytes here. Nothing in this contract reads them: merging them (Yjs) is the
 * caller's compactor, so a later mode where the server cannot read what it stores fits as is.
 *
 * Sequence numbers are per document. Each append says which sequence number came before it in
 * the same document (`previousSeq`), so whoever follows a document (another instance, through
 * the room bus) sees a gap when what it receives does not continue what it has. On PostgreSQL
 * they are dense (1, 2, 3, …); on SQLite they are the log's row ids, which only grow. Coalescing
 * history (below) deletes rows a snapshot covers, so under the snapshot rows may have holes;
 * appends never do, and readers past the snapshot see every row.
 *
 * History is coalesced by compare-and-swap too: a snapshot swap may carry a `CoalescePlan`, the
 * rows the compactor worked out (runs rewritten as opaque bytes it made, the rest deleted),
 * which the store writes without reading them. `StoredDoc.coalescedUpto` says how far that has
 * reached.
 */
export interface DocLogStore {
  /**
   * Stores one update. Resolves once it is durable (committed): only then may it be shared.
   * Concurrent appends to one document get distinct sequence numbers, each chained to the one
   * before it. Rejects with DocumentRetired, storing nothing, when the document was retired
   * (its owner left the space: see store/departures.ts).
   */
  append(docKey: string, data: Uint8Array, origin: UpdateOrigin): Promise<AppendedUpdate>;
  /** The document as stored: its snapshot (if any) and every update after it. */
  load(docKey: string): Promise<StoredDoc>;
  /**
   * What someone who has every update up to `afterSeq` lacks: the updates after it, or the
   * snapshot and the updates after that when a snapshot already covers more than `afterSeq`
   * (updates are idempotent, so what they already had is harmless).
   */
  readAfter(docKey: string, afterSeq: number): Promise<StoredDoc>;
  /**
   * Records `state` as the document up to `uptoSeq`, only if the document's snapshot still
   * covers `expectedSeq` (0: no snapshot yet), the `snapshotSeq` the caller loaded. Resolves
   * false when someone else replaced it meanwhile, or the document was retired (nothing is
   * written). Updates appended after
   * `uptoSeq` are kept whatever happens. Throws a RangeError when `uptoSeq` is not in
   * (expectedSeq, latest], or a plan names a row outside (plan.fromSeq, uptoSeq].
   *
   * With `coalesce`, the plan is written in the same transaction and the coalesced mark raised
   * to `uptoSeq`, and the whole swap is refused (false) unless the mark is still the plan's
   * `fromSeq`. Without it, the PostgreSQL log keeps the covered rows as they are; the SQLite log
   * coalesces them itself, as its own compaction always has (doc-log.ts).
   */
  compareAndSwapSnapshot(docKey: string, swap: SnapshotSwap): Promise<boolean>;
  /** Bytes the document holds (updates and snapshot), what its storage quota counts. */
  storedBytes(docKey: string): Promise<number>;
  /** Who changed the document and when, oldest first, without content. */
  history(docKey: string): Promise<HistoryRow[]>;
  /**
   * Up to `limit` rows with a sequence number below `beforeSeq`, newest first, each with its
   * update: a page of history. Rows are as stored (a merged run is one row).
   */
  historyPage(docKey: string, beforeSeq: number, limit: number): Promise<HistoryUpdate[]>;
  /**
   * The updates of the rows with `afterSeq < seq < beforeSeq`, oldest first: what a history
   * page's base merges. Never the snapshot: it is only the newest state.
   */
  updatesBetween(docKey: string, afterSeq: number, beforeSeq: number): Promise<Uint8Array[]>;
  /**
   * The rows with `afterSeq < seq <= uptoSeq`, oldest first, each with its update: what a
   * compactor coalesces (from the document's `coalescedUpto` to the snapshot it is writing).
   */
  rowsBetween(docKey: string, afterSeq: number, uptoSeq: number): Promise<HistoryUpdate[]>;
  /**
   * The history reader's kept base (history-base.ts: opaque bytes, every row up to `uptoId`
   * merged) with the document's `coalescedUpto`; undefined when the document has no snapshot.
   */
  historyBase(docKey: string): Promise<KeptHistoryBase | undefined>;
  /**
   * Keeps `data` as the history base up to `uptoSeq`, unless one as new or newer is kept or the
   * document has no snapshot (then nothing is written). The caller only passes rows the
   * compactor is done with (up to `coalescedUpto`).
   */
  keepHistoryBase(docKey: string, uptoSeq: number, data: Uint8Array): Promise<void>;
  /** The newest sequence number of each document given (0 for one with nothing stored). */
  latestSeqs(docKeys: readonly string[]): Promise<Map<string, number>>;
  /** Releases what the store opened itself (not a database handed to it). */
  close(): Promise<void>;
}

/**
 * The document was retired: its rows were deleted with a departure, and no late writer (a room
 * still open on another instance, an edit in flight) may store anything in it again until its
 * owner rejoins. Only the PostgreSQL log retires documents: one SQLite instance closes its rooms
 * before the departure's transaction, in the same process.
 */
export class DocumentRetired extends Error {
  constructor(readonly docKey: string) {
    super(`document ${docKey} was retired: its owner left the space`);
  }
}

/**
 * Where an update came from, stored with it: who wrote it, from which device, and when. The
 * device is opaque here (sync/device-id.ts makes it for a connection); it is for operators and a
 * later end-to-end mode, never shown to the partner: history views carry author and time only.
 */
export interface UpdateOrigin {
  author: string;
  /** An opaque, stable id of the writing session's device; SERVER_DEVICE for the server's own. */
  device: string;
  /** ms since the epoch. */
  at: number;
}

/**
 * The device of updates the server writes itself (imports, seeds, restores), of rows stored
 * before devices were recorded, and of a coalesced run whose rows came from different devices.
 */
export const SERVER_DEVICE = '';

export interface AppendedUpdate {
  /** This update's sequence number in its document. */
  seq: number;
  /** The sequence number of the document's update before it (0 for its first). */
  previousSeq: number;
}

export interface StoredDoc {
  /** The snapshot (if any) followed by every update stored after it, in order. */
  updates: Uint8Array[];
  /** The newest sequence number reflected in `updates` (0 for a new document). */
  lastSeq: number;
  /** The sequence number the snapshot covers (0 without one): the next swap's `expectedSeq`. */
  snapshotSeq: number;
  /** How many updates came after the snapshot. */
  sinceSnapshot: number;
  /**
   * History rows up to this sequence number are coalesced (0: none yet); the next plan's
   * `fromSeq`. Never past `snapshotSeq`; equal to it after a swap that coalesced.
   */
  coalescedUpto: number;
}

export interface SnapshotSwap {
  expectedSeq: number;
  uptoSeq: number;
  /** When the snapshot was taken, ms since the epoch. */
  at: number;
  state: Uint8Array;
  /** History coalescing written with the snapshot (see `compareAndSwapSnapshot`). */
  coalesce?: CoalescePlan;
}

/**
 * History coalescing a compactor worked out for the rows in (fromSeq, the swap's uptoSeq]:
 * each run's first row rewritten, its other rows deleted. Rows not named stay as they are.
 */
export interface CoalescePlan {
  /** The document's `coalescedUpto` the plan was worked out from. */
  fromSeq: number;
  runs: CoalescedRow[];
}

/**
 * Throws a RangeError when `plan` names a row outside (fromSeq, uptoSeq]: what every store
 * checks before writing one, so a row appended after the snapshot is never touched.
 */
export function checkCoalescePlan(plan: CoalescePlan, uptoSeq: number): void {
  for (const run of plan.runs) {
    for (const seq of [run.firstSeq, ...run.restSeqs]) {
      if (seq <= plan.fromSeq || seq > uptoSeq) {
        throw new RangeError(`doc log: coalesced row ${seq} outside (${plan.fromSeq}, ${uptoSeq}]`);
      }
    }
  }
}

/**
 * One run of rows as one: `firstSeq` gets `at`, `device`, `mergedCount` and `data`; `restSeqs`
 * go. The author needs no rewriting: a run is one author's (coalesce-runs.ts).
 */
export interface CoalescedRow {
  firstSeq: number;
  at: number;
  /** The device every row of the run shares, else SERVER_DEVICE (`runDevice`). */
  device: string;
  mergedCount: number;
  data: Uint8Array;
  restSeqs: number[];
}

export interface HistoryRow {
  seq: number;
  author: string;
  /** The writing device (`UpdateOrigin.device`): for the store and operators, never the partner. */
  device: string;
  /** ms since the epoch. */
  at: number;
  /** How many appended updates this row stands for (compaction may merge a run of them). */
  mergedCount: number;
}

/** A history row with its update (opaque bytes). */
export interface HistoryUpdate extends HistoryRow {
  data: Uint8Array;
}
