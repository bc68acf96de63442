import * as Y from 'yjs';
import { SERVER_DEVICE } from './doc-log-store.ts';
import { encodeRunUpdate } from './run-update.ts';

/** Runs of one author's updates closer together than this are merged into one history entry. */
export const COALESCE_WINDOW_MS = 5 * 60 * 1000;

/** A history row as coalescing reads it (how it is numbered is the caller's). */
export interface CoalescableRow {
  author: string;
  device: string;
  /** ms since the epoch. */
  at: number;
  /** How many appended updates the row already stands for. */
  mergedCount: number;
  data: Uint8Array;
}

/**
 * One run of rows merged into one: its first row is rewritten with `at` (the run's last time),
 * `device` (`runDevice`), `count` (the updates it stands for) and `data` (the difference the run
 * made), the `rest` deleted.
 */
export interface CoalescedRun<T> {
  first: T;
  rest: T[];
  at: number;
  device: string;
  count: number;
  data: Uint8Array;
}

/**
 * The device a coalesced run keeps: the one all its rows share, else SERVER_DEVICE (''). Runs
 * are cut by author and time only, so one partner's phone and laptop still merge into one row.
 * The replay worker (sync/replay-off-thread.ts) keeps the device the same way in its own copy.
 */
export function runDevice(rows: readonly { device: string }[]): string {
  const device = rows[0]?.device ?? SERVER_DEVICE;
  return rows.every((row) => row.device === device) ? device : SERVER_DEVICE;
}

/**
 * How history rows coalesce: each run of one author's rows no more than COALESCE_WINDOW_MS
 * after the run's first becomes one row. The rows are replayed, oldest first, on the document
 * as it was before them (`base`; undefined for a new document), and each run is stored as the
 * difference it made: adjacent keystrokes squash into one item, so history costs about what the
 * text itself costs, and each row holds only the deletions its run made (run-update.ts). `gc`
 * is off on the replay document so words deleted later in the run are still in its history.
 *
 * Pure: it returns the runs of two or more rows (one-row runs stay as they are) and writes
 * nothing. Both the SQLite log (doc-log.ts, inside its compaction) and the Yjs compactor over
 * any DocLogStore (yjs-compactor.ts, through `coalesceRunsWithState`) call it; the replay worker
 * (sync/replay-off-thread.ts) merges the same way in its own copy, a string run off the main
 * thread: keep them alike. Throws what Yjs throws on an update it cannot apply.
 */
export function coalesceRuns<T extends CoalescableRow>(
  base: Uint8Array | undefined,
  rows: readonly T[],
): CoalescedRun<T>[] {
  return replayRuns(base, rows, () => undefined).runs;
}

/**
 * `coalesceRuns`, and the document the replay ended with (`base` and every row, squashed as a
 * Y.Doc encodes it, nothing garbage-collected): a snapshot as of the last row.
 */
export function coalesceRunsWithState<T extends CoalescableRow>(
  base: Uint8Array | undefined,
  rows: readonly T[],
): { runs: CoalescedRun<T>[]; state: Uint8Array } {
  const { runs, end } = replayRuns(base, rows, (doc) => Y.encodeStateAsUpdate(doc));
  return { runs, state: end };
}

/** Replays and cuts the runs; `atEnd` reads the replayed document before it is destroyed. */
function replayRuns<T extends CoalescableRow, R>(
  base: Uint8Array | undefined,
  rows: readonly T[],
  atEnd: (doc: Y.Doc) => R,
): { runs: CoalescedRun<T>[]; end: R } {
  const runs: CoalescedRun<T>[] = [];
  const doc = new Y.Doc({ gc: false });
  try {
    if (base) Y.applyUpdate(doc, base);
    let run: T[] = [];
    let before = Y.encodeStateVector(doc);
    let deleted: Y.Transaction['deleteSet'][] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => void deleted.push(transaction.deleteSet));
    const close = () => {
      const [first, ...rest] = run;
      if (first && rest.length > 0) {
        runs.push({
          first,
          rest,
          at: run[run.length - 1]?.at ?? first.at,
          device: runDevice(run),
          count: run.reduce((sum, row) => sum + row.mergedCount, 0),
          data: encodeRunUpdate(doc, before, deleted),
        });
      }
      run = [];
      deleted = [];
      before = Y.encodeStateVector(doc);
    };
    for (const row of rows) {
      const head = run[0];
      if (head && (head.author !== row.author || row.at - head.at > COALESCE_WINDOW_MS)) close();
      run.push(row);
      Y.applyUpdate(doc, row.data);
    }
    close();
    return { runs, end: atEnd(doc) };
  } finally {
    doc.destroy();
  }
}
