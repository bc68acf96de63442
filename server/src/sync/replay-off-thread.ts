import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

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

// Runs inside the worker: the same replay as Room's load (one transaction over the snapshot and
// the rows after it), answering with the document as one update. Plain CommonJS evaluated from
// a string, so the same code runs under tsx, in vitest and from the esbuild bundle; it loads
// the CommonJS build of the server's own yjs.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Y = require(workerData.yjs);
const doc = new Y.Doc();
doc.transact(() => {
  for (const update of workerData.updates) Y.applyUpdate(doc, update);
});
parentPort.postMessage(Y.encodeStateAsUpdate(doc));
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

export interface Replay {
  /**
   * Resolves with the replayed document as one update (what `Y.encodeStateAsUpdate` gives) and
   * the wall time the worker took (ms, from start to answer). Rejects with `ReplayTimedOut`,
   * `ReplayStopped`, or the worker's own error (a malformed update, out of memory).
   */
  done: Promise<{ state: Uint8Array; ms: number }>;
  /** Stops the worker; `done` rejects with `ReplayStopped` unless it has already settled. */
  stop(): void;
}

const yjsPath = createRequire(import.meta.url).resolve('yjs');

/**
 * Replays `updates` (a snapshot and the log rows after it, in order) into one Y.Doc on a worker
 * thread of its own, so a log whose replay is costly (a conflict walk stored by an older
 * server) does not hold the main thread, and a second core does the work. One worker per
 * replay: only costly logs come here, and starting one takes tens of milliseconds. The updates
 * are copied to the worker (structured clone); nothing is shared.
 */
export function replayOffThread(updates: Uint8Array[], limitMs: number = REPLAY_TIME_LIMIT_MS): Replay {
  const started = performance.now();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { yjs: yjsPath, updates },
    resourceLimits: { maxOldGenerationSizeMb: REPLAY_HEAP_MB },
  });
  let settle: ((error: Error | null, state?: Uint8Array) => void) | undefined;
  const done = new Promise<{ state: Uint8Array; ms: number }>((resolve, reject) => {
    settle = (error, state) => {
      settle = undefined;
      clearTimeout(timer);
      void worker.terminate();
      if (error) reject(error);
      else resolve({ state: state!, ms: performance.now() - started });
    };
  });
  const timer = setTimeout(() => settle?.(new ReplayTimedOut(limitMs)), limitMs);
  worker.once('message', (state: Uint8Array) => settle?.(null, state));
  worker.once('error', (error) => settle?.(error));
  worker.once('exit', (code) => settle?.(new Error(`replay worker exited with ${code}`)));
  return { done, stop: () => settle?.(new ReplayStopped()) };
}
