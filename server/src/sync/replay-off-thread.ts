import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { CoalescedRow, CoalescePlan } from '../store/doc-log-store.ts';
import { COALESCE_WINDOW_MS, type MergeInput } from '../store/doc-log.ts';
import { joinRunUpdate, type DeleteRanges } from '../store/run-update.ts';

/**
 * How long a worker may take to replay one document's log (wall ms) before it is stopped and
 * the room reported unloadable. Below the heartbeat's 15 s (heartbeat.ts): the sockets waiting
 * for the room are paused and cannot answer pings meanwhile. The dearest log a server could
 * store before issue 14's caps, two 8,000-item conflict walks, replayed in 11–15 s on the main
 * thread; what today's caps let in replays in well under a second.
 */
export const REPLAY_TIME_LIMIT_MS = 10_000;

/**
 * Old-generation heap of one replay worker (MB): a crafted log that would grow past it stops
 * that worker (the room is reported unloadable), not the server.
 */
const REPLAY_HEAP_MB = 1024;

// Runs inside the worker: replays the rows as compaction merges them (store/coalesce-runs.ts,
// `coalesceRuns`, shared by the SQLite log and the Yjs compactor: keep this copy alike), so the
// one costly replay yields both the document and the merged history. Plain CommonJS evaluated
// from a string, so the same code runs under tsx, in vitest and from the esbuild bundle; it
// loads the CommonJS build of the server's own yjs.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Y = require(workerData.yjs);
const { base, rows, windowMs } = workerData;
const doc = new Y.Doc({ gc: false });
if (base) Y.applyUpdate(doc, base);
const runs = [];
let run = [];
// Each run in one transaction: the same document as one per row, at a fraction of the cost.
let deleted = null;
doc.on('afterTransaction', (transaction) => { deleted = transaction.deleteSet; });
const endRun = () => {
  const before = Y.encodeStateVector(doc);
  doc.transact(() => {
    for (const row of run) Y.applyUpdate(doc, row.data);
  });
  if (run.length > 1) {
    // What the run added (structs), without the whole document's delete set that
    // encodeStateAsUpdate appends; its own deletions follow (store/run-update.ts).
    const diff = Y.encodeStateAsUpdate(doc, before);
    const docDeletes = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)).byteLength - 1;
    runs.push({
      firstSeq: run[0].id,
      at: run[run.length - 1].at,
      // The device all the run's rows share, else '' (store/coalesce-runs.ts, runDevice).
      device: run.every((row) => row.device === run[0].device) ? run[0].device : '',
      mergedCount: run.reduce((sum, row) => sum + row.mergedCount, 0),
      structs: diff.subarray(0, diff.byteLength - docDeletes),
      deleted: { clients: deleted.clients },
      restSeqs: run.slice(1).map((row) => row.id),
    });
  }
  run = [];
};
for (const row of rows) {
  const head = run[0];
  if (head && (head.author !== row.author || row.at - head.at > windowMs)) endRun();
  run.push(row);
}
endRun();
parentPort.postMessage({ state: Y.encodeStateAsUpdate(doc), runs });
`;

/** The worker ran past its time limit and was stopped. */
export class ReplayTimedOut extends Error {
  constructor(readonly limitMs: number) {
    super(`replaying the log took longer than ${limitMs} ms`);
  }
}

/** The replay was stopped by its caller (the room closed meanwhile). */
export class ReplayStopped extends Error {
  constructor() {
    super('replay stopped');
  }
}

export interface Replayed {
  /** The document as one update (`Y.encodeStateAsUpdate`; deleted content included). */
  state: Uint8Array;
  /** The merged history, for `DocLog.compact`. */
  merge: CoalescePlan;
  /** Wall time the worker took (ms, from start to answer). */
  ms: number;
}

export interface Replay {
  /**
   * Resolves once the worker has replayed the rows. Rejects with `ReplayTimedOut`,
   * `ReplayStopped`, or the worker's own error (a malformed update, out of memory).
   */
  done: Promise<Replayed>;
  /** Stops the worker; `done` rejects with `ReplayStopped` unless it has already settled. */
  stop(): void;
}

const yjsPath = createRequire(import.meta.url).resolve('yjs');

/**
 * Replays a document's log (`input`, from `DocLog.mergeInput`: the merged snapshot and the rows
 * after it) on a worker thread of its own, so a log whose replay is costly (a conflict walk
 * stored by an older server) does not hold the main thread, and a second core does the work.
 * One worker per replay: only costly logs come here, and starting one takes tens of
 * milliseconds. The rows are copied to the worker (structured clone); nothing is shared.
 */
export function replayOffThread(input: MergeInput, limitMs: number = REPLAY_TIME_LIMIT_MS): Replay {
  const started = performance.now();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { yjs: yjsPath, base: input.base, rows: input.rows, windowMs: COALESCE_WINDOW_MS },
    resourceLimits: { maxOldGenerationSizeMb: REPLAY_HEAP_MB },
  });
  type Run = Omit<CoalescedRow, 'data'> & { structs: Uint8Array; deleted: DeleteRanges };
  type Answer = { state: Uint8Array; runs: Run[] };
  let settle: ((error: Error | null, answer?: Answer) => void) | undefined;
  const done = new Promise<Replayed>((resolve, reject) => {
    settle = (error, answer) => {
      settle = undefined;
      clearTimeout(timer);
      void worker.terminate();
      if (error) reject(error);
      else
        resolve({
          state: answer!.state,
          merge: {
            fromSeq: input.fromId,
            runs: answer!.runs.map(({ structs, deleted, ...run }) => ({
              ...run,
              data: joinRunUpdate(structs, deleted),
            })),
          },
          ms: performance.now() - started,
        });
    };
  });
  const timer = setTimeout(() => settle?.(new ReplayTimedOut(limitMs)), limitMs);
  worker.once('message', (answer: Answer) => settle?.(null, answer));
  worker.once('error', (error) => settle?.(error));
  worker.once('exit', (code) => settle?.(new Error(`replay worker exited with ${code}`)));
  return { done, stop: () => settle?.(new ReplayStopped()) };
}
