import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './db.ts';

// Runs inside the worker: its own connection, so copying the write-ahead log back into the
// database never happens on the thread that commits and relays edits.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 1000');
parentPort.on('message', (message) => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
  if (message !== 'stop') return;
  db.close();
  parentPort.postMessage('closed');
});
`;

export interface CheckpointerOptions {
  /** How often the WAL file is looked at, and checkpointed when it changed, in ms. */
  intervalMs?: number;
  /** The worker ends after the WAL has not changed for this long, in ms (the next write starts another). */
  idleStopMs?: number;
}

export interface Checkpointer {
  /** Whether the worker thread is alive now (tests; it comes and goes with writes). */
  readonly running: boolean;
  /** Runs a last checkpoint if the worker is alive, and ends it. Never rejects. */
  stop(): Promise<void>;
}

/**
 * Checkpoints the WAL of `db` (at `path`) from a worker thread, each `intervalMs` in which the
 * WAL file changed. The main connection turns SQLite's automatic checkpoint off: left on, every
 * few hundred commits one of them stalls for milliseconds while it copies pages (and syncs the
 * file), and the partner waits for that edit. A PASSIVE checkpoint never blocks a writer.
 *
 * The worker is an isolate of its own, about 9 MiB of an idle instance's 80 (issue 19), so it
 * runs only while there is something to copy: it starts at the first change to the WAL (its
 * size or modification time, read with one `stat` per interval) and ends once the WAL has been
 * still for `idleStopMs`. What was written before the start is checkpointed here, on the
 * caller's thread, while nothing waits on it yet.
 */
export function startCheckpointer(db: Db, path: string, options: CheckpointerOptions = {}): Checkpointer {
  const { intervalMs = 1000, idleStopMs = 30_000 } = options;
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  db.pragma('wal_checkpoint(PASSIVE)');

  let worker: Worker | null = null;
  // Read now, not in the background: a write made right after the start (before an
  // asynchronous stat came back) would otherwise be taken for the starting state, and its
  // WAL left uncopied until some later write.
  let lastSeen = signatureNow(path);
  let lastChangeAt = performance.now();
  let looking = false;
  let stopped = false;

  const walSignature = () => stat(`${path}-wal`, { bigint: true }).then(signatureOf, () => ABSENT);

  function endWorker(): Promise<void> {
    const ending = worker;
    worker = null;
    if (!ending) return Promise.resolve();
    return new Promise((resolve) => {
      ending.once('message', () => void ending.terminate().then(() => resolve()));
      ending.once('error', () => resolve());
      ending.once('exit', () => resolve());
      ending.postMessage('stop');
    });
  }

  async function look() {
    if (looking || stopped) return;
    looking = true;
    try {
      const seen = await walSignature();
      if (stopped) return;
      if (seen !== lastSeen) {
        lastSeen = seen;
        lastChangeAt = performance.now();
        worker ??= new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver } });
        worker.unref();
        worker.postMessage('checkpoint');
      } else if (worker && performance.now() - lastChangeAt >= idleStopMs) {
        await endWorker();
      }
    } finally {
      looking = false;
    }
  }

  const timer = setInterval(() => void look(), intervalMs);
  timer.unref();

  return {
    get running() {
      return worker !== null;
    },
    stop() {
      stopped = true;
      clearInterval(timer);
      return endWorker();
    },
  };
}

const ABSENT = 'absent';

/** What tells one state of the WAL file from the next: its size and modification time. */
function signatureOf(s: { size: bigint; mtimeNs: bigint }): string {
  return `${s.size}:${s.mtimeNs}`;
}

function signatureNow(path: string): string {
  const s = statSync(`${path}-wal`, { bigint: true, throwIfNoEntry: false });
  return s ? signatureOf(s) : ABSENT;
}
